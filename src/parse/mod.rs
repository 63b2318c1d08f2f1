//! The grammar: one module per block of the layout (SPEC section 3), and the
//! driver that runs them over the lines of an input in one pass.
//!
//! ```text
//! article = blank* headline-line              ; 3.1
//!           { blank | credit | byline-line }  ; 3.2, 3.4 (at most 3 byline lines)
//!           { blank | credit | paragraph }    ; 3.4, 3.5 (dateline in the first three)
//!           trailer                           ; 3.6, found first, scanning back
//! ```

mod byline;
mod credit;
mod dateline;
mod headline;
pub(crate) mod lines;
mod timestamp;
mod token;
mod trailer;

use std::fmt::Write as _;

use crate::error::{Quoted, TimestampField};
use crate::{Article, Error, Mode, ParseOptions, Position, Span, Warning};
use lines::{Line, Lines};

pub(crate) use byline::MAX_BARE_BYLINE;
pub(crate) use lines::trim;
pub(crate) use timestamp::parse_timestamp;

/// Checks size and UTF-8 (SPEC 3.7). NUL bytes, which take precedence over
/// invalid UTF-8, are looked for here only when the UTF-8 check fails;
/// otherwise the parse finds them in the pass that finds the line ends.
pub(crate) fn validate(input: &[u8], max_size: usize) -> Result<&str, Error> {
    check_size(input.len(), max_size)?;
    // `simdutf8` checks with the widest vectors the CPU has, chosen at run
    // time; std checks again only input that fails, to find the position.
    if let Ok(text) = simdutf8::basic::from_utf8(input) {
        return Ok(text);
    }
    std::str::from_utf8(input).map_err(|e| {
        check_nul(input).err().unwrap_or(Error::InvalidUtf8 {
            position: Position::locate(input, e.valid_up_to()),
        })
    })
}

fn check_size(size: usize, limit: usize) -> Result<(), Error> {
    if size > limit {
        return Err(Error::TooLarge {
            size,
            limit,
            position: Position::START,
        });
    }
    Ok(())
}

fn check_nul(input: &[u8]) -> Result<(), Error> {
    match memchr::memchr(0, input) {
        Some(i) => Err(Error::Binary {
            position: Position::locate(input, i),
        }),
        None => Ok(()),
    }
}

/// Parses a `&str`: checks size and NUL bytes, then the layout.
pub(crate) fn article<'a>(input: &'a str, options: &ParseOptions) -> Result<Article<'a>, Error> {
    check_size(input.len(), options.max_size)?;
    article_unchecked(input, options)
}

/// Collects warnings in lenient mode; turns them into errors in strict mode.
struct Problems<'a> {
    input: &'a str,
    strict: bool,
    warnings: Vec<Warning>,
}

impl<'a> Problems<'a> {
    fn offset_of(&self, part: &str) -> usize {
        Span::of(self.input, part).map_or(0, |s| s.start)
    }

    fn position(&self, offset: usize) -> Position {
        Position::locate(self.input.as_bytes(), offset)
    }

    /// Reports a problem at `p`: in strict mode the `Err` that `error`
    /// makes, otherwise a warning with the text that `message` makes. Only
    /// the one needed is built (a warning costs one allocation, its text).
    fn report(
        &mut self,
        p: Position,
        error: impl FnOnce(Position) -> Error,
        message: impl FnOnce() -> String,
    ) -> Result<(), Error> {
        if self.strict {
            return Err(error(p));
        }
        self.warnings.push(Warning {
            offset: p.offset,
            line: p.line,
            column: p.column,
            message: message(),
        });
        Ok(())
    }
}

/// The byline block's results.
#[derive(Default)]
struct BylineBlock<'a> {
    byline: Option<&'a str>,
    by_line_seen: bool,
    posted: Option<Option<crate::Timestamp>>,
    updated: Option<Option<crate::Timestamp>>,
}

