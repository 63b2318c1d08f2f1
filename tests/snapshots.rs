//! Golden corpus: every article in `tests/fixtures/` parsed and snapshotted.
//!
//! - `tests/fixtures/*.txt` are parsed leniently with [`wirecopy::parse_bytes`]
//!   semantics; the snapshot is the SPEC section 4 form of the article, or the
//!   error (`kind`, `offset`, `line`, `column`, `message`) for input that even
//!   lenient parsing rejects (empty, NUL, invalid UTF-8).
//! - `tests/fixtures/strict/*.txt` are parsed in strict mode; most of them
//!   hold one strict failure each, and the snapshot is the error.
//!
//! Beside the snapshots, every lenient article is checked for the invariants
//! the snapshots cannot show: its text fields are trimmed slices of the input,
//! the canonical rendering parses back to the same article (SPEC 5), and the
//! same text with LF, CRLF or lone CR line ends gives the same article.
//!
//! The fixtures hold deliberate CRLF, lone CR, BOM, NBSP, NUL and invalid
//! UTF-8 bytes; `tests/fixtures/.gitattributes` keeps git from rewriting them.
//! Review new snapshots with `cargo insta review`, or run with
//! `INSTA_UPDATE=always` and read the `.snap` files.

#![cfg(feature = "serde")]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use serde::Serialize;
use wirecopy::{Article, Error, ParseOptions, Span};

/// What a fixture gives: the article's own SPEC 4 keys, or `error: {...}`.
#[derive(Serialize)]
#[serde(untagged)]
enum Outcome<'r, 'a> {
    Article(&'r Article<'a>),
    Failed { error: &'r Error },
}

fn outcome<'r, 'a>(result: &'r Result<Article<'a>, Error>) -> Outcome<'r, 'a> {
    match result {
        Ok(article) => Outcome::Article(article),
        Err(error) => Outcome::Failed { error },
    }
}

/// SPEC 2's whitespace: what every text value is trimmed of.
fn is_spec_whitespace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{00A0}' | '\u{2000}'
            ..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
    )
}

/// The same text with every line end (LF, CRLF, lone CR) replaced by `eol`.
fn with_line_ends(text: &str, eol: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str(eol);
            }
            '\n' => out.push_str(eol),
            other => out.push(other),
        }
    }
    out
}

/// Every text field of `article`, with its name.
fn text_fields<'a>(article: &Article<'a>) -> Vec<(&'static str, &'a str)> {
    let mut fields = Vec::new();
    fields.extend(article.kicker.map(|k| ("kicker", k)));
    fields.push(("headline", article.headline));
    fields.extend(article.byline.map(|b| ("byline", b)));
    fields.extend(article.authors.iter().map(|a| ("authors", *a)));
    fields.extend(article.photo_credits.iter().map(|c| ("photo_credits", *c)));
    if let Some(d) = &article.dateline {
        fields.extend(d.place.map(|p| ("dateline.place", p)));
        fields.extend(d.region.map(|r| ("dateline.region", r)));
        fields.extend(d.date.map(|t| ("dateline.date", t)));
        fields.extend(d.agency.map(|a| ("dateline.agency", a)));
    }
    fields.extend(article.paragraphs.iter().map(|p| ("paragraphs", *p)));
    fields.extend(article.boilerplate.iter().map(|b| ("boilerplate", *b)));
    fields
}

/// The checks that hold for every article lenient parsing returns; each
/// failed check is pushed to `problems`, so that one run reports them all.
fn check_article(
    path: &Path,
    bytes: &[u8],
    article: &Article<'_>,
    options: &ParseOptions,
    problems: &mut Vec<String>,
) {
    let name = path.file_name().unwrap().to_string_lossy();
    let input = std::str::from_utf8(bytes).expect("a parsed fixture is UTF-8");
    let mut fail = |problem: String| problems.push(format!("{name}: {problem}"));

    // SPEC 2: every text value is a slice of the input, trimmed.
    for (field, value) in text_fields(article) {
        if Span::of(input, value).is_none() {
            fail(format!("{field} {value:?} is not a slice of the input"));
        }
        if value.starts_with(is_spec_whitespace) || value.ends_with(is_spec_whitespace) {
            fail(format!("{field} {value:?} is not trimmed"));
        }
    }
    if let Some(d) = &article.dateline {
        if d.paragraph >= article.paragraphs.len().min(3) {
            fail(format!(
                "the dateline opens paragraph {} of {}",
                d.paragraph,
                article.paragraphs.len()
            ));
        }
    }

    // SPEC 5: the canonical layout parses back to the same article. A label
    // whose value does not parse cannot be rendered, so articles with a
    // timestamp warning are left out.
    let timestamp_warning = article
        .warnings
        .iter()
        .any(|w| w.message.contains("timestamp"));
    if !timestamp_warning {
        if let Err(e) = article.check_round_trip(options) {
            fail(format!("round trip failed: {e}"));
        }
    }

    // SPEC 2: LF, CRLF and lone CR line ends are the same article (warnings
    // may differ in their offsets).
    for (eol, label) in [("\n", "LF"), ("\r\n", "CRLF"), ("\r", "CR")] {
        let converted = with_line_ends(input, eol);
        match options.parse_bytes(converted.as_bytes()) {
            Err(e) => fail(format!("with {label} line ends: {e}")),
            Ok(again) => {
                if let Some(field) = article.first_difference(&again) {
                    fail(format!("with {label} line ends, {field} differs"));
                }
                if article.warnings.len() != again.warnings.len() {
                    fail(format!("with {label} line ends, the warning count differs"));
                }
            }
        }
    }
}

