//! Properties of `wirecopy` on hostile input, shared by `tests/hostile.rs`
//! (whose module this is) and the fuzz targets in `fuzz/` (which include
//! this file with `#[path]`), so that every crash the fuzzers find is
//! replayed by `cargo test` with the same assertions.
//!
//! Every function panics, with the input and what went wrong, when a
//! property fails.

#![allow(dead_code)]

use wirecopy::{Article, Error, ParseOptions, Position, Span, Timestamp};

/// SPEC 2's whitespace, written down again here to check the parser's trim.
pub fn is_ws(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{2000}'
            ..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
    )
}

/// Whether `input` holds only blank lines (SPEC 2).
pub fn all_blank(input: &str) -> bool {
    input
        .split(['\n', '\r'])
        .all(|l| l.trim_matches(is_ws).is_empty())
}

/// The position of byte `offset`, computed independently of the crate:
/// lines end at LF, CRLF or a lone CR; the column counts the bytes of the
/// line that do not continue a UTF-8 sequence (characters, for valid text).
/// An offset on the LF of a CRLF pair is still on the line the pair closes.
pub fn locate(input: &[u8], offset: usize) -> Position {
    let mut line = 1;
    let mut column = 1;
    for (i, &b) in input[..offset].iter().enumerate() {
        match b {
            b'\n' if i > 0 && input[i - 1] == b'\r' => {}
            b'\r' if i + 1 == offset && input.get(offset) == Some(&b'\n') => column += 1,
            b'\n' | b'\r' => {
                line += 1;
                column = 1;
            }
            b if b & 0xC0 != 0x80 => column += 1,
            _ => {}
        }
    }
    Position {
        offset,
        line,
        column,
    }
}

/// An error's message names its position (SPEC 3.7).
fn check_error_message(e: &Error) {
    let p = e.position();
    let named = format!("line {}, column {} (offset {})", p.line, p.column, p.offset);
    assert!(
        e.to_string().contains(&named),
        "message {:?} does not name {named}",
        e.to_string()
    );
}

fn span(input: &str, field: &str, what: &str) -> Span {
    let s = Span::of(input, field)
        .unwrap_or_else(|| panic!("{what} {field:?} does not point into the input"));
    assert_eq!(
        input.get(s.range()),
        Some(field),
        "{what} is not on character boundaries"
    );
    s
}

/// A text field: inside the input, one line, trimmed.
fn text(input: &str, field: &str, what: &str) -> Span {
    let s = span(input, field, what);
    assert!(
        !field.contains(['\n', '\r']),
        "{what} {field:?} spans more than one line"
    );
    assert_eq!(
        field.trim_matches(is_ws),
        field,
        "{what} {field:?} is not trimmed"
    );
    s
}

fn in_order(spans: &[Span], what: &str) {
    for w in spans.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "{what} out of order or overlapping: {:?}",
            spans
        );
    }
}

/// A timestamp warning: the one case where the round trip need not hold
/// (see `Article::check_round_trip`).
pub fn has_timestamp_warning(a: &Article<'_>) -> bool {
    a.warnings
        .iter()
        .any(|w| w.message.starts_with("invalid ") && w.message.contains(" timestamp "))
}

