//! SPEC 3.5: the dateline that opens a paragraph.
//!
//! ```text
//! dateline    = place [ SP "(" region ")" ] { "," SP qualifier } [ SP "(" agency ")" ] SP? sep SP?
//!             | title-place { "," SP qualifier } SP "(" agency ")" SP? sep SP?
//!             | date SP "(" agency ")" SP? sep SP?
//! place       = upper-case words joined by " ", "/" or "-", with "." and "'" allowed
//! title-place = capitalised words, only when an agency follows
//! qualifier   = date | region                ; at most one of each, in either order
//! date        = month day [ "," SP year ] | day month [ year ]
//! region      = capitalised words, with of/and/de/la/del between them (one or more:
//!               "de la"), "." allowed
//! agency      = 1-30 characters without parentheses
//! sep         = "--" | "-" | "_" | "—" | "–" | "―" | ":"
//! ```
//!
//! `-`, `--` and `_` need whitespace before them, and after them unless an
//! agency precedes; `:` only follows an upper-case place. The whole dateline,
//! separator and following whitespace included, is at most 100 characters.

use super::lines::{is_ws, longer_than, trim, ws_prefix_len};
use super::timestamp::{day, month, year};
use super::token::{skip_sp0, starts_alnum};
use crate::Dateline;

/// What a production of the dateline reads: the rest of the input and the
/// value, or `None` where it does not match. [`dateline`] only asks whether
/// a form matches, so its productions build no nom error to throw away.
type P<'a, T> = Option<(&'a str, T)>;

/// SP: `i` after one or more whitespace characters.
#[inline(always)]
fn sp(i: &str) -> Option<&str> {
    let rest = skip_sp0(i);
    (rest.len() < i.len()).then_some(rest)
}

/// Succeeds, consuming nothing, unless a letter or digit follows.
#[inline]
fn boundary(i: &str) -> Option<&str> {
    (!starts_alnum(i)).then_some(i)
}

/// The longest dateline, in characters, separator and whitespace included.
pub(crate) const MAX_DATELINE: usize = 100;

/// The longest agency name, in characters.
const MAX_AGENCY: usize = 30;

/// Words that are never part of a place (`FILE - ...`, `UPDATE: ...`).
const NOT_PLACES: &[&str] = &[
    "FILE",
    "UPDATE",
    "NOTE",
    "EDITOR'S",
    "EDITOR\u{2019}S",
    "CORRECTION",
    "PHOTO",
    "PHOTOS",
    "BREAKING",
    "WATCH",
    "VIDEO",
    "LIVE",
    "OPINION",
    "ANALYSIS",
    "EXCLUSIVE",
    "URGENT",
    "ATTN",
    "ATTENTION",
    "SUBJECT",
    "SOURCE",
    "CAPTION",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// An upper-case word: upper-case letters, `.` and `'`, at least one letter.
/// Read byte by byte while the text is ASCII, as most places are.
fn place_word(i: &str) -> P<'_, &str> {
    let bytes = i.as_bytes();
    let mut end = 0;
    let mut letters = false;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii() {
            if b.is_ascii_uppercase() {
                letters = true;
            } else if !matches!(b, b'.' | b'\'') {
                break;
            }
            end += 1;
        } else {
            let c = i[end..].chars().next().unwrap_or(' ');
            if c.is_uppercase() {
                letters = true;
            } else if !is_apostrophe(c) {
                break;
            }
            end += c.len_utf8();
        }
    }
    if !letters {
        return None;
    }
    // `end` only ever advances over whole characters.
    let (word, rest) = i.split_at(end);
    Some((boundary(rest)?, word))
}

/// `HANOI`, `NEW YORK`, `SEOUL/PYONGYANG`, `ST. LOUIS`, `WASHINGTON D.C.`
fn place(i: &str) -> P<'_, &str> {
    let (mut rest, _) = place_word(i)?;
    // `{ (" " | "/" | "-") place_word }`: a joiner not followed by a word
    // is not part of the place.
    while let [b' ' | b'/' | b'-', ..] = rest.as_bytes() {
        match place_word(&rest[1..]) {
            Some((after, _)) => rest = after,
            None => break,
        }
    }
    Some((rest, &i[..i.len() - rest.len()]))
}

