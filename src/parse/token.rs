//! Small productions shared by the blocks: whitespace, word boundaries and
//! ASCII case-insensitive tags.

use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::satisfy;
use nom::combinator::not;
use nom::{IResult, Parser};

use super::lines::is_ws;

/// The result of a production over a line.
pub(crate) type R<'a, T> = IResult<&'a str, T>;

/// One or more SPEC whitespace characters (SP).
pub(crate) fn sp(i: &str) -> R<'_, &str> {
    take_while1(is_ws)(i)
}

/// Zero or more SPEC whitespace characters (SP?).
pub(crate) fn sp0(i: &str) -> R<'_, &str> {
    take_while(is_ws)(i)
}

/// Succeeds, consuming nothing, unless a letter or digit follows.
pub(crate) fn boundary(i: &str) -> R<'_, ()> {
    not(satisfy(char::is_alphanumeric)).parse(i)
}

/// An ASCII tag in any case. Faster than `tag_no_case`, which lower-cases
/// Unicode; every case-insensitive token of SPEC is ASCII.
pub(crate) fn tag_ci(tag: &'static str) -> impl Fn(&str) -> R<'_, &str> {
    move |i: &str| {
        if starts_with_ci(i, tag) {
            // `tag` is ASCII, so its length is a character boundary of `i`.
            Ok((&i[tag.len()..], &i[..tag.len()]))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )))
        }
    }
}

/// Whether `text` starts with the ASCII `prefix`, in any case.
#[inline]
pub(crate) fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `text` contains the ASCII `needle`, in any case. Candidates are
/// found with `memchr` on `needle[anchor]` in both cases: pick a byte that is
/// rare in running text (the `v` of "reserved"), so long lines cost little.
pub(crate) fn contains_ci(text: &str, needle: &str, anchor: usize) -> bool {
    bytes_contain_ci(text.as_bytes(), needle, anchor)
}

/// [`contains_ci`] on bytes: `hay` may start or end inside a character,
/// which cannot hide or fake a match of an ASCII needle.
pub(crate) fn bytes_contain_ci(hay: &[u8], needle: &str, anchor: usize) -> bool {
    let n = needle.as_bytes();
    let Some(&a) = n.get(anchor) else {
        return n.is_empty();
    };
    memchr::memchr2_iter(a.to_ascii_lowercase(), a.to_ascii_uppercase(), hay).any(|i| {
        i.checked_sub(anchor)
            .and_then(|start| hay.get(start..start + n.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_helpers() {
        assert_eq!(tag_ci("by")("BY x"), Ok((" x", "BY")));
        assert!(tag_ci("by")("b").is_err());
        assert!(tag_ci("by")("바").is_err());
        assert!(contains_ci(
            "Times. ALL Rights Reserved.",
            "all rights reserved",
            16
        ));
        assert!(!contains_ci("all rights", "all rights reserved", 16));
        assert!(!contains_ci("reserved", "all rights reserved", 16));
        assert!(contains_ci("x", "", 0));
        assert!(contains_ci("see WWW.example.org", "www.", 3));
        assert!(contains_ci("http://x", "http://", 4));
        assert!(!contains_ci("ttp://x", "http://", 4));
        assert!(starts_with_ci("COPYRIGHT 2021", "copyright"));
        assert!(!starts_with_ci("©", "(c) "));
    }
}
