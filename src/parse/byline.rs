//! SPEC 3.2: byline lines, date labels and authors.
//!
//! ```text
//! byline-line = byline-word SP byline [ label value { label value } ]
//!             | label value { label value }
//! byline-word = "By" | "Written by" | "Story by"                    ; any case
//! label       = posted-label | updated-label                         ; whole word, any case
//!               [SP] [":"] [SP] &( DIGIT | month | weekday )
//! ```

use nom::Parser;
use nom::branch::alt;
use wide::u8x16;

use super::lines::{is_ws, longer_than, trim, vector};
use super::timestamp::{month, weekday};
use super::token::{R, is_alnum, skip_sp0, sp, starts_alnum, starts_with_ci, tag_ci};
use crate::error::TimestampField;

/// A `By` line without a date label is a byline only up to this many characters.
pub(crate) const MAX_BARE_BYLINE: usize = 80;

/// `By`, `Written by` or `Story by`, any case, then whitespace.
fn byline_word(i: &str) -> R<'_, &str> {
    let (rest, word) = alt((tag_ci("written by"), tag_ci("story by"), tag_ci("by"))).parse(i)?;
    let (rest, _) = sp(rest)?;
    Ok((rest, word))
}

use TimestampField::{Posted, Updated};

/// Date labels and the timestamp each gives, in lower case. English labels
/// match in any case. A label comes before any other that it starts with
/// (`Posted on` before `Posted`).
const LABELS: &[(&str, TimestampField)] = &[
    ("posted on", Posted),
    ("posted", Posted),
    ("published", Posted),
    ("last updated", Updated),
    ("last modified", Updated),
    ("updated", Updated),
    ("modified", Updated),
    ("created", Posted),
    ("date", Posted),
    ("written", Posted),
    ("기사입력", Posted),
    ("입력", Posted),
    ("승인", Posted),
    ("등록", Posted),
    ("수정", Updated),
    ("업데이트", Updated),
];

/// `LABELS` by byte: bit `i` of `LABEL_FIRST[b]` (`LABEL_SECOND[b]`) is set
/// when the first (second) byte of `LABELS[i]` is `b`, in either case for an
/// ASCII letter. Only `LABELS[i]` with its bit set in both tables, for the
/// first two bytes of the text, can match there.
const LABEL_FIRST: [u16; 256] = label_index(0);
/// The labels by their second byte (see [`LABEL_FIRST`]).
const LABEL_SECOND: [u16; 256] = label_index(1);

/// The table of [`LABEL_FIRST`] (`at == 0`) or [`LABEL_SECOND`] (`at == 1`).
const fn label_index(at: usize) -> [u16; 256] {
    assert!(LABELS.len() <= 16, "one bit per label");
    let mut index = [0u16; 256];
    let mut i = 0;
    while i < LABELS.len() {
        let b = LABELS[i].0.as_bytes()[at];
        index[b.to_ascii_lowercase() as usize] |= 1 << i;
        index[b.to_ascii_uppercase() as usize] |= 1 << i;
        i += 1;
    }
    index
}

/// The labels that can match at the start of `i`, as bits of [`LABELS`],
/// by its first two bytes.
#[inline]
fn label_candidates(i: &[u8]) -> u16 {
    match i {
        [first, second, ..] => {
            LABEL_FIRST[usize::from(*first)] & LABEL_SECOND[usize::from(*second)]
        }
        _ => 0,
    }
}

/// Whether the character that ends `i` is a letter or a digit. ASCII is
/// classified without decoding.
#[inline]
fn ends_alnum(i: &str) -> bool {
    match i.as_bytes().last() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => i.ends_with(is_alnum),
    }
}

/// A label's name as one 16-byte word for [`starts_with_name`] (names are
/// at most 16 bytes): its bytes, zero-padded (`name`), bit `0x20` of each
/// byte that is an ASCII letter (`fold`), and all bits of each byte of the
/// name (`mask`).
#[derive(Clone, Copy)]
struct NameWord {
    name: u128,
    fold: u128,
    mask: u128,
}

/// The [`NameWord`] of a lower-case `name`.
const fn name_word(name: &str) -> NameWord {
    let b = name.as_bytes();
    assert!(b.len() <= 16, "a name fits a word");
    let (mut word, mut fold, mut mask) = (0u128, 0u128, 0u128);
    let mut k = 0;
    while k < b.len() {
        word |= (b[k] as u128) << (8 * k);
        if b[k].is_ascii_lowercase() {
            fold |= 0x20 << (8 * k);
        }
        mask |= 0xFF << (8 * k);
        k += 1;
    }
    NameWord {
        name: word,
        fold,
        mask,
    }
}

/// The [`NameWord`] of each of [`LABELS`].
const LABEL_WORDS: [NameWord; LABELS.len()] = {
    let mut words = [name_word(""); LABELS.len()];
    let mut i = 0;
    while i < LABELS.len() {
        words[i] = name_word(LABELS[i].0);
        i += 1;
    }
    words
};

/// Whether `text` starts with the name of `word`, ASCII letters in any
/// case. A byte matches a letter of the name when, with bit `0x20` set, it
/// is that lower-case letter (so it is the letter in either case), and any
/// other byte of the name exactly. The first 16 bytes of `text` are
/// compared at once, with no branch on the name's length; bytes past the
/// end of a shorter `text` read as 0, which no name byte matches.
#[inline]
fn starts_with_name(text: &[u8], word: &NameWord) -> bool {
    let head = match text.first_chunk::<16>() {
        Some(head) => *head,
        None => {
            let mut head = [0; 16];
            head[..text.len()].copy_from_slice(text);
            head
        }
    };
    let head = u128::from_le_bytes(head);
    ((head | word.fold) ^ word.name) & word.mask == 0
}

/// A label's name at the start of `i`, as a whole word.
fn label_name(i: &str) -> Option<(&str, TimestampField)> {
    let mut candidates = label_candidates(i.as_bytes());
    while candidates != 0 {
        let k = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        if starts_with_name(i.as_bytes(), &LABEL_WORDS[k]) {
            let (name, field) = LABELS[k];
            // `name` matched whole characters, so its length is a boundary.
            let rest = &i[name.len()..];
            if !starts_alnum(rest) {
                return Some((rest, field));
            }
        }
    }
    None
}