/// A capitalised word: an upper-case letter, then letters, `.`, `'` or `-`.
/// Read byte by byte; a character is decoded only where it is not ASCII.
#[inline]
fn cap_word(i: &str) -> P<'_, &str> {
    let bytes = i.as_bytes();
    let mut end = match bytes.first() {
        Some(b) if b.is_ascii_uppercase() => 1,
        Some(b) if !b.is_ascii() => match i.chars().next() {
            Some(c) if c.is_uppercase() => c.len_utf8(),
            _ => return None,
        },
        _ => return None,
    };
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii() {
            if !(b.is_ascii_alphabetic() || matches!(b, b'.' | b'-' | b'\'')) {
                break;
            }
            end += 1;
        } else {
            let c = i[end..].chars().next().unwrap_or(' ');
            if !(c.is_alphabetic() || is_apostrophe(c)) {
                break;
            }
            end += c.len_utf8();
        }
    }
    // `end` only ever advances over whole characters.
    let (word, rest) = i.split_at(end);
    Some((boundary(rest)?, word))
}

/// `of`, `and`, `de`, `la`, `del` between the words of a region: the first
/// of them that the text starts with, ending a word (`dela` is none).
#[inline]
fn connector(i: &str) -> P<'_, &str> {
    let len = match i.as_bytes() {
        [b'o', b'f', ..] | [b'l', b'a', ..] => 2,
        [b'a', b'n', b'd', ..] | [b'd', b'e', b'l', ..] => 3,
        [b'd', b'e', ..] => 2,
        _ => return None,
    };
    // An ASCII word: `len` is a character boundary.
    let (word, rest) = i.split_at(len);
    Some((boundary(rest)?, word))
}

/// `South Korea`, `Calif.`, `Isle of Marsh`, `Isla de la Juventud`:
/// `cap_word { SP { connector SP } cap_word }`. Connectors may follow one
/// another (`de la`), but a region starts and ends with a capitalised word.
fn region(i: &str) -> P<'_, &str> {
    cap_words(i, true)
}

/// `Tallinn`, `Port Alder`: `cap_word { SP cap_word }`. SPEC's title-place
/// is capitalised words only; connectors belong to regions.
fn title_place(i: &str) -> P<'_, &str> {
    cap_words(i, false)
}

/// Capitalised words joined by whitespace, and by connectors where
/// `connectors` allows them.
#[inline]
fn cap_words(i: &str, connectors: bool) -> P<'_, &str> {
    let (mut rest, _) = cap_word(i)?;
    while let Some(mut word) = sp(rest) {
        while let Some(after) = connector(word)
            .filter(|_| connectors)
            .and_then(|(after, _)| sp(after))
        {
            word = after;
        }
        match cap_word(word) {
            Some((after, _)) => rest = after,
            None => break,
        }
    }
    Some((rest, &i[..i.len() - rest.len()]))
}

/// `Feb. 28`, `February 28, 2019`: `month SP? day [ "," SP year ]`.
#[inline]
fn month_day(i: &str) -> Option<&str> {
    let (rest, _) = month(i).ok()?;
    let (rest, _) = day(skip_sp0(rest)).ok()?;
    let with_year = rest
        .strip_prefix(',')
        .and_then(sp)
        .and_then(|r| year(r).ok());
    Some(with_year.map_or(rest, |(rest, _)| rest))
}

/// `27 June 2020`, `3 Jan.`: `day SP month [ SP year ]`.
#[inline]
fn day_month(i: &str) -> Option<&str> {
    let (rest, _) = day(i).ok()?;
    let (rest, _) = month(sp(rest)?).ok()?;
    let with_year = sp(rest).and_then(|r| year(r).ok());
    Some(with_year.map_or(rest, |(rest, _)| rest))
}

/// `Feb. 28`, `February 28, 2019`, `27 June 2020`. A digit starts a day,
/// anything else can only start a month.
fn date(i: &str) -> P<'_, &str> {
    let rest = match i.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => day_month(i)?,
        _ => month_day(i)?,
    };
    Some((rest, &i[..i.len() - rest.len()]))
}

