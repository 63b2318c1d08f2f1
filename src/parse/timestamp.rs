//! SPEC 3.3: timestamps.
//!
//! ```text
//! timestamp  = [ weekday [","] SP ] ( time-zone SEP-TD date | date [ SEP-DT time-zone ] )
//!              [ SP? ( "/" | "|" ) remainder ]
//! date       = year "-" mm "-" dd | year "." mm "." dd | year "/" mm "/" dd
//!            | month SP? day [ordinal] ( "," SP? | SP ) year
//!            | day [ordinal] SP month [","] SP year
//! time-zone  = hh ":" mm [ ":" ss ] [ SP? ampm ] [ SP? zone ]
//! SEP-DT     = "," SP? | SP ( "-" | "/" | "|" | "at" ) SP | "T" | SP
//! zone       = "(" zone ")" | ( "GMT" | "UTC" ) offset | offset | KST | JST | UTC | GMT | Z
//!            | EST | EDT | PST | PDT | CET | CEST
//! ```
//!
//! Every token of the grammar but whitespace is ASCII, so the productions
//! read bytes and decode a character only where a non-ASCII one can matter
//! (whitespace, and the letter or digit that ends a word).

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::{opt, peek, value};
use nom::sequence::{delimited, preceded};

use super::token::{R, boundary, error, sp, sp0, tag_ci};
use crate::Timestamp;

/// Whether the byte at `at` in `i` is an ASCII digit.
fn digit_at(i: &str, at: usize) -> bool {
    i.as_bytes().get(at).is_some_and(u8::is_ascii_digit)
}

/// Succeeds, consuming nothing, unless an ASCII digit follows.
fn no_digit(i: &str) -> R<'_, ()> {
    if digit_at(i, 0) {
        error(i, nom::error::ErrorKind::Not)
    } else {
        Ok((i, ()))
    }
}

/// Exactly `n` ASCII digits and their value.
fn digits(i: &str, n: usize) -> R<'_, u32> {
    let Some(head) = i.as_bytes().get(..n) else {
        return error(i, nom::error::ErrorKind::Digit);
    };
    let mut v = 0;
    for &b in head {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return error(i, nom::error::ErrorKind::Digit);
        }
        v = v * 10 + u32::from(d);
    }
    // The `n` bytes are ASCII digits, so `n` is a character boundary.
    Ok((&i[n..], v))
}

/// A run of ASCII letters, at least one (a zone name).
fn ascii_word(i: &str) -> R<'_, &[u8]> {
    let n = i.bytes().take_while(u8::is_ascii_alphabetic).count();
    if n == 0 {
        return error(i, nom::error::ErrorKind::Alpha);
    }
    let (word, rest) = i.split_at(n);
    Ok((rest, word.as_bytes()))
}

/// The first three bytes of `i` as one number, with bit `0x20` set in
/// each: for an ASCII letter that is its lower case, and no other byte
/// becomes a letter so.
#[inline]
fn key3(i: &[u8]) -> Option<u32> {
    match *i {
        [a, b, c, ..] => Some(u32::from_le_bytes([a, b, c, 0]) | 0x0020_2020),
        _ => None,
    }
}

/// A name of a [`NameTable`]: its first three letters as [`key3`] reads
/// them, its number (a month's) and the tails that complete its forms.
type Name = (u32, u32, &'static [&'static str]);

/// Names by their first three letters, found without a branch per name:
/// the slot of a key is the top `BITS` bits of the key times `mul`, a
/// multiplier found by search that gives each name a slot of its own
/// (checked when the table is built). Empty slots have key 0, which
/// [`key3`] never gives.
struct NameTable<const BITS: u32, const SLOTS: usize> {
    mul: u32,
    slots: [Name; SLOTS],
}

