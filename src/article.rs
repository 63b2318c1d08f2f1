//! The parsed article and its parts (SPEC sections 3 and 4).

use std::fmt;
use std::ops::Range;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// A byte range of the input a value was read from.
///
/// Every text field of an [`Article`] is a slice of the input, so its span is
/// not stored but computed on demand with [`Span::of`]. Spans always lie on
/// UTF-8 character boundaries of the input they were computed against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// The span of `part` inside `input`, when `part` is a slice of `input`
    /// (as every text field of an [`Article`] parsed from `input` is).
    ///
    /// Returns `None` for a string that does not point into `input`, such as a
    /// field of an article parsed from another text or built by hand.
    ///
    /// ```
    /// let input = "Ferry link opens\n\nThe ferry sails at noon.\n";
    /// let article = wirecopy::parse(input)?;
    /// let span = wirecopy::Span::of(input, article.paragraphs[0]).unwrap();
    /// assert_eq!(&input[span.range()], "The ferry sails at noon.");
    /// assert_eq!(span.start, 18);
    /// # Ok::<(), wirecopy::Error>(())
    /// ```
    #[must_use]
    pub fn of(input: &str, part: &str) -> Option<Span> {
        let base = input.as_ptr() as usize;
        let start = (part.as_ptr() as usize).checked_sub(base)?;
        let end = start.checked_add(part.len())?;
        (end <= input.len()).then_some(Span { start, end })
    }

    /// The span as a `Range`, for indexing the input.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes (0 for a span built with `end` before `start`).
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

/// A date with an optional time of day and an optional UTC offset (SPEC 3.3).
///
/// The value says exactly what the text says: a date-only value has no time,
/// and the offset is set only when the text states a zone (or the caller set a
/// default offset, see [`ParseOptions::default_offset`](crate::ParseOptions::default_offset)).
///
/// Its JSON and `Display` form is `2019-02-28`, `2019-02-28T16:19:00` or
/// `2019-02-28T16:19:00+09:00`; [`FromStr`](std::str::FromStr) reads that form back.
///
/// Two timestamps are equal when date, time and offset are equal; the
/// [`span`](Self::span) of the text they were read from is not compared.
#[derive(Clone, Copy, Debug)]
pub struct Timestamp {
    /// The calendar date.
    pub date: NaiveDate,
    /// The time of day, when the text gives one.
    pub time: Option<NaiveTime>,
    /// The UTC offset, when the text states a zone (or a default was set).
    /// Never set without a time.
    pub offset: Option<FixedOffset>,
    /// Where in the input the timestamp's text stands (the label's value,
    /// without the label), when it was parsed from an input.
    pub span: Option<Span>,
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.date == other.date && self.time == other.time && self.offset == other.offset
    }
}

impl Eq for Timestamp {}

impl std::hash::Hash for Timestamp {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.date.hash(state);
        self.time.hash(state);
        self.offset.hash(state);
    }
}

impl Timestamp {
    /// A date-only timestamp.
    pub fn from_date(date: NaiveDate) -> Self {
        Timestamp {
            date,
            time: None,
            offset: None,
            span: None,
        }
    }

    /// The date and time without the offset, when a time is known.
    pub fn naive(&self) -> Option<NaiveDateTime> {
        self.time.map(|t| self.date.and_time(t))
    }

    /// The instant as a chrono `DateTime`, when both the time and the offset
    /// are known. A value without a stated offset has no instant: pick one
    /// yourself with [`naive`](Self::naive) and
    /// `and_local_timezone` if you know the zone.
    pub fn to_datetime(&self) -> Option<DateTime<FixedOffset>> {
        let naive = self.naive()?;
        let offset = self.offset?;
        naive.and_local_timezone(offset).single()
    }
}

impl fmt::Display for Timestamp {
    /// Writes `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` or
    /// `YYYY-MM-DDTHH:MM:SS+HH:MM`: chrono's `%Y-%m-%d`, `%H:%M:%S` and the
    /// offset's `Display`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The usual case (years 0 to 9999, no leap second, an offset in
        // whole minutes) is written digit by digit: chrono's `format` reads
        // its format string again on every call, which costs more than the
        // digits, and a JSON Lines writer formats two timestamps a record.
        match self.write_digits(&mut [0; 25]) {
            Some(text) => f.write_str(text),
            None => {
                write!(f, "{}", self.date.format("%Y-%m-%d"))?;
                if let Some(time) = self.time {
                    write!(f, "T{}", time.format("%H:%M:%S"))?;
                    if let Some(offset) = self.offset {
                        write!(f, "{offset}")?;
                    }
                }
                Ok(())
            }
        }
    }
}

