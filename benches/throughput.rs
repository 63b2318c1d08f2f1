//! Parse throughput against a floor: counting the newlines of the same bytes
//! with `memchr`. Run with `cargo bench --bench throughput`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/corpus.rs"]
mod corpus;

const ARTICLES: usize = 2_000;
const SEED: u64 = 0x5EED;
/// Articles in the `in_cache` group: 0.8 MB, inside a core's 1 MiB L2.
const IN_CACHE: usize = 150;

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
    // The call `wire2json` makes and times for each file: the same, from
    // bytes, so it also checks that they are UTF-8 without NUL.
    group.bench_function("parse_bytes_into_reused", |b| {
        let mut buffers = wirecopy::Article::default();
        b.iter(|| {
            for a in &corpus {
                let mut article = std::mem::take(&mut buffers).recycle();
                let bytes = black_box(a.as_bytes());
                let _ = black_box(options.parse_bytes_into(bytes, &mut article));
                buffers = article.recycle();
            }
        })
    });
    group.finish();

    // The same measures over the first 150 articles (0.8 MB), which stay in
    // the CPU's L2 cache between iterations: what the parser costs when it
    // does not wait for memory.
    let hot = &corpus[..IN_CACHE];
    let hot_bytes: usize = hot.iter().map(String::len).sum();
    let mut group = c.benchmark_group("in_cache");
    group.throughput(Throughput::Bytes(hot_bytes as u64));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("memchr_newlines", |b| {
        b.iter(|| {
            hot.iter()
                .map(|a| memchr::memchr_iter(b'\n', black_box(a.as_bytes())).count())
                .sum::<usize>()
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| {
            for a in hot {
                black_box(wirecopy::parse(black_box(a)).ok());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