/// Whether `i` starts like a label's value: with a digit, a month name or
/// a weekday.
fn value_start(i: &str) -> bool {
    i.as_bytes().first().is_some_and(u8::is_ascii_digit) || month(i).is_ok() || weekday(i).is_ok()
}

/// `label [SP] [":"] [SP]` followed by the start of a value. Returns the
/// input from the value on and the label's kind. A plain `Option`: a label
/// that does not match has nothing to report.
fn label(i: &str) -> Option<(&str, TimestampField)> {
    let (rest, field) = label_name(i)?;
    let rest = skip_sp0(rest);
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let rest = skip_sp0(rest);
    value_start(rest).then_some((rest, field))
}

/// The distinct ASCII bytes, with bit `0x20` set, that stand at offset `at`
/// of the ASCII labels of [`LABELS`]: `N` of them, checked when the list
/// is built.
const fn folded_ascii_bytes<const N: usize>(at: usize) -> [u8; N] {
    let mut set = [0u8; N];
    let mut n = 0;
    let mut i = 0;
    while i < LABELS.len() {
        let name = LABELS[i].0.as_bytes();
        if name[0].is_ascii() {
            let b = name[at] | 0x20;
            let mut k = 0;
            while k < n && set[k] != b {
                k += 1;
            }
            if k == n {
                assert!(n < N, "N is the number of distinct bytes");
                set[n] = b;
                n += 1;
            }
        }
        i += 1;
    }
    assert!(n == N, "N is the number of distinct bytes");
    set
}

/// The first bytes of the ASCII labels, folded.
const FIRST_FOLDED: [u8; 7] = folded_ascii_bytes(0);
/// The second bytes of the ASCII labels, folded.
const SECOND_FOLDED: [u8; 5] = folded_ascii_bytes(1);
/// The smallest first byte of the other labels (Hangul).
const FIRST_NOT_ASCII: u8 = {
    let mut min = u8::MAX;
    let mut i = 0;
    while i < LABELS.len() {
        let b = LABELS[i].0.as_bytes()[0];
        if !b.is_ascii() && b < min {
            min = b;
        }
        i += 1;
    }
    min
};

/// A bit for each of the 16 positions of `at0` (the bytes there) and
/// `at1` (the bytes after them) where a label could start: the byte there
/// and the next, with bit `0x20` set, are the first and second bytes of
/// some ASCII label so folded, or the byte there is at least
/// [`FIRST_NOT_ASCII`]. Every position where [`label_candidates`] finds a
/// label has its bit (folding keeps equal bytes equal); a set bit is only
/// a candidate.
#[inline(always)]
fn label_starts(at0: u8x16, at1: u8x16) -> u32 {
    let fold = u8x16::splat(0x20);
    let (f0, f1) = (at0 | fold, at1 | fold);
    let any_of = |v: u8x16, set: &[u8]| {
        set.iter()
            .fold(u8x16::ZERO, |m, &b| m | v.cmp_eq(u8x16::splat(b)))
    };
    let ascii = any_of(f0, &FIRST_FOLDED) & any_of(f1, &SECOND_FOLDED);
    let other = at0.max(u8x16::splat(FIRST_NOT_ASCII)).cmp_eq(at0);
    (ascii | other).move_mask() as u32
}

/// The first offset at or after `from` where [`label_candidates`] finds a
/// label that can start there. Sixteen offsets a step are sifted with
/// [`label_starts`] and only its candidates looked up; the last step
/// overlaps the one before, and a text shorter than a step is read pair by
/// pair.
fn next_label_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    const LANES: usize = 16;
    let exact = |k: usize| label_candidates(&bytes[k..]) != 0;
    // Offsets up to `last_start` have a byte after them.
    let last_start = bytes.len().checked_sub(2)?;
    if from > last_start {
        return None;
    }
    if last_start - from + 1 < LANES {
        return (from..=last_start).find(|&k| exact(k));
    }
    // The first candidate among the offsets `base + i` of the bits `i` of
    // `mask` that the table confirms.
    let first = |mut mask: u32, base: usize| {
        while mask != 0 {
            let k = base + mask.trailing_zeros() as usize;
            if exact(k) {
                return Some(k);
            }
            mask &= mask - 1;
        }
        None
    };
    let sift = |k: usize| label_starts(vector(&bytes[k..]), vector(&bytes[k + 1..]));
    let mut at = from;
    while at + LANES <= last_start + 1 {
        if let Some(k) = first(sift(at), at) {
            return Some(k);
        }
        at += LANES;
    }
    if at > last_start {
        return None;
    }
    // The last offsets: one step that ends at `last_start`, without the
    // offsets already sifted.
    let start = last_start + 1 - LANES;
    first(sift(start) >> (at - start) << (at - start), start)
}

/// A date label found in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label {
    /// Offset of the label's first byte in the searched text.
    pub start: usize,
    /// Offset of the value's first byte.
    pub value_start: usize,
    /// Which timestamp the label gives.
    pub field: TimestampField,
}

/// The first date label in `text` at or after byte `from`, starting at a
/// word start (a letter or digit not preceded by one). The bytes are
/// scanned in pairs, and the label grammar is tried only where the first
/// two bytes are those of a label: most bytes take one well-predicted
/// branch.
pub(crate) fn find_label(text: &str, from: usize) -> Option<Label> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(start) = next_label_candidate(bytes, at) {
        // A label's first byte starts a character.
        at = start + 1;
        if !ends_alnum(&text[..start]) {
            if let Some((rest, field)) = label(&text[start..]) {
                return Some(Label {
                    start,
                    value_start: text.len() - rest.len(),
                    field,
                });
            }
        }
    }
    None
}

/// A label's value: up to the next label or the end of the line, trimmed,
/// without a trailing `,`, `;` or `|`. Returns the value and the next label.
pub(crate) fn label_value(text: &str, label: Label) -> (&str, Option<Label>) {
    let next = find_label(text, label.value_start);
    let end = next.map_or(text.len(), |l| l.start);
    let mut value = trim(&text[label.value_start..end]);
    while let Some(v) = value.strip_suffix([',', ';', '|']) {
        value = trim(v);
    }
    (value, next)
}