/// Every field of `a` lies inside `input`, on one line, trimmed, in the
/// order of the layout; the values obey SPEC's limits; warnings name their
/// true position.
pub fn check_article(input: &str, a: &Article<'_>) {
    let headline = text(input, a.headline, "headline");
    let header_end = headline.end;
    if let Some(k) = a.kicker {
        let k = text(input, k, "kicker");
        assert!(k.end <= headline.start, "kicker after the headline");
        assert!(!k.is_empty(), "empty kicker");
        assert!(
            a.kicker.unwrap().chars().count() <= 40,
            "kicker over 40 characters"
        );
    }
    if a.headline.is_empty() {
        assert!(
            a.kicker.is_some() && !a.warnings.is_empty(),
            "empty headline without a kicker and a warning"
        );
    }

    // The byline block.
    let mut block_end = header_end;
    if let Some(b) = a.byline {
        let s = text(input, b, "byline");
        assert!(!b.is_empty(), "empty byline");
        assert!(s.start >= header_end, "byline before the headline");
        block_end = block_end.max(s.end);
        let authors: Vec<Span> = a.authors.iter().map(|x| text(input, x, "author")).collect();
        for (x, sx) in a.authors.iter().zip(&authors) {
            assert!(
                sx.start >= s.start && sx.end <= s.end,
                "author {x:?} outside the byline"
            );
            assert!(!x.is_empty(), "empty author");
            assert!(
                !x.contains(|c: char| c.is_ascii_digit()),
                "author {x:?} has a digit"
            );
        }
        in_order(&authors, "authors");
    } else {
        assert!(a.authors.is_empty(), "authors without a byline");
    }
    for (t, what) in [(&a.posted, "posted"), (&a.updated, "updated")] {
        if let Some(t) = t {
            check_timestamp_value(t);
            let s = t.span.unwrap_or_else(|| panic!("{what} has no span"));
            assert!(
                s.end <= input.len() && s.start <= s.end,
                "{what} span outside the input"
            );
            assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
            assert!(s.start >= header_end, "{what} before the headline");
            block_end = block_end.max(s.end);
        }
    }

    // Credits and paragraphs.
    let credits: Vec<Span> = a
        .photo_credits
        .iter()
        .map(|c| text(input, c, "credit"))
        .collect();
    in_order(&credits, "credits");
    for (c, s) in a.photo_credits.iter().zip(&credits) {
        assert!(s.start >= header_end, "credit before the headline");
        assert!(!c.contains(['[', ']']), "credit {c:?} holds a bracket");
        assert!(c.chars().count() <= 118, "credit over 120 characters");
    }
    let paragraphs: Vec<Span> = a
        .paragraphs
        .iter()
        .map(|p| text(input, p, "paragraph"))
        .collect();
    in_order(&paragraphs, "paragraphs");
    for (p, s) in a.paragraphs.iter().zip(&paragraphs) {
        assert!(!p.is_empty(), "empty paragraph");
        assert!(s.start >= block_end, "paragraph {p:?} inside the header");
    }

    // The dateline sits before the paragraph it opens, after the one before.
    if let Some(d) = &a.dateline {
        assert!(d.paragraph < 3, "dateline opens paragraph {}", d.paragraph);
        assert!(
            d.paragraph < a.paragraphs.len(),
            "dateline opens no paragraph"
        );
        assert!(
            d.place.is_some() || d.date.is_some(),
            "dateline without place or date"
        );
        let opens = paragraphs[d.paragraph];
        let floor = if d.paragraph > 0 {
            paragraphs[d.paragraph - 1].end
        } else {
            block_end
        };
        let mut parts = Vec::new();
        for (part, what) in [
            (d.place, "place"),
            (d.region, "region"),
            (d.date, "date"),
            (d.agency, "agency"),
        ] {
            if let Some(p) = part {
                let s = text(input, p, what);
                assert!(!p.is_empty(), "empty dateline {what}");
                assert!(
                    s.start >= floor && s.end <= opens.start,
                    "dateline {what} out of place"
                );
                parts.push((what, s));
            }
        }
        let first = parts.iter().map(|(_, s)| s.start).min().unwrap();
        if let Some((_, place)) = parts.iter().find(|(w, _)| *w == "place") {
            assert_eq!(place.start, first, "the place does not open the dateline");
        }
        if let Some((_, agency)) = parts.iter().find(|(w, _)| *w == "agency") {
            assert!(
                parts
                    .iter()
                    .all(|(_, s)| s.end <= agency.start || *s == *agency)
            );
            assert!(
                d.agency.unwrap().chars().count() <= 30,
                "agency over 30 characters"
            );
        }
        let between = &input[first..opens.start];
        if !between.contains(['\n', '\r']) {
            assert!(
                between.chars().count() <= 100,
                "dateline over 100 characters"
            );
        }
    }

    // The trailer comes last.
    let body_end = paragraphs
        .iter()
        .chain(&credits)
        .map(|s| s.end)
        .max()
        .unwrap_or(0)
        .max(block_end);
    let boilerplate: Vec<Span> = a
        .boilerplate
        .iter()
        .map(|b| text(input, b, "boilerplate"))
        .collect();
    in_order(&boilerplate, "boilerplate");
    for (b, s) in a.boilerplate.iter().zip(&boilerplate) {
        assert!(!b.is_empty(), "empty boilerplate line");
        assert!(
            s.start >= body_end,
            "boilerplate {b:?} before the body ends"
        );
    }

    for w in &a.warnings {
        assert!(w.offset <= input.len(), "warning past the end");
        assert_eq!(
            (w.offset, w.line, w.column),
            {
                let p = locate(input.as_bytes(), w.offset);
                (p.offset, p.line, p.column)
            },
            "warning {:?} at the wrong line or column",
            w.message
        );
    }

    // The owned copy and the JSON of SPEC 4 hold the same article.
    let owned = a.to_owned_article();
    assert_eq!(owned.as_article(), *a, "owned copy differs");
    let json = serde_json::to_string(a).expect("serializes");
    assert_eq!(
        json,
        serde_json::to_string(&owned).unwrap(),
        "owned JSON differs"
    );
    let back: wirecopy::OwnedArticle = serde_json::from_str(&json).expect("JSON reads back");
    assert_eq!(back, owned, "JSON does not read back");
}