#[derive(Clone, Copy)]
enum Qualifier<'a> {
    Date(&'a str),
    Region(&'a str),
}

/// `"," SP qualifier`: a date, or else a region (`Jan` without a day).
#[inline]
fn qualifier(i: &str) -> P<'_, Qualifier<'_>> {
    let rest = sp(i.strip_prefix(',')?)?;
    match date(rest) {
        Some((after, d)) => Some((after, Qualifier::Date(d))),
        None => region(rest).map(|(after, r)| (after, Qualifier::Region(r))),
    }
}

/// `{ "," SP qualifier }`: at most one date and one region, in either order.
fn qualifiers(i: &str) -> (&str, (Option<&str>, Option<&str>)) {
    let mut found: (Option<&str>, Option<&str>) = (None, None);
    let mut input = i;
    for _ in 0..2 {
        match qualifier(input) {
            Some((rest, Qualifier::Date(d))) if found.0.is_none() => {
                found.0 = Some(d);
                input = rest;
            }
            Some((rest, Qualifier::Region(r))) if found.1.is_none() => {
                found.1 = Some(r);
                input = rest;
            }
            _ => break,
        }
    }
    (input, found)
}

/// `SP "(" text ")"` with no parenthesis inside; the text untrimmed.
fn paren(i: &str) -> P<'_, &str> {
    let inside = sp(i)?.strip_prefix('(')?;
    // Short: a byte loop costs less than setting up `memchr2`.
    match inside.bytes().position(|b| matches!(b, b'(' | b')')) {
        // Parentheses are ASCII: both cuts are character boundaries.
        Some(end) if end > 0 && inside.as_bytes()[end] == b')' => {
            Some((&inside[end + 1..], &inside[..end]))
        }
        _ => None,
    }
}

fn agency_ok(text: &str) -> bool {
    !text.is_empty() && !longer_than(text, MAX_AGENCY)
}

/// `SP "(" agency ")"`: a parenthesis holding an agency name, trimmed.
#[inline]
fn agency(i: &str) -> P<'_, &str> {
    let (rest, text) = paren(i)?;
    let text = trim(text);
    agency_ok(text).then_some((rest, text))
}

/// `SP? sep SP?`, with SPEC's whitespace conditions: `--`, `-` and `_` need
/// whitespace before them, and after them (or the end) unless an agency
/// precedes; `:` only where `colon` allows it. The rest after them.
fn separator(i: &str, agency_before: bool, colon: bool) -> Option<&str> {
    let rest = skip_sp0(i);
    let dash = |len: usize| {
        let after = &rest.as_bytes()[len..];
        let spaced = agency_before || after.is_empty() || ws_prefix_len(after) > 0;
        (rest.len() < i.len() && spaced).then_some(len)
    };
    let len = match rest.as_bytes() {
        [b'-', b'-', ..] => dash(2),
        [b'-' | b'_', ..] => dash(1),
        // U+2014 EM DASH, U+2013 EN DASH, U+2015 HORIZONTAL BAR.
        [0xE2, 0x80, 0x93..=0x95, ..] => Some(3),
        [b':', ..] if colon => Some(1),
        _ => None,
    }?;
    // Every separator is whole characters.
    Some(skip_sp0(&rest[len..]))
}

/// `NOT_PLACES` by length: bit `i` of `NOT_PLACES_BY_LEN[n]` is set when
/// `NOT_PLACES[i]` is `n` bytes long. A word is compared only with the
/// stop-words of its length.
const NOT_PLACES_BY_LEN: [u32; 16] = {
    assert!(NOT_PLACES.len() <= 32, "one bit per stop-word");
    let mut by_len = [0u32; 16];
    let mut i = 0;
    while i < NOT_PLACES.len() {
        by_len[NOT_PLACES[i].len()] |= 1 << i;
        i += 1;
    }
    by_len
};

/// Whether `word` is one of [`NOT_PLACES`], in any ASCII case.
fn is_stop_word(word: &[u8]) -> bool {
    let mut candidates = NOT_PLACES_BY_LEN.get(word.len()).copied().unwrap_or(0);
    while candidates != 0 {
        let stop = NOT_PLACES[candidates.trailing_zeros() as usize];
        if stop.as_bytes().eq_ignore_ascii_case(word) {
            return true;
        }
        candidates &= candidates - 1;
    }
    false
}

