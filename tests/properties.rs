//! Property tests (proptest):
//! (a) render then parse gives back a generated article, for articles that
//!     cover every optional part;
//! (b) parsing never panics, on arbitrary strings, on strings of grammar
//!     tokens, and on random edits of the fixtures;
//! (c) every borrowed field lies inside the input, and spans are in order;
//! (d) the canonical form is a fixed point: parse(render(parse(x))) equals
//!     parse(x) for fixture-derived inputs;
//! (e) `parse_bytes` checks UTF-8 as std does.

use std::path::Path;

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use proptest::prelude::*;
use proptest::sample::select;
use wirecopy::{Article, Dateline, Mode, ParseOptions, Span, Timestamp};

// ---------------------------------------------------------------------------
// Generated articles, property (a)

const FIRST_NAMES: &[&str] = &[
    "Ana", "Björn", "Cora", "Dag", "Eun-ji", "Farid", "Greta", "Hyun-woo", "Ines", "José",
];
const LAST_NAMES: &[&str] = &[
    "Ruiz",
    "Nyström",
    "Fenn",
    "Holmberg",
    "Park",
    "O'Neill",
    "Lindqvist-Øberg",
    "Koval",
    "Tanaka",
];
const WORDS: &[&str] = &[
    "the",
    "harbor",
    "council",
    "said",
    "on",
    "Tuesday",
    "that",
    "new",
    "ferry",
    "would",
    "sail",
    "twice",
    "a",
    "day",
    "from",
    "May",
    "prices",
    "rose",
    "3.5%",
    "after",
    "\"very",
    "good\"",
    "talks",
    "in",
    "Velmora",
    "with",
    "its",
    "neighbors",
    "(CVID)",
    "[sic]",
    "다리",
    "공사가",
    "café",
    "and",
    "U.S.",
    "officials",
    "2019",
    "by",
    "far",
];
const KICKERS: &[&str] = &[
    "SUMMIT",
    "LEAD",
    "2nd LD",
    "News Focus",
    "FACT CHECK",
    "속보",
    "Economy",
];
const PLACES: &[&str] = &[
    "HANOI",
    "NEW YORK",
    "SEOUL/PYONGYANG",
    "ST. LOUIS",
    "WINSTON-SALEM",
    "ØSTBY",
    "Tallinn",
];
const REGIONS: &[&str] = &["South Korea", "Calif.", "Isle of Marsh", "West Virginia"];
const DATES: &[&str] = &[
    "Feb. 28",
    "Aug 10",
    "Sept. 23",
    "February 28, 2019",
    "27 June 2020",
];
const AGENCIES: &[&str] = &["Yonhap", "Reuters", "AP", "AFP", "Alder Valley Wire"];
const CREDITS: &[&str] = &[
    "Reuters/Yonhap News Photo",
    "Photo courtesy of Orvane Mills",
    "사진=연합뉴스",
    "AP Photo/Ana Ruiz",
];
const BOILERPLATE: &[&str] = &[
    "기사 이미지 확대 보기",
    "닫기",
    "(END)",
    "(Yonhap)",
    "© 2021 Velmora Herald",
    "Share it",
    "[Copyright 2021 Alden Wire Co.]",
];

fn name() -> impl Strategy<Value = String> {
    (select(FIRST_NAMES), select(LAST_NAMES)).prop_map(|(f, l)| format!("{f} {l}"))
}

/// A sentence that is a valid paragraph: capitalised, ends with a period.
fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(select(WORDS), 3..40).prop_map(|words| {
        let mut s = String::from("Officials");
        for w in words {
            s.push(' ');
            s.push_str(w);
        }
        s.push('.');
        s
    })
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (
        (1900i32..2100, 1u32..=12, 1u32..=31),
        prop::option::of((
            0u32..24,
            0u32..60,
            prop::sample::select(vec![0u32, 0, 5, 59]),
        )),
        prop::option::of(-12i32 * 60..=14 * 60),
    )
        .prop_filter_map("valid date", |((y, m, d), time, offset)| {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            let time = time.and_then(|(h, mi, s)| NaiveTime::from_hms_opt(h, mi, s));
            let offset = time
                .and(offset)
                .and_then(|min| FixedOffset::east_opt(min * 60));
            Some(Timestamp {
                date,
                time,
                offset,
                span: None,
            })
        })
}

/// A generated dateline: place, region, date, agency, paragraph index.
type DatelineParts = (
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    usize,
);