/// `parse(render(a)) == a` for an article parsed without warnings (what
/// `Article::check_round_trip` promises); for one with warnings, the
/// canonical form reached from it is a fixed point.
///
/// A warning says the text did not fit the layout: rendering drops a label
/// whose value does not parse, and with no byline block left, up to three
/// paragraphs that are themselves label lines with bad values become byline
/// lines when parsed again, with new warnings; with no body, a byline line
/// that reads as boilerplate ends the text. Each pass loses at least one
/// paragraph, so the warnings settle after at most one pass per paragraph.
pub fn check_round_trip(a: &Article<'_>) {
    let options = ParseOptions::new();
    if a.warnings.is_empty() {
        if let Err(e) = a.check_round_trip(&options) {
            panic!("round trip fails: {e}\n--- article ---\n{a:#?}");
        }
        return;
    }
    let mut rendered = a.to_string();
    for _ in 0..a.paragraphs.len() + 2 {
        let again = wirecopy::parse(&rendered)
            .unwrap_or_else(|e| panic!("the canonical form does not parse: {e}\n{rendered}"));
        if again.warnings.is_empty() || again.to_string() == rendered {
            if let Err(e) = again.check_round_trip(&options) {
                panic!("the canonical form is not a fixed point: {e}");
            }
            return;
        }
        rendered = again.to_string();
    }
    panic!("the canonical form keeps a timestamp warning:\n{rendered}");
}

/// Options drawn from `input` itself, as a user who lists the leftovers of
/// their sources might: every third line as a boilerplate phrase, the first
/// word of the first line as a kicker label, and the last word of every
/// line that starts with `By ` as an agency name.
pub fn options_from(input: &str) -> ParseOptions {
    let salt = input.len() % 3;
    let mut options = ParseOptions::new();
    for (i, line) in input.lines().enumerate() {
        if (i + salt) % 3 == 0 {
            options = options.boilerplate_phrase(line);
        }
        if let Some(rest) = line.trim_start().strip_prefix("By ") {
            if let Some(last) = rest.split_whitespace().last() {
                options = options.agency(last);
            }
        }
    }
    if let Some(word) = input.split_whitespace().next() {
        options = options.kicker_label(word.trim_end_matches(':'));
    }
    options
}

/// `input` parsed with [`options_from`] it: an article without warnings
/// reads back from its canonical layout with the same options, and any
/// other reaches a fixed point.
pub fn check_with_options(input: &str) {
    let options = options_from(input);
    let Ok(a) = options.parse(input) else {
        return;
    };
    let mut rendered = a.display_with(&options).to_string();
    if a.warnings.is_empty() {
        if let Err(e) = a.check_round_trip(&options) {
            panic!("round trip with options fails: {e}\n--- input ---\n{input:?}\n{options:?}");
        }
        return;
    }
    for _ in 0..a.paragraphs.len() + 2 {
        let again = options
            .parse(&rendered)
            .unwrap_or_else(|e| panic!("the canonical form does not parse: {e}\n{rendered}"));
        let next = again.display_with(&options).to_string();
        if again.warnings.is_empty() || next == rendered {
            if let Err(e) = again.check_round_trip(&options) {
                panic!("not a fixed point with options: {e}\n{options:?}");
            }
            return;
        }
        rendered = next;
    }
    panic!("the canonical form keeps a warning with options:\n{rendered}\n{options:?}");
}

