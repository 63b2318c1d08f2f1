//! Parse throughput against a floor: counting the newlines of the same bytes
//! with `memchr`. Run with `cargo bench --bench throughput`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/corpus.rs"]
mod corpus;

const ARTICLES: usize = 2_000;
const SEED: u64 = 0x5EED;

fn throughput(c: &mut Criterion) {
    let corpus = corpus::corpus(ARTICLES, SEED);
    let bytes: usize = corpus.iter().map(String::len).sum();
    for a in &corpus {
        wirecopy::parse(a).expect("the corpus parses");
    }

    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.measurement_time(Duration::from_secs(5));

    group.bench_function("memchr_newlines", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|a| memchr::memchr_iter(b'\n', black_box(a.as_bytes())).count())
                .sum::<usize>()
        })
    });

    // Not a floor, a reference: finding every line end and NUL byte (what
    // the parser's line scan must do at least) with one `memchr3` searcher.
    group.bench_function("memchr3_line_ends", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|a| memchr::memchr3_iter(b'\n', b'\r', 0, black_box(a.as_bytes())).count())
                .sum::<usize>()
        })
    });

    group.bench_function("parse", |b| {
        b.iter(|| {
            for a in &corpus {
                black_box(wirecopy::parse(black_box(a)).ok());
            }
        })
    });

    let options = wirecopy::ParseOptions::default();
    group.bench_function("parse_into_reused", |b| {
        let mut buffers = wirecopy::Article::default();
        b.iter(|| {
            for a in &corpus {
                let mut article = std::mem::take(&mut buffers).recycle();
                let _ = black_box(options.parse_into(black_box(a), &mut article));
                buffers = article.recycle();
            }
        })
    });
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