/// The parts of a generated article, as owned strings.
#[derive(Clone, Debug)]
struct Parts {
    kicker: Option<String>,
    headline: String,
    authors: Vec<String>,
    posted: Option<Timestamp>,
    updated: Option<Timestamp>,
    credits: Vec<String>,
    dateline: Option<DatelineParts>,
    paragraphs: Vec<String>,
    boilerplate: Vec<&'static str>,
}

fn parts() -> impl Strategy<Value = Parts> {
    let dateline = (
        select(PLACES),
        prop::option::of(select(REGIONS)),
        prop::option::of(select(DATES)),
        prop::option::of(select(AGENCIES)),
        0usize..3,
        any::<bool>(),
    )
        .prop_map(|(place, region, date, agency, para, no_place)| {
            if no_place || place == "Tallinn" {
                // Without an upper-case place an agency is required.
                let agency = Some(agency.unwrap_or("UPI"));
                if no_place {
                    return (None, None, Some(date.unwrap_or("Aug. 10")), agency, para);
                }
                return (Some(place), region, date, agency, para);
            }
            (Some(place), region, date, agency, para)
        });
    (
        prop::option::of(select(KICKERS).prop_map(String::from)),
        sentence(),
        prop::collection::vec(name(), 0..4),
        prop::option::of(timestamp()),
        prop::option::of(timestamp()),
        prop::collection::vec(select(CREDITS).prop_map(String::from), 0..3),
        prop::option::of(dateline),
        prop::collection::vec(sentence(), 0..6),
        prop::collection::vec(select(BOILERPLATE), 0..4),
    )
        .prop_map(
            |(
                kicker,
                headline,
                authors,
                posted,
                updated,
                credits,
                dateline,
                paragraphs,
                boilerplate,
            )| {
                let headline = headline.trim_end_matches('.').to_owned();
                let dateline = dateline.filter(|d| d.4 < paragraphs.len());
                Parts {
                    kicker,
                    headline,
                    authors,
                    posted,
                    updated,
                    credits,
                    dateline,
                    paragraphs,
                    boilerplate,
                }
            },
        )
}

impl Parts {
    fn byline(&self) -> Option<String> {
        match self.authors.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
        }
    }

    fn article<'a>(&'a self, byline: Option<&'a str>) -> Article<'a> {
        Article {
            kicker: self.kicker.as_deref(),
            headline: &self.headline,
            byline,
            authors: self.authors.iter().map(String::as_str).collect(),
            posted: self.posted,
            updated: self.updated,
            photo_credits: self.credits.iter().map(String::as_str).collect(),
            dateline: self
                .dateline
                .map(|(place, region, date, agency, paragraph)| Dateline {
                    place,
                    region,
                    date,
                    agency,
                    paragraph,
                }),
            paragraphs: self.paragraphs.iter().map(String::as_str).collect(),
            boilerplate: self.boilerplate.clone(),
            warnings: Vec::new(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// (a) parse(render(a)) == a for generated articles.
    #[test]
    fn generated_articles_round_trip(parts in parts()) {
        let byline = parts.byline();
        let article = parts.article(byline.as_deref());
        let rendered = article.to_string();
        let parsed = wirecopy::parse(&rendered).map_err(|e| TestCaseError::fail(format!("{e}\n{rendered}")))?;
        let expect_warnings = article.paragraphs.is_empty();
        prop_assert_eq!(parsed.warnings.is_empty(), !expect_warnings, "{}", rendered);
        prop_assert_eq!(article.first_difference(&parsed), None, "\n{}\n{:#?}", rendered, parsed);
        prop_assert_eq!(parsed.warnings.len(), usize::from(expect_warnings));
    }
}

// ---------------------------------------------------------------------------
// Inputs for (b), (c) and (d)

const TOKENS: &[&str] = &[
    "By ",
    "by ",
    "Written by ",
    "Posted : ",
    "Updated: ",
    "입력 ",
    "수정 ",
    "Last updated ",
    "February 28, 2019",
    "Feb. 28",
    "2019-02-28",
    "16:19",
    "4:19 p.m.",
    " KST",
    "+09:00",
    " / ",
    " | ",
    ", ",
    "[",
    "]",
    "【",
    "】",
    "(",
    ")",
    "(LEAD) ",
    "ANALYSIS: ",
    "SEOUL",
    "HANOI",
    " -- ",
    " - ",
    "—",
    ":",
    "(Yonhap)",
    "(END)",
    "닫기",
    "©",
    "Copyright ",
    "http://",
    "\u{A0}",
    "\u{3000}",
    "\u{FEFF}",
    "\u{200B}",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "a",
    "The ",
    "U.S. ",
    "Kim",
    " and ",
    "@x.org",
    ".",
    "\"",
    "é",
    "스",
    "1",
    "\t",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(select(TOKENS), 0..80).prop_map(|t| t.concat())
}

fn fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("tests/fixtures exists") {
        let path = entry.expect("readable entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            if let Ok(text) = String::from_utf8(std::fs::read(&path).expect("readable fixture")) {
                out.push(text);
            }
        }
    }
    out.sort();
    assert!(!out.is_empty(), "no fixtures found");
    out
}

