//! Small productions shared by the blocks: whitespace, word boundaries and
//! ASCII case-insensitive tags.

use nom::IResult;

use super::lines::ws_run;

/// The result of a production over a line.
pub(crate) type R<'a, T> = IResult<&'a str, T>;

/// A recoverable nom error of `kind` at `i`.
pub(crate) fn error<T>(i: &str, kind: nom::error::ErrorKind) -> R<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(i, kind)))
}

/// One or more SPEC whitespace characters (SP). Read byte by byte, as
/// [`trim`](super::lines::trim) reads them: these run between most tokens.
/// The most common run, one ASCII space before a visible ASCII character,
/// is read inline.
#[inline]
pub(crate) fn sp(i: &str) -> R<'_, &str> {
    if let [b' ', 0x21..=0x7E, ..] = i.as_bytes() {
        return Ok((&i[1..], &i[..1]));
    }
    match ws_run(i.as_bytes()) {
        0 => error(i, nom::error::ErrorKind::TakeWhile1),
        // The run ends on a character boundary.
        n => {
            let (run, rest) = i.split_at(n);
            Ok((rest, run))
        }
    }
}

/// Zero or more SPEC whitespace characters (SP?). Its most common runs,
/// none before a visible ASCII character or the end, and one ASCII space
/// before a visible ASCII character, are read inline.
#[inline]
pub(crate) fn sp0(i: &str) -> R<'_, &str> {
    match i.as_bytes() {
        [] | [0x21..=0x7E, ..] => Ok((i, "")),
        [b' ', 0x21..=0x7E, ..] => Ok((&i[1..], &i[..1])),
        _ => {
            let (run, rest) = i.split_at(ws_run(i.as_bytes()));
            Ok((rest, run))
        }
    }
}

/// Whether the character at the start of `i` is a letter or a digit. ASCII
/// is classified without decoding.
#[inline]
pub(crate) fn starts_alnum(i: &str) -> bool {
    match i.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => i.starts_with(char::is_alphanumeric),
    }
}

/// Succeeds, consuming nothing, unless a letter or digit follows.
#[inline]
pub(crate) fn boundary(i: &str) -> R<'_, ()> {
    if starts_alnum(i) {
        return error(i, nom::error::ErrorKind::Not);
    }
    Ok((i, ()))
}

/// An ASCII tag in any case. Faster than `tag_no_case`, which lower-cases
/// Unicode; every case-insensitive token of SPEC is ASCII.
pub(crate) fn tag_ci(tag: &'static str) -> impl Fn(&str) -> R<'_, &str> {
    move |i: &str| {
        if starts_with_ci(i, tag) {
            // `tag` is ASCII, so its length is a character boundary of `i`.
            Ok((&i[tag.len()..], &i[..tag.len()]))
        } else {
            error(i, nom::error::ErrorKind::Tag)
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
    if hay.len() < n.len() {
        return false;
    }
    // The needle's first and last bytes are tested before the whole of it:
    // most candidates fail there.
    let (first, last) = (n[0], n[n.len() - 1]);
    let span = hay.len() - n.len();
    memchr::memchr2_iter(a.to_ascii_lowercase(), a.to_ascii_uppercase(), hay).any(|i| {
        i.checked_sub(anchor)
            .filter(|&start| start <= span)
            .is_some_and(|start| {
                let w = &hay[start..start + n.len()];
                w[0].eq_ignore_ascii_case(&first)
                    && w[n.len() - 1].eq_ignore_ascii_case(&last)
                    && w.eq_ignore_ascii_case(n)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-level `sp`, `sp0` and `boundary` agree with their definition
    /// by characters, for every character before every other.
    #[test]
    fn whitespace_and_boundary_by_bytes_agree_with_chars() {
        use crate::parse::lines::is_ws;
        let chars = (0..=0x10FFFF).filter_map(char::from_u32);
        for c in chars {
            for next in ['x', ' ', '\u{A0}', '\u{3000}', '1', '.'] {
                let text = format!("{c}{next}");
                let run = text.chars().take_while(|&c| is_ws(c)).map(char::len_utf8);
                let run: usize = run.sum();
                assert_eq!(sp0(&text), Ok((&text[run..], &text[..run])), "{c:?}");
                assert_eq!(sp(&text).is_ok(), run > 0, "{c:?}");
                assert_eq!(boundary(&text).is_ok(), !c.is_alphanumeric(), "{c:?}");
            }
        }
        assert_eq!(sp(""), error("", nom::error::ErrorKind::TakeWhile1));
        assert_eq!(sp0(""), Ok(("", "")));
        assert_eq!(boundary(""), Ok(("", ())));
    }

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
