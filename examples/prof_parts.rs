//! Where `parse` spends its time, part by part.
//!
//! Takes the bench corpus (`benches/support/corpus.rs`) and, for each part of
//! the layout, a copy of it with that part cut out of every article's text,
//! using the spans of the parsed article. Nothing else of the text changes:
//! line ends, whitespace and the forms of timestamps and datelines stay as
//! they were. Every copy is checked to parse to the same paragraphs. The
//! difference between a set and `whole` is what the part costs.
//!
//! ```sh
//! cargo run --release --example prof_parts          # ns per article, set by set
//! # instructions and simulated mispredicts of one set (index as printed), 300 articles:
//! valgrind --tool=callgrind --branch-sim=yes --toggle-collect='prof_parts::parse_set' \
//!     target/release/examples/prof_parts 1
//! ```

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::ops::Range;
use std::time::Instant;

use wirecopy::{Article, Span};

/// The offset of `part` in `text`.
fn at(text: &str, part: &str) -> usize {
    Span::of(text, part).map_or(0, |s| s.start)
}

/// The line of `text` holding offset `o`: from its start to past its terminator.
fn line_of(text: &str, o: usize) -> Range<usize> {
    let start = text[..o].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = match text[o..].find(['\n', '\r']) {
        Some(i) if text[o + i..].starts_with("\r\n") => o + i + 2,
        Some(i) => o + i + 1,
        None => text.len(),
    };
    start..end
}

/// The parts that can be cut.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    /// The byline lines: byline, authors and timestamps.
    BylineBlock,
    /// The authors only: each `By` line keeps its date labels.
    Authors,
    Credits,
    Dateline,
    Trailer,
}

/// Adds the ranges of `text` to cut to remove `part` to `out`.
fn cuts(text: &str, a: &Article<'_>, part: Part, out: &mut Vec<Range<usize>>) {
    let first_body = a.paragraphs.first().map_or(text.len(), |p| at(text, p));
    let headline_end = line_of(text, at(text, a.headline)).end;
    let header = headline_end..line_of(text, first_body).start;
    let credit_lines: Vec<Range<usize>> = a
        .photo_credits
        .iter()
        .map(|c| line_of(text, at(text, c)))
        .collect();
    let dateline_line = a.dateline.as_ref().and_then(|d| {
        let any = d.place.or(d.date).or(d.agency)?;
        Some(line_of(text, at(text, any)))
    });
    match part {
        Part::BylineBlock => {
            // Every non-blank line of the header that is neither a credit
            // nor a line holding only a dateline.
            let mut o = header.start;
            while o < header.end {
                let line = line_of(text, o);
                o = line.end;
                let blank = spec_trim(&text[line.clone()]).is_empty();
                if !blank && !credit_lines.contains(&line) && dateline_line != Some(line.clone()) {
                    out.push(line);
                }
            }
        }
        Part::Authors => {
            if let Some(b) = a.byline {
                let start = at(text, b);
                let line = line_of(text, start);
                let rest = &text[start + b.len()..line.end];
                if spec_trim(rest).is_empty() {
                    // A byline without labels: the whole line goes.
                    out.push(line);
                } else {
                    // The line keeps its labels, which now open it.
                    let skip = rest.len() - rest.trim_start().len();
                    out.push(line.start..start + b.len() + skip);
                }
            }
        }
        Part::Credits => out.extend(credit_lines),
        Part::Dateline => {
            if let (Some(d), Some(line)) = (&a.dateline, dateline_line) {
                let opened = at(text, a.paragraphs[d.paragraph]);
                // A line holding only the dateline goes whole.
                out.push(line.start..opened.min(line.end));
            }
        }
        Part::Trailer => {
            if let Some(p) = a.paragraphs.last() {
                out.push(line_of(text, at(text, p) + p.len()).end..text.len());
            }
        }
    }
}

/// `s` without SPEC 2 whitespace or line ends at either end.
fn spec_trim(s: &str) -> &str {
    s.trim_matches(|c: char| {
        matches!(
            c,
            ' ' | '\t' | '\n' | '\r' | '\u{A0}' | '\u{2000}'
                ..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
        )
    })
}

/// `text` without `parts`.
fn without(text: &str, a: &Article<'_>, parts: &[Part]) -> String {
    let mut ranges = Vec::new();
    for &part in parts {
        cuts(text, a, part, &mut ranges);
    }
    ranges.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for r in ranges {
        if r.start >= from {
            out.push_str(&text[from..r.start]);
        }
        from = from.max(r.end);
    }
    out.push_str(&text[from..]);
    out
}

#[inline(never)]
fn parse_set(set: &[String]) {
    for text in set {
        black_box(wirecopy::parse(black_box(text)).ok());
    }
}

fn count_newlines(set: &[String]) -> usize {
    set.iter()
        .map(|a| memchr::memchr_iter(b'\n', black_box(a.as_bytes())).count())
        .sum()
}

/// The fastest of 5 runs of `f`, in seconds.
fn fastest(mut f: impl FnMut()) -> f64 {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

fn main() {
    let corpus = corpus::corpus(2000, 0x5EED);
    let parsed: Vec<Article<'_>> = corpus.iter().map(|t| wirecopy::parse(t).unwrap()).collect();
    let variants: [(&str, &[Part]); 7] = [
        ("whole", &[]),
        ("-byline block", &[Part::BylineBlock]),
        ("-authors", &[Part::Authors]),
        ("-credits", &[Part::Credits]),
        ("-dateline", &[Part::Dateline]),
        ("-trailer", &[Part::Trailer]),
        (
            "body only",
            &[
                Part::BylineBlock,
                Part::Credits,
                Part::Dateline,
                Part::Trailer,
            ],
        ),
    ];
    let sets: Vec<Vec<String>> = variants
        .iter()
        .map(|(_, parts)| {
            corpus
                .iter()
                .zip(&parsed)
                .map(|(t, a)| without(t, a, parts))
                .collect()
        })
        .collect();
    for ((name, _), set) in variants.iter().zip(&sets) {
        let changed = set
            .iter()
            .zip(&parsed)
            .filter(|(t, a)| wirecopy::parse(t).map(|b| b.paragraphs) != Ok(a.paragraphs.clone()))
            .count();
        assert_eq!(
            changed, 0,
            "{name}: {changed} articles parse to other paragraphs"
        );
    }
    if let Some(k) = std::env::args().nth(1) {
        let k: usize = k.parse().expect("a set's index");
        parse_set(&sets[k][..300]);
        return;
    }
    // Alternating rounds, the fastest of 5 passes each; the median of rounds.
    // The floor of each set: counting its newlines with `memchr`.
    let mut times = vec![Vec::new(); sets.len()];
    let mut floor = vec![Vec::new(); sets.len()];
    for _ in 0..15 {
        for (k, set) in sets.iter().enumerate() {
            floor[k].push(fastest(|| {
                black_box(count_newlines(set));
            }));
            times[k].push(fastest(|| parse_set(set)));
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let whole = median(&mut times[0].clone());
    for (k, ((name, _), set)) in variants.iter().zip(&sets).enumerate() {
        let t = median(&mut times[k]);
        let f = median(&mut floor[k]);
        let bytes: usize = set.iter().map(String::len).sum();
        println!(
            "{k} {name:14} {:5.0} B/article {:6.0} ns/article, {:+5.0} ns against whole, 1/{:.1} of its floor",
            bytes as f64 / 2000.0,
            t / 2000.0 * 1e9,
            (t - whole) / 2000.0 * 1e9,
            t / f,
        );
    }
}
