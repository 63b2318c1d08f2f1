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

/// Zero or more SPEC whitespace characters (SP?), read by [`skip_sp0`].
#[inline(always)]
pub(crate) fn sp0(i: &str) -> R<'_, &str> {
    let rest = skip_sp0(i);
    Ok((rest, &i[..i.len() - rest.len()]))
}

/// `i` after its run of zero or more SPEC whitespace characters: what
/// [`sp0`] leaves, without the run and nom's result. Its most common runs,
/// none before a visible ASCII character or the end, and one ASCII space
/// before a visible ASCII character, are read inline.
#[inline(always)]
pub(crate) fn skip_sp0(i: &str) -> &str {
    match i.as_bytes() {
        [] | [0x21..=0x7E, ..] => i,
        [b' ', 0x21..=0x7E, ..] => &i[1..],
        // The run ends on a character boundary.
        _ => &i[ws_run(i.as_bytes())..],
    }
}

/// Whether the character at the start of `i` is a letter or a digit. ASCII
/// is classified without decoding.
#[inline]
pub(crate) fn starts_alnum(i: &str) -> bool {
    match i.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => i.starts_with(is_alnum),
    }
}

/// `char::is_alphanumeric`, with the letters of Latin-1 (names such as
/// `Björn` or `Øberg`) and the Hangul syllables answered by range instead
/// of the search of the Unicode tables that the standard library makes for
/// every other non-ASCII character.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    match c {
        '\0'..='\x7F' => c.is_ascii_alphanumeric(),
        '\u{C0}'..='\u{FF}' => c != '\u{D7}' && c != '\u{F7}',
        '\u{AC00}'..='\u{D7A3}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Succeeds, consuming nothing, unless a letter or digit follows.
#[inline(always)]
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

/// Bit `n` set: a string of `list` is `n` bytes long. Every string is
/// shorter than 64 bytes (checked where the table is built).
pub(crate) const fn length_bits(list: &[&str]) -> u64 {
    let mut bits = 0u64;
    let mut i = 0;
    while i < list.len() {
        assert!(list[i].len() < 64, "a bit for each length");
        bits |= 1 << list[i].len();
        i += 1;
    }
    bits
}

/// Whether `text` starts with the ASCII `prefix`, in any case.
#[inline]
pub(crate) fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `text` contains the ASCII `needle`, in any case. `pair` names
/// two bytes of the needle that are rare in running text together (the `g`
/// and `v` of "rights reserved"): candidates are the positions where both
/// stand at their offsets, found 16 at a time (see [`bytes_contain_ci`]).
pub(crate) fn contains_ci(text: &str, needle: &str, pair: (usize, usize)) -> bool {
    bytes_contain_ci(text.as_bytes(), needle, pair)
}

