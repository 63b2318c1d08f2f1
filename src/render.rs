//! SPEC 5: the canonical layout.
//!
//! ```text
//! [KICKER] HEADLINE
//!
//! By BYLINE Posted : February 28, 2019, 16:19 Updated : February 28, 2019, 16:19
//!
//! [CREDIT]
//!
//! PLACE, REGION, DATE (AGENCY) -- first paragraph
//!
//! next paragraph
//!
//! BOILERPLATE
//! ```
//!
//! Where it departs from SPEC's template, and why, is documented on the
//! `Display` implementation for [`Article`].

use std::fmt::{self, Display, Write};

use crate::parse::{self, MAX_CREDIT, MAX_DATELINE};
use crate::{Article, Dateline, ParseOptions, Timestamp};

/// Writes a timestamp as `February 28, 2019, 16:19` (`:05` seconds when not
/// zero) and ` +09:00` when the offset is known.
pub(crate) fn write_timestamp(f: &mut impl Write, t: &Timestamp) -> fmt::Result {
    write!(f, "{}", t.date.format("%B %-d, %Y"))?;
    if let Some(time) = t.time {
        write!(f, ", {}", time.format("%H:%M"))?;
        if chrono::Timelike::second(&time) != 0 {
            write!(f, "{}", time.format(":%S"))?;
        }
        if let Some(offset) = t.offset {
            write!(f, " {offset}")?;
        }
    }
    Ok(())
}

fn write_kicker_headline(f: &mut impl Write, kicker: Option<&str>, headline: &str) -> fmt::Result {
    match kicker {
        Some(k) if parse::is_bracket_kicker(k) => write!(f, "[{k}]")?,
        // A kicker read from `(TEXT)` may hold a bracket: keep its form.
        Some(k) if parse::is_paren_kicker(k) => write!(f, "({k})")?,
        // Only a label can have given it (one the options add, longer than
        // 40 characters or with a bracket and a lower-case letter). On a
        // line of its own, a kicker-only line, nothing after it can turn it
        // into another kicker (`[x: a ] b` would read as `[x: a ]`).
        Some(k) => {
            write!(f, "{k}:")?;
            if !headline.is_empty() {
                f.write_char('\n')?;
            }
            return f.write_str(headline);
        }
        None => {}
    }
    if kicker.is_some() && !headline.is_empty() {
        f.write_char(' ')?;
    }
    f.write_str(headline)
}

/// The dateline prefix of its paragraph, separator and space included.
fn write_dateline(f: &mut impl Write, d: &Dateline<'_>) -> fmt::Result {
    write_dateline_as(f, d, false)
}

/// [`write_dateline`], with the compact separator `—` (no spaces) when
/// `compact` or when ` -- ` would take the dateline past 100 characters.
fn write_dateline_as(f: &mut impl Write, d: &Dateline<'_>, compact: bool) -> fmt::Result {
    let mut head = String::new();
    let parts = [d.place, d.region, d.date];
    let mut first = true;
    for part in parts.into_iter().flatten() {
        if !first {
            head.push_str(", ");
        }
        head.push_str(part);
        first = false;
    }
    if let Some(agency) = d.agency {
        if !first {
            head.push(' ');
        }
        head.push('(');
        head.push_str(agency);
        head.push(')');
    }
    if !compact && head.chars().count() + 4 <= MAX_DATELINE {
        write!(f, "{head} -- ")
    } else {
        write!(f, "{head}\u{2014}")
    }
}

/// How a paragraph that a dateline opens is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DatelineForm {
    /// `PLACE -- paragraph` on one line.
    Joined,
    /// `PLACE—paragraph`: for a first paragraph that would otherwise read
    /// as a byline line (`BY -- ...`) with no byline block before it.
    Compact,
    /// `PLACE --` on a line of its own, the paragraph on the next.
    Apart,
    /// `PLACE -- ` and this many more spaces before the paragraph: for a
    /// first paragraph with no byline block before it whose line, short,
    /// would read as a bare byline line (`By Mira (AP) -- Text`), which has
    /// at most [`MAX_BARE_BYLINE`](parse::MAX_BARE_BYLINE) characters.
    Padded(usize),
}

/// The dateline prefix of its paragraph in a form that joins them.
fn write_dateline_in(f: &mut impl Write, d: &Dateline<'_>, form: DatelineForm) -> fmt::Result {
    write_dateline_as(f, d, form == DatelineForm::Compact)?;
    if let DatelineForm::Padded(n) = form {
        write!(f, "{:n$}", "")?;
    }
    Ok(())
}

