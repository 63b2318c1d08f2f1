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

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{eof, map_opt, not, opt, peek, recognize, value};
use nom::sequence::{delimited, preceded};

use super::token::{R, boundary, sp, sp0, tag_ci};
use crate::Timestamp;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "weds",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// A month name: full, the 3-letter abbreviation or `Sept`, any case,
/// with an optional `.` after it.
pub(crate) fn month(i: &str) -> R<'_, u32> {
    let (rest, word) = take_while1(|c: char| c.is_ascii_alphabetic())(i)?;
    let Some(&(_, n)) = MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
    else {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    };
    let (rest, _) = boundary(rest)?;
    let (rest, _) = opt(char('.')).parse(rest)?;
    Ok((rest, n))
}

/// A weekday name, full or abbreviated, any case, with an optional `.`.
pub(crate) fn weekday(i: &str) -> R<'_, ()> {
    let (rest, word) = take_while1(|c: char| c.is_ascii_alphabetic())(i)?;
    if !WEEKDAYS.iter().any(|name| name.eq_ignore_ascii_case(word)) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    let (rest, _) = boundary(rest)?;
    let (rest, _) = opt(char('.')).parse(rest)?;
    Ok((rest, ()))
}

/// One or two digits, not followed by another digit.
fn num12(i: &str) -> R<'_, u32> {
    let (rest, digits) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit())(i)?;
    let (rest, _) = not(satisfy(|c| c.is_ascii_digit())).parse(rest)?;
    Ok((rest, digits.parse().unwrap_or(0)))
}

/// Exactly two digits.
fn num2(i: &str) -> R<'_, u32> {
    let (rest, digits) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit())(i)?;
    Ok((rest, digits.parse().unwrap_or(0)))
}

/// A four-digit year, not followed by another digit.
pub(crate) fn year(i: &str) -> R<'_, i32> {
    let (rest, digits) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit())(i)?;
    let (rest, _) = not(satisfy(|c| c.is_ascii_digit())).parse(rest)?;
    Ok((rest, digits.parse().unwrap_or(0)))
}

/// A day of the month, one or two digits, with an optional ordinal suffix
/// (`2nd`, `21st`).
pub(crate) fn day(i: &str) -> R<'_, u32> {
    let (rest, d) = num12(i)?;
    let (rest, _) = opt((
        alt((tag_ci("st"), tag_ci("nd"), tag_ci("rd"), tag_ci("th"))),
        boundary,
    ))
    .parse(rest)?;
    Ok((rest, d))
}

/// `2019-02-28`, `2019.02.28`, `2019/02/28`: year first, one separator
/// throughout, one- or two-digit month and day.
fn numeric_date(i: &str) -> R<'_, (i32, u32, u32)> {
    let (rest, y) = year(i)?;
    let (rest, sep) = one_of("-./")(rest)?;
    let (rest, m) = num12(rest)?;
    let (rest, _) = char(sep)(rest)?;
    let (rest, d) = num12(rest)?;
    Ok((rest, (y, m, d)))
}

/// `February 28, 2019`, `Feb. 28 2019`, `May 2nd, 2019`.
fn month_day_year(i: &str) -> R<'_, (i32, u32, u32)> {
    let (rest, (m, _, d, _, y)) = (
        month,
        sp0,
        day,
        alt((recognize((sp0, char(','), sp0)), sp)),
        year,
    )
        .parse(i)?;
    Ok((rest, (y, m, d)))
}

/// `28 February 2019`, `28 Feb. 2019`, `21st May 2019`.
fn day_month_year(i: &str) -> R<'_, (i32, u32, u32)> {
    let (rest, (d, _, m, _, _, y)) = (day, sp, month, opt(char(',')), sp, year).parse(i)?;
    Ok((rest, (y, m, d)))
}

/// A calendar date that exists (no February 30).
pub(crate) fn date(i: &str) -> R<'_, NaiveDate> {
    map_opt(
        alt((numeric_date, month_day_year, day_month_year)),
        |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d),
    )
    .parse(i)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

/// `AM`, `PM`, `a.m.`, `p.m.`, any case.
fn meridiem(i: &str) -> R<'_, Meridiem> {
    let (rest, m) = alt((
        value(Meridiem::Am, tag_ci("a.m.")),
        value(Meridiem::Pm, tag_ci("p.m.")),
        value(Meridiem::Am, tag_ci("am")),
        value(Meridiem::Pm, tag_ci("pm")),
    ))
    .parse(i)?;
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
    map_opt(
        (
            num12,
            char(':'),
            num2,
            opt(preceded(char(':'), num2)),
            not(satisfy(|c| c.is_ascii_digit())),
            opt(preceded(sp0, meridiem)),
        ),
        |(h, _, min, sec, _, mer)| {
            NaiveTime::from_hms_opt(resolve_hour(h, mer)?, min, sec.unwrap_or(0))
        },
    )
    .parse(i)
}