impl<const BITS: u32, const SLOTS: usize> NameTable<BITS, SLOTS> {
    /// The table of `names`: lower-case first three letters, number, tails.
    const fn new(mul: u32, names: &[(&str, u32, &'static [&'static str])]) -> Self {
        assert!(SLOTS == 1 << BITS, "a slot for each value of BITS bits");
        let mut slots: [Name; SLOTS] = [(0, 0, &[]); SLOTS];
        let mut k = 0;
        while k < names.len() {
            let b = names[k].0.as_bytes();
            let key = u32::from_le_bytes([b[0], b[1], b[2], 0]);
            let slot = Self::slot(mul, key);
            assert!(slots[slot].0 == 0, "a slot for each name");
            slots[slot] = (key, names[k].1, names[k].2);
            k += 1;
        }
        Self { mul, slots }
    }

    /// The slot of `key`.
    const fn slot(mul: u32, key: u32) -> usize {
        (key.wrapping_mul(mul) >> (32 - BITS)) as usize
    }

    /// The number and the length of the name at the start of `i`: its first
    /// three letters tell the name, and the rest of the word must complete
    /// one of its forms.
    #[inline]
    fn find(&self, i: &[u8]) -> Option<(u32, usize)> {
        let key = key3(i)?;
        let (k, n, tails) = self.slots[Self::slot(self.mul, key)];
        if k != key {
            return None;
        }
        Some((n, name_len(i, tails)?))
    }
}

/// The length of the name at the start of `i` whose first three letters
/// chose `tails`: the word goes on with one of the tails, in any case, and
/// ends there (no ASCII letter follows). Three bytes lower-case to a name's
/// letters only if they are letters, so no word is read where no name
/// starts. Tails are lower-case; their bytes are compared without an early
/// exit.
fn name_len(i: &[u8], tails: &[&str]) -> Option<usize> {
    tails.iter().find_map(|t| {
        let end = 3 + t.len();
        let tail = i.get(3..end)?;
        let ends = !i.get(end).is_some_and(u8::is_ascii_alphabetic);
        let same = || {
            tail.iter()
                .zip(t.as_bytes())
                .fold(true, |same, (b, &t)| same & (b.to_ascii_lowercase() == t))
        };
        (ends && same()).then_some(end)
    })
}

/// Month names, full, the 3-letter abbreviation or `Sept`, any case, and
/// their numbers.
static MONTHS: NameTable<4, 16> = NameTable::new(
    0x4DC3_8505,
    &[
        ("jan", 1, &["", "uary"]),
        ("feb", 2, &["", "ruary"]),
        ("mar", 3, &["", "ch"]),
        ("apr", 4, &["", "il"]),
        ("may", 5, &[""]),
        ("jun", 6, &["", "e"]),
        ("jul", 7, &["", "y"]),
        ("aug", 8, &["", "ust"]),
        ("sep", 9, &["", "t", "tember"]),
        ("oct", 10, &["", "ober"]),
        ("nov", 11, &["", "ember"]),
        ("dec", 12, &["", "ember"]),
    ],
);

/// Weekday names, full or abbreviated (`Tue`, `Tues`, `Weds`, `Thur`,
/// `Thurs`...), any case; their numbers are not used.
static WEEKDAYS: NameTable<3, 8> = NameTable::new(
    0x60FC_F9DF,
    &[
        ("mon", 0, &["", "day"]),
        ("tue", 0, &["", "s", "sday"]),
        ("wed", 0, &["", "s", "nesday"]),
        ("thu", 0, &["", "r", "rs", "rsday"]),
        ("fri", 0, &["", "day"]),
        ("sat", 0, &["", "urday"]),
        ("sun", 0, &["", "day"]),
    ],
);

/// A name's word of `len` bytes at the start of `i`, then the word
/// boundary and an optional `.`.
#[inline(always)]
fn after_name(i: &str, len: usize) -> R<'_, ()> {
    // The name is ASCII letters: `len` is a character boundary.
    let (rest, _) = boundary(&i[len..])?;
    Ok((rest.strip_prefix('.').unwrap_or(rest), ()))
}

/// A month name: full, the 3-letter abbreviation or `Sept`, any case,
/// with an optional `.` after it.
#[inline(always)]
pub(crate) fn month(i: &str) -> R<'_, u32> {
    let Some((n, len)) = MONTHS.find(i.as_bytes()) else {
        return error(i, nom::error::ErrorKind::Tag);
    };
    let (rest, _) = after_name(i, len)?;
    Ok((rest, n))
}