/// A byline line (SPEC 3.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BylineLine<'a> {
    /// Whether the line starts with a byline word.
    pub is_by_line: bool,
    /// The text after the byline word and before the first label; `None`
    /// for a line that starts with a label, or when that text is empty.
    pub byline: Option<&'a str>,
    /// The first date label of the line.
    pub first_label: Option<Label>,
}

/// SPEC 3.2's "ends in `.`, `?`, `!` or a quote", where a quote is any of
/// `"'“”‘’«»`. The list is SPEC's: an ellipsis `…` is none of them.
fn ends_like_a_sentence(text: &str) -> bool {
    text.ends_with([
        '.', '?', '!', '"', '\'', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{AB}',
        '\u{BB}',
    ])
}

/// SPEC 3.2: whether the trimmed, non-blank `line` is a byline line.
pub(crate) fn byline_line(line: &str) -> Option<BylineLine<'_>> {
    if let Ok((rest, _)) = byline_word(line) {
        let from = line.len() - rest.len();
        return match find_label(line, from) {
            Some(l) => {
                let byline = trim(&line[from..l.start]);
                Some(BylineLine {
                    is_by_line: true,
                    byline: (!byline.is_empty()).then_some(byline),
                    first_label: Some(l),
                })
            }
            None if !longer_than(line, MAX_BARE_BYLINE) && !ends_like_a_sentence(line) => {
                Some(BylineLine {
                    is_by_line: true,
                    byline: Some(rest),
                    first_label: None,
                })
            }
            None => None,
        };
    }
    let (rest, field) = label(line)?;
    Some(BylineLine {
        is_by_line: false,
        byline: None,
        first_label: Some(Label {
            start: 0,
            value_start: line.len() - rest.len(),
            field,
        }),
    })
}

/// Agency names removed from the ends of an author (SPEC 3.2), longest first.
pub(crate) const AGENCIES: &[&str] = &[
    "Agence France-Presse",
    "Yonhap News Agency",
    "Associated Press",
    "Kyodo News",
    "AJU PRESS",
    "Bloomberg",
    "Bernama",
    "Reuters",
    "Xinhua",
    "Yonhap",
    "Kyodo",
    "KCNA",
    "ANSA",
    "TASS",
    "Jiji",
    "AFP",
    "UPI",
    "dpa",
    "EFE",
    "PTI",
    "ANI",
    "AJP",
    "AP",
];

/// `AGENCIES` by byte: bit `i` of `AGENCY_FIRST[b]` (`AGENCY_SECOND[b]`) is
/// set when the first (second) byte of `AGENCIES[i]` is `b`; likewise
/// `AGENCY_LAST` and `AGENCY_PENULT` for the last and the one before it.
/// Only the agencies with their bits set for the first two (last two) bytes
/// of a part can be stripped from its start (end).
const AGENCY_FIRST: [u32; 256] = agency_index(false, 0);
/// The agencies by their second byte (see [`AGENCY_FIRST`]).
const AGENCY_SECOND: [u32; 256] = agency_index(false, 1);
/// The agencies by their last byte (see [`AGENCY_FIRST`]).
const AGENCY_LAST: [u32; 256] = agency_index(true, 0);
/// The agencies by the byte before their last (see [`AGENCY_FIRST`]).
const AGENCY_PENULT: [u32; 256] = agency_index(true, 1);

/// The table of the `at`-th byte of each agency, counted from its start or,
/// if `from_end`, from its end.
const fn agency_index(from_end: bool, at: usize) -> [u32; 256] {
    assert!(AGENCIES.len() <= 32, "one bit per agency");
    let mut index = [0u32; 256];
    let mut i = 0;
    while i < AGENCIES.len() {
        let a = AGENCIES[i].as_bytes();
        assert!(a.len() >= 2, "agencies have two bytes or more");
        let b = if from_end { a[a.len() - 1 - at] } else { a[at] };
        index[b as usize] |= 1 << i;
        i += 1;
    }
    index
}

/// Words that make a byline part a role, not a name (plural allowed).
const ROLE_WORDS: &[&str] = &[
    "reporter",
    "correspondent",
    "staff",
    "writer",
    "editor",
    "desk",
    "bureau",
    "press",
    "corps",
    "contributor",
    "columnist",
    "intern",
];

/// Byte classes for [`split_byline`]: ASCII letters and digits, separators,
/// the `a` that can begin `and` (either case), and non-ASCII bytes.
const SPLIT_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            class[b] |= SPLIT_WORD;
        }
        if matches!(c, b',' | b';' | b'&' | b'/' | b'|') {
            class[b] |= SPLIT_SEP;
        }
        if c.eq_ignore_ascii_case(&b'a') {
            class[b] |= SPLIT_A;
        }
        if !c.is_ascii() {
            class[b] |= SPLIT_NON_ASCII;
        }
        b += 1;
    }
    class
};
/// [`SPLIT_CLASS`]: an ASCII letter or digit.
const SPLIT_WORD: u8 = 1;
/// [`SPLIT_CLASS`]: `,`, `;`, `&`, `/` or `|`.
const SPLIT_SEP: u8 = 2;
/// [`SPLIT_CLASS`]: `a` or `A`.
const SPLIT_A: u8 = 4;
/// [`SPLIT_CLASS`]: a byte of a non-ASCII character.
const SPLIT_NON_ASCII: u8 = 8;

/// Splits a byline at `,`, `;`, `&`, `/`, `|` and the whole word `and`.
/// Bytes are classified by table, so most take one well-predicted branch.
fn split_byline(byline: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(byline);
    std::iter::from_fn(move || {
        let text = rest?;
        let bytes = text.as_bytes();
        let mut prev_word = false;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let class = SPLIT_CLASS[usize::from(b)];
            // An `a` only matters at a word start.
            let a = SPLIT_A * u8::from(!prev_word);
            if class & (SPLIT_SEP | SPLIT_NON_ASCII | a) != 0 {
                if class & SPLIT_NON_ASCII != 0 {
                    // Separators are ASCII: a non-ASCII character only
                    // matters as the character before an `and`.
                    let c = text[i..].chars().next().unwrap_or(' ');
                    prev_word = is_alnum(c);
                    i += c.len_utf8();
                    continue;
                }
                if class & SPLIT_SEP != 0 {
                    rest = Some(&text[i + 1..]);
                    return Some(&text[..i]);
                }
                if bytes
                    .get(i..i + 3)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"and"))
                    && !starts_alnum(&text[i + 3..])
                {
                    rest = Some(&text[i + 3..]);
                    return Some(&text[..i]);
                }
            }
            prev_word = class & SPLIT_WORD != 0;
            i += 1;
        }
        rest = None;
        Some(text)
    })
}