#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, &'static str),
    Delete(usize, usize),
    Duplicate(usize, usize),
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut s = text.to_owned();
    let at = |s: &str, i: usize| {
        let mut i = i % (s.len() + 1);
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    for e in edits {
        match *e {
            Edit::Insert(i, t) => {
                let i = at(&s, i);
                s.insert_str(i, t);
            }
            Edit::Delete(i, n) => {
                let a = at(&s, i);
                let b = at(&s, a + n % 64);
                s.replace_range(a..b.max(a), "");
            }
            Edit::Duplicate(i, n) => {
                let a = at(&s, i);
                let b = at(&s, a + n % 200).max(a);
                let piece = s[a..b].to_owned();
                s.insert_str(b, &piece);
            }
        }
    }
    s
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), select(TOKENS)).prop_map(|(i, t)| Edit::Insert(i, t)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, n)| Edit::Duplicate(i, n)),
    ]
}

/// A fixture with a few random edits.
fn edited_fixture() -> impl Strategy<Value = String> {
    let all = fixtures();
    (0..all.len(), prop::collection::vec(edit(), 0..6))
        .prop_map(move |(i, edits)| apply(&all[i], &edits))
}

// ---------------------------------------------------------------------------
// (c): fields inside the input, spans in order

fn span(input: &str, part: &str, what: &str) -> Result<Span, TestCaseError> {
    let s = Span::of(input, part).ok_or_else(|| {
        TestCaseError::fail(format!("{what} {part:?} is not a slice of the input"))
    })?;
    prop_assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
    Ok(s)
}

fn in_order(input: &str, parts: &[&str], what: &str) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for p in parts {
        let s = span(input, p, what)?;
        prop_assert!(s.start >= last_end, "{} out of order: {:?}", what, parts);
        last_end = s.end;
    }
    Ok(())
}

fn check_spans(input: &str, a: &Article<'_>) -> Result<(), TestCaseError> {
    let headline = span(input, a.headline, "headline")?;
    if let Some(k) = a.kicker {
        let k = span(input, k, "kicker")?;
        prop_assert!(k.end <= headline.start || a.headline.is_empty());
    }
    if let Some(b) = a.byline {
        let b = span(input, b, "byline")?;
        prop_assert!(b.start >= headline.end);
        for author in &a.authors {
            let s = span(input, author, "author")?;
            prop_assert!(
                s.start >= b.start && s.end <= b.end,
                "author outside the byline"
            );
        }
        in_order(input, &a.authors, "authors")?;
    } else {
        prop_assert!(a.authors.is_empty());
    }
    for t in [a.posted, a.updated].into_iter().flatten() {
        let s = t
            .span
            .ok_or_else(|| TestCaseError::fail("timestamp without span"))?;
        prop_assert!(s.start >= headline.end && s.end <= input.len());
    }
    in_order(input, &a.photo_credits, "credits")?;
    in_order(input, &a.paragraphs, "paragraphs")?;
    in_order(input, &a.boilerplate, "boilerplate")?;
    if let (Some(last), Some(first_bp)) = (a.paragraphs.last(), a.boilerplate.first()) {
        prop_assert!(
            span(input, last, "paragraph")?.end <= span(input, first_bp, "boilerplate")?.start
        );
    }
    if let Some(d) = &a.dateline {
        let p = span(
            input,
            a.paragraphs.get(d.paragraph).copied().unwrap_or(""),
            "dateline paragraph",
        )?;
        prop_assert!(d.paragraph < 3);
        let parts = [d.place, d.region, d.date, d.agency];
        for part in parts.into_iter().flatten() {
            let s = span(input, part, "dateline part")?;
            prop_assert!(s.end <= p.start, "dateline part after its paragraph");
        }
    }
    for w in &a.warnings {
        prop_assert!(w.offset <= input.len());
    }
    Ok(())
}

/// Parses in both modes; checks (b) no panic and (c) spans; returns the
/// lenient result.
fn parse_both(input: &str) -> Result<Option<Article<'_>>, TestCaseError> {
    let strict = ParseOptions::new().mode(Mode::Strict).parse(input);
    if let Ok(a) = &strict {
        check_spans(input, a)?;
        prop_assert!(a.warnings.is_empty());
    }
    match wirecopy::parse(input) {
        Ok(a) => {
            check_spans(input, &a)?;
            if let Ok(s) = &strict {
                prop_assert_eq!(s, &a);
            }
            Ok(Some(a))
        }
        Err(e) => {
            prop_assert!(strict.is_err());
            prop_assert!(e.position().offset <= input.len());
            Ok(None)
        }
    }
}