/// The form of paragraph `i`'s dateline, if it has one: `Joined` unless its
/// line would be read otherwise, and then the first of `Apart`, `Compact`
/// and `Padded` whose lines read back as written.
///
/// A joined line is read otherwise when it reads as boilerplate and falls
/// into the trailer (a place such as `Copyright GENEVA`), that is when
/// every paragraph after it reads as boilerplate too and no credit follows
/// them; or, with `avoid_byline` (the first paragraph with no byline block
/// before it), when it reads as a byline line. `Apart` serves only the
/// first case, and only if the dateline alone does not read as a byline
/// line.
fn dateline_form(
    a: &Article<'_>,
    i: usize,
    extra_boilerplate: &[String],
    avoid_byline: bool,
) -> Option<DatelineForm> {
    let d = a.dateline.as_ref().filter(|d| d.paragraph == i)?;
    let p = a.paragraphs.get(i)?;
    let line_of = |form: DatelineForm| {
        let mut line = String::new();
        let _ = write_dateline_in(&mut line, d, form);
        line.push_str(p);
        line
    };
    let credits_after = credits_last(a, extra_boilerplate) && !a.photo_credits.is_empty();
    let into_trailer = |line: &str| {
        !credits_after
            && parse::is_boilerplate(line, extra_boilerplate)
            && a.paragraphs[i + 1..]
                .iter()
                .all(|p| parse::is_boilerplate(p, extra_boilerplate))
    };
    let reads_as_byline = |line: &str| avoid_byline && parse::is_byline_line(line);
    let reads_back = |line: &str| !into_trailer(line) && !reads_as_byline(line);
    let normal = line_of(DatelineForm::Joined);
    let trailer = into_trailer(&normal);
    if !trailer && !reads_as_byline(&normal) {
        return Some(DatelineForm::Joined);
    }
    if trailer {
        let mut alone = String::new();
        let _ = write_dateline(&mut alone, d);
        if !reads_as_byline(alone.trim_end()) {
            return Some(DatelineForm::Apart);
        }
    }
    if avoid_byline {
        // `BY -- ...` reads as a byline line, `BY—...` does not. A place
        // that starts with `By ` and a word (`By Mira (AP)`) reads as one
        // either way, and alone on its line too, while the line is short:
        // spaces after the separator, which the paragraph does not keep,
        // make it long enough.
        if reads_back(&line_of(DatelineForm::Compact)) {
            return Some(DatelineForm::Compact);
        }
        let short_by = (parse::MAX_BARE_BYLINE + 1).saturating_sub(normal.chars().count());
        let padded = DatelineForm::Padded(short_by);
        if short_by > 0 && reads_back(&line_of(padded)) {
            return Some(padded);
        }
    }
    // Nothing reads back as written: the forms as before these cases.
    Some(if trailer {
        DatelineForm::Apart
    } else {
        DatelineForm::Joined
    })
}

/// The first line of paragraph `i` as [`Rendered`] writes it when a byline
/// block comes before it.
fn first_line_of(a: &Article<'_>, i: usize, extra_boilerplate: &[String]) -> Option<String> {
    let p = a.paragraphs.get(i)?;
    let mut line = String::new();
    match dateline_form(a, i, extra_boilerplate, false) {
        Some(DatelineForm::Apart) => {
            let d = a.dateline.as_ref()?;
            let _ = write_dateline(&mut line, d);
            return Some(line.trim_end().to_owned());
        }
        Some(form) => {
            let d = a.dateline.as_ref()?;
            let _ = write_dateline_in(&mut line, d, form);
        }
        None => {}
    }
    line.push_str(p);
    Some(line)
}

/// The line of credit `c`: `[c]`, or where that line is a boilerplate
/// phrase the options add (a trailer line at the end of the text), `[ c ]`
/// with as many spaces as it takes, within a credit's 120 characters.
fn credit_line(c: &str, extra_boilerplate: &[String]) -> String {
    let mut line = format!("[{c}]");
    let mut pad = 0;
    while extra_boilerplate.contains(&line) && line.chars().count() + 2 <= MAX_CREDIT {
        pad += 1;
        line = format!("[{0}{c}{0}]", " ".repeat(pad));
    }
    line
}

/// Whether the credits follow the paragraphs: when the last paragraph reads
/// as boilerplate, a credit after it keeps it out of the trailer. A last
/// paragraph that a dateline opens is read by its whole line, the dateline
/// joined: `SEOUL (AP) -- Share` is no boilerplate, stays out of the trailer
/// by itself, and keeps the credits before it (one of them may be a phrase
/// the options add, which would be a trailer line at the end).
fn credits_last(a: &Article<'_>, extra_boilerplate: &[String]) -> bool {
    let Some((i, p)) = a.paragraphs.iter().enumerate().next_back() else {
        return false;
    };
    if !parse::is_boilerplate(p, extra_boilerplate) {
        return false;
    }
    match a.dateline.as_ref().filter(|d| d.paragraph == i) {
        Some(d) => {
            let mut line = String::new();
            let _ = write_dateline_as(&mut line, d, false);
            line.push_str(p);
            parse::is_boilerplate(&line, extra_boilerplate)
        }
        None => true,
    }
}