/// Whether `token` is an e-mail address, bare or in `(...)` or `<...>`.
/// The address itself holds no bracket: `Roe(jane@example.com)` is a name
/// with an address after it, not an address.
fn is_email(token: &str) -> bool {
    let inner = token
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .or_else(|| token.strip_prefix('<').and_then(|t| t.strip_suffix('>')))
        .unwrap_or(token);
    let Some((local, domain)) = inner.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !inner.contains(['(', ')', '<', '>', '[', ']'])
        && !domain.contains('@')
        && domain
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
}

/// Removes an agency name from the start or the end of `part` (whole words,
/// case-sensitive); `None` when neither end is an agency. The longest name
/// of the built-in list (sorted longest first) and `extra` is removed.
fn strip_agency<'a>(part: &'a str, extra: &[String]) -> Option<&'a str> {
    let bytes = part.as_bytes();
    if bytes.is_empty() {
        return None;
    }
    // Built-in agencies have two bytes or more.
    let mut candidates = match (bytes, bytes) {
        ([a, b, ..], [.., y, z]) => {
            (AGENCY_FIRST[usize::from(*a)] & AGENCY_SECOND[usize::from(*b)])
                | (AGENCY_PENULT[usize::from(*y)] & AGENCY_LAST[usize::from(*z)])
        }
        _ => 0,
    };
    let mut built_in = None;
    while candidates != 0 {
        let i = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        if let Some(rest) = strip_one_agency(part, AGENCIES[i]) {
            built_in = Some(rest);
            break;
        }
    }
    if extra.is_empty() {
        return built_in;
    }
    // The longest name removed, in characters, leaves the shortest rest;
    // among names of the same length, the built-in one, then the first
    // added.
    built_in
        .into_iter()
        .chain(
            extra
                .iter()
                .filter_map(|agency| strip_one_agency(part, agency)),
        )
        .min_by_key(|rest| rest.chars().count())
}

/// `part` without `agency` at its start, or else at its end, as a whole word:
/// where the name ends (starts) with a letter or digit, no letter or digit
/// may follow (come before) it. A name edged with punctuation, such as an
/// added `(AP)`, needs no space there: `Jane Roe(AP)` gives `Jane Roe`.
#[inline]
fn strip_one_agency<'a>(part: &'a str, agency: &str) -> Option<&'a str> {
    if agency.is_empty() {
        return None;
    }
    if let Some(rest) = part.strip_prefix(agency) {
        if !(rest.starts_with(is_alnum) && agency.ends_with(is_alnum)) {
            return Some(rest);
        }
    }
    match part.strip_suffix(agency) {
        Some(rest) if !(rest.ends_with(is_alnum) && agency.starts_with(is_alnum)) => Some(rest),
        _ => None,
    }
}

/// Removes an e-mail token from the start or the end of `part`.
fn strip_email(part: &str) -> Option<&str> {
    match part.rsplit_once(is_space) {
        Some((head, last)) if is_email(last) => return Some(head),
        None if is_email(part) => return Some(""),
        _ => {}
    }
    match part.split_once(is_space) {
        Some((first, tail)) if is_email(first) => Some(tail),
        _ => None,
    }
}

/// Removes e-mail tokens and agency names from the ends of `part`; an e-mail
/// inside the part cuts it there.
fn strip_part<'a>(part: &'a str, extra: &[String]) -> &'a str {
    let mut part = trim(part);
    // Parts are short: a pass without branches beats the set-up of
    // `contains`, which is `memchr`.
    let has_email = part.bytes().fold(false, |found, b| found | (b == b'@'));
    loop {
        let stripped = has_email
            .then(|| strip_email(part))
            .flatten()
            .or_else(|| strip_agency(part, extra));
        match stripped {
            Some(rest) => part = trim(rest),
            None => break,
        }
    }
    // An e-mail inside a name cuts the part where the address starts: at
    // the whitespace or the opening bracket before it (`Roe(jane@...`),
    // without a bracket left dangling (`Roe( jane@...`).
    if has_email {
        if let Some(cut) = address_start(part) {
            part = trim(part[..cut].trim_end_matches(OPENING));
        }
    }
    part
}

/// The offset of the whitespace or opening bracket before the first e-mail
/// address inside `part` (0 when nothing precedes it). An `@` that is not
/// in an address (`@handle`, `jane@newsroom`, ` @ `) cuts nothing. One pass
/// over the tokens between whitespace and opening brackets; an address in
/// a token ends at its first closing bracket. Out of line: few authors
/// hold an `@`.
#[cold]
#[inline(never)]
fn address_start(part: &str) -> Option<usize> {
    let mut cut = 0;
    let mut start = 0;
    let tokens = part
        .char_indices()
        .filter(|&(_, c)| is_space(c) || OPENING.contains(&c))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .chain([(part.len(), part.len())]);
    for (end, next) in tokens {
        let token = &part[start..end];
        if token.contains('@') {
            let address = token.split([')', '>', ']']).next().unwrap_or(token);
            if is_email(address) {
                return Some(cut);
            }
        }
        (cut, start) = (end, next);
    }
    None
}

/// Whitespace between the words of an author: SPEC's, and Unicode's.
#[inline]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        // Unicode's ASCII whitespace; it holds SPEC's space and tab.
        matches!(c, ' ' | '\t'..='\r')
    } else {
        is_ws(c) || c.is_whitespace()
    }
}

/// The brackets that may open an e-mail address written after a name.
const OPENING: [char; 3] = ['(', '<', '['];

/// `ROLE_WORDS` by first byte: bit `i` is set for `ROLE_WORDS[i]`'s first
/// letter, in both cases.
const ROLE_FIRST: [u16; 256] = {
    assert!(ROLE_WORDS.len() <= 16, "one bit per role word");
    let mut index = [0u16; 256];
    let mut i = 0;
    while i < ROLE_WORDS.len() {
        let b = ROLE_WORDS[i].as_bytes()[0];
        index[b.to_ascii_lowercase() as usize] |= 1 << i;
        index[b.to_ascii_uppercase() as usize] |= 1 << i;
        i += 1;
    }
    index
};