/// Lenient and strict parsing of `input` (SPEC 3.7 and the properties
/// above), with and without a default offset, and with options drawn
/// from it (see [`check_with_options`]).
pub fn check_str(input: &str) {
    let lenient = wirecopy::parse(input);
    let nul = input.bytes().position(|b| b == 0);
    match (&lenient, nul) {
        (Err(e), Some(i)) => {
            assert_eq!(e.kind(), "Binary", "{e}");
            assert_eq!(e.position(), locate(input.as_bytes(), i), "{e}");
        }
        (Ok(_), Some(i)) => panic!("NUL byte at {i} accepted"),
        (Err(e), None) => {
            assert_eq!(e.kind(), "Empty", "{e}");
            assert!(all_blank(input), "{e} for an input with a non-blank line");
            assert_eq!(e.position(), Position::START);
        }
        (Ok(a), None) => {
            assert!(!all_blank(input), "an all-blank input parsed");
            check_article(input, a);
            check_round_trip(a);
        }
    }
    if let Err(e) = &lenient {
        check_error_message(e);
    }

    // Strict mode fails exactly where lenient mode warns, at the first
    // warning's position.
    let strict = ParseOptions::new().strict(true).parse(input);
    match (&lenient, &strict) {
        (Ok(a), Ok(b)) => {
            assert!(
                a.warnings.is_empty(),
                "strict accepted what lenient warned about"
            );
            assert_eq!(a, b, "strict and lenient articles differ");
        }
        (Ok(a), Err(e)) => {
            check_error_message(e);
            assert!(
                matches!(
                    e.kind(),
                    "InvalidTimestamp" | "MissingHeadline" | "EmptyBody"
                ),
                "strict error {e}"
            );
            let w = a
                .warnings
                .first()
                .unwrap_or_else(|| panic!("strict failed ({e}) where lenient gave no warning"));
            let p = e.position();
            assert_eq!(
                (w.offset, w.line, w.column),
                (p.offset, p.line, p.column),
                "strict error {e} is not at the first warning {w:?}"
            );
        }
        (Err(e1), Err(e2)) => assert_eq!(e1, e2),
        (Err(e), Ok(_)) => panic!("strict parsed what lenient rejected: {e}"),
    }

    // A default offset only fills the offset of timestamps with a time.
    let kst = chrono::FixedOffset::east_opt(9 * 3600);
    if let Ok(a) = &lenient {
        let b = ParseOptions::new()
            .default_offset(kst)
            .parse(input)
            .expect("parses with a default offset");
        for (t, u) in [(a.posted, b.posted), (a.updated, b.updated)] {
            let want = t.map(|mut t| {
                if t.time.is_some() && t.offset.is_none() {
                    t.offset = kst;
                }
                t
            });
            assert_eq!(u, want, "default offset misapplied");
        }
        let mut same = b.clone();
        same.posted = a.posted;
        same.updated = a.updated;
        assert_eq!(*a, same, "a default offset changed more than timestamps");
    }

    check_with_options(input);
}

/// The byte entry point (SPEC 2 and 3.7): size, then NUL, then UTF-8, each
/// at its true position; valid input parses as with `parse`.
pub fn check_bytes(data: &[u8]) {
    let result = wirecopy::parse_bytes(data);
    if let Err(e) = &result {
        check_error_message(e);
    }
    if let Some(i) = data.iter().position(|&b| b == 0) {
        let e = result.expect_err("NUL byte accepted");
        assert_eq!(e.kind(), "Binary", "{e}");
        assert_eq!(e.position(), locate(data, i), "{e}");
    } else {
        match std::str::from_utf8(data) {
            Err(utf8) => {
                let e = result.expect_err("invalid UTF-8 accepted");
                assert_eq!(e.kind(), "InvalidUtf8", "{e}");
                let at = utf8.valid_up_to();
                // Independently: the text before the offset is UTF-8, and no
                // character starts at the offset.
                assert!(std::str::from_utf8(&data[..at]).is_ok());
                for k in 1..=4.min(data.len() - at) {
                    assert!(
                        std::str::from_utf8(&data[at..at + k]).is_err(),
                        "a character starts at {at}"
                    );
                }
                assert_eq!(e.position(), locate(data, at), "{e}");
            }
            Ok(text) => {
                assert_eq!(
                    result,
                    wirecopy::parse(text),
                    "parse_bytes differs from parse"
                );
                let strict = ParseOptions::new().strict(true);
                assert_eq!(strict.parse_bytes(data), strict.parse(text));
                if let Ok(a) = &result {
                    check_article(text, a);
                }
            }
        }
    }

    // The size limit comes first, and holds at exactly the input's size.
    if !data.is_empty() {
        let e = ParseOptions::new()
            .max_size(data.len() - 1)
            .parse_bytes(data)
            .expect_err("over the limit");
        assert_eq!(
            e,
            Error::TooLarge {
                size: data.len(),
                limit: data.len() - 1,
                position: Position::START
            }
        );
        check_error_message(&e);
    }
    assert_eq!(
        ParseOptions::new().max_size(data.len()).parse_bytes(data),
        wirecopy::parse_bytes(data)
    );
}