/// (d): parse(render(parse(x))) == parse(x) for articles parsed without
/// warnings. For the others (the text did not fully fit the layout) the
/// canonical text must become stable, render(parse(t)) == t, within a few
/// passes (see `Article::check_round_trip`).
fn check_fixed_point(a: &Article<'_>) -> Result<(), TestCaseError> {
    if a.warnings.is_empty() {
        return a
            .check_round_trip(&ParseOptions::default())
            .map_err(|e| TestCaseError::fail(e.to_string()));
    }
    let mut rendered = a.to_string();
    for _ in 0..a.paragraphs.len() + 3 {
        let again = wirecopy::parse(&rendered)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{rendered}")))?
            .to_string();
        if again == rendered {
            return Ok(());
        }
        rendered = again;
    }
    Err(TestCaseError::fail(format!(
        "no fixed point reached:\n{rendered}"
    )))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// (b), (c) on arbitrary strings.
    #[test]
    fn arbitrary_strings(input in any::<String>()) {
        parse_both(&input)?;
    }

    /// (b), (c), (d) on strings of the grammar's tokens.
    #[test]
    fn token_soups(input in token_soup()) {
        if let Some(a) = parse_both(&input)? {
            check_fixed_point(&a)?;
        }
    }

    /// (b), (c), (d) on random edits of the fixtures.
    #[test]
    fn edited_fixtures(input in edited_fixture()) {
        if let Some(a) = parse_both(&input)? {
            check_fixed_point(&a)?;
        }
    }
}

/// Bytes that are mostly UTF-8, with a stray byte or a broken sequence now
/// and then (a lone continuation byte, an overlong form, a surrogate, a
/// code point past U+10FFFF, a cut sequence, a NUL), at any offset, inside
/// and past the 64-byte blocks that a vectorised check reads.
fn mostly_utf8() -> impl Strategy<Value = Vec<u8>> {
    const BROKEN: &[&[u8]] = &[
        b"\x80",
        b"\xC0\xAF",
        b"\xED\xA0\x80",
        b"\xF4\x90\x80\x80",
        b"\xE2\x82",
        b"\xF0\x9F\x98",
        b"\0",
    ];
    let piece = prop_oneof![
        12 => any::<String>().prop_map(String::into_bytes),
        1 => any::<u8>().prop_map(|b| vec![b]),
        1 => select(BROKEN).prop_map(<[u8]>::to_vec),
    ];
    prop::collection::vec(piece, 0..10).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// (e): `parse_bytes` accepts exactly the bytes that std's UTF-8 check
    /// accepts and then parses them as `parse` does; otherwise it gives
    /// `Binary` at the first NUL byte, if there is one, or `InvalidUtf8`
    /// where std's check stops.
    #[test]
    fn bytes_are_checked_as_std_checks_them(bytes in mostly_utf8()) {
        let parsed = wirecopy::parse_bytes(&bytes);
        let nul = bytes.iter().position(|&b| b == 0);
        match (std::str::from_utf8(&bytes), nul) {
            (Ok(text), _) => prop_assert_eq!(parsed, wirecopy::parse(text)),
            (Err(_), Some(at)) => {
                let e = parsed.unwrap_err();
                prop_assert_eq!((e.kind(), e.position().offset), ("Binary", at));
            }
            (Err(std_error), None) => {
                let e = parsed.unwrap_err();
                prop_assert_eq!(
                    (e.kind(), e.position().offset),
                    ("InvalidUtf8", std_error.valid_up_to())
                );
            }
        }
    }
}

/// (d) on every fixture as it is, and (c) on its spans. Only the fixtures
/// of error cases (`error_*.txt`) may fail to parse.
#[test]
fn fixtures_are_fixed_points() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut parsed = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".txt") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        match wirecopy::parse_bytes(&bytes) {
            Ok(a) => {
                let text = std::str::from_utf8(&bytes).unwrap();
                check_spans(text, &a).unwrap();
                check_fixed_point(&a).unwrap_or_else(|e| panic!("{name}: {e}"));
                parsed += 1;
            }
            Err(e) => assert!(name.starts_with("error_"), "{name} does not parse: {e}"),
        }
    }
    assert!(parsed >= 100, "only {parsed} fixtures parsed");
}