impl Timestamp {
    /// Writes the `Display` form into `buf` and returns it, or `None` if it
    /// is outside the usual case that `Display` writes by hand.
    fn write_digits<'b>(&self, buf: &'b mut [u8; 25]) -> Option<&'b str> {
        use chrono::Datelike;
        /// Writes `n` (below 10^`buf.len()`) as `buf.len()` digits.
        fn digits(buf: &mut [u8], mut n: u32) {
            for b in buf.iter_mut().rev() {
                *b = b'0' + (n % 10) as u8;
                n /= 10;
            }
        }
        let year = u32::try_from(self.date.year())
            .ok()
            .filter(|&y| y <= 9999)?;
        digits(&mut buf[0..4], year);
        buf[4] = b'-';
        digits(&mut buf[5..7], self.date.month());
        buf[7] = b'-';
        digits(&mut buf[8..10], self.date.day());
        let len = match (self.time, self.offset) {
            (None, _) => 10,
            (Some(_), None) => 19,
            (Some(_), Some(_)) => 25,
        };
        let Some(time) = self.time else {
            return std::str::from_utf8(&buf[..len]).ok();
        };
        if time.nanosecond() >= 1_000_000_000 {
            return None; // a leap second: `%S` writes 60
        }
        buf[10] = b'T';
        digits(&mut buf[11..13], time.hour());
        buf[13] = b':';
        digits(&mut buf[14..16], time.minute());
        buf[16] = b':';
        digits(&mut buf[17..19], time.second());
        let Some(offset) = self.offset else {
            return std::str::from_utf8(&buf[..len]).ok();
        };
        let seconds = offset.local_minus_utc();
        if seconds % 60 != 0 {
            return None; // chrono then writes the seconds too
        }
        buf[19] = if seconds < 0 { b'-' } else { b'+' };
        let minutes = seconds.unsigned_abs() / 60;
        digits(&mut buf[20..22], minutes / 60);
        buf[22] = b':';
        digits(&mut buf[23..25], minutes % 60);
        std::str::from_utf8(&buf[..len]).ok() // ASCII: always UTF-8
    }
}

/// The error of [`Timestamp::from_str`](std::str::FromStr).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid timestamp {}: expected YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or YYYY-MM-DDTHH:MM:SS+HH:MM",
    crate::error::Quoted(.0)
)]
pub struct TimestampFromStrError(pub String);

impl std::str::FromStr for Timestamp {
    type Err = TimestampFromStrError;

    /// Reads the JSON form written by `Display`: `2019-02-28`,
    /// `2019-02-28T16:19:00` or `2019-02-28T16:19:00+09:00`. A `Z` is read
    /// as `+00:00`, as RFC 3339 writes it. A leap second (`:60`), which no
    /// timestamp of SPEC 3.3 has, is refused.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || TimestampFromStrError(s.to_owned());
        if s.len() == 10 {
            let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| err())?;
            return Ok(Timestamp::from_date(date));
        }
        let (naive, zulu) = s.strip_suffix('Z').map_or((s, false), |n| (n, true));
        let (date, time, offset) = if naive.len() == 19 {
            let dt =
                NaiveDateTime::parse_from_str(naive, "%Y-%m-%dT%H:%M:%S").map_err(|_| err())?;
            let utc = FixedOffset::east_opt(0).filter(|_| zulu);
            (dt.date(), dt.time(), utc)
        } else if !zulu {
            let dt = DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%:z").map_err(|_| err())?;
            (dt.date_naive(), dt.time(), Some(*dt.offset()))
        } else {
            return Err(err());
        };
        if time.nanosecond() >= 1_000_000_000 {
            return Err(err());
        }
        Ok(Timestamp {
            date,
            time: Some(time),
            offset,
            span: None,
        })
    }
}