/// Whether a word of an upper-case `place` (words joined by ` `, `/` and
/// `-`, all ASCII) is one of [`NOT_PLACES`].
fn holds_stop_word(place: &str) -> bool {
    place
        .as_bytes()
        .split(|&b| matches!(b, b' ' | b'/' | b'-'))
        .any(is_stop_word)
}

/// Whether a word of a capitalised `place` (split at `-` and at any SPEC
/// whitespace, which joins its words: `FILE\u{A0}PHOTO`) is one of
/// [`NOT_PLACES`].
fn title_holds_stop_word(place: &str) -> bool {
    place
        .split(|c: char| is_ws(c) || c == '-')
        .any(|word| is_stop_word(word.as_bytes()))
}

/// `PLACE [(region)] {, qualifier} [(agency)] sep`.
#[inline]
fn upper_place_dateline(i: &str) -> P<'_, Dateline<'_>> {
    let (rest, place) = place(i)?;
    if holds_stop_word(place) {
        return None;
    }
    let (rest, first) = opt_paren(rest);
    let (rest, (date, region)) = qualifiers(rest);
    let (rest, second) = opt_paren(rest);
    let has_qualifier = date.is_some() || region.is_some();
    let (paren_region, agency) = match (first, second) {
        (Some(r), Some(a)) => (Some(r), Some(a)),
        (Some(r), None) if has_qualifier => (Some(r), None),
        (first, second) => (None, first.or(second)),
    };
    let paren_region = paren_region.map(trim);
    if let Some(r) = paren_region {
        if region.is_some() || self::region(r).is_none_or(|(after, _)| !after.is_empty()) {
            return None;
        }
    }
    let agency = agency.map(trim);
    if agency.is_some_and(|a| !agency_ok(a)) {
        return None;
    }
    let rest = separator(rest, agency.is_some(), true)?;
    Some((
        rest,
        Dateline {
            place: Some(place),
            region: region.or(paren_region),
            date,
            agency,
            paragraph: 0,
        },
    ))
}

/// `[ SP "(" text ")" ]`: the text of the parenthesis, if one follows.
#[inline]
fn opt_paren(i: &str) -> (&str, Option<&str>) {
    match paren(i) {
        Some((rest, text)) => (rest, Some(text)),
        None => (i, None),
    }
}

/// `Place {, qualifier} (agency) sep`: a capitalised place needs an agency.
#[inline]
fn title_place_dateline(i: &str) -> P<'_, Dateline<'_>> {
    let (rest, place) = title_place(i)?;
    let (rest, (date, region)) = qualifiers(rest);
    let (rest, agency) = agency(rest)?;
    let rest = separator(rest, true, false)?;
    if title_holds_stop_word(place) {
        return None;
    }
    Some((
        rest,
        Dateline {
            place: Some(place),
            region,
            date,
            agency: Some(agency),
            paragraph: 0,
        },
    ))
}

/// `date (agency) sep`: no place, as in `Aug. 10 (UPI) -- `.
#[inline]
fn date_dateline(i: &str) -> P<'_, Dateline<'_>> {
    let (rest, date) = date(i)?;
    let (rest, agency) = agency(rest)?;
    let rest = separator(rest, true, false)?;
    Some((
        rest,
        Dateline {
            place: None,
            region: None,
            date: Some(date),
            agency: Some(agency),
            paragraph: 0,
        },
    ))
}

/// SPEC 3.5: the dateline opening the trimmed paragraph `text`, and the
/// rest of the paragraph after the separator and its whitespace (empty for
/// a line that holds only a dateline). `paragraph` is left at 0.
pub(crate) fn dateline(text: &str) -> Option<(Dateline<'_>, &str)> {
    let first = *text.as_bytes().first()?;
    let opens = if first.is_ascii() {
        first.is_ascii_uppercase() || first.is_ascii_digit()
    } else {
        text.chars().next().is_some_and(char::is_uppercase)
    };
    if !opens {
        return None;
    }
    let window = reach(text)?;
    // A digit can only start a date; an upper-case place is tried before a
    // capitalised one. Without a parenthesis in reach only an upper-case
    // place can open a dateline: the other two forms need an agency.
    // (A date is never a place of either kind: after its month comes a day.)
    let found = if first.is_ascii_digit() {
        date_dateline(window)
    } else {
        upper_place_dateline(window).or_else(|| {
            memchr::memchr(b'(', window.as_bytes())
                .and_then(|_| date_dateline(window).or_else(|| title_place_dateline(window)))
        })
    };
    let (rest, found) = found?;
    let consumed = window.len() - rest.len();
    if longer_than(&text[..consumed], MAX_DATELINE) {
        return None;
    }
    Some((found, &text[consumed..]))
}

