//! SPEC 3.6: boilerplate at the end of the article.
//!
//! ```text
//! trailer     = { blank-line | boilerplate } END                 ; found scanning back
//! boilerplate = phrase                                           ; exact, from a list
//!             | "(" SP? word [ SP word ] SP? ")"                 ; sign-off: (END), (AP)
//!             | copyright-line
//! copyright   = [ "[" | "<" ] ( "©" | "ⓒ" | "(c) " | "Copyright" | "저작권자" ) ... [ "]" | ">" ]
//!             | ... "All rights reserved" ...                    ; any case
//! ```

use nom::bytes::complete::take_till1;
use nom::character::complete::char;
use nom::combinator::{eof, opt};
use nom::{IResult, Parser};

use super::lines::{is_ws, line_before, trim};
use super::token::{contains_ci, length_bits, sp, sp0, starts_with_ci};

/// SPEC 3.6's default boilerplate phrases.
pub(crate) const PHRASES: &[&str] = &[
    "기사 이미지 확대 보기",
    "이미지 확대 보기",
    "닫기",
    "이 기사를 공유합니다",
    "Close",
    "Print",
    "Share",
    "Share it",
    "Back to list",
    "Next Story",
    "Related Articles",
    "Most Read",
    "Comments ()",
];

/// Bit `n` set: a phrase of [`PHRASES`] is `n` bytes long.
const PHRASE_LENGTHS: u64 = length_bits(PHRASES);

/// Whether `line` is one of [`PHRASES`]. Most lines have no phrase's
/// length, which one test tells.
#[inline]
fn is_phrase(line: &str) -> bool {
    line.len() < 64 && PHRASE_LENGTHS & (1 << line.len()) != 0 && PHRASES.contains(&line)
}

/// A word of a sign-off: no whitespace, no parenthesis.
fn word(i: &str) -> IResult<&str, &str> {
    take_till1(|c| is_ws(c) || c == '(' || c == ')')(i)
}

/// A line that is only a parenthesised word or two: `(END)`, `(Yonhap)`.
pub(crate) fn is_sign_off(line: &str) -> bool {
    (char('('), sp0, word, opt((sp, word)), sp0, char(')'), eof)
        .parse(line)
        .is_ok()
}

/// The phrase that makes any line a copyright line, in any case, and the
/// offsets of two of its bytes that rarely stand 10 bytes apart in running
/// text (the `g` and the `v`), which the search compares first.
pub(crate) const RIGHTS_RESERVED: (&str, (usize, usize)) = ("all rights reserved", (6, 16));

/// A copyright line, also inside one pair of `[...]` or `<...>`.
pub(crate) fn is_copyright(line: &str) -> bool {
    is_copyright_given(line, None)
}

/// [`is_copyright`], told whether `line` contains [`RIGHTS_RESERVED`] when
/// that is already known. The phrase starts and ends with a letter, so it
/// lies inside the line's `[...]` or `<...>` and its trimmed text whenever
/// it lies in the line.
fn is_copyright_given(line: &str, rights_reserved: Option<bool>) -> bool {
    let inner = line
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .or_else(|| line.strip_prefix('<').and_then(|l| l.strip_suffix('>')))
        .map_or(line, trim);
    inner.starts_with(['©', 'ⓒ'])
        || inner.starts_with("저작권자")
        || starts_with_ci(inner, "(c) ")
        || starts_with_ci(inner, "copyright")
        || rights_reserved
            .unwrap_or_else(|| contains_ci(inner, RIGHTS_RESERVED.0, RIGHTS_RESERVED.1))
}

/// Whether a trimmed, non-blank line is boilerplate.
pub(crate) fn is_boilerplate(line: &str, extra: &[String]) -> bool {
    is_boilerplate_given(line, extra, None)
}

/// [`is_boilerplate`], told whether `line` contains [`RIGHTS_RESERVED`]
/// when that is already known (see [`Line`](super::lines::Line)).
pub(crate) fn is_boilerplate_given(
    line: &str,
    extra: &[String],
    rights_reserved: Option<bool>,
) -> bool {
    is_phrase(line)
        || extra.iter().any(|p| p == line)
        || is_sign_off(line)
        || is_copyright_given(line, rights_reserved)
}

/// A NUL byte among the lines the trailer scan read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct NulInTrailer;

/// Scans back from the end of `input` to `floor` (a line start: the end of
/// the headline). Returns where the trailer starts and pushes its
/// boilerplate lines to `out` in input order. Fails if a line it reads holds
/// a NUL byte (the forward scan checks every other line).
pub(crate) fn trailer<'a>(
    input: &'a str,
    floor: usize,
    extra: &[String],
    out: &mut Vec<&'a str>,
) -> Result<usize, NulInTrailer> {
    let mut start = input.len();
    let first = out.len();
    while let Some((line_start, text)) = line_before(input, floor, start) {
        if memchr::memchr(0, text.as_bytes()).is_some() {
            return Err(NulInTrailer);
        }
        if !text.is_empty() {
            if !is_boilerplate(text, extra) {
                break;
            }
            out.push(text);
        }
        start = line_start;
    }
    out[first..].reverse();
    Ok(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_offs() {
        assert!(is_sign_off("(END)"));
        assert!(is_sign_off("(Yonhap)"));
        assert!(is_sign_off("(Tarnby Post)"));
        assert!(is_sign_off("( END )"));
        assert!(!is_sign_off("(Velmora Daily News)"));
        assert!(!is_sign_off("()"));
        assert!(!is_sign_off("(END) more"));
    }

    #[test]
    fn copyright_lines() {
        assert!(is_copyright("© 2021 Velmora Herald"));
        assert!(is_copyright("ⓒ Tarnby Post"));
        assert!(is_copyright("(C) 2020 Ostvik Daily"));
        assert!(!is_copyright("(C)2020 Ostvik Daily"));
        assert!(is_copyright("COPYRIGHT 2021 HOLM WIRE"));
        assert!(is_copyright("저작권자 © 벨모라 헤럴드"));
        assert!(is_copyright("Kessen Bay Times. ALL Rights Reserved."));
        assert!(is_copyright("[Copyright 2021 Alden Wire Co.]"));
        assert!(is_copyright("<저작권자 ⓒ 타른비 포스트>"));
        assert!(is_copyright("[ © 2020 Ostvik Daily ]"));
        assert!(!is_copyright("The copyright office closed."));
    }

    #[test]
    fn trailer_scan() {
        let input = "Head\n\nBody.\nShare\n\u{A0}\n(END)\n닫기";
        let mut out = Vec::new();
        let start = trailer(input, 5, &[], &mut out).unwrap();
        assert_eq!(out, ["Share", "(END)", "닫기"]);
        assert_eq!(&input[start..start + 5], "Share");
        // Never past the floor.
        let input = "Print\n";
        let mut out = Vec::new();
        assert_eq!(trailer(input, 6, &[], &mut out), Ok(6));
        assert!(out.is_empty());
        assert_eq!(trailer("H\nx\0\n닫기", 2, &[], &mut out), Err(NulInTrailer));
    }

    #[test]
    fn extra_phrases() {
        let extra = vec!["Subscribe now".to_owned()];
        assert!(is_boilerplate("Subscribe now", &extra));
        assert!(!is_boilerplate("Subscribe now", &[]));
        assert!(!is_boilerplate("share", &[]));
    }
}
