//! # wirecopy
//!
//! A zero-copy parser for *wire copy*: the plain text of news articles as wire
//! services publish them and as scrapers save them. It reads the kicker,
//! headline, byline and authors, Posted/Updated timestamps, photo credits,
//! the dateline, one paragraph per line and the scrape boilerplate at the end,
//! and returns an [`Article`] whose text fields are slices of the input.
//!
//! ```
//! let text = "[HARBOR] Second pier opens in Kessen Bay\n\
//!             \n\
//!             By Ilse Brandt Posted : April 12, 2021, 10:05\n\
//!             [Port Authority photo]\n\
//!             KESSEN BAY, Norland (Reuters) -- The town opened a second pier.\n\
//!             \n\
//!             The harbor master expects calmer seas.\n\
//!             (END)\n";
//!
//! let article = wirecopy::parse(text)?;
//! assert_eq!(article.kicker, Some("HARBOR"));
//! assert_eq!(article.headline, "Second pier opens in Kessen Bay");
//! assert_eq!(article.authors, ["Ilse Brandt"]);
//! assert_eq!(article.posted.unwrap().to_string(), "2021-04-12T10:05:00");
//! assert_eq!(article.photo_credits, ["Port Authority photo"]);
//! let dateline = article.dateline.as_ref().unwrap();
//! assert_eq!((dateline.place, dateline.region, dateline.agency), (Some("KESSEN BAY"), Some("Norland"), Some("Reuters")));
//! assert_eq!(article.paragraphs, ["The town opened a second pier.", "The harbor master expects calmer seas."]);
//! assert_eq!(article.boilerplate, ["(END)"]);
//!
//! // Every field borrows from the input: its byte span is free.
//! let span = wirecopy::Span::of(text, article.paragraphs[1]).unwrap();
//! assert_eq!(&text[span.range()], "The harbor master expects calmer seas.");
//!
//! // The canonical layout parses back to the same article.
//! let rendered = article.to_string();
//! assert_eq!(wirecopy::parse(&rendered)?, article);
//! # Ok::<(), wirecopy::Error>(())
//! ```
//!
//! ## The layout
//!
//! The layout and the JSON contract follow the project's specification
//! (SPEC); each parser module quotes the rule it implements, section by
//! section. In short, in order:
//!
//! 1. the **headline line**, the first non-blank line, optionally opened by a
//!    kicker: `[TEXT]`, `【TEXT】`, `［TEXT］`, `(LEAD)`-style tags, or an
//!    upper-case label such as `ANALYSIS:`;
//! 2. up to three **byline lines** (`By ...`, `Written by ...`, `Story by ...`,
//!    or a date label such as `Posted :`, `Updated :`, `입력`, `수정`);
//! 3. **photo credits**, `[...]` lines, before or between paragraphs;
//! 4. the **body**, one paragraph per non-blank line; one of the first three
//!    paragraphs may open with a **dateline** (`SEOUL, Feb. 28 (Yonhap) --`);
//! 5. the **trailer** of boilerplate phrases, sign-offs (`(END)`) and copyright
//!    lines, found by scanning back from the end.
//!
//! ## Lenient and strict
//!
//! [`parse`] is lenient: it fails only on input that is empty, binary (a NUL
//! byte), not UTF-8 ([`parse_bytes`]) or larger than the limit (64 MiB by
//! default), and reports everything else it cannot read as a [`Warning`] with
//! its byte offset, line and column. It never panics. [`Mode::Strict`] also
//! fails on an unparsable timestamp, a missing headline and an empty body.
//! Every [`Error`] names its offset, line and column.
//!
//! ## Timestamps
//!
//! [`Timestamp`] holds what the text says: a date, a time if one is given, an
//! offset only if a zone is stated (`KST`, `+09:00`, `GMT+9`, ...) or the
//! caller set [`ParseOptions::default_offset`]. [`Timestamp::to_datetime`]
//! gives a `chrono::DateTime<FixedOffset>` when the offset is known.
//!
//! ## Decisions where SPEC is silent
//!
//! - Spans are byte offsets into the input as given, BOM included.
//! - An error's or warning's column counts characters from the start of its
//!   line; for a NUL byte after invalid UTF-8, every byte that does not
//!   continue a multi-byte sequence counts as one character.
//! - A byline line whose byline word is followed directly by a label
//!   (`By Posted : ...`) gives no byline. Only the first `By` line gives the
//!   byline, even if its byline text is empty.
//! - The 80-character guard applies to `Written by` and `Story by` lines too.
//!   A quote that ends a `By` line without a label is any of `"'“”‘’«»`.
//! - A credit line before the first byline line does not end the byline
//!   block: credits may stand anywhere among the byline lines.
//! - Only the bracket kickers may lack the space after them, as SPEC says of
//!   them alone: `(G)I-DLE adds dates` and `UPDATE:Rates hold` have no
//!   kicker, `[SUMMIT]Talks end` has one.
//! - A later label of a kind already seen is ignored without being parsed, so
//!   it gives no warning even when its value is not a timestamp.
//! - Lower-case `am`/`pm` without dots are accepted; `00:29 PM` is rejected
//!   (the suffix contradicts the hour). Numeric offsets may be negative
//!   (`-05:00`); a bare numeric offset needs four digits (`+0900`, `+09:00`),
//!   after `GMT`/`UTC` one or two are enough (`GMT+9`). Seconds are kept;
//!   fractions of a second are not accepted.
//! - A default offset is given only to timestamps with a time: a date alone
//!   has no instant to offset.
//! - A weekday is not checked against its date.
//! - A bare `PLACE --` at the end of a line counts as a dateline-only line
//!   (the line end is the whitespace after the separator).
//! - E-mail addresses are removed from the ends of an author; one inside a
//!   name cuts the name there, since authors are slices of the input. An
//!   address written against the name, in brackets or not, is cut at its
//!   opening bracket: `Jane Roe(jane@example.com)` gives `Jane Roe`. An `@`
//!   that is not in an address `x@y.z` is text: `@jroe Jane Roe` and
//!   `Jane Roe (jane@newsroom)` are kept whole.
//! - In a region, connectors may follow one another: `Isla de la Juventud`
//!   is one region. It still starts and ends with a capitalised word. A
//!   capitalised place (SPEC's title-place) takes none: `Rio de Janeiro (AP)
//!   — ...` has no dateline, as `Sale of Assets (Reuters) - ...` has none.
//! - Agency names and e-mail addresses are removed from the ends of an
//!   author until neither end holds one: `AP Jane Roe Reuters` gives
//!   `Jane Roe`. At each step the longest agency name that matches goes,
//!   whether built in or added with [`ParseOptions::agency`].
//! - A line that is both a credit and a boilerplate phrase added with
//!   [`ParseOptions::boilerplate_phrase`] (`[Advertisement]`) is a trailer
//!   line when only the trailer follows it, and a credit elsewhere.
//! - Role words match in their plural with `s` or `es` (`Presses`).
//! - The empty-body warning points at the start of the trailer (or the end of
//!   the input); the missing-headline warning at the end of the kicker line.
//!
//! ## Features
//!
//! | feature | default | what it adds |
//! |---------|---------|--------------|
//! | `serde` | yes     | `Serialize` for [`Article`] and [`Error`] (SPEC section 4 JSON), `Serialize`/`Deserialize` for [`OwnedArticle`] |
//! | `arbitrary` | no  | `ArbitraryArticle`: valid articles built with `arbitrary`, for fuzz targets |

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "arbitrary")]
mod arbitrary;
mod article;
mod error;
mod options;
mod parse;
mod render;
mod roundtrip;