impl<'a> BylineBlock<'a> {
    /// Takes one byline line: the first `By` line gives the byline, the first
    /// label of each kind its timestamp.
    fn take(
        &mut self,
        text: &'a str,
        line: byline::BylineLine<'a>,
        options: &ParseOptions,
        problems: &mut Problems<'a>,
    ) -> Result<(), Error> {
        if line.is_by_line && !self.by_line_seen {
            self.by_line_seen = true;
            self.byline = line.byline;
        }
        let mut next = line.first_label;
        while let Some(label) = next {
            let (value, following) = byline::label_value(text, label);
            next = following;
            let slot = match label.field {
                TimestampField::Posted => &mut self.posted,
                TimestampField::Updated => &mut self.updated,
            };
            if slot.is_some() {
                continue;
            }
            let parsed = parse_timestamp(value, options.default_offset).map(|mut t| {
                t.span = Span::of(problems.input, value);
                t
            });
            *slot = Some(parsed);
            if parsed.is_none() {
                let offset = problems.offset_of(value);
                let position = problems.position(offset);
                let field = label.field;
                problems.report(
                    position,
                    |position| Error::InvalidTimestamp {
                        field,
                        text: value.to_owned(),
                        position,
                    },
                    || {
                        // One allocation, sized for the message.
                        let mut message = String::with_capacity(value.len() + 32);
                        let _ = write!(message, "invalid {field} timestamp {}", Quoted(value));
                        message
                    },
                )?;
            }
        }
        Ok(())
    }
}

/// Parses an input already known to be within the limit and free of NUL.
pub(crate) fn article_unchecked<'a>(
    input: &'a str,
    options: &ParseOptions,
) -> Result<Article<'a>, Error> {
    let mut article = Article::default();
    article_into(input, options, &mut article)?;
    Ok(article)
}

/// Parses a `&str` into `article`, reusing its vectors (which must be empty).
pub(crate) fn article_into_checked<'a>(
    input: &'a str,
    options: &ParseOptions,
    article: &mut Article<'a>,
) -> Result<(), Error> {
    check_size(input.len(), options.max_size)?;
    article_into(input, options, article)
}

/// The layout of SPEC section 3, read into `article`, whose vectors must be
/// empty (their capacity is reused). A NUL byte anywhere in the input gives
/// [`Error::Binary`], whatever else is wrong with it.
fn article_into<'a>(
    input: &'a str,
    options: &ParseOptions,
    article: &mut Article<'a>,
) -> Result<(), Error> {
    let result = match layout(input, options, article, Trailer::Last) {
        Ok(Outcome::Retry) => {
            article.clear();
            layout(input, options, article, Trailer::First).map(|_| ())
        }
        other => other.map(|_| ()),
    };
    if let Err(e) = &result {
        // What was read before the error is not an article.
        article.clear();
        if !matches!(e, Error::Binary { .. }) {
            // A strict-mode error may stop the scan before a NUL byte.
            check_nul(input.as_bytes())?;
        }
    }
    result
}

/// When the trailer (SPEC 3.6) is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Trailer {
    /// Scanning back from the end before the body, as SPEC describes it.
    First,
    /// After one forward pass over the whole input, from the paragraphs at
    /// its end. Reads the input front to back only once, which is much
    /// kinder to the cache; it gives up ([`Outcome::Retry`]) in the rare
    /// cases where a trailer line would have changed what came before it.
    Last,
}

/// Whether [`layout`] finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Done,
    /// `Trailer::Last` met a case it does not handle: parse again with
    /// `Trailer::First`.
    Retry,
}