/// The look-ahead window of `text` (see [`window`]), or `None` when it
/// holds no byte that can begin a separator (see [`SEPARATOR_STARTS`]):
/// most paragraphs are turned away here, before any production runs.
///
/// One pass of 16-byte steps over the first `MAX_DATELINE + 1` bytes finds
/// the separator bytes and any byte that is not ASCII. Without one that is
/// not ASCII, those bytes are the window (or all of `text`); with one,
/// [`window`] counts the characters, and only the bytes past the first
/// `MAX_DATELINE + 1` are searched again.
#[inline]
fn reach(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let head = &bytes[..bytes.len().min(MAX_DATELINE + 1)];
    let marks = Marks::of(head);
    if !marks.not_ascii {
        // ASCII: the end of `head` is a character boundary.
        return marks.separator.then(|| &text[..head.len()]);
    }
    let window = window(text);
    let separator = marks.separator || Marks::of(&window.as_bytes()[head.len()..]).separator;
    separator.then_some(window)
}

/// What [`reach`] looks for in the first bytes of a paragraph.
struct Marks {
    /// A byte of [`SEPARATOR_STARTS`].
    separator: bool,
    /// A byte that is not ASCII.
    not_ascii: bool,
}

impl Marks {
    /// The marks of `bytes`, 16 at a time with `wide` (SSE2 on x86-64, NEON
    /// on AArch64, safe code here); the last step covers the last 16 bytes,
    /// overlapping the one before. Fewer than 16 bytes are read one by one.
    #[inline]
    fn of(bytes: &[u8]) -> Marks {
        use wide::u8x16;
        const LANES: usize = 16;
        let Some(last) = bytes.len().checked_sub(LANES) else {
            return Marks::of_short(bytes);
        };
        let (mut separator, mut high) = (u8x16::ZERO, u8x16::ZERO);
        let mut step = |chunk: &[u8]| {
            let v = u8x16::from(<[u8; LANES]>::try_from(chunk).unwrap_or([0; LANES]));
            for b in SEPARATOR_STARTS {
                separator |= v.cmp_eq(u8x16::splat(b));
            }
            high |= v;
        };
        let chunks = bytes.chunks_exact(LANES);
        let tail = chunks.remainder().len();
        chunks.for_each(&mut step);
        if tail > 0 {
            step(&bytes[last..]);
        }
        Marks {
            separator: separator.move_mask() != 0,
            not_ascii: high.move_mask() != 0,
        }
    }

    /// [`Marks::of`] byte by byte, without a branch on any byte.
    fn of_short(bytes: &[u8]) -> Marks {
        let (separator, high) = bytes
            .iter()
            .fold((false, 0), |(s, h), &b| (s | starts_separator(b), h | b));
        Marks {
            separator,
            not_ascii: !high.is_ascii(),
        }
    }
}

/// The bytes that can begin a separator: `-`, `_`, `:`, and the 0xE2 that
/// begins the dashes `—`, `–` and `―`. Every form of dateline ends in a
/// separator inside the look-ahead window, so a window without one of these
/// bytes opens no dateline.
const SEPARATOR_STARTS: [u8; 4] = [b'-', b'_', b':', 0xE2];

/// Whether `b` is one of [`SEPARATOR_STARTS`].
#[inline]
fn starts_separator(b: u8) -> bool {
    SEPARATOR_STARTS.contains(&b)
}

/// The number of UTF-8 continuation bytes in `bytes`, counted in a `u8`
/// for each 255 of them: this compiles to vector code.
#[inline]
fn continuation_bytes(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|chunk| {
            let n: u8 = chunk.iter().map(|&b| u8::from((b as i8) < -0x40)).sum();
            usize::from(n)
        })
        .sum()
}