#[cfg(feature = "arbitrary")]
pub use crate::arbitrary::ArbitraryArticle;
pub use article::{
    Article, Dateline, OwnedArticle, OwnedDateline, Span, Timestamp, TimestampFromStrError, Warning,
};
pub use error::{Error, Position, TimestampField};
pub use options::{DEFAULT_MAX_SIZE, Mode, ParseOptions};
pub use render::Rendered;
pub use roundtrip::RoundTripError;

/// The `chrono` crate, whose types [`Timestamp`] holds and
/// [`ParseOptions::default_offset`] takes, re-exported so that callers use
/// the same version without naming it in their own `Cargo.toml`.
pub use chrono;

/// The README's Rust examples, run as doc tests (they use the `serde`
/// feature).
#[cfg(all(doctest, feature = "serde"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The default options that [`parse`] and [`parse_bytes`] use, built once.
static DEFAULT_OPTIONS: ParseOptions = ParseOptions::new();

/// Parses `input` leniently with the default [`ParseOptions`].
///
/// ```
/// let article = wirecopy::parse("Ferry link opens\n\nBy Rosa Lind\n\nThe ferry sails at noon.\n")?;
/// assert_eq!(article.byline, Some("Rosa Lind"));
/// # Ok::<(), wirecopy::Error>(())
/// ```
pub fn parse(input: &str) -> Result<Article<'_>, Error> {
    DEFAULT_OPTIONS.parse(input)
}

/// Checks that `input` is NUL-free UTF-8 within the size limit (one leading
/// BOM is skipped) and parses it leniently with the default [`ParseOptions`].
///
/// ```
/// let err = wirecopy::parse_bytes(b"Headline\n\nBad \xff byte\n").unwrap_err();
/// assert_eq!(err.kind(), "InvalidUtf8");
/// assert_eq!((err.position().offset, err.position().line, err.position().column), (14, 3, 5));
/// # Ok::<(), wirecopy::Error>(())
/// ```
pub fn parse_bytes(input: &[u8]) -> Result<Article<'_>, Error> {
    DEFAULT_OPTIONS.parse_bytes(input)
}

/// Parses a timestamp value as written after a date label (SPEC 3.3):
/// `February 28, 2019, 16:19`, `2019-02-28T16:19:09+09:00`,
/// `10:53 May 13, 2010`, `Thu, 28 Feb. 2019 4:19 p.m. EST`...
///
/// Returns `None` for text that is not a timestamp (a time needs a date), an
/// impossible date or time, or an ambiguous numeric date. Whitespace around
/// `text` is ignored; the `,`, `;` or `|` that an article's label value
/// drops at its end (SPEC 3.2) is not. The [`Timestamp::span`] is left
/// empty.
///
/// ```
/// let t = wirecopy::parse_timestamp("Feb. 28, 2019 at 4:19 p.m. KST").unwrap();
/// assert_eq!(t.to_string(), "2019-02-28T16:19:00+09:00");
/// assert!(wirecopy::parse_timestamp("02/28/2019").is_none());
/// let t = wirecopy::parse_timestamp("Thu, 28 Feb. 2019 4:19 p.m. EST").unwrap();
/// assert_eq!(t.to_string(), "2019-02-28T16:19:00-05:00");
/// assert!(wirecopy::parse_timestamp("4:19 p.m. EST").is_none());
/// assert!(wirecopy::parse_timestamp(" 2019-02-28 ").is_some());
/// ```
#[must_use]
pub fn parse_timestamp(text: &str) -> Option<Timestamp> {
    parse::parse_timestamp(parse::trim(text), None)
}