/// The dateline that opens one of the first paragraphs (SPEC 3.5):
/// `SEOUL, South Korea, Jan. 3 (UPI) -- `.
///
/// The paragraph it opens starts after the separator, so the dateline's text is
/// not part of [`Article::paragraphs`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Dateline<'a> {
    /// The place: `HANOI`, `NEW YORK`, `Tallinn`.
    pub place: Option<&'a str>,
    /// A region or country: `South Korea`, `Calif.`.
    pub region: Option<&'a str>,
    /// The date as written: `Feb. 28`, `27 June 2020`.
    pub date: Option<&'a str>,
    /// The agency in parentheses: `Yonhap`, `Reuters`.
    pub agency: Option<&'a str>,
    /// 0-based index in [`Article::paragraphs`] of the paragraph it opens.
    pub paragraph: usize,
}

/// Something lenient parsing could not read, with its position in the input.
///
/// Warnings describe the input text. They are not part of the article's
/// content: rendering an article and parsing it again gives no warning for
/// what the original text got wrong.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Warning {
    /// Byte offset in the input.
    pub offset: usize,
    /// 1-based line (lines end at LF, CRLF or a lone CR).
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What was wrong, in words.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, column {} (offset {})",
            self.message, self.line, self.column, self.offset
        )
    }
}

/// A parsed article whose text fields borrow from the input (zero-copy).
///
/// Every `&'a str` is a slice of the input, trimmed of whitespace and otherwise
/// exactly as written; [`Span::of`] gives its byte range. Fields come in the
/// order of the JSON contract (SPEC section 4), which `Serialize` follows.
///
/// `Display` renders the canonical layout (SPEC section 5), which parses back
/// to an equal article when this one was parsed without warnings with the
/// default options. An article parsed with other [`ParseOptions`](crate::ParseOptions) is
/// rendered with [`display_with`](Self::display_with) and read back with
/// the same options (see [`check_round_trip`](Self::check_round_trip)).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Article<'a> {
    /// The kicker: `SUMMIT` of `[SUMMIT] ...`, `LEAD` of `(LEAD) ...`.
    pub kicker: Option<&'a str>,
    /// The headline; `""` only for a kicker-only line with nothing after it
    /// (lenient mode, with a warning).
    pub headline: &'a str,
    /// The byline text after `By` and before the first date label.
    pub byline: Option<&'a str>,
    /// The authors named in the byline, without e-mails, agencies and roles.
    pub authors: Vec<&'a str>,
    /// The first "posted" timestamp of the byline block.
    pub posted: Option<Timestamp>,
    /// The first "updated" timestamp of the byline block.
    pub updated: Option<Timestamp>,
    /// Photo credits, the text inside the brackets, in input order.
    pub photo_credits: Vec<&'a str>,
    /// The dateline, when one of the first three paragraphs opens with one.
    pub dateline: Option<Dateline<'a>>,
    /// The body, one entry per non-blank line.
    pub paragraphs: Vec<&'a str>,
    /// Trailing scrape boilerplate, sign-offs and copyright lines, in input order.
    pub boilerplate: Vec<&'a str>,
    /// What lenient parsing could not read.
    pub warnings: Vec<Warning>,
}

impl<'a> Article<'a> {
    /// Copies every borrowed field into an [`OwnedArticle`] that does not
    /// borrow the input.
    #[must_use]
    pub fn to_owned_article(&self) -> OwnedArticle {
        OwnedArticle {
            kicker: self.kicker.map(str::to_owned),
            headline: self.headline.to_owned(),
            byline: self.byline.map(str::to_owned),
            authors: self.authors.iter().map(|s| (*s).to_owned()).collect(),
            posted: self.posted,
            updated: self.updated,
            photo_credits: self.photo_credits.iter().map(|s| (*s).to_owned()).collect(),
            dateline: self.dateline.as_ref().map(|d| OwnedDateline {
                place: d.place.map(str::to_owned),
                region: d.region.map(str::to_owned),
                date: d.date.map(str::to_owned),
                agency: d.agency.map(str::to_owned),
                paragraph: d.paragraph,
            }),
            paragraphs: self.paragraphs.iter().map(|s| (*s).to_owned()).collect(),
            boilerplate: self.boilerplate.iter().map(|s| (*s).to_owned()).collect(),
            warnings: self.warnings.clone(),
        }
    }

    /// Empties every field, keeping the capacity of the vectors.
    pub fn clear(&mut self) {
        self.kicker = None;
        self.headline = "";
        self.byline = None;
        self.authors.clear();
        self.posted = None;
        self.updated = None;
        self.photo_credits.clear();
        self.dateline = None;
        self.paragraphs.clear();
        self.boilerplate.clear();
        self.warnings.clear();
    }