/// A weekday name, full or abbreviated, any case, with an optional `.`.
pub(crate) fn weekday(i: &str) -> R<'_, ()> {
    match WEEKDAYS.find(i.as_bytes()) {
        Some((_, len)) => after_name(i, len),
        None => error(i, nom::error::ErrorKind::Tag),
    }
}

/// One or two digits, not followed by another digit.
#[inline(always)]
fn num12(i: &str) -> R<'_, u32> {
    let digit = |at: usize| {
        let d = i.as_bytes().get(at)?.wrapping_sub(b'0');
        (d <= 9).then_some(u32::from(d))
    };
    let (n, v) = match (digit(0), digit(1)) {
        (Some(d1), Some(d2)) => (2, d1 * 10 + d2),
        (Some(d), None) => (1, d),
        (None, _) => return error(i, nom::error::ErrorKind::Digit),
    };
    // `n` ASCII digits: `n` is a character boundary.
    let (rest, _) = no_digit(&i[n..])?;
    Ok((rest, v))
}

/// Exactly two digits.
fn num2(i: &str) -> R<'_, u32> {
    digits(i, 2)
}

/// A four-digit year, not followed by another digit.
pub(crate) fn year(i: &str) -> R<'_, i32> {
    let (rest, y) = digits(i, 4)?;
    let (rest, _) = no_digit(rest)?;
    // Four digits are at most 9999.
    Ok((rest, y as i32))
}

/// An ordinal suffix, `st`, `nd`, `rd` or `th` in any case, ending a word.
fn ordinal(i: &str) -> R<'_, ()> {
    match *i.as_bytes() {
        [a, b, ..]
            if matches!(
                [a.to_ascii_lowercase(), b.to_ascii_lowercase()],
                [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
            ) =>
        {
            // Two ASCII letters: 2 is a character boundary.
            boundary(&i[2..])
        }
        _ => error(i, nom::error::ErrorKind::Tag),
    }
}

/// A day of the month, one or two digits, with an optional ordinal suffix
/// (`2nd`, `21st`).
#[inline(always)]
pub(crate) fn day(i: &str) -> R<'_, u32> {
    let (rest, d) = num12(i)?;
    let (rest, _) = opt(ordinal).parse(rest)?;
    Ok((rest, d))
}

/// The separator of a numeric date: `-`, `.` or `/`.
fn date_sep(i: &str) -> R<'_, &str> {
    match i.as_bytes().first() {
        Some(b'-' | b'.' | b'/') => Ok((&i[1..], &i[..1])),
        _ => error(i, nom::error::ErrorKind::OneOf),
    }
}

/// `2019-02-28`, `2019.02.28`, `2019/02/28`: year first, one separator
/// throughout, one- or two-digit month and day.
fn numeric_date(i: &str) -> R<'_, (i32, u32, u32)> {
    let (rest, y) = year(i)?;
    let (rest, sep) = date_sep(rest)?;
    let (rest, m) = num12(rest)?;
    let (rest, _) = tag(sep)(rest)?;
    let (rest, d) = num12(rest)?;
    Ok((rest, (y, m, d)))
}

/// `,` with optional whitespace on both sides, or else whitespace alone
/// (`"," SP? | SP` with an optional SP before the comma).
fn comma_or_ws(i: &str) -> R<'_, ()> {
    let (rest, ws) = sp0(i)?;
    match rest.strip_prefix(',') {
        Some(rest) => Ok((sp0(rest)?.0, ())),
        None if ws.is_empty() => error(i, nom::error::ErrorKind::Space),
        None => Ok((rest, ())),
    }
}

/// `February 28, 2019`, `Feb. 28 2019`, `May 2nd, 2019`.
fn month_day_year(i: &str) -> R<'_, (i32, u32, u32)> {
    let (rest, m) = month(i)?;
    let (rest, _) = sp0(rest)?;
    let (rest, d) = day(rest)?;
    let (rest, _) = comma_or_ws(rest)?;
    let (rest, y) = year(rest)?;
    Ok((rest, (y, m, d)))
}