/// A timestamp value is a valid chrono value within SPEC's range.
fn check_timestamp_value(t: &Timestamp) {
    use chrono::Datelike;
    assert!(
        (0..=9999).contains(&t.date.year()),
        "year {}",
        t.date.year()
    );
    if let Some(o) = t.offset {
        assert!(t.time.is_some(), "offset without a time");
        assert_eq!(
            o.local_minus_utc() % 60,
            0,
            "offset {o} not in whole minutes"
        );
        assert!(t.to_datetime().is_some(), "no instant for {t}");
    }
    // The JSON form reads back, through `FromStr` and as a timestamp value.
    let json = t.to_string();
    let back: Timestamp = json.parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, *t, "{json} reads back as {back}");
    assert_eq!(
        wirecopy::parse_timestamp(&json),
        Some(*t),
        "{json} does not parse back"
    );
}

/// SPEC 3.3 alone: whatever parses is a valid value that renders (in the
/// JSON form and in the canonical layout) and parses back to itself, in
/// any letter case.
pub fn check_timestamp(text: &str) {
    let Some(t) = wirecopy::parse_timestamp(text) else {
        return;
    };
    assert!(t.span.is_none(), "parse_timestamp gave a span");
    check_timestamp_value(&t);

    // SPEC 3.3's words match in any case (the `T` separator is upper case).
    assert_eq!(
        wirecopy::parse_timestamp(&text.to_ascii_uppercase()),
        Some(t),
        "{text:?} upper-cased"
    );

    // The canonical layout writes it as a label's value, which reads back.
    let article = Article {
        headline: "Timestamp",
        posted: Some(t),
        updated: Some(t),
        paragraphs: vec!["body"],
        ..Article::default()
    };
    let rendered = article.to_string();
    let again = wirecopy::parse(&rendered).expect("the canonical form parses");
    assert_eq!(
        (again.posted, again.updated),
        (Some(t), Some(t)),
        "{rendered}"
    );
    assert!(
        again.warnings.is_empty(),
        "{rendered}: {:?}",
        again.warnings
    );
    let value = rendered
        .lines()
        .find_map(|l| l.strip_prefix("Posted : "))
        .and_then(|l| l.split(" Updated : ").next())
        .expect("a Posted label");
    assert_eq!(wirecopy::parse_timestamp(value), Some(t), "{value:?}");
}

/// A generated article (`wirecopy::ArbitraryArticle`, the `roundtrip` fuzz
/// target): for an `exact` one, `parse(render(a))` is `a` field for field,
/// with no warning but an empty body's, and strict parsing agrees when it
/// has a paragraph; for every one, the canonical text parses (or is all
/// blank), its fields lie inside it, and its canonical form is a fixed
/// point.
pub fn check_generated(a: &Article<'_>, exact: bool) {
    let rendered = a.to_string();
    let again = match wirecopy::parse(&rendered) {
        Ok(again) => again,
        Err(e) => {
            assert!(!exact, "{e}\n--- rendered ---\n{rendered}\n{a:#?}");
            assert_eq!(e.kind(), "Empty", "{e}");
            return;
        }
    };
    if exact {
        if let Some(field) = a.first_difference(&again) {
            panic!(
                "field `{field}` differs\n--- generated ---\n{a:#?}\n--- rendered ---\n{rendered}\n--- parsed ---\n{again:#?}"
            );
        }
        assert!(
            again
                .warnings
                .iter()
                .all(|w| a.paragraphs.is_empty() && w.message.contains("no paragraph")),
            "warnings {:?}\n{rendered}",
            again.warnings
        );
        if !a.paragraphs.is_empty() {
            let strict = ParseOptions::new().strict(true).parse(&rendered);
            assert_eq!(strict.as_ref().ok(), Some(&again), "{strict:?}\n{rendered}");
        }
    }
    check_article(&rendered, &again);
    check_round_trip(&again);
    check_with_options(&rendered);
}