    /// An empty article that reuses this one's vector capacity and may
    /// borrow from another input: see [`ParseOptions::parse_into`](crate::ParseOptions::parse_into).
    #[must_use]
    pub fn recycle<'b>(self) -> Article<'b> {
        // Collecting the emptied vector of one slice type into another of the
        // same layout reuses its allocation (in-place iteration).
        fn reuse<'b>(mut v: Vec<&str>) -> Vec<&'b str> {
            v.clear();
            v.into_iter().map(|_| "").collect()
        }
        let mut warnings = self.warnings;
        warnings.clear();
        Article {
            authors: reuse(self.authors),
            photo_credits: reuse(self.photo_credits),
            paragraphs: reuse(self.paragraphs),
            boilerplate: reuse(self.boilerplate),
            warnings,
            ..Article::default()
        }
    }

    /// The byte spans of the paragraphs in `input`, the text this article was
    /// parsed from. Yields `None` for a paragraph that is not a slice of `input`.
    pub fn paragraph_spans<'s>(
        &'s self,
        input: &'s str,
    ) -> impl Iterator<Item = Option<Span>> + 's {
        self.paragraphs.iter().map(move |p| Span::of(input, p))
    }

    /// The paragraph the dateline opens, if there is a dateline.
    pub fn dateline_paragraph(&self) -> Option<&'a str> {
        let d = self.dateline.as_ref()?;
        self.paragraphs.get(d.paragraph).copied()
    }
}

/// An [`Article`] that owns its text, for values that must outlive the input
/// and for reading the JSON contract back (`Deserialize`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OwnedArticle {
    /// See [`Article::kicker`].
    pub kicker: Option<String>,
    /// See [`Article::headline`].
    pub headline: String,
    /// See [`Article::byline`].
    pub byline: Option<String>,
    /// See [`Article::authors`].
    pub authors: Vec<String>,
    /// See [`Article::posted`].
    pub posted: Option<Timestamp>,
    /// See [`Article::updated`].
    pub updated: Option<Timestamp>,
    /// See [`Article::photo_credits`].
    pub photo_credits: Vec<String>,
    /// See [`Article::dateline`].
    pub dateline: Option<OwnedDateline>,
    /// See [`Article::paragraphs`].
    pub paragraphs: Vec<String>,
    /// See [`Article::boilerplate`].
    pub boilerplate: Vec<String>,
    /// See [`Article::warnings`].
    pub warnings: Vec<Warning>,
}

/// A [`Dateline`] that owns its text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OwnedDateline {
    /// See [`Dateline::place`].
    pub place: Option<String>,
    /// See [`Dateline::region`].
    pub region: Option<String>,
    /// See [`Dateline::date`].
    pub date: Option<String>,
    /// See [`Dateline::agency`].
    pub agency: Option<String>,
    /// See [`Dateline::paragraph`].
    pub paragraph: usize,
}

impl OwnedArticle {
    /// A borrowed view of this article, for rendering or comparing.
    #[must_use]
    pub fn as_article(&self) -> Article<'_> {
        Article {
            kicker: self.kicker.as_deref(),
            headline: &self.headline,
            byline: self.byline.as_deref(),
            authors: self.authors.iter().map(String::as_str).collect(),
            posted: self.posted,
            updated: self.updated,
            photo_credits: self.photo_credits.iter().map(String::as_str).collect(),
            dateline: self.dateline.as_ref().map(|d| Dateline {
                place: d.place.as_deref(),
                region: d.region.as_deref(),
                date: d.date.as_deref(),
                agency: d.agency.as_deref(),
                paragraph: d.paragraph,
            }),
            paragraphs: self.paragraphs.iter().map(String::as_str).collect(),
            boilerplate: self.boilerplate.iter().map(String::as_str).collect(),
            warnings: self.warnings.clone(),
        }
    }
}

impl From<Article<'_>> for OwnedArticle {
    fn from(article: Article<'_>) -> Self {
        article.to_owned_article()
    }
}

impl fmt::Display for OwnedArticle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.as_article(), f)
    }
}

impl From<&Article<'_>> for OwnedArticle {
    fn from(article: &Article<'_>) -> Self {
        article.to_owned_article()
    }
}

