//! SPEC 3.1: the headline line and its kicker.
//!
//! ```text
//! headline-line = [ bracketed SP? | ( paren | label ) ( SP | END ) ] headline
//! bracketed     = "[" TEXT "]" | "【" TEXT "】" | "［" TEXT "］"     ; 1-40 characters, no bracket
//! paren         = "(" TAG ")"                                        ; 1-40 characters, see `paren_kicker`
//! label         = LABEL ":"                                          ; upper case, from a list
//! ```
//!
//! SPEC allows the space after the kicker to be missing for the bracket
//! forms only: `(G)I-DLE adds dates` and `UPDATE:Rates` open no kicker.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till};
use nom::character::complete::char;
use nom::combinator::verify;
use nom::sequence::{delimited, terminated};
use nom::{IResult, Parser};

use super::lines::{longer_than, trim, ws_prefix_len};
use super::token::length_bits;

type R<'a, T> = IResult<&'a str, T>;

/// The longest kicker text, in characters.
const MAX_KICKER: usize = 40;

/// SPEC 3.1's default `LABEL:` kickers. Longer labels first, so that
/// `NEWS ANALYSIS` is tried before `ANALYSIS` would leave `NEWS` behind.
pub(crate) const KICKER_LABELS: &[&str] = &[
    "NEWS ANALYSIS",
    "NEWS FOCUS",
    "FACT CHECK",
    "COMMENTARY",
    "EXCLUSIVE",
    "EXPLAINER",
    "EDITORIAL",
    "INTERVIEW",
    "ANALYSIS",
    "BREAKING",
    "OBITUARY",
    "FEATURE",
    "OPINION",
    "PROFILE",
    "COLUMN",
    "PHOTOS",
    "REVIEW",
    "TRAVEL",
    "UPDATE",
    "PHOTO",
    "VIDEO",
    "WATCH",
    "LIVE",
    "POLL",
    "Q&A",
];

/// Prefixes that make a parenthesised tag with lower-case letters a kicker.
const PAREN_PREFIXES: &[&str] = &[
    "news ",
    "yonhap ",
    "editorial",
    "interview",
    "feature",
    "update",
];

fn is_bracket(c: char) -> bool {
    matches!(c, '[' | ']' | '【' | '】' | '［' | '］')
}

/// Kicker text: 1–40 characters, not blank.
fn kicker_text_ok(text: &str) -> bool {
    !trim(text).is_empty() && !longer_than(text, MAX_KICKER)
}

/// `[TEXT]`, `【TEXT】` or `［TEXT］`: TEXT without brackets.
fn bracket_kicker(i: &str) -> R<'_, &str> {
    let text = || verify(take_till(is_bracket), |t: &str| kicker_text_ok(t));
    alt((
        delimited(char('['), text(), char(']')),
        delimited(char('【'), text(), char('】')),
        delimited(char('［'), text(), char('］')),
    ))
    .parse(i)
}

/// Whether every lower-case letter of `text` stands in an ordinal (`2nd`).
fn lower_case_only_in_ordinals(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).all(|word| {
        if !word.chars().any(char::is_lowercase) {
            return true;
        }
        let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let suffix = &word[digits..];
        digits > 0 && ["st", "nd", "rd", "th"].contains(&suffix)
    })
}

/// `(TEXT)` where TEXT has no lower-case letter except in an ordinal
/// (`LEAD`, `2nd LD`) or starts with `News `, `Yonhap `, `Editorial`,
/// `Interview`, `Feature` or `Update`, any case.
fn paren_kicker(i: &str) -> R<'_, &str> {
    delimited(
        char('('),
        verify(take_till(|c| c == '(' || c == ')'), |t: &str| {
            kicker_text_ok(t)
                && (lower_case_only_in_ordinals(t)
                    || PAREN_PREFIXES.iter().any(|p| {
                        t.get(..p.len())
                            .is_some_and(|head| head.eq_ignore_ascii_case(p))
                    }))
        }),
        char(')'),
    )
    .parse(i)
}

/// Whether the trimmed kicker `k` reads back from `[k]`.
pub(crate) fn is_bracket_kicker(k: &str) -> bool {
    kicker_text_ok(k) && !k.contains(is_bracket)
}

/// Whether the trimmed kicker `k` reads back from `(k)`.
pub(crate) fn is_paren_kicker(k: &str) -> bool {
    let text = format!("({k})");
    paren_kicker(&text).is_ok_and(|(rest, _)| rest.is_empty())
}

/// Bit `n` set: a label of [`KICKER_LABELS`] is `n` bytes long (all are
/// shorter than the 16 bytes [`colon_bits`] looks at).
const LABEL_LENGTHS: u16 = {
    let lengths = length_bits(KICKER_LABELS);
    assert!(lengths >> 16 == 0, "labels are shorter than 16 bytes");
    lengths as u16
};

/// Bit `n` set: byte `n` of `b` is a `:`, for the first 16 bytes.
#[inline]
fn colon_bits(b: &[u8]) -> u16 {
    b.iter()
        .take(16)
        .enumerate()
        .fold(0, |bits, (n, &c)| bits | u16::from(c == b':') << n)
}