/// Reads the layout; stops with `Binary` at the first NUL byte it meets.
fn layout<'a>(
    input: &'a str,
    options: &ParseOptions,
    article: &mut Article<'a>,
    trailer_mode: Trailer,
) -> Result<Outcome, Error> {
    let mut problems = Problems {
        input,
        strict: options.mode == Mode::Strict,
        warnings: std::mem::take(&mut article.warnings),
    };
    // One allocation for the paragraphs of most articles: about one per
    // 200 bytes of news text. Reused vectors keep their capacity.
    let estimate = (input.len() / 200).clamp(4, 256);
    article.paragraphs.reserve(estimate);

    // 3.1: the first non-blank line, and the next one for a kicker-only line.
    let binary = |offset: usize| Error::Binary {
        position: Position::locate(input.as_bytes(), offset),
    };
    let mut lines = Lines::new(input, 0, input.len());
    let Some(first) = lines.next_non_blank() else {
        return Err(match lines.nul() {
            Some(at) => binary(at),
            None => Error::Empty {
                position: Position::START,
            },
        });
    };
    let head = headline::headline_line(first.text, &options.kicker_labels);
    article.kicker = head.kicker;
    article.headline = head.headline;
    let mut header_end = first.next;
    if head.kicker.is_some() && head.headline.is_empty() {
        match lines.next_non_blank() {
            Some(line) => {
                article.headline = line.text;
                header_end = line.next;
            }
            None => {
                if let Some(at) = lines.nul() {
                    return Err(binary(at));
                }
                let offset = problems.offset_of(first.text) + first.text.len();
                let position = problems.position(offset);
                problems.report(
                    position,
                    |position| Error::MissingHeadline { position },
                    || "the kicker line is not followed by a headline".to_owned(),
                )?;
            }
        }
    }

    // 3.6: the trailer, scanning back from the end to the headline (or,
    // with `Trailer::Last`, found from the paragraphs after the body pass).
    let body_end = match trailer_mode {
        Trailer::First => trailer::trailer(
            input,
            header_end,
            &options.boilerplate,
            &mut article.boilerplate,
        )
        .map_err(|_| match memchr::memchr(0, input.as_bytes()) {
            Some(at) => binary(at),
            None => unreachable!("the trailer scan saw a NUL byte"),
        })?,
        Trailer::Last => input.len(),
    };
    let retry = |article: &mut Article<'a>, problems: Problems<'a>| {
        article.warnings = problems.warnings;
        Ok(Outcome::Retry)
    };

    // 3.2 and 3.4: the byline block, with credits between its lines.
    let mut lines = Lines::new(input, header_end, body_end);
    let mut block = BylineBlock::default();
    let mut byline_lines = 0;
    let mut first_body: Option<Line<'a>> = None;
    while let Some(line) = lines.next_non_blank() {
        if let Some(c) = credit::credit(line.text) {
            article.photo_credits.push(c);
            continue;
        }
        if byline_lines < 3 {
            if let Some(b) = byline::byline_line(line.text) {
                byline_lines += 1;
                // A boilerplate byline line may be a trailer line, which
                // only the scan from the end can tell. With `Trailer::Last`
                // that matters only if nothing but boilerplate follows it
                // (the article then has no body and is parsed again) or if
                // the line stops a strict parse here.
                if let Err(e) = block.take(line.text, b, options, &mut problems) {
                    if trailer_mode == Trailer::Last
                        && trailer::is_boilerplate_given(
                            line.text,
                            &options.boilerplate,
                            line.rights_reserved,
                        )
                    {
                        return retry(article, problems);
                    }
                    return Err(e);
                }
                continue;
            }
        }
        first_body = Some(line);
        break;
    }
    if let Some(at) = lines.nul() {
        return Err(binary(at));
    }
    article.byline = block.byline;
    article.posted = block.posted.flatten();
    article.updated = block.updated.flatten();
    if let Some(byline) = article.byline {
        byline::authors(byline, &options.agencies, &mut article.authors);
    }

    // 3.4 and 3.5: credits and paragraphs; the dateline in the first three.
    let mut pending: Option<(crate::Dateline<'a>, &'a str)> = None;
    // The last credit whose line is also a boilerplate phrase that the
    // options add (`[Advertisement]`; no default phrase has a credit's
    // shape, and copyright lines are never credits): a trailer line if only
    // the trailer follows it, which the scan from the end tells.
    let mut phrase_credit: Option<&'a str> = None;
    // The whole line of a paragraph that a dateline opens on the same line.
    let mut dateline_line: Option<&'a str> = None;
    // The last line too long to be read twice, and whether it holds the
    // copyright phrase (see `Line::rights_reserved`).
    let mut long_line: Option<(&'a str, bool)> = None;
    // Whether `line` is a credit, which it then takes.
    let mut credit_line = |line: &Line<'a>, credits: &mut Vec<&'a str>| {
        if let Some(found) = line.rights_reserved {
            long_line = Some((line.text, found));
        }
        let c = credit::credit(line.text)?;
        if !options.boilerplate.is_empty() && options.boilerplate.iter().any(|p| p == line.text) {
            phrase_credit = Some(c);
        }
        credits.push(c);
        Some(())
    };
    // The first paragraphs, while one of them may open with a dateline; then
    // the rest, in a loop of its own that has no dateline to look for.
    let mut dateline_phase = true;
    while dateline_phase {
        let Some(line) = first_body.take().or_else(|| lines.next_non_blank()) else {
            break;
        };
        if credit_line(&line, &mut article.photo_credits).is_some() {
            continue;
        }
        let mut text = line.text;
        if let Some((mut d, _)) = pending.take() {
            // A line holding only a dateline opens the next paragraph.
            d.paragraph = article.paragraphs.len();
            article.dateline = Some(d);
        } else if let Some((mut d, rest)) = dateline::dateline(text) {
            if rest.is_empty() {
                pending = Some((d, text));
                continue;
            }
            d.paragraph = article.paragraphs.len();
            article.dateline = Some(d);
            dateline_line = Some(text);
            text = rest;
        }
        article.paragraphs.push(text);
        dateline_phase = article.dateline.is_none() && article.paragraphs.len() < 3;
    }
    let (paragraphs, credits) = (&mut article.paragraphs, &mut article.photo_credits);
    lines.for_each_non_blank(|line| {
        if credit_line(&line, credits).is_none() {
            paragraphs.push(line.text);
        }
    });
    if let Some(at) = lines.nul() {
        return Err(binary(at));
    }
    if let Some((_, text)) = pending {
        // Nothing followed: a dateline with nothing after it is a paragraph.
        article.paragraphs.push(text);
    }
    if trailer_mode == Trailer::Last {
        // The trailer: the paragraphs at the end that are boilerplate and
        // follow the last credit (a credit is never boilerplate, unless its
        // line is a phrase the options add: see after the loop).
        let last_credit = article.photo_credits.last().map(|c| problems.offset_of(c));
        let opened = article.dateline.as_ref().map(|d| d.paragraph);
        let mut kept = article.paragraphs.len();
        while let Some(i) = kept.checked_sub(1) {
            let p = article.paragraphs[i];
            // A paragraph that a dateline opens is judged by its whole line.
            let line = match dateline_line {
                Some(whole) if opened == Some(i) => whole,
                _ => p,
            };
            let known = long_line
                .filter(|(text, _)| same_slice(text, line))
                .map(|(_, found)| found);
            if last_credit.is_some_and(|c| c > problems.offset_of(p))
                || !trailer::is_boilerplate_given(line, &options.boilerplate, known)
            {
                break;
            }
            if opened == Some(i) {
                // The dateline went to a trailer line.
                return retry(article, problems);
            }
            kept -= 1;
        }
        if kept == 0 {
            // No body: the warning needs the trailer's start.
            return retry(article, problems);
        }
        if let Some(c) = phrase_credit {
            // A credit line that is an added phrase, after the last
            // paragraph of the body, may be a trailer line.
            if problems.offset_of(c) > problems.offset_of(article.paragraphs[kept - 1]) {
                return retry(article, problems);
            }
        }
        article.boilerplate.extend(article.paragraphs.drain(kept..));
    }

    if article.paragraphs.is_empty() {
        let position = problems.position(body_end);
        problems.report(
            position,
            |position| Error::EmptyBody { position },
            || "the article has no paragraph".to_owned(),
        )?;
    }
    article.warnings = problems.warnings;
    Ok(Outcome::Done)
}

/// Whether `a` and `b` are the same slice of the input (not merely equal).
fn same_slice(a: &str, b: &str) -> bool {
    std::ptr::eq(a.as_ptr(), b.as_ptr()) && a.len() == b.len()
}

/// Whether a trimmed kicker reads back from `[k]` (for the renderer).
pub(crate) fn is_bracket_kicker(k: &str) -> bool {
    headline::is_bracket_kicker(k)
}

/// Whether a trimmed kicker reads back from `(k)` (for the renderer).
pub(crate) fn is_paren_kicker(k: &str) -> bool {
    headline::is_paren_kicker(k)
}

/// Whether a trimmed line would be read as a byline line (for the renderer).
pub(crate) fn is_byline_line(line: &str) -> bool {
    byline::byline_line(line).is_some()
}

/// Whether a trimmed line is boilerplate under `options` (for the renderer).
pub(crate) fn is_boilerplate(line: &str, options_extra: &[String]) -> bool {
    trailer::is_boilerplate(line, options_extra)
}

/// The longest credit line in characters, brackets included (for the
/// renderer).
pub(crate) const MAX_CREDIT: usize = credit::MAX_CREDIT;

/// The longest dateline in characters (for the renderer).
pub(crate) const MAX_DATELINE: usize = dateline::MAX_DATELINE;

/// A fixed pseudo-random sequence (xorshift64) for the unit tests' inputs,
/// so that they are the same on every run. `seed` must not be 0.
#[cfg(test)]
pub(crate) fn xorshift(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses with the trailer found first (the SPEC way) only.
    fn spec_way<'a>(input: &'a str, options: &ParseOptions) -> Result<Article<'a>, Error> {
        let mut article = Article::default();
        layout(input, options, &mut article, Trailer::First)?;
        Ok(article)
    }

    /// Lines too long to be read twice: the copyright phrase found while
    /// their end is looked for gives the same trailer as the SPEC way.
    #[test]
    fn long_last_lines_agree_with_trailer_first() {
        let window = lines::WINDOW;
        let phrase = "all rights RESERVED";
        let options = ParseOptions::new();
        for at in [0, window - 7, 2 * window + 1] {
            let mut long = "y ".repeat(window + window / 2 + 10);
            long.replace_range(at..at + phrase.len(), phrase);
            let inputs = [
                format!("Head\n\nBody.\n{long}\n"),
                format!("Head\n\nBody.\n{long}\n(END)\n"),
                format!(
                    "Head\n\nBody.\n{}\n",
                    long.replace(phrase, "all rights kept ..")
                ),
                format!("Head\n\nSEOUL (AP) -- {long}\n"),
                format!("Head\n\nBody.\n[Photo]\n{long}"),
                format!("Head\n\nBy Ann {long}\nBody.\n"),
            ];
            for input in &inputs {
                let fast = options.parse(input);
                assert_eq!(fast, spec_way(input, &options), "phrase at {at}");
            }
            let article = options.parse(&inputs[1]).unwrap();
            assert_eq!(article.boilerplate.len(), 2);
            assert_eq!(article.paragraphs, ["Body."]);
        }
    }

    /// The one-pass reading and the SPEC way agree: same article, same
    /// warnings, same errors, in both modes, on strings of the grammar's
    /// tokens (a fixed pseudo-random sequence, so the test is repeatable).
    #[test]
    fn trailer_last_agrees_with_trailer_first() {
        const TOKENS: &[&str] = &[
            "By ",
            "Posted : ",
            "Updated: ",
            "2019-02-28 16:19",
            "Feb 30, 2019",
            "[Photo]",
            "[",
            "]",
            "(END)",
            "(AP)",
            "닫기",
            "Close",
            "Share",
            "© 2021 X",
            "All rights reserved",
            "SEOUL (AP) --",
            "SEOUL (AP) -- ",
            "HANOI -- ",
            "[LEAD] ",
            "(LEAD)",
            "a",
            "The end.",
            "\n",
            "\n",
            "\n\n",
            "\r\n",
            "\r",
            " ",
            "\u{A0}",
            "x",
            "Copyright ",
            "<",
            ">",
            "By Ann All rights reserved",
            "[Copyright X]",
            "Posted : 2019-01-01 all rights reserved",
            "Aug. 10 (UPI) -- ",
            "[Ad]",
            "By Ann",
        ];
        let mut next = xorshift(0x2545_F491_4F6C_DD1D);
        let lenient = ParseOptions::new();
        let strict = ParseOptions::new().mode(Mode::Strict);
        // Added phrases of a credit's and of a byline line's shape.
        let added = |options: ParseOptions| {
            options
                .boilerplate_phrase("[Ad]")
                .boilerplate_phrase("By Ann")
        };
        let (lenient_added, strict_added) = (added(lenient.clone()), added(strict.clone()));
        for _ in 0..20_000 {
            let n = (next() % 24) as usize;
            let text: String = (0..n)
                .map(|_| TOKENS[(next() % TOKENS.len() as u64) as usize])
                .collect();
            for options in [&lenient, &strict, &lenient_added, &strict_added] {
                let fast = options.parse(&text);
                let spec = spec_way(&text, options);
                assert_eq!(fast, spec, "{text:?}");
            }
        }
    }
}