/// `28 February 2019`, `28 Feb. 2019`, `21st May 2019`.
fn day_month_year(i: &str) -> R<'_, (i32, u32, u32)> {
    let (rest, d) = day(i)?;
    let (rest, _) = sp(rest)?;
    let (rest, m) = month(rest)?;
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let (rest, _) = sp(rest)?;
    let (rest, y) = year(rest)?;
    Ok((rest, (y, m, d)))
}

/// A calendar date that exists (no February 30).
///
/// The three forms are told apart by how they start: a letter starts a
/// month name, three digits can only start a year, and one or two digits
/// a day.
pub(crate) fn date(i: &str) -> R<'_, NaiveDate> {
    let (rest, (y, m, d)) = match i.as_bytes().first() {
        Some(b) if b.is_ascii_alphabetic() => month_day_year(i)?,
        _ if digit_at(i, 2) => numeric_date(i)?,
        _ => day_month_year(i)?,
    };
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => Ok((rest, date)),
        None => error(i, nom::error::ErrorKind::MapOpt),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

/// `AM`, `PM`, `a.m.`, `p.m.`, any case.
fn meridiem(i: &str) -> R<'_, Meridiem> {
    let m = match i.as_bytes().first() {
        Some(b'a' | b'A') => Meridiem::Am,
        Some(b'p' | b'P') => Meridiem::Pm,
        _ => return error(i, nom::error::ErrorKind::Tag),
    };
    // After the ASCII `a` or `p`, 1 is a character boundary.
    let (rest, _) = alt((tag_ci(".m."), tag_ci("m"))).parse(&i[1..])?;
    let (rest, _) = boundary(rest)?;
    Ok((rest, m))
}

/// Hours 1–12 with a suffix are a 12-hour clock; a 24-hour time with a
/// redundant suffix (`23:53 PM`, `00:29 AM`) keeps its hour; anything else
/// (`13:00 AM`) is impossible.
fn resolve_hour(h: u32, m: Option<Meridiem>) -> Option<u32> {
    match (h, m) {
        (h, None) => Some(h),
        (1..=12, Some(Meridiem::Am)) => Some(h % 12),
        (1..=12, Some(Meridiem::Pm)) => Some(h % 12 + 12),
        (0, Some(Meridiem::Am)) => Some(0),
        (13..=23, Some(Meridiem::Pm)) => Some(h),
        _ => None,
    }
}

/// `16:19`, `16:19:05`, `4:19 PM`, `04:19 a.m.`: a time of day that exists.
pub(crate) fn time(i: &str) -> R<'_, NaiveTime> {
    let (rest, h) = num12(i)?;
    let (rest, _) = tag(":")(rest)?;
    let (rest, min) = num2(rest)?;
    let (rest, sec) = opt(preceded(tag(":"), num2)).parse(rest)?;
    let (rest, _) = no_digit(rest)?;
    let (rest, mer) = opt(preceded(sp0, meridiem)).parse(rest)?;
    match resolve_hour(h, mer).and_then(|h| NaiveTime::from_hms_opt(h, min, sec.unwrap_or(0))) {
        Some(t) => Ok((rest, t)),
        None => error(i, nom::error::ErrorKind::MapOpt),
    }
}

/// The sign of a numeric offset: `+` or `-`.
fn sign(i: &str) -> R<'_, i32> {
    match i.as_bytes().first() {
        Some(b'+') => Ok((&i[1..], 1)),
        Some(b'-') => Ok((&i[1..], -1)),
        _ => error(i, nom::error::ErrorKind::OneOf),
    }
}

/// `+09:00`, `+0900`, `-05:00`, and after `GMT`/`UTC` also `+9`.
fn numeric_offset(short: bool) -> impl Fn(&str) -> R<'_, FixedOffset> {
    move |i| {
        let (rest, sign) = sign(i)?;
        let (rest, (h, m)) = if short {
            alt((
                (num2, preceded(opt(tag(":")), num2)),
                (num12, value(0, peek(boundary))),
            ))
            .parse(rest)?
        } else {
            (num2, preceded(opt(tag(":")), num2)).parse(rest)?
        };
        let (rest, _) = no_digit(rest)?;
        // At most 99 hours: far from overflowing.
        let secs = sign * (h * 3600 + m * 60) as i32;
        match FixedOffset::east_opt(secs) {
            Some(o) if m < 60 => Ok((rest, o)),
            _ => error(i, nom::error::ErrorKind::Verify),
        }
    }
}