/// Whether `line`, which ends in one space, ends in the whole word `last`
/// before it, in any case.
fn ends_with_word_last(line: &str) -> bool {
    let Some(head) = line.strip_suffix(' ') else {
        return false;
    };
    let n = head.len();
    n >= 4
        && head.as_bytes()[n - 4..].eq_ignore_ascii_case(b"last")
        && !head[..n - 4].ends_with(|c: char| c.is_alphanumeric())
}

/// The lines of the byline block.
fn byline_lines(article: &Article<'_>, extra_boilerplate: &[String]) -> Vec<String> {
    let mut by = String::new();
    if let Some(b) = article.byline {
        by.push_str("By ");
        by.push_str(b);
    }
    let mut labels = Vec::new();
    for (label, t) in [("Posted", &article.posted), ("Updated", &article.updated)] {
        if let Some(t) = t {
            let mut s = format!("{label} : ");
            let _ = write_timestamp(&mut s, t);
            labels.push(s);
        }
    }
    let mut line = by;
    for l in &labels {
        if !line.is_empty() {
            line.push(' ');
            if ends_with_word_last(&line) {
                // `last Updated` would read as the label `Last updated`,
                // whose words are joined by one space: two keep them apart.
                line.push(' ');
            }
        }
        line.push_str(l);
    }
    if line.is_empty() {
        return Vec::new();
    }
    // The first paragraph's first line as it will be written.
    let first_is_byline_like = first_line_of(article, 0, extra_boilerplate)
        .is_some_and(|first| parse::is_byline_line(&first));
    if first_is_byline_like {
        // Three byline lines (later ones add nothing), so that a first
        // paragraph that looks like a byline line is read as a paragraph.
        return vec![line; 3];
    }
    let last_line = article.paragraphs.is_empty() && article.photo_credits.is_empty();
    if last_line && parse::is_boilerplate(&line, extra_boilerplate) {
        // A byline line that reads as boilerplate (`All rights reserved`)
        // would end the text and be taken by the trailer scan: a repeated,
        // ignored label line after it keeps it in the byline block.
        if let Some(label) = labels.last() {
            return vec![line, label.clone()];
        }
    }
    vec![line]
}

/// An [`Article`] rendered with the boilerplate phrases of some
/// [`ParseOptions`]; see [`Article::display_with`].
#[derive(Clone, Copy, Debug)]
pub struct Rendered<'r, 'a> {
    article: &'r Article<'a>,
    extra_boilerplate: &'r [String],
}

impl<'a> Article<'a> {
    /// The canonical layout, for articles parsed with `options`: like
    /// `Display`, and aware of the options' extra boilerplate phrases.
    #[must_use]
    pub fn display_with<'r>(&'r self, options: &'r ParseOptions) -> Rendered<'r, 'a> {
        Rendered {
            article: self,
            extra_boilerplate: &options.boilerplate,
        }
    }
}

impl Display for Rendered<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = self.article;
        write_kicker_headline(f, a.kicker, a.headline)?;
        f.write_char('\n')?;
        let block = byline_lines(a, self.extra_boilerplate);
        if !block.is_empty() {
            f.write_char('\n')?;
            for line in &block {
                writeln!(f, "{line}")?;
            }
        }
        let credits_last = credits_last(a, self.extra_boilerplate);
        let write_credits = |f: &mut fmt::Formatter<'_>| -> fmt::Result {
            if !a.photo_credits.is_empty() {
                f.write_char('\n')?;
                for c in &a.photo_credits {
                    writeln!(f, "{}", credit_line(c, self.extra_boilerplate))?;
                }
            }
            Ok(())
        };
        if !credits_last {
            write_credits(f)?;
        }
        for (i, p) in a.paragraphs.iter().enumerate() {
            f.write_char('\n')?;
            let avoid_byline = i == 0 && block.is_empty();
            let form = dateline_form(a, i, self.extra_boilerplate, avoid_byline);
            match (form, &a.dateline) {
                (Some(DatelineForm::Apart), Some(d)) => {
                    // A line holding only a dateline opens the paragraph
                    // on the next line.
                    let mut line = String::new();
                    write_dateline(&mut line, d)?;
                    writeln!(f, "{}", line.trim_end())?;
                    writeln!(f, "{p}")?;
                }
                (Some(form), Some(d)) => {
                    write_dateline_in(f, d, form)?;
                    writeln!(f, "{p}")?;
                }
                _ => writeln!(f, "{p}")?,
            }
        }
        if credits_last {
            write_credits(f)?;
        }
        if !a.boilerplate.is_empty() {
            f.write_char('\n')?;
            for b in &a.boilerplate {
                writeln!(f, "{b}")?;
            }
        }
        Ok(())
    }
}