/// The look-ahead of [`dateline`]: the first `MAX_DATELINE + 1` characters
/// of `text` (all of it if shorter). One character past the limit is enough
/// to tell whether the dateline ends within it.
///
/// Counted in bytes: the end moves on by the UTF-8 continuation bytes
/// before it until there are none it has not counted (then the bytes
/// before it hold `MAX_DATELINE + 1` first bytes of characters), then over
/// the continuation bytes of the last character.
#[inline]
fn window(text: &str) -> &str {
    let bytes = text.as_bytes();
    let is_continuation = |b: &u8| (*b as i8) < -0x40;
    let (mut counted, mut end) = (0, MAX_DATELINE + 1);
    while end < bytes.len() {
        let more = continuation_bytes(&bytes[counted..end]);
        if more == 0 {
            // `end` follows the first byte of the last character.
            while bytes.get(end).is_some_and(is_continuation) {
                end += 1;
            }
            // `end` is past a whole character: a character boundary.
            return &text[..end];
        }
        (counted, end) = (end, end + more);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl<'a>(
        place: Option<&'a str>,
        region: Option<&'a str>,
        date: Option<&'a str>,
        agency: Option<&'a str>,
    ) -> Dateline<'a> {
        Dateline {
            place,
            region,
            date,
            agency,
            paragraph: 0,
        }
    }

    #[track_caller]
    fn yes(text: &str, want: Dateline<'_>, rest: &str) {
        assert_eq!(dateline(text), Some((want, rest)), "{text:?}");
    }

    #[track_caller]
    fn no(text: &str) {
        assert_eq!(dateline(text), None, "{text:?}");
    }

    #[test]
    fn upper_case_places() {
        yes(
            "HANOI -- Talks ended.",
            dl(Some("HANOI"), None, None, None),
            "Talks ended.",
        );
        yes(
            "TARNBY/HOLM ISLAND - The ferry",
            dl(Some("TARNBY/HOLM ISLAND"), None, None, None),
            "The ferry",
        );
        yes(
            "ST. BRIDE'S (AJP) -The wall",
            dl(Some("ST. BRIDE'S"), None, None, Some("AJP")),
            "The wall",
        );
        yes(
            "WINSTON-SALEM, N.C. (AP) — A",
            dl(Some("WINSTON-SALEM"), Some("N.C."), None, Some("AP")),
            "A",
        );
        yes("ØSTBY _ Work", dl(Some("ØSTBY"), None, None, None), "Work");
        yes("OSTVIK—Work", dl(Some("OSTVIK"), None, None, None), "Work");
        yes(
            "TARNBY: The market",
            dl(Some("TARNBY"), None, None, None),
            "The market",
        );
    }

    #[test]
    fn qualifiers_and_agencies() {
        yes(
            "KESSEN BAY, Isle of Marsh, Jan. 3 (UPI) -- Boats",
            dl(
                Some("KESSEN BAY"),
                Some("Isle of Marsh"),
                Some("Jan. 3"),
                Some("UPI"),
            ),
            "Boats",
        );
        yes(
            "ORLEY, January 3, 2021, Mo. (AP) -- The zoo",
            dl(
                Some("ORLEY"),
                Some("Mo."),
                Some("January 3, 2021"),
                Some("AP"),
            ),
            "The zoo",
        );
        yes(
            "BRENHOLT (Norland), March 12 (Bernama) -- Engineers",
            dl(
                Some("BRENHOLT"),
                Some("Norland"),
                Some("March 12"),
                Some("Bernama"),
            ),
            "Engineers",
        );
        yes(
            "PORT ALDER (Reuters) -- The",
            dl(Some("PORT ALDER"), None, None, Some("Reuters")),
            "The",
        );
        yes(
            "BRENHOLT, 27 June 2020 (Reuters) - The",
            dl(
                Some("BRENHOLT"),
                None,
                Some("27 June 2020"),
                Some("Reuters"),
            ),
            "The",
        );
        yes(
            "HALDEN, March 9 – The",
            dl(Some("HALDEN"), None, Some("March 9"), None),
            "The",
        );
        yes(
            "OSTVIK, Norland -- Corvane",
            dl(Some("OSTVIK"), Some("Norland"), None, None),
            "Corvane",
        );
        yes(
            "Ålvik (AFP) - Apple",
            dl(Some("Ålvik"), None, None, Some("AFP")),
            "Apple",
        );
        yes(
            "Oct. 14 (UPI) -- Trains",
            dl(None, None, Some("Oct. 14"), Some("UPI")),
            "Trains",
        );
        yes(
            "TARNBY (Reuters) -",
            dl(Some("TARNBY"), None, None, Some("Reuters")),
            "",
        );
    }

    #[test]
    fn connectors_in_a_row() {
        yes(
            "VARGAS, Isla de la Norte (AP) — The",
            dl(Some("VARGAS"), Some("Isla de la Norte"), None, Some("AP")),
            "The",
        );
        // A capitalised place takes no connectors (SPEC: title-place is
        // capitalised words), so `de` ends it where no agency follows.
        no("Puerto de la Loma (EFE) - The");
        no("Sale of Assets (Reuters) - The board");
        yes(
            "Puerto Loma, Isla de la Norte (EFE) - The",
            dl(
                Some("Puerto Loma"),
                Some("Isla de la Norte"),
                None,
                Some("EFE"),
            ),
            "The",
        );
        // A region still ends with a capitalised word: connectors before
        // a separator or a lower-case word leave the region at `Isla`,
        // where no separator follows.
        no("VARGAS, Isla de la -- The");
        no("VARGAS, Isla de la costa -- The");
    }

    #[test]
    fn negatives() {
        no("VELMORA -The city");
        no("Velmora - The city");
        no("FILE - The bridge");
        no("FILE PHOTO: The bridge");
        // Words joined by other whitespace than one space.
        for ws in ["\t", "\u{A0}", "\u{2009}", "\u{3000}", "  "] {
            no(&format!("FILE{ws}PHOTO (Reuters) - A man"));
            no(&format!("File{ws}Photo (Reuters) - A man"));
            no(&format!("EDITOR'S{ws}NOTE (AP) \u{2014} The"));
            no(&format!("NEW YORK{ws}FILE (AP) \u{2014} The"));
        }
        no("File-Photo (Reuters) - A man");
        no("HOLM LIVE -- A cafe");
        no("U.S. Ambassador Ilse Marr opened");
        no("TARNEX, the Tarnby share index, fell - its third drop");
        no("PORT ALDER-based Corvane said");
        no("KOSPI, the main index, fell - x");
        no("SEOUL (Yonhap)-- no space before");
        no("the city -- lower case");
        no("");
        no("SEOUL (an agency name that is far too long to be one) -- x");
    }

    /// [`window`] agrees with the plain count of characters.
    #[test]
    fn window_holds_one_character_past_the_limit() {
        use crate::parse::lines::char_offset;
        for unit in ["a", "é", "—", "한", "😀", "a—", "é한😀a"] {
            for n in 0..130 {
                for tail in ["", "x", "é", "\u{3000}"] {
                    let text = format!("{}{tail}", unit.repeat(n));
                    let want = char_offset(&text, MAX_DATELINE + 1).unwrap_or(text.len());
                    assert_eq!(window(&text).len(), want, "{text:?}");
                }
            }
        }
    }

    /// [`reach`] finds the window of [`window`] where a plain search of that
    /// window finds a separator byte, for every length around the steps of
    /// 16 and the limit, with each mark and a character that is not ASCII
    /// at every place, after ASCII or after an `é`.
    #[test]
    fn reach_agrees_with_a_plain_search_of_the_window() {
        for len in 0..140 {
            for plant in ["", "-", "_", ":", "—", "(", "é", "한", "😀"] {
                for (at, first) in (0..=len).flat_map(|at| [(at, "a"), (at, "é")]) {
                    let mut text = first.to_owned() + &"a".repeat(len);
                    text.insert_str(at + first.len(), plant);
                    let window = window(&text);
                    let bytes = window.as_bytes();
                    let want = bytes.iter().any(|&b| starts_separator(b)).then_some(window);
                    assert_eq!(reach(&text), want, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn length_limit() {
        let region = "Upper Calder and Lower Marsh Valley District of Norholm";
        let ok = format!("PORT ALDER, {region}, March 3 (Alder Valley Wire) -- Repairs");
        assert_eq!(ok.find("Repairs"), Some(100));
        assert!(dateline(&ok).is_some());
        let long = ok.replace("Norholm", "Norrholm");
        no(&long);
    }
}