/// The offset in hours of a zone abbreviation of SPEC 3.3, any case.
fn zone_hours(word: &[u8]) -> Option<i32> {
    let mut buf = [0; 4];
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    match &*lower {
        b"kst" | b"jst" => Some(9),
        b"utc" | b"gmt" | b"z" => Some(0),
        b"est" => Some(-5),
        b"edt" => Some(-4),
        b"pst" => Some(-8),
        b"pdt" => Some(-7),
        b"cet" => Some(1),
        b"cest" => Some(2),
        _ => None,
    }
}

/// A zone abbreviation of SPEC 3.3, any case.
fn named_zone(i: &str) -> R<'_, FixedOffset> {
    let (rest, word) = ascii_word(i)?;
    let (rest, _) = boundary(rest)?;
    match zone_hours(word) {
        Some(h) => Ok((rest, FixedOffset::east_opt(h * 3600).expect("in range"))),
        None => error(i, nom::error::ErrorKind::Tag),
    }
}

/// A zone without parentheses: `GMT+9`, `UTC+09:00`, `+0900`, `KST`, `Z`.
/// A sign starts an offset, a letter a name; `GMT` or `UTC` without a
/// valid offset after it is read as a name.
#[inline]
fn bare_zone(i: &str) -> R<'_, FixedOffset> {
    match i.as_bytes().first() {
        Some(b'+' | b'-') => numeric_offset(false)(i),
        Some(b) if b.is_ascii_alphabetic() => lettered_zone(i),
        _ => error(i, nom::error::ErrorKind::Alt),
    }
}

/// A zone that starts with a letter: `GMT+9`, `UTC+09:00`, `KST`.
fn lettered_zone(i: &str) -> R<'_, FixedOffset> {
    alt((
        preceded(alt((tag_ci("gmt"), tag_ci("utc"))), numeric_offset(true)),
        named_zone,
    ))
    .parse(i)
}

/// A zone, also in parentheses: `(Gmt+09:00)`, `(CEST)`.
#[inline]
pub(crate) fn zone(i: &str) -> R<'_, FixedOffset> {
    if i.starts_with('(') {
        delimited((tag("("), sp0), bare_zone, (sp0, tag(")"))).parse(i)
    } else {
        bare_zone(i)
    }
}

/// A time with an optional zone after it.
fn time_zone(i: &str) -> R<'_, (NaiveTime, Option<FixedOffset>)> {
    let (rest, t) = time(i)?;
    let (rest, z) = opt(preceded(sp0, zone)).parse(rest)?;
    Ok((rest, (t, z)))
}

/// Between date and time: `,`, whitespace, ` - `, ` / `, ` | `, `T` or ` at `.
/// The whitespace before any of them is read once; after whitespace, a
/// `-`, `/`, `|` or `at` without whitespace after it is not consumed.
fn date_time_sep(i: &str) -> R<'_, ()> {
    let (rest, ws) = sp0(i)?;
    if let Some(rest) = rest.strip_prefix(',') {
        return Ok((sp0(rest)?.0, ()));
    }
    if ws.is_empty() {
        return value((), tag("T")).parse(i);
    }
    let after_word = match rest.as_bytes().first() {
        // An ASCII byte: 1 is a character boundary.
        Some(b'-' | b'/' | b'|') => Some(&rest[1..]),
        Some(b'a' | b'A') => tag_ci("at")(rest).ok().map(|(after, _)| after),
        _ => None,
    };
    match after_word.map(sp) {
        Some(Ok((after, _))) => Ok((after, ())),
        _ => Ok((rest, ())),
    }
}

type Parts = (NaiveDate, Option<(NaiveTime, Option<FixedOffset>)>);

/// The time first: `10:53 May 13, 2010`.
fn time_first(i: &str) -> R<'_, Parts> {
    let (rest, tz) = time_zone(i)?;
    let (rest, _) = comma_or_ws(rest)?;
    let (rest, d) = date(rest)?;
    Ok((rest, (d, Some(tz))))
}