/// [`contains_ci`] on bytes: `hay` may start or end inside a character,
/// which cannot hide or fake a match of an ASCII needle.
///
/// A packed-pair search: for 16 start positions at once, the bytes at
/// offsets `pair.0` and `pair.1` are compared, with case folded by setting
/// bit `0x20`, with the needle's; only where both agree is the whole needle
/// compared. Folding never turns a byte equal to the needle's, in some case,
/// into one that differs, so no match is missed. `wide` compiles the 16-lane
/// steps to SSE2 on x86-64 and NEON on AArch64, with a scalar fallback
/// elsewhere, all without `unsafe` here.
pub(crate) fn bytes_contain_ci(hay: &[u8], needle: &str, pair: (usize, usize)) -> bool {
    use wide::u8x16;
    const LANES: usize = 16;
    let n = needle.as_bytes();
    let (p, q) = pair;
    let (Some(&np), Some(&nq)) = (n.get(p), n.get(q)) else {
        return n.is_empty();
    };
    let Some(starts) = (hay.len() + 1).checked_sub(n.len()) else {
        return false;
    };
    let (np, nq) = (np | 0x20, nq | 0x20);
    let whole = |s: usize| hay[s..s + n.len()].eq_ignore_ascii_case(n);
    if starts < LANES {
        return (0..starts).any(|s| hay[s + p] | 0x20 == np && hay[s + q] | 0x20 == nq && whole(s));
    }
    let fold = u8x16::splat(0x20);
    let (vp, vq) = (u8x16::splat(np), u8x16::splat(nq));
    let lanes = |chunk: &[u8]| {
        let bytes: [u8; LANES] = chunk.try_into().unwrap_or([0; LANES]);
        u8x16::from(bytes) | fold
    };
    // Bit `i` set: start position `s + i` has both bytes of the pair, where
    // `at_p` and `at_q` are the 16 bytes at `s + p` and `s + q`.
    let candidates = |at_p: &[u8], at_q: &[u8]| -> u32 {
        let both = lanes(at_p).cmp_eq(vp) & lanes(at_q).cmp_eq(vq);
        both.move_mask() as u32
    };
    let any_whole = |mut mask: u32, s: usize| {
        while mask != 0 {
            if whole(s + mask.trailing_zeros() as usize) {
                return true;
            }
            mask &= mask - 1;
        }
        false
    };
    // Whole steps of 16 start positions, two at a time with one test;
    // `p, q < n.len()`, so the bytes they read end at `hay.len()` at most.
    let steps = starts / LANES * LANES;
    let pairs = steps / (2 * LANES) * (2 * LANES);
    let at_p = hay[p..p + pairs].chunks_exact(2 * LANES);
    let at_q = hay[q..q + pairs].chunks_exact(2 * LANES);
    for (k, (a, b)) in at_p.zip(at_q).enumerate() {
        let ((a0, a1), (b0, b1)) = (a.split_at(LANES), b.split_at(LANES));
        let mask = candidates(a0, b0) | candidates(a1, b1) << LANES;
        if mask != 0 && any_whole(mask, k * 2 * LANES) {
            return true;
        }
    }
    if pairs < steps {
        let mask = candidates(&hay[pairs + p..][..LANES], &hay[pairs + q..][..LANES]);
        if mask != 0 && any_whole(mask, pairs) {
            return true;
        }
    }
    // The last start positions: one more step that ends at `starts`, without
    // the positions already tried.
    if steps == starts {
        return false;
    }
    let last = starts - LANES;
    let mask = candidates(&hay[last + p..][..LANES], &hay[last + q..][..LANES]);
    any_whole(mask >> (steps - last) << (steps - last), last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-level `sp`, `sp0`, `skip_sp0` and `boundary` agree with their definition
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
                assert_eq!(skip_sp0(&text), &text[run..], "{c:?}");
                assert_eq!(sp(&text).is_ok(), run > 0, "{c:?}");
                assert_eq!(boundary(&text).is_ok(), !c.is_alphanumeric(), "{c:?}");
            }
        }
        assert_eq!(sp(""), error("", nom::error::ErrorKind::TakeWhile1));
        assert_eq!(sp0(""), Ok(("", "")));
        assert_eq!(boundary(""), Ok(("", ())));
    }

    /// The packed-pair search finds what a plain scan of every position
    /// finds: the phrase planted at every offset of haystacks of every
    /// length up to 140 (past four steps of 16 start positions), in mixed
    /// case, among bytes that share its pair or fold onto it, and whole near
    /// misses.
    #[test]
    fn packed_pair_search_agrees_with_a_plain_scan() {
        let (needle, pair) = crate::parse::trailer::RIGHTS_RESERVED;
        let plain = |hay: &[u8]| {
            hay.windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
        };
        let noise: &[u8] = b"gGvV GVgv\x07\xE2\x80\xA8ALL rights reservee";
        let mut next = crate::parse::xorshift(0x9E37_79B9_7F4A_7C15);
        for len in 0..140 {
            for plant in [
                None,
                Some(0),
                Some(1),
                Some(len / 2),
                Some(len),
                Some(usize::MAX),
            ] {
                for _ in 0..20 {
                    // The last plant falls anywhere.
                    let plant = plant.map(|at| match at {
                        usize::MAX => (next() % (len as u64 + 1)) as usize,
                        at => at,
                    });
                    let mut hay: Vec<u8> = (0..len)
                        .map(|_| noise[(next() % noise.len() as u64) as usize])
                        .collect();
                    if let Some(at) = plant.filter(|&at| at + needle.len() <= len) {
                        for (k, b) in needle.bytes().enumerate() {
                            let upper = next() % 2 == 0;
                            hay[at + k] = if upper { b.to_ascii_uppercase() } else { b };
                        }
                    }
                    assert_eq!(
                        bytes_contain_ci(&hay, needle, pair),
                        plain(&hay),
                        "{:?}",
                        String::from_utf8_lossy(&hay)
                    );
                }
            }
        }
    }

    /// `is_alnum` is `char::is_alphanumeric` on every character.
    #[test]
    fn is_alnum_is_is_alphanumeric() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn case_insensitive_helpers() {
        assert_eq!(tag_ci("by")("BY x"), Ok((" x", "BY")));
        assert!(tag_ci("by")("b").is_err());
        assert!(tag_ci("by")("바").is_err());
        assert!(contains_ci(
            "Times. ALL Rights Reserved.",
            "all rights reserved",
            (6, 16)
        ));
        assert!(!contains_ci("all rights", "all rights reserved", (6, 16)));
        assert!(!contains_ci("reserved", "all rights reserved", (6, 16)));
        assert!(contains_ci("x", "", (0, 0)));
        assert!(contains_ci("see WWW.example.org", "www.", (0, 3)));
        assert!(contains_ci("http://x", "http://", (0, 4)));
        assert!(!contains_ci("ttp://x", "http://", (0, 4)));
        assert!(starts_with_ci("COPYRIGHT 2021", "copyright"));
        assert!(!starts_with_ci("©", "(c) "));
    }
}