/// Renders the canonical layout of SPEC section 5 with LF line ends:
///
/// ```text
/// [KICKER] HEADLINE
///
/// By BYLINE Posted : February 28, 2019, 16:19 Updated : February 28, 2019, 16:19
///
/// [CREDIT]
///
/// PLACE, REGION, DATE (AGENCY) -- first paragraph
///
/// next paragraph
///
/// BOILERPLATE
/// ```
///
/// It departs from SPEC's template where the template would not parse back
/// to the same article (`parse(render(a)) == a` is the rule it keeps, for
/// articles parsed with the default options; for others,
/// [`Article::display_with`] and the same options):
///
/// - a region is written as a `, Region` qualifier, not as `(REGION)`: a
///   place with a region and nothing after it, `SYDNEY (Australia) -- `,
///   would read back with `Australia` as the agency;
/// - seconds are written (`16:19:05`) when they are not zero, and the offset
///   (` +09:00`) when it is known;
/// - a byline that ends in the word `last` is followed by two spaces, so
///   that `last Updated` does not read as the label `Last updated`;
/// - a dateline that would pass 100 characters takes the shorter separator
///   `—`;
/// - the byline block is written as three lines when the first paragraph's
///   first line would itself read as a byline line;
/// - a byline line that reads as boilerplate and would end the text is
///   followed by a repeat of its last label;
/// - a dateline whose joined line would read as boilerplate and fall into
///   the trailer stands on a line of its own before its paragraph, unless
///   that line would read as a byline line with no byline block before it:
///   then it is joined with `—`, if that line reads as neither;
/// - in an article with no byline block, a first paragraph whose joined line
///   would read as a byline line (`BY -- ...`) takes the separator `—`
///   (`BY—...`), and where that line too would read as one (a short line
///   whose place starts with `By `), spaces after ` -- ` make it longer than
///   a bare byline line may be;
/// - credits follow the paragraphs when the last paragraph would read as
///   boilerplate;
/// - with [`Article::display_with`], a credit whose line `[c]` is a phrase
///   the options add is written `[ c ]`;
/// - a kicker that neither `[K]` nor `(K)` can carry, which only a label
///   the options add can give (over 40 characters, or with a bracket and a
///   lower-case letter), is written `K:` on a line of its own, the headline
///   on the next.
impl Display for Article<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Display::fmt(
            &Rendered {
                article: self,
                extra_boilerplate: &[],
            },
            f,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, NaiveDate, NaiveTime};

    #[test]
    fn timestamps_render_in_the_canonical_form() {
        let mut t = Timestamp::from_date(NaiveDate::from_ymd_opt(2019, 2, 8).unwrap());
        let mut s = String::new();
        write_timestamp(&mut s, &t).unwrap();
        assert_eq!(s, "February 8, 2019");
        t.time = NaiveTime::from_hms_opt(16, 19, 0);
        s.clear();
        write_timestamp(&mut s, &t).unwrap();
        assert_eq!(s, "February 8, 2019, 16:19");
        t.time = NaiveTime::from_hms_opt(6, 9, 5);
        t.offset = FixedOffset::east_opt(-5 * 3600);
        s.clear();
        write_timestamp(&mut s, &t).unwrap();
        assert_eq!(s, "February 8, 2019, 06:09:05 -05:00");
    }

    #[test]
    fn datelines_render_with_a_comma_region() {
        let d = Dateline {
            place: Some("BRENHOLT"),
            region: Some("Norland"),
            date: Some("March 12"),
            agency: Some("Bernama"),
            paragraph: 0,
        };
        let mut s = String::new();
        write_dateline(&mut s, &d).unwrap();
        assert_eq!(s, "BRENHOLT, Norland, March 12 (Bernama) -- ");
        let d = Dateline {
            place: None,
            region: None,
            date: Some("Oct. 14"),
            agency: Some("UPI"),
            paragraph: 0,
        };
        s.clear();
        write_dateline(&mut s, &d).unwrap();
        assert_eq!(s, "Oct. 14 (UPI) -- ");
    }
}