/// The date first, with an optional time: `February 28, 2019, 16:19`.
fn date_first(i: &str) -> R<'_, Parts> {
    let (rest, d) = date(i)?;
    let (rest, tz) = opt(preceded(date_time_sep, time_zone)).parse(rest)?;
    Ok((rest, (d, tz)))
}

/// The end of a timestamp: the end of the value, or `/` or `|` before an
/// ignored remainder.
fn end(i: &str) -> R<'_, ()> {
    let (rest, _) = sp0(i)?;
    match rest.as_bytes().first() {
        None | Some(b'/' | b'|') => Ok((rest, ())),
        Some(_) => error(rest, nom::error::ErrorKind::Eof),
    }
}

/// Whether `i` starts like a time: one or two digits and `:`. Nothing
/// else can start [`time_first`], and no date starts so.
fn starts_with_time(i: &str) -> bool {
    match i.as_bytes() {
        [h, b':', ..] => h.is_ascii_digit(),
        [h1, h2, b':', ..] => h1.is_ascii_digit() && h2.is_ascii_digit(),
        _ => false,
    }
}

/// A whole timestamp with an optional leading weekday, followed by the end
/// of the value or by an ignored remainder that starts with `/` or `|`.
fn timestamp_parts(i: &str) -> R<'_, Parts> {
    let (rest, _) = opt((weekday, opt(tag(",")), sp)).parse(i)?;
    let (rest, parts) = if starts_with_time(rest) {
        time_first(rest)?
    } else {
        date_first(rest)?
    };
    let (rest, _) = end(rest)?;
    Ok((rest, parts))
}

