//! The timestamp grammar (SPEC 3.3) alone, form by form, against chrono's
//! `parse_from_str` with the equivalent format string. Run with
//! `cargo bench --bench timestamp`.
//!
//! chrono's formats read exactly one form each; the grammar tries every
//! form of SPEC 3.3 and checks the zone and remainder rules, so the
//! comparison shows what that generality costs.

use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use criterion::{Criterion, criterion_group, criterion_main};

/// (name, text, chrono format, whether chrono reads it with an offset).
const FORMS: &[(&str, &str, &str, Kind)] = &[
    (
        "month_day_year_time",
        "February 28, 2019, 16:19",
        "%B %d, %Y, %H:%M",
        Kind::Naive,
    ),
    (
        "abbrev_month",
        "Feb 28 2019 16:19:05",
        "%b %d %Y %H:%M:%S",
        Kind::Naive,
    ),
    (
        "day_month_year",
        "28 February 2019 16:19",
        "%d %B %Y %H:%M",
        Kind::Naive,
    ),
    (
        "iso_seconds",
        "2019-02-28 16:19:09",
        "%Y-%m-%d %H:%M:%S",
        Kind::Naive,
    ),
    (
        "iso_offset",
        "2019-02-28T16:19:09+09:00",
        "%Y-%m-%dT%H:%M:%S%:z",
        Kind::Offset,
    ),
    ("dotted", "2019.02.28 16:19", "%Y.%m.%d %H:%M", Kind::Naive),
    (
        "twelve_hour",
        "February 28, 2019 4:19 PM",
        "%B %d, %Y %I:%M %p",
        Kind::Naive,
    ),
    (
        "time_first",
        "10:53 May 13, 2010",
        "%H:%M %B %d, %Y",
        Kind::Naive,
    ),
    (
        "weekday",
        "Thursday 28 February 2019 16:19",
        "%A %d %B %Y %H:%M",
        Kind::Naive,
    ),
    ("date_only", "February 28, 2019", "%B %d, %Y", Kind::Date),
];

#[derive(Clone, Copy)]
enum Kind {
    Naive,
    Offset,
    Date,
}

fn chrono_parse(text: &str, format: &str, kind: Kind) -> bool {
    match kind {
        Kind::Naive => NaiveDateTime::parse_from_str(text, format).is_ok(),
        Kind::Offset => DateTime::parse_from_str(text, format).is_ok(),
        Kind::Date => NaiveDate::parse_from_str(text, format).is_ok(),
    }
}

fn timestamps(c: &mut Criterion) {
    let mut group = c.benchmark_group("timestamp");
    group.measurement_time(Duration::from_secs(2));
    group.warm_up_time(Duration::from_millis(500));
    for &(name, text, format, kind) in FORMS {
        assert!(wirecopy::parse_timestamp(text).is_some(), "{text}");
        assert!(chrono_parse(text, format, kind), "chrono: {text}");
        group.bench_function(format!("wirecopy/{name}"), |b| {
            b.iter(|| wirecopy::parse_timestamp(black_box(text)))
        });
        group.bench_function(format!("chrono/{name}"), |b| {
            b.iter(|| chrono_parse(black_box(text), black_box(format), kind))
        });
    }
    group.finish();
}

criterion_group!(benches, timestamps);
criterion_main!(benches);