/// `+09:00`, `+0900`, `-05:00`, and after `GMT`/`UTC` also `+9`.
fn numeric_offset(short: bool) -> impl Fn(&str) -> R<'_, FixedOffset> {
    move |i| {
        let (rest, sign) = one_of("+-")(i)?;
        let (rest, (h, m)) = if short {
            alt((
                (num2, preceded(opt(char(':')), num2)),
                (num12, value(0, peek(boundary))),
            ))
            .parse(rest)?
        } else {
            (num2, preceded(opt(char(':')), num2)).parse(rest)?
        };
        let (rest, _) = not(satisfy(|c| c.is_ascii_digit())).parse(rest)?;
        let secs = if m < 60 {
            (h * 3600 + m * 60) as i32
        } else {
            i32::MAX
        };
        let secs = if sign == '-' { -secs } else { secs };
        match FixedOffset::east_opt(secs) {
            Some(o) if m < 60 => Ok((rest, o)),
            _ => Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            ))),
        }
    }
}

const ZONES: &[(&str, i32)] = &[
    ("kst", 9),
    ("jst", 9),
    ("utc", 0),
    ("gmt", 0),
    ("z", 0),
    ("est", -5),
    ("edt", -4),
    ("pst", -8),
    ("pdt", -7),
    ("cet", 1),
    ("cest", 2),
];

/// A zone abbreviation of SPEC 3.3, any case.
fn named_zone(i: &str) -> R<'_, FixedOffset> {
    let (rest, word) = take_while1(|c: char| c.is_ascii_alphabetic())(i)?;
    let (rest, _) = boundary(rest)?;
    match ZONES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
    {
        Some(&(_, h)) => Ok((rest, FixedOffset::east_opt(h * 3600).expect("in range"))),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// A zone without parentheses: `GMT+9`, `UTC+09:00`, `+0900`, `KST`, `Z`.
fn bare_zone(i: &str) -> R<'_, FixedOffset> {
    alt((
        preceded(alt((tag_ci("gmt"), tag_ci("utc"))), numeric_offset(true)),
        numeric_offset(false),
        named_zone,
    ))
    .parse(i)
}

/// A zone, also in parentheses: `(Gmt+09:00)`, `(CEST)`.
pub(crate) fn zone(i: &str) -> R<'_, FixedOffset> {
    alt((
        delimited((char('('), sp0), bare_zone, (sp0, char(')'))),
        bare_zone,
    ))
    .parse(i)
}

/// A time with an optional zone after it.
fn time_zone(i: &str) -> R<'_, (NaiveTime, Option<FixedOffset>)> {
    (time, opt(preceded(sp0, zone))).parse(i)
}

/// Between date and time: `,`, whitespace, ` - `, ` / `, ` | `, `T` or ` at `.
fn date_time_sep(i: &str) -> R<'_, &str> {
    alt((
        recognize((sp0, char(','), sp0)),
        recognize((sp, alt((tag("-"), tag("/"), tag("|"), tag_ci("at"))), sp)),
        tag("T"),
        sp,
    ))
    .parse(i)
}

type Parts = (NaiveDate, Option<(NaiveTime, Option<FixedOffset>)>);

/// The time first: `10:53 May 13, 2010`.
fn time_first(i: &str) -> R<'_, Parts> {
    let (rest, (tz, _, d)) =
        (time_zone, alt((recognize((sp0, char(','), sp0)), sp)), date).parse(i)?;
    Ok((rest, (d, Some(tz))))
}

/// The date first, with an optional time: `February 28, 2019, 16:19`.
fn date_first(i: &str) -> R<'_, Parts> {
    (date, opt(preceded(date_time_sep, time_zone))).parse(i)
}

/// A whole timestamp with an optional leading weekday, followed by the end
/// of the value or by an ignored remainder that starts with `/` or `|`.
fn timestamp_parts(i: &str) -> R<'_, Parts> {
    let (rest, parts) = preceded(
        opt((weekday, opt(char(',')), sp)),
        alt((time_first, date_first)),
    )
    .parse(i)?;
    let (rest, _) = preceded(sp0, alt((eof, recognize(one_of("/|"))))).parse(rest)?;
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