/// Parses a label's value as a timestamp (SPEC 3.3). `default_offset` is
/// given to a value that has a time but states no zone.
pub(crate) fn parse_timestamp(
    text: &str,
    default_offset: Option<FixedOffset>,
) -> Option<Timestamp> {
    let (_, (date, tz)) = timestamp_parts(text).ok()?;
    Some(Timestamp {
        date,
        time: tz.map(|(t, _)| t),
        offset: tz.and_then(|(_, o)| o.or(default_offset)),
        span: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn ok(text: &str, want: &str) {
        let got = parse_timestamp(text, None).unwrap_or_else(|| panic!("{text:?} did not parse"));
        assert_eq!(got.to_string(), want, "{text:?}");
    }

    #[track_caller]
    fn bad(text: &str) {
        assert_eq!(parse_timestamp(text, None), None, "{text:?} parsed");
    }

    #[test]
    fn month_name_forms() {
        ok("February 28, 2019, 16:19", "2019-02-28T16:19:00");
        ok("Feb. 28, 2019 16:19", "2019-02-28T16:19:00");
        ok("Feb 28 2019 16:19:05", "2019-02-28T16:19:05");
        ok("28 February 2019 16:19", "2019-02-28T16:19:00");
        ok("28 Feb. 2019, 16:19", "2019-02-28T16:19:00");
        ok("APRIL. 3, 2021, 10:00", "2021-04-03T10:00:00");
        ok("sept 4, 2021 11:00", "2021-09-04T11:00:00");
        ok("Sept. 23, 2020 - 14:18", "2020-09-23T14:18:00");
    }

    #[test]
    fn numeric_forms() {
        ok("2019-02-28 16:19", "2019-02-28T16:19:00");
        ok("2019-02-28 16:19:09", "2019-02-28T16:19:09");
        ok("2019-02-28T16:19:09+09:00", "2019-02-28T16:19:09+09:00");
        ok("2019.02.28 16:19", "2019-02-28T16:19:00");
        ok("2019/02/28 16:19", "2019-02-28T16:19:00");
        ok("2021-3-7 08:05", "2021-03-07T08:05:00");
        bad("2021-03/04 10:00");
        bad("02/28/2019");
        bad("28/02/2019");
        bad("19-02-28");
    }

    #[test]
    fn twelve_hour_clocks() {
        ok("March 17, 2021 4:19 PM", "2021-03-17T16:19:00");
        ok("March 18, 2021 04:19 a.m.", "2021-03-18T04:19:00");
        ok("March 17, 2021 12:10 a.m.", "2021-03-17T00:10:00");
        ok("March 17, 2021 12:40 PM", "2021-03-17T12:40:00");
        ok("2021-03-17 23:53 PM", "2021-03-17T23:53:00");
        ok("2021-03-18 00:29 AM", "2021-03-18T00:29:00");
        bad("March 3, 2021 13:00 AM");
        bad("March 3, 2021 00:29 PM");
        bad("March 3, 2021 25:10");
        bad("March 3, 2021 10:60");
    }

    #[test]
    fn separators_and_time_first() {
        ok("Feb 28, 2019 - 14:18", "2019-02-28T14:18:00");
        ok("Feb. 28, 2019 at 4:19 p.m.", "2019-02-28T16:19:00");
        ok("September 23, 2020 | 14:18", "2020-09-23T14:18:00");
        ok("Sept 24, 2020 / 09:05", "2020-09-24T09:05:00");
        ok("10:53 May 13, 2010", "2010-05-13T10:53:00");
        ok("17:48 August 07, 2019", "2019-08-07T17:48:00");
    }

    #[test]
    fn ordinals_weekdays_and_dates_alone() {
        ok("May 2nd, 2019", "2019-05-02");
        ok("28th February 2019", "2019-02-28");
        ok("21st May 2019 09:00", "2019-05-21T09:00:00");
        ok("Thu, February 28, 2019", "2019-02-28");
        ok("Thursday 28 February 2019 16:19", "2019-02-28T16:19:00");
        ok("February 28, 2019", "2019-02-28");
        ok("2019-02-28", "2019-02-28");
    }

    #[test]
    fn zones() {
        ok("2021-03-17 08:45 KST", "2021-03-17T08:45:00+09:00");
        ok("March 17, 2021 4:19 p.m. EST", "2021-03-17T16:19:00-05:00");
        ok("2021-03-17 08:45 +0900", "2021-03-17T08:45:00+09:00");
        ok("2021-03-17 09:30 GMT+9", "2021-03-17T09:30:00+09:00");
        ok("17 March 2021 08:45 UTC+09:00", "2021-03-17T08:45:00+09:00");
        ok("17 March 2021 09:30 pst", "2021-03-17T09:30:00-08:00");
        ok(
            "March 17, 2021 08:45 (Gmt+09:00)",
            "2021-03-17T08:45:00+09:00",
        );
        ok("March 17, 2021 09:30 (CEST)", "2021-03-17T09:30:00+02:00");
        ok("2021-03-17T09:30:00Z", "2021-03-17T09:30:00+00:00");
        ok(
            "February 28, 2019, 16:19 -05:00",
            "2019-02-28T16:19:00-05:00",
        );
        bad("March 3, 2021 KST");
        bad("March 3, 2021 10:00 XYZ");
    }

    #[test]
    fn remainders() {
        ok("June 3, 2018 / 9:05 PM / 2 days ago", "2018-06-03T21:05:00");
        ok("2021-03-17 08:45 | Tarnby edition", "2021-03-17T08:45:00");
        ok("March 4, 2021 | Tarnby", "2021-03-04");
        bad("March 4, 2021 in Tarnby");
    }

    #[test]
    fn impossible_dates() {
        bad("February 30, 2021");
        bad("2021-04-31");
        bad("February 29, 2021 10:00");
        ok("February 29, 2020 10:00", "2020-02-29T10:00:00");
        bad("Febx 28, 2019");
        bad("");
    }

    #[test]
    fn default_offset_only_with_a_time() {
        let kst = FixedOffset::east_opt(9 * 3600);
        let t = parse_timestamp("2019-02-28 16:19", kst).unwrap();
        assert_eq!(t.to_string(), "2019-02-28T16:19:00+09:00");
        let t = parse_timestamp("2019-02-28", kst).unwrap();
        assert_eq!(t.to_string(), "2019-02-28");
        let t = parse_timestamp("2019-02-28 16:19 UTC", kst).unwrap();
        assert_eq!(t.to_string(), "2019-02-28T16:19:00+00:00");
    }
}