/// Fails the test with every problem found, one per line.
fn report(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Runs `f` for every `.txt` file directly in `tests/fixtures/<dir>`, in
/// name order, with the snapshot suffix set to the file name (the naming of
/// `insta::glob!`, which needs insta's `glob` feature), and fails at the end
/// with the names of the fixtures whose snapshot assertion failed.
fn for_each_fixture(dir: &str, mut f: impl FnMut(&Path)) {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&base)
        .unwrap_or_else(|e| panic!("{}: {e}", base.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {}", base.display());
    let mut failed = Vec::new();
    for path in &paths {
        let name = path.file_name().unwrap().to_str().unwrap();
        let mut settings = insta::Settings::clone_current();
        settings.set_input_file(path);
        settings.set_snapshot_suffix(name);
        let outcome = settings.bind(|| catch_unwind(AssertUnwindSafe(|| f(path))));
        if outcome.is_err() {
            failed.push(name.to_owned());
        }
    }
    assert!(
        failed.is_empty(),
        "{} fixture(s) failed: {}",
        failed.len(),
        failed.join(", ")
    );
}

#[test]
fn lenient_fixtures() {
    let options = ParseOptions::new();
    let mut problems = Vec::new();
    for_each_fixture("", |path| {
        let bytes = std::fs::read(path).unwrap();
        let result = options.parse_bytes(&bytes);
        insta::assert_yaml_snapshot!(outcome(&result));
        if let Ok(article) = &result {
            check_article(path, &bytes, article, &options, &mut problems);
        }
    });
    report(&problems);
}

#[test]
fn strict_fixtures() {
    let strict = ParseOptions::new().strict(true);
    let lenient = ParseOptions::new();
    let mut problems = Vec::new();
    for_each_fixture("strict", |path| {
        let bytes = std::fs::read(path).unwrap();
        let result = strict.parse_bytes(&bytes);
        insta::assert_yaml_snapshot!(outcome(&result));
        let name = path.file_name().unwrap().to_string_lossy();
        match &result {
            Ok(article) => {
                if !article.warnings.is_empty() {
                    problems.push(format!("{name}: strict mode warned"));
                }
                check_article(path, &bytes, article, &strict, &mut problems);
            }
            Err(error) => {
                // SPEC 3.7: every error names its position.
                let p = error.position();
                let message = error.to_string();
                for part in [
                    format!("line {}", p.line),
                    format!("column {}", p.column),
                    format!("offset {}", p.offset),
                ] {
                    if !message.contains(&part) {
                        problems.push(format!("{name}: {message:?} lacks {part:?}"));
                    }
                }
                // What strict mode rejects beyond Empty, Binary, InvalidUtf8
                // and TooLarge, lenient mode reads with a warning.
                if !matches!(
                    error.kind(),
                    "Empty" | "Binary" | "InvalidUtf8" | "TooLarge"
                ) {
                    match lenient.parse_bytes(&bytes) {
                        Err(e) => problems.push(format!("{name}: lenient mode failed: {e}")),
                        Ok(article) if article.warnings.is_empty() => {
                            problems.push(format!("{name}: no warning in lenient mode"));
                        }
                        Ok(_) => {}
                    }
                }
            }
        }
    });
    report(&problems);
}

#[test]
fn line_end_conversion_keeps_every_line() {
    // "\n\r" is two line ends (a blank line); the missing final newline stays missing.
    let text = "a\r\nb\rc\n\rd";
    assert_eq!(with_line_ends(text, "\n"), "a\nb\nc\n\nd");
    assert_eq!(with_line_ends(text, "\r\n"), "a\r\nb\r\nc\r\n\r\nd");
    assert_eq!(with_line_ends(text, "\r"), "a\rb\rc\r\rd");
}