/// `LABEL:` with an upper-case label from SPEC's list or the caller's,
/// followed by whitespace or the line's end: the first label that is.
fn label_kicker<'a>(i: &'a str, extra: &[String]) -> R<'a, &'a str> {
    // A built-in label is tried only where a colon follows a label's
    // length: most headlines have none there, which one test tells.
    let colons = colon_bits(i.as_bytes()) & LABEL_LENGTHS;
    let built_in: &[&str] = if colons == 0 { &[] } else { KICKER_LABELS };
    let labels = built_in
        .iter()
        .copied()
        .chain(extra.iter().map(String::as_str));
    for label in labels {
        // The colon's place is the cheap test: most lines fail it.
        if i.as_bytes().get(label.len()) != Some(&b':') {
            continue;
        }
        let found: R<'_, &str> = terminated(tag(label), char(':')).parse(i);
        if let Ok(found) = found.and_then(spaced) {
            return Ok(found);
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

/// A headline line split into its kicker and headline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct HeadlineLine<'a> {
    /// The kicker, trimmed.
    pub kicker: Option<&'a str>,
    /// The rest of the line, trimmed; empty for a kicker-only line.
    pub headline: &'a str,
}

/// `(TAG)` and `LABEL:` need whitespace (or the line's end) after them.
fn spaced<'a>((rest, kicker): (&'a str, &'a str)) -> R<'a, &'a str> {
    if rest.is_empty() || ws_prefix_len(rest.as_bytes()) > 0 {
        Ok((rest, kicker))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            rest,
            nom::error::ErrorKind::Space,
        )))
    }
}

/// SPEC 3.1: reads a trimmed, non-blank headline line.
pub(crate) fn headline_line<'a>(line: &'a str, extra_labels: &[String]) -> HeadlineLine<'a> {
    let kicker = alt((
        bracket_kicker,
        |i| paren_kicker(i).and_then(spaced),
        |i| label_kicker(i, extra_labels),
    ))
    .parse(line);
    match kicker {
        Ok((rest, kicker)) => HeadlineLine {
            kicker: Some(trim(kicker)),
            headline: trim(rest),
        },
        Err(_) => HeadlineLine {
            kicker: None,
            headline: line,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(line: &str, kicker: Option<&str>, headline: &str) {
        assert_eq!(
            headline_line(line, &[]),
            HeadlineLine { kicker, headline },
            "{line:?}"
        );
    }

    #[test]
    fn bracket_kickers() {
        check("[SUMMIT] Talks end", Some("SUMMIT"), "Talks end");
        check("【NOTICE】 Trains added", Some("NOTICE"), "Trains added");
        check("［FINANCE］Fees cut", Some("FINANCE"), "Fees cut");
        check("[ Port news ] Pier opens", Some("Port news"), "Pier opens");
        check("[WEATHER]", Some("WEATHER"), "");
        // 40 characters is a kicker, 41 is not.
        let k40 = "x".repeat(40);
        check(&format!("[{k40}] H"), Some(&k40), "H");
        let k41 = format!("[{}] H", "x".repeat(41));
        check(&k41, None, &k41);
        // Mismatched or nested brackets, and blank text.
        check("[A】 H", None, "[A】 H");
        check("[A [B]] H", None, "[A [B]] H");
        check("[ ] H", None, "[ ] H");
    }

    #[test]
    fn paren_kickers() {
        check("(LEAD) Ferry opens", Some("LEAD"), "Ferry opens");
        check("(2nd LD) Road closed", Some("2nd LD"), "Road closed");
        check(
            "(3rd LD-ALL) Road closed",
            Some("3rd LD-ALL"),
            "Road closed",
        );
        check("(News Focus) Why", Some("News Focus"), "Why");
        check("(Yonhap Interview) Chef", Some("Yonhap Interview"), "Chef");
        check("(feature) Life", Some("feature"), "Life");
        check("(Update 2) Road", Some("Update 2"), "Road");
        check("(Newsletter) Five things", None, "(Newsletter) Five things");
        check("(Almost) every road", None, "(Almost) every road");
        check("(2and) x", None, "(2and) x");
        // Whitespace or the line's end must follow the parenthesis.
        check("(LEAD)", Some("LEAD"), "");
        check("(LEAD)\u{A0}Ferry", Some("LEAD"), "Ferry");
        check("(G)I-DLE adds dates", None, "(G)I-DLE adds dates");
        check("(LEAD)Ferry opens", None, "(LEAD)Ferry opens");
    }

    #[test]
    fn label_kickers() {
        check("FACT CHECK: Did it?", Some("FACT CHECK"), "Did it?");
        check("Q&A: How it works", Some("Q&A"), "How it works");
        check("NEWS ANALYSIS: Rates", Some("NEWS ANALYSIS"), "Rates");
        check("Analysis: Why", None, "Analysis: Why");
        check("LIVE UPDATES: Storm", None, "LIVE UPDATES: Storm");
        check("UPDATE:Rates hold", None, "UPDATE:Rates hold");
        check("EXPLAINER:", Some("EXPLAINER"), "");
        check("EXPLAINER:\tWhy", Some("EXPLAINER"), "Why");
        let extra = vec!["MARKETS".to_owned()];
        assert_eq!(headline_line("MARKETS: Up", &extra).kicker, Some("MARKETS"));
    }
}
