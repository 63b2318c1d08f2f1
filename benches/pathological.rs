//! Linear time on pathological inputs: one criterion group per shape, each
//! at 1, 4 and 16 MB, with `Throughput::Bytes` so that criterion reports
//! MB/s. Parsing is linear when the time per MB stays flat; the issue's bar
//! is that 16 MB takes at most 20 times what 1 MB takes.
//!
//! ```text
//! cargo bench --bench pathological
//! cargo bench --bench pathological -- 'pathological/nbsp'   # one shape
//! PATHOLOGICAL_MB=1,2,4,8,16,32 cargo bench --bench pathological -- by_lines
//! python3 benches/pathological_ratios.py   # the table of ratios
//! ```
//!
//! The shapes are described in `tests/hostile/shapes.rs`; `tests/hostile.rs`
//! parses the same shapes at a smaller size. Each group also times
//! `input.lines().collect::<Vec<&str>>()` (`lines_collect`), the floor of
//! any result with one slice per line, to tell the parser's own time from
//! the memory traffic of a large result.
//!
//! `benches/pathological_ratios.py` reads criterion's estimates and prints the
//! 16 MB / 1 MB ratio of each group.

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

#[path = "../tests/hostile/shapes.rs"]
mod shapes;

const MB: usize = 1 << 20;

/// The sizes in MB: 1, 4 and 16, or those listed in `PATHOLOGICAL_MB`
/// (`PATHOLOGICAL_MB=1,2,4,8,16,32`), to see where the time per MB steps
/// up as the input and result outgrow the CPU's caches.
fn sizes() -> Vec<usize> {
    match std::env::var("PATHOLOGICAL_MB") {
        Ok(list) => list
            .split(',')
            .map(|n| {
                n.trim()
                    .parse()
                    .expect("PATHOLOGICAL_MB: sizes in MB, comma-separated")
            })
            .collect(),
        Err(_) => vec![1, 4, 16],
    }
}

fn pathological(c: &mut Criterion) {
    let sizes = sizes();
    for name in shapes::SHAPES {
        let mut group = c.benchmark_group(format!("pathological/{name}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(2))
            .sampling_mode(SamplingMode::Flat);
        for &mb in &sizes {
            let input = shapes::shape(name, mb * MB);
            wirecopy::parse(&input).expect("the pathological input parses");
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(
                BenchmarkId::new("parse", format!("{mb}MB")),
                &input,
                |b, input| b.iter(|| black_box(wirecopy::parse(black_box(input))).ok()),
            );
            // The floor of any result with one slice per line: collecting
            // the lines. Where the result outgrows the CPU's cache, this
            // slows down per MB just as parsing does.
            group.bench_with_input(
                BenchmarkId::new("lines_collect", format!("{mb}MB")),
                &input,
                |b, input| b.iter(|| black_box(input).lines().collect::<Vec<&str>>()),
            );
        }
        group.finish();
    }
}

criterion_group!(benches, pathological);
criterion_main!(benches);