impl PartialEq<OwnedArticle> for Article<'_> {
    fn eq(&self, other: &OwnedArticle) -> bool {
        *self == other.as_article()
    }
}

impl PartialEq<Article<'_>> for OwnedArticle {
    fn eq(&self, other: &Article<'_>) -> bool {
        self.as_article() == *other
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use super::Timestamp;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    impl Serialize for Timestamp {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self.write_digits(&mut [0; 25]) {
                Some(text) => serializer.serialize_str(text),
                None => serializer.collect_str(self),
            }
        }
    }

    impl<'de> Deserialize<'de> for Timestamp {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
            text.parse().map_err(serde::de::Error::custom)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `Display` wrote before it wrote the usual case by hand: chrono's
    /// formats, the oracle for every case.
    fn by_chrono(t: &Timestamp) -> String {
        let mut s = t.date.format("%Y-%m-%d").to_string();
        if let Some(time) = t.time {
            s += &time.format("T%H:%M:%S").to_string();
            if let Some(offset) = t.offset {
                s += &offset.to_string();
            }
        }
        s
    }

    /// `Display` writes what chrono writes, inside the usual case and out of
    /// it: years with and without a sign, leap seconds, fractions of a
    /// second, offsets with seconds, and date-only and zone-less values.
    #[test]
    fn display_writes_what_chrono_writes() {
        let mut next = crate::parse::xorshift(0x2545_F491_4F6C_DD1D);
        let years = [
            -262_143, -10_000, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 1970, 2019, 9999, 10_000,
            262_142,
        ];
        let mut checked = 0;
        for year in years {
            for _ in 0..400 {
                let day = (next() % 366) as u32;
                let Some(date) = NaiveDate::from_yo_opt(year, day + 1) else {
                    continue;
                };
                let mut secs = (next() % 86_400) as u32;
                let nano = match next() % 8 {
                    0 => {
                        secs = secs / 60 * 60 + 59; // a leap second follows :59
                        1_000_000_000 + (next() % 1000) as u32
                    }
                    1 => (next() % 1_000_000_000) as u32,
                    _ => 0,
                };
                let Some(time) = NaiveTime::from_num_seconds_from_midnight_opt(secs, nano) else {
                    continue;
                };
                let offset_secs = match next() % 4 {
                    0 => (next() % 86_399) as i32 - 43_199,      // any second
                    _ => ((next() % 2_879) as i32 - 1_439) * 60, // whole minutes
                };
                let offset = FixedOffset::east_opt(offset_secs);
                for t in [
                    Timestamp::from_date(date),
                    Timestamp {
                        time: Some(time),
                        ..Timestamp::from_date(date)
                    },
                    Timestamp {
                        time: Some(time),
                        offset,
                        ..Timestamp::from_date(date)
                    },
                ] {
                    assert_eq!(t.to_string(), by_chrono(&t), "{t:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
        // The edges of the hand-written case.
        let date = NaiveDate::from_ymd_opt(2019, 2, 28).unwrap();
        for (secs, offset) in [(0, 0), (86_399, 86_340), (59, -86_340), (3_600, -60)] {
            let t = Timestamp {
                date,
                time: NaiveTime::from_num_seconds_from_midnight_opt(secs, 0),
                offset: FixedOffset::east_opt(offset),
                span: None,
            };
            assert_eq!(t.to_string(), by_chrono(&t));
        }
    }

    /// A timestamp serializes as the string `Display` writes, in and out of
    /// the case that `Display` writes by hand.
    #[cfg(feature = "serde")]
    #[test]
    fn serializes_as_display() {
        let date = NaiveDate::from_ymd_opt(2019, 2, 28).unwrap();
        let time = NaiveTime::from_hms_opt(16, 19, 0);
        let far = NaiveDate::from_ymd_opt(12_019, 2, 28).unwrap();
        for t in [
            Timestamp::from_date(date),
            Timestamp::from_date(far),
            Timestamp {
                time,
                ..Timestamp::from_date(date)
            },
            Timestamp {
                time,
                offset: FixedOffset::east_opt(9 * 3600),
                ..Timestamp::from_date(date)
            },
            Timestamp {
                time,
                offset: FixedOffset::east_opt(-(5 * 3600 + 30 * 60 + 7)),
                ..Timestamp::from_date(date)
            },
        ] {
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{t}\""));
        }
    }
}