/// `ROLE_WORDS` by the length of a word: bit `i` of `ROLE_LENGTH[n]` is set
/// when a word of `n` bytes can be `ROLE_WORDS[i]` or its plural; the last
/// entry stands for all longer words, and is empty.
const ROLE_LENGTH: [u16; 17] = {
    let mut index = [0u16; 17];
    let mut i = 0;
    while i < ROLE_WORDS.len() {
        let n = ROLE_WORDS[i].len();
        assert!(n + 2 < index.len(), "the last entry is for longer words");
        index[n] |= 1 << i;
        index[n + 1] |= 1 << i;
        index[n + 2] |= 1 << i;
        i += 1;
    }
    index
};

/// Whether `w` is a role word or its plural (`s` or `es`), any case. Role
/// words are ASCII, so a word with other characters is none.
fn is_role_word(w: &[u8]) -> bool {
    let Some(&first) = w.first() else {
        return false;
    };
    let mut candidates =
        ROLE_FIRST[usize::from(first)] & ROLE_LENGTH[w.len().min(ROLE_LENGTH.len() - 1)];
    while candidates != 0 {
        let r = ROLE_WORDS[candidates.trailing_zeros() as usize].as_bytes();
        candidates &= candidates - 1;
        // The length table put `w.len()` in `r.len()..=r.len() + 2`.
        let (head, tail) = w.split_at(r.len());
        if head.eq_ignore_ascii_case(r)
            && (tail.is_empty()
                || tail.eq_ignore_ascii_case(b"s")
                || tail.eq_ignore_ascii_case(b"es"))
        {
            return true;
        }
    }
    false
}

/// Whether a cleaned part names a person (SPEC 3.2's drop rules): it is
/// not empty, has no ASCII digit, its first word is not `the` and none of
/// its words is a role word. Words are the longest runs of letters and
/// digits; one pass classifies ASCII bytes without decoding.
fn is_author(part: &str) -> bool {
    let bytes = part.as_bytes();
    if bytes.is_empty() || starts_with_the(part) {
        return false;
    }
    let mut word_start = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (in_word, width) = if b.is_ascii() {
            if b.is_ascii_digit() {
                return false;
            }
            (b.is_ascii_alphabetic(), 1)
        } else {
            let c = part[i..].chars().next().unwrap_or(' ');
            (is_alnum(c), c.len_utf8())
        };
        if !in_word {
            if is_role_word(&bytes[word_start..i]) {
                return false;
            }
            word_start = i + width;
        }
        i += width;
    }
    !is_role_word(&bytes[word_start..])
}

/// Whether the first word of `part` is `the`, in any case.
fn starts_with_the(part: &str) -> bool {
    // Three ASCII letters: 3 is a character boundary.
    starts_with_ci(part, "the") && !starts_alnum(&part[3..])
}

/// SPEC 3.2: the authors named in a byline.
pub(crate) fn authors<'a>(byline: &'a str, extra_agencies: &[String], out: &mut Vec<&'a str>) {
    if extra_agencies.is_empty() {
        if let Some(masks) = ByteMasks::of(byline.as_bytes()) {
            return masks.authors(byline, out);
        }
    }
    for part in split_byline(byline) {
        let part = strip_part(part, extra_agencies);
        if is_author(part) {
            out.push(part);
        }
    }
}

/// The classes of the bytes of a byline of at most 64 bytes, a bit for
/// each byte (bit `i` for byte `i`), for [`ByteMasks::authors`]: the same
/// authors as the byte-by-byte passes of [`split_byline`], [`strip_part`]
/// and [`is_author`], from a few vector compares and bit operations.
struct ByteMasks {
    /// Letters: ASCII letters and both bytes of each Latin-1 letter
    /// (`À` to `ÿ` but `×` and `÷`, the only other characters it allows).
    letter: u64,
    /// ASCII digits.
    digit: u64,
    /// The separators `,`, `;`, `&`, `/` and `|`.
    separator: u64,
    /// The first byte of each `and`, any case, that is a whole word: what
    /// [`split_byline`] splits at, besides the separators.
    and: u64,
}

impl ByteMasks {
    /// The masks of `b`, or `None` when the passes must read it: it is
    /// longer than 64 bytes, or it holds an `@` (an e-mail address to
    /// strip) or a non-ASCII character other than a Latin-1 letter (which
    /// may be whitespace, or a letter or not).
    fn of(b: &[u8]) -> Option<ByteMasks> {
        const LANES: usize = 16;
        if b.len() > 64 {
            return None;
        }
        let mut buf = [0u8; 64];
        buf[..b.len()].copy_from_slice(b);
        let splat = u8x16::splat;
        let in_range =
            |v: u8x16, lo: u8, hi: u8| v.max(splat(lo)).cmp_eq(v) & v.min(splat(hi)).cmp_eq(v);
        let bits = |m: u8x16, k: usize| u64::from(m.move_mask() as u16) << (LANES * k);
        let [mut letter, mut digit, mut separator, mut at] = [0u64; 4];
        let [mut non_ascii, mut c3, mut not_latin, mut a, mut n, mut d] = [0u64; 6];
        for (k, chunk) in buf
            .chunks_exact(LANES)
            .take(b.len().div_ceil(LANES))
            .enumerate()
        {
            let v = vector(chunk);
            let folded = v | splat(0x20);
            letter |= bits(in_range(folded, b'a', b'z'), k);
            digit |= bits(in_range(v, b'0', b'9'), k);
            let sep = [b',', b';', b'&', b'/', b'|']
                .iter()
                .fold(u8x16::ZERO, |m, &c| m | v.cmp_eq(splat(c)));
            separator |= bits(sep, k);
            at |= bits(v.cmp_eq(splat(b'@')), k);
            non_ascii |= bits(v.max(splat(0x80)).cmp_eq(v), k);
            c3 |= bits(v.cmp_eq(splat(0xC3)), k);
            // The second bytes of `×` and `÷` after `C3`.
            not_latin |= bits(v.cmp_eq(splat(0x97)) | v.cmp_eq(splat(0xB7)), k);
            a |= bits(folded.cmp_eq(splat(b'a')), k);
            n |= bits(folded.cmp_eq(splat(b'n')), k);
            d |= bits(folded.cmp_eq(splat(b'd')), k);
        }
        // In UTF-8, `C3` starts a character of U+00C0 to U+00FF.
        let latin_first = c3 & !(not_latin >> 1);
        let latin = latin_first | latin_first << 1;
        if at != 0 || non_ascii & !latin != 0 {
            return None;
        }
        let letter = letter | latin;
        let alnum = letter | digit;
        // No letter or digit before the `a` or after the `d` (bytes past
        // the end read as 0, which is neither).
        let and = a & n >> 1 & d >> 2 & !(alnum << 1) & !(alnum >> 3);
        Some(ByteMasks {
            letter,
            digit,
            separator,
            and,
        })
    }

