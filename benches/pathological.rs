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
//! Three functions per size:
//!
//! - `parse_into_cold`, the linear-time measure: every size is parsed under
//!   the same conditions. Neither the input nor the result is in the CPU's
//!   caches: each iteration parses the next of several copies that together
//!   fill [`COLD_SET`] bytes, eight times the L3, into that copy's own
//!   result, whose vectors are reused from one round to the next
//!   ([`ParseOptions::parse_into`](wirecopy::ParseOptions::parse_into)), so
//!   that no size pays for fresh pages from the allocator either. Without
//!   this, a 1 MB input and its result stay in L2 or L3 while a 16 MB one
//!   goes to memory, and glibc recycles a result under 32 MiB but maps (and
//!   the kernel zeroes) fresh pages for a larger one on every call: steps
//!   in the hardware and the allocator, not in the parser's work per byte.
//! - `parse`: the plain call, hot input and a fresh result each time.
//! - `lines_collect`: `input.lines().collect::<Vec<&str>>()`, hot, the
//!   floor of any fresh result with one slice per line; it shows the same
//!   steps as `parse`.
//!
//! The shapes are described in `tests/hostile/shapes.rs`; `tests/hostile.rs`
//! parses the same shapes at a smaller size. `benches/pathological_ratios.py`
//! reads criterion's samples and prints the 16 MB / 1 MB ratios of the
//! fastest samples (the least disturbed on a shared machine).

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

#[path = "../tests/hostile/shapes.rs"]
mod shapes;

const MB: usize = 1 << 20;

/// Bytes of input copies that `parse_into_cold` cycles through: eight times
/// the 32 MiB L3 of the machine the README's figures come from, so that
/// little of a copy is still cached when its turn comes again.
const COLD_SET: usize = 256 * MB;

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
            .sample_size(20)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(3))
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
            // The linear-time measure: input and result both out of the
            // cache. Each copy has its own result vectors, reused from one
            // round of the copies to the next.
            let copies: Vec<String> = (0..(COLD_SET / input.len()).max(2))
                .map(|_| input.clone())
                .collect();
            let options = wirecopy::ParseOptions::new();
            group.bench_with_input(
                BenchmarkId::new("parse_into_cold", format!("{mb}MB")),
                &copies,
                |b, copies| {
                    let mut results: Vec<wirecopy::Article<'static>> = copies
                        .iter()
                        .map(|_| wirecopy::Article::default())
                        .collect();
                    let mut turn = (0..copies.len()).cycle();
                    b.iter(|| {
                        let i = turn.next().expect("a cycle never ends");
                        let mut article = std::mem::take(&mut results[i]).recycle();
                        let ok = options
                            .parse_into(black_box(&copies[i]), &mut article)
                            .is_ok();
                        results[i] = article.recycle();
                        black_box(ok)
                    })
                },
            );
            drop(copies);
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