    /// The authors of `byline`, whose masks these are. The parts are the
    /// text between separators and whole-word `and`s, as [`split_byline`]
    /// cuts them. Cut at ASCII bytes and stripped of whole words, each part
    /// has whole words of the byline, so that [`is_author`]'s test reads
    /// off the masks: no digit in the part, and no word (a run of letters)
    /// that [`is_role_word`] names.
    fn authors<'a>(&self, byline: &'a str, out: &mut Vec<&'a str>) {
        let b = byline.as_bytes();
        let mut cuts = self.separator | self.and;
        let mut start = 0;
        loop {
            let end = if cuts == 0 {
                b.len()
            } else {
                cuts.trailing_zeros() as usize
            };
            // Both ends are at ASCII bytes, so on character boundaries.
            let mut part = trim(&byline[start..end]);
            while let Some(rest) = strip_agency(part, &[]) {
                part = trim(rest);
            }
            if self.names_a_person(b, part) {
                out.push(part);
            }
            if cuts == 0 {
                return;
            }
            start = end + if self.separator >> end & 1 != 0 { 1 } else { 3 };
            cuts &= cuts - 1;
        }
    }

    /// [`is_author`] for `part`, a part of the byline `b` (see
    /// [`authors`](Self::authors)).
    fn names_a_person(&self, b: &[u8], part: &str) -> bool {
        if part.is_empty() || starts_with_the(part) {
            return false;
        }
        let start = part.as_ptr() as usize - b.as_ptr() as usize;
        // At most 64 bytes, so the shift stays in range.
        let range = (u64::MAX >> (64 - part.len())) << start;
        if self.digit & range != 0 {
            return false;
        }
        let letters = self.letter & range;
        let ends = letters & !(letters >> 1);
        let mut starts = letters & !(letters << 1);
        while starts != 0 {
            let first = starts.trailing_zeros() as usize;
            let last = (ends >> first).trailing_zeros() as usize + first;
            if is_role_word(&b[first..=last]) {
                return false;
            }
            starts &= starts - 1;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors_of(byline: &str) -> Vec<&str> {
        let mut out = Vec::new();
        authors(byline, &[], &mut out);
        out
    }

    /// The authors by the byte-by-byte passes alone.
    fn authors_by_passes(byline: &str) -> Vec<&str> {
        split_byline(byline)
            .map(|part| strip_part(part, &[]))
            .filter(|part| is_author(part))
            .collect()
    }

    /// The masks give the passes' authors, on random bylines of pieces
    /// that take every path: separators, `and` as a word and inside one,
    /// digits, role words, `the`, agencies at either end, Latin-1 letters,
    /// `×` and `÷`, other non-ASCII characters, whitespace, `@`; from a few
    /// bytes to past the 64 of the masks.
    #[test]
    fn masks_find_the_authors_the_passes_find() {
        const PIECES: &[&str] = &[
            "Jane",
            "Roe",
            "and",
            "AND",
            "And",
            "band",
            "andy",
            "Anders",
            "a",
            "an",
            "nd",
            ", ",
            ",",
            ";",
            "&",
            "/",
            "|",
            " ",
            "  ",
            "\t",
            "-",
            "'",
            ".",
            "Reporter",
            "staff",
            "Writers",
            "EDITOR",
            "desk",
            "the",
            "The",
            "theo",
            "AP",
            "Yonhap",
            "Associated Press",
            "Kyodo News",
            "AFP",
            "2",
            "19",
            "Björn",
            "Øberg",
            "é",
            "×",
            "÷",
            "\u{A0}",
            "\u{2009}",
            "통신",
            "’",
            "x@y.io",
            "@",
            "Press",
            "pressed",
        ];
        let mut next = crate::parse::xorshift(0xA076_1D64_78BD_642F);
        let mut fast_paths = 0;
        for _ in 0..200_000 {
            let pieces = 1 + next() % 14;
            let byline: String = (0..pieces)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let masked = ByteMasks::of(byline.as_bytes()).map(|m| {
                let mut out = Vec::new();
                m.authors(&byline, &mut out);
                out
            });
            if let Some(masked) = masked {
                fast_paths += 1;
                assert_eq!(masked, authors_by_passes(&byline), "{byline:?}");
            }
            assert_eq!(
                authors_of(&byline),
                authors_by_passes(&byline),
                "{byline:?}"
            );
        }
        // A third of the bylines took the masks, at least.
        assert!(fast_paths > 50_000, "{fast_paths}");
    }

    /// SPEC 3.2: agency names match longest first, the added ones too.
    #[test]
    fn added_agencies_match_longest_first() {
        let extra = [
            "Bloomberg News".to_owned(),
            "Reuters Breakingviews".to_owned(),
        ];
        let with_extra = |byline| {
            let mut out = Vec::new();
            authors(byline, &extra, &mut out);
            out
        };
        assert_eq!(with_extra("Jane Roe, Bloomberg News"), ["Jane Roe"]);
        assert_eq!(with_extra("Bloomberg News Jane Roe"), ["Jane Roe"]);
        assert_eq!(with_extra("Jane Roe Reuters Breakingviews"), ["Jane Roe"]);
        assert_eq!(with_extra("Jane Roe Bloomberg"), ["Jane Roe"]);
        // Both ends, until neither holds an agency.
        assert_eq!(authors_of("AP Jane Roe Reuters"), ["Jane Roe"]);
        // Longest in characters: `Kyodo News` (10) before `News 통신` (7,
        // in 11 bytes).
        let korean = ["News 통신".to_owned()];
        let mut out = Vec::new();
        authors("Ann Lee, Kyodo News 통신", &korean, &mut out);
        assert_eq!(out, ["Ann Lee", "통신"]);
        // A name edged with punctuation needs no space beside it.
        let paren = ["(AP)".to_owned()];
        let mut out = Vec::new();
        authors("Jane Roe(AP), (AP)Ann Lee, Kim (AP)x", &paren, &mut out);
        assert_eq!(out, ["Jane Roe", "Ann Lee", "Kim (AP)x"]);
    }

    /// The sifted search finds the offsets that the pair table alone
    /// finds, from every start, in random text of label bytes, Hangul and
    /// other bytes.
    #[test]
    fn label_candidates_are_found_as_pair_by_pair() {
        const PIECES: &[&str] = &[
            "po",
            "Pu",
            "LA",
            "up",
            "mo",
            "cr",
            "da",
            "wr",
            "p",
            "u",
            "d",
            "a",
            "o",
            "r",
            " ",
            ":",
            "x",
            "Z",
            "9",
            "입",
            "력",
            "수",
            "정",
            "기사",
            "é",
            "\u{A0}",
            "업데이트",
        ];
        let mut next = crate::parse::xorshift(0x51_7CC1_B727_220A);
        for _ in 0..20_000 {
            let pieces = (next() % 40) as usize;
            let text: String = (0..pieces)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let b = text.as_bytes();
            for from in 0..=b.len() + 1 {
                let want = b
                    .get(from..)
                    .and_then(|rest| rest.windows(2).position(|p| label_candidates(p) != 0))
                    .map(|k| from + k);
                assert_eq!(next_label_candidate(b, from), want, "{text:?} {from}");
            }
        }
    }

    #[test]
    fn byline_words() {
        let l = byline_line("By Rosa Lind").unwrap();
        assert_eq!(l.byline, Some("Rosa Lind"));
        assert_eq!(
            byline_line("Written by Tomas Halberg").unwrap().byline,
            Some("Tomas Halberg")
        );
        assert_eq!(
            byline_line("STORY BY Lena Varga").unwrap().byline,
            Some("Lena Varga")
        );
        assert_eq!(
            byline_line("by the Associated Press").unwrap().byline,
            Some("the Associated Press")
        );
        assert_eq!(byline_line("Bylines are hard"), None);
        assert_eq!(byline_line("By"), None);
    }

    #[test]
    fn bare_by_lines_that_are_paragraphs() {
        assert_eq!(
            byline_line("By the end of the year, the ferry will carry more cars."),
            None
        );
        assert_eq!(byline_line("By all accounts it was \"the best\""), None);
        assert_eq!(byline_line("By now?"), None);
        assert_eq!(byline_line("By \u{AB}Le Soir\u{BB}"), None);
        // SPEC names `.`, `?`, `!` and quotes, not `…`.
        assert!(byline_line("By dusk the square had emptied\u{2026}").is_some());
        let long = format!("By {}", "x".repeat(78));
        assert_eq!(long.chars().count(), 81);
        assert_eq!(byline_line(&long), None);
        assert!(byline_line(&long[..80]).is_some());
    }

    #[test]
    fn labels_in_a_by_line() {
        let line =
            "By Lim Chang-won Posted : February 28, 2019, 16:19 Updated : February 28, 2019, 16:20";
        let l = byline_line(line).unwrap();
        assert_eq!(l.byline, Some("Lim Chang-won"));
        let first = l.first_label.unwrap();
        assert_eq!(first.field, TimestampField::Posted);
        let (v, next) = label_value(line, first);
        assert_eq!(v, "February 28, 2019, 16:19");
        let next = next.unwrap();
        assert_eq!(next.field, TimestampField::Updated);
        assert_eq!(label_value(line, next), ("February 28, 2019, 16:20", None));
    }

    #[test]
    fn label_only_lines() {
        let line = "Created: 2021-03-04 10:00; Last updated: 2021-03-05 11:30;";
        let l = byline_line(line).unwrap();
        assert_eq!(l.byline, None);
        let (v, next) = label_value(line, l.first_label.unwrap());
        assert_eq!(v, "2021-03-04 10:00");
        let next = next.unwrap();
        assert_eq!(next.field, TimestampField::Updated);
        assert_eq!(label_value(line, next).0, "2021-03-05 11:30");

        let line = "기사입력 : 2020-11-02 09:30 | 업데이트 : 2020-11-02 10:45 |";
        let l = byline_line(line).unwrap();
        let (v, next) = label_value(line, l.first_label.unwrap());
        assert_eq!(v, "2020-11-02 09:30");
        assert_eq!(label_value(line, next.unwrap()).0, "2020-11-02 10:45");

        assert!(byline_line("Posted on March 4, 2021 10:15").is_some());
        assert!(byline_line("Date: Thu, 18 March 2021").is_some());
        // Not followed by a digit, month or weekday: no label.
        assert_eq!(byline_line("Updated figures show more visitors"), None);
        assert_eq!(byline_line("Dated 2021"), None);
    }

    #[test]
    fn the_label_tables_admit_every_label() {
        for (i, &(name, _)) in LABELS.iter().enumerate() {
            for name in [name.to_owned(), name.to_ascii_uppercase()] {
                assert_ne!(label_candidates(name.as_bytes()) & 1 << i, 0, "{name}");
                assert_ne!(LABEL_FIRST[usize::from(name.as_bytes()[0])], 0, "{name}");
                // A label's first byte starts a character.
                assert!(name.as_bytes()[0] < 0x80 || name.as_bytes()[0] >= 0xC0);
            }
        }
        for (name, _) in LABELS {
            assert_eq!(name.to_lowercase(), *name);
            let word = name_word(name);
            assert!(starts_with_name(name.to_uppercase().as_bytes(), &word));
            assert!(!starts_with_name(&name.as_bytes()[1..], &word));
            assert!(!starts_with_name(&name.as_bytes()[..name.len() - 1], &word));
        }
        let posted_on = name_word("posted on");
        assert!(!starts_with_name(b"posteD", &posted_on));
        assert!(!starts_with_name(b"Posted_", &posted_on));
        assert!(!starts_with_name(b"Posted\0on", &posted_on));
        assert!(starts_with_name(b"pOSTED ON 16 bytes or more", &posted_on));
        assert_eq!(label_candidates(b"Pa"), 0);
        assert_eq!(label_candidates(b"p"), 0);
    }

    #[test]
    fn the_author_tables_admit_every_agency_and_role_word() {
        for agency in AGENCIES {
            assert_eq!(strip_agency(&format!("{agency} Jo"), &[]), Some(" Jo"));
            assert_eq!(strip_agency(&format!("Jo {agency}"), &[]), Some("Jo "));
        }
        for role in ROLE_WORDS {
            for word in [role.to_string(), format!("{role}s"), format!("{role}ES")] {
                assert!(is_role_word(word.as_bytes()), "{word}");
                assert!(is_role_word(word.to_ascii_uppercase().as_bytes()), "{word}");
            }
            assert!(!is_role_word(format!("{role}ess").as_bytes()), "{role}");
            assert!(!is_role_word(&role.as_bytes()[1..]), "{role}");
        }
    }

    #[test]
    fn labels_are_whole_words() {
        assert_eq!(find_label("Reposted 2021", 0), None);
        assert_eq!(find_label("X-Posted 2021", 0).map(|l| l.start), Some(2));
        assert_eq!(
            find_label("Mayor Posted May 3", 0).map(|l| l.start),
            Some(6)
        );
    }

    #[test]
    fn author_splitting() {
        assert_eq!(
            authors_of("Ana Ruiz, Beto Lindqvist AND Alexandra Sandoval"),
            ["Ana Ruiz", "Beto Lindqvist", "Alexandra Sandoval"]
        );
        assert_eq!(
            authors_of("Ana Ruiz; Beto Lindqvist & Cora Fenn"),
            ["Ana Ruiz", "Beto Lindqvist", "Cora Fenn"]
        );
        assert_eq!(
            authors_of("Ana Ruiz/Beto Lindqvist | Cora Fenn"),
            ["Ana Ruiz", "Beto Lindqvist", "Cora Fenn"]
        );
        assert_eq!(
            authors_of("Andrea Anderson and Brandon"),
            ["Andrea Anderson", "Brandon"]
        );
    }

    #[test]
    fn author_cleaning() {
        assert_eq!(
            authors_of("Lena Hart lena.hart@example.com, Omar Siddel, omar@example.org"),
            ["Lena Hart", "Omar Siddel"]
        );
        assert_eq!(
            authors_of("Lena Hart (lena.hart@example.com) and Omar Siddel <omar@example.org>"),
            ["Lena Hart", "Omar Siddel"]
        );
        assert_eq!(authors_of("MARA QUIST Associated Press"), ["MARA QUIST"]);
        assert_eq!(authors_of("Kyodo News Aya Tanabe"), ["Aya Tanabe"]);
        assert_eq!(
            authors_of("Jonas Vik, Reuters and Han Seo-yeon AJU PRESS"),
            ["Jonas Vik", "Han Seo-yeon"]
        );
        assert_eq!(
            authors_of("Sofia Efe and Lio Ansa"),
            ["Sofia Efe", "Lio Ansa"]
        );
        assert_eq!(authors_of("Mira Ostrand, March 3, 2021"), ["Mira Ostrand"]);
        assert_eq!(
            authors_of("Theo Marsh, the Velmora Herald and Jonas Vik, Staff Reporter"),
            ["Theo Marsh", "Jonas Vik"]
        );
        assert_eq!(
            authors_of("Eli Pressman, Deskin Roe, Holm Correspondents and Summer Interns"),
            ["Eli Pressman", "Deskin Roe"]
        );
        assert!(authors_of("UPI Staff | Jan. 03, 2018").is_empty());
        assert!(authors_of("Yonhap").is_empty());
        assert!(authors_of("the Associated Press").is_empty());
        assert_eq!(authors_of("APEX Reporter Jo"), Vec::<&str>::new());
        assert_eq!(authors_of("Jo Apex"), ["Jo Apex"]);
        assert_eq!(authors_of("Lena lena@example.com Hart"), ["Lena"]);
    }

    #[test]
    fn e_mails_written_against_the_name() {
        assert_eq!(
            authors_of("Lena Hart(lena@example.com), Omar Siddel<omar@example.org>"),
            ["Lena Hart", "Omar Siddel"]
        );
        assert_eq!(authors_of("Lena Hart[lena@example.com]"), ["Lena Hart"]);
        assert_eq!(authors_of("Lena Hart( lena@example.com )"), ["Lena Hart"]);
        assert_eq!(authors_of("Lena Hart <lena@example.com"), ["Lena Hart"]);
        assert_eq!(authors_of("(lena@example.com)"), Vec::<&str>::new());
        // An `@` outside an address `x@y.z` cuts nothing; an address after
        // one still does.
        assert_eq!(authors_of("@lhart Lena Hart"), ["@lhart Lena Hart"]);
        assert_eq!(
            authors_of("Lena Hart (lena@newsroom)"),
            ["Lena Hart (lena@newsroom)"]
        );
        assert_eq!(authors_of("Lena @ Hart"), ["Lena @ Hart"]);
        assert_eq!(
            authors_of("Lena Hart @lhart lena@example.com"),
            ["Lena Hart @lhart"]
        );
        assert_eq!(
            authors_of("Lena Hart\u{A0}lena@example.com, Omar Siddel"),
            ["Lena Hart", "Omar Siddel"]
        );
        // SPEC whitespace that is not Unicode's separates an address too.
        assert_eq!(
            authors_of("Lena Hart\u{200B}lena@example.com Staff"),
            ["Lena Hart"]
        );
        assert_eq!(
            authors_of("Lena Hart\u{FEFF}lena@example.com"),
            ["Lena Hart"]
        );
        // An address ends at a closing bracket; one before the `@` is in
        // no address.
        assert_eq!(
            authors_of("Lena Hart(lena@example.com)Ortiz"),
            ["Lena Hart"]
        );
        assert_eq!(authors_of("Lena x)y@example.com"), ["Lena x)y@example.com"]);
        assert!(is_email("(lena@example.com)"));
        assert!(is_email("<lena@example.com>"));
        assert!(!is_email("Hart(lena@example.com)"));
        assert!(!is_email("lena@example.com)"));
    }
}
