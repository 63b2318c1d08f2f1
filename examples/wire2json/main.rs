//! `wire2json`: parse wire copy into JSON, one record per article (SPEC section 4).
//!
//! ```text
//! cargo run --release --example wire2json                 # the bundled sample, pretty
//! cargo run --release --example wire2json -- corpus/ > articles.jsonl
//! cargo run --release --example wire2json -- --jsonl-field text dump.jsonl
//! ```
//!
//! Inputs are read by one thread into bounded batches (a few MiB or a few
//! thousand articles); each batch is parsed in parallel with rayon, encoded in
//! parallel into reused buffers, and written in input order before the next
//! batch is taken. Memory is bounded by the batches in flight (at most three),
//! not by the corpus, and the output does not depend on `--jobs`.
//!
//! Exit status: 0 when every input parsed, 1 when some failed (their error
//! records are written), 2 for usage errors and unreadable paths.

mod input;
mod output;

use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::FixedOffset;
use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use wirecopy::{Article, ParseOptions};

use input::{Batch, Input, Item, Limits, Task};
use output::{Encoding, Parsed};

/// The sample article parsed when no PATH is given.
const SAMPLE: &[u8] = include_bytes!("../data/velmora_cable_car.txt");
/// Its name in the record's `"source"`.
const SAMPLE_NAME: &str = "examples/data/velmora_cable_car.txt";

/// Show a progress bar only above this many input files (or, with
/// `--jsonl-field`, this many MB of JSON Lines).
const PROGRESS_MIN_FILES: u64 = 8;
const PROGRESS_MIN_JSONL_BYTES: u64 = 1_000_000;

/// Parse wire copy (news article text) into JSON, one record per article.
///
/// Without PATH, parses the bundled sample article and prints it as pretty JSON.
#[derive(Parser, Debug)]
#[command(name = "wire2json", version, max_term_width = 100)]
#[command(after_help = "\
Each record is an article's JSON with \"source\" first: the path as given (directory \
entries joined to it), `-` for stdin, or PATH:LINE for JSON Lines. An input that fails \
gives {\"source\": ..., \"error\": {\"kind\", \"offset\", \"line\", \"column\", \"message\"}} \
and processing goes on. `-` must be a pipe or a file, not a terminal.

Exit status: 0 when every input parsed, 1 when some failed, 2 for usage errors and \
unreadable paths (one line on stderr names each). The last line on stderr is \
`parsed N articles (F failed), B bytes in S s: T MB/s`, timing the parsing alone.")]
struct Cli {
    /// Files, directories (walked recursively, entries in sorted order, hidden entries
    /// skipped) or `-` for standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Read every PATH as JSON Lines; each object's NAME field holds one article's text.
    #[arg(long, value_name = "NAME")]
    jsonl_field: Option<String>,

    /// Output: one record per line, a pretty JSON array, or nothing (parse only).
    /// [default: jsonl; pretty JSON for the bundled sample]
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,

    /// Fail on an unparsable timestamp, a missing headline or an empty body.
    #[arg(long)]
    strict: bool,

    /// UTC offset given to timestamps that have a time but state no zone.
    #[arg(long, value_name = "±HH:MM", value_parser = parse_offset, allow_hyphen_values = true)]
    default_offset: Option<FixedOffset>,

    /// Parsing threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    jobs: Option<u32>,

    /// Most articles per batch (tests and tuning).
    #[arg(long, hide = true, default_value = "4096")]
    batch_items: NonZeroUsize,

    /// Most input bytes per batch (tests and tuning).
    #[arg(long, hide = true, default_value = "4194304")]
    batch_bytes: NonZeroUsize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// JSON Lines: one compact record per line.
    Jsonl,
    /// One pretty-printed JSON array of records.
    Json,
    /// No output: parse only (for counting failures and timing).
    None,
}

/// Reads `±HH:MM`.
fn parse_offset(s: &str) -> Result<FixedOffset, String> {
    let bad = || format!("expected a UTC offset as ±HH:MM (e.g. +09:00 or -05:00), got {s:?}");
    let b = s.as_bytes();
    if b.len() != 6 || b[3] != b':' || !matches!(b[0], b'+' | b'-') {
        return Err(bad());
    }
    let digits = |i: usize| -> Option<i32> {
        let (d1, d2) = (b[i], b[i + 1]);
        (d1.is_ascii_digit() && d2.is_ascii_digit())
            .then(|| i32::from(d1 - b'0') * 10 + i32::from(d2 - b'0'))
    };
    let (Some(hours), Some(minutes)) = (digits(1), digits(4)) else {
        return Err(bad());
    };
    if hours > 23 || minutes > 59 {
        return Err(bad());
    }
    let seconds = (hours * 60 + minutes) * 60;
    FixedOffset::east_opt(if b[0] == b'-' { -seconds } else { seconds }).ok_or_else(bad)
}

/// A problem that ends the run with exit status 2.
struct Fatal(String);

fn main() -> ExitCode {
    let cli = Cli::parse(); // clap prints usage errors and exits with status 2
    match run(cli) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("wire2json: {message}");
            ExitCode::from(2)
        }
    }
}

/// Counts for the summary line and the exit status.
#[derive(Default)]
struct Stats {
    articles: u64,
    failed: u64,
    bytes: u64,
    parse_time: Duration,
    unreadable: u64,
}

fn run(cli: Cli) -> Result<ExitCode, Fatal> {
    let sample_mode = cli.paths.is_empty();
    if sample_mode && cli.jsonl_field.is_some() {
        return Err(Fatal("--jsonl-field needs at least one PATH".into()));
    }
    let encoding = match (cli.format, sample_mode) {
        (None, true) => Some(Encoding::Pretty),
        (None | Some(Format::Jsonl), _) => Some(Encoding::Lines),
        (Some(Format::Json), _) => Some(Encoding::ArrayElement),
        (Some(Format::None), _) => None,
    };

    let tasks = if sample_mode {
        vec![Task::Bundled(SAMPLE_NAME, SAMPLE)]
    } else {
        input::check_paths(&cli.paths).map_err(|messages| Fatal(messages.join("\nwire2json: ")))?
    };

    let options = ParseOptions::new()
        .strict(cli.strict)
        .default_offset(cli.default_offset);
    let jobs = cli.jobs.map_or(0, |n| n as usize); // 0: rayon's default, all cores
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("wire2json-parse-{i}"))
        .build()
        .map_err(|e| Fatal(format!("cannot start the parsing threads: {e}")))?;
    let sequential = pool.current_num_threads() == 1;

    let progress = make_progress_bar(&tasks, cli.jsonl_field.is_some());
    let stdout_is_terminal = io::stdout().is_terminal();

    // The reader thread fills batches; `full` carries them here (at most one
    // waiting), `empty` carries them back to be refilled, so at most three
    // batches exist at a time.
    let (full_tx, full_rx) = mpsc::sync_channel::<Batch>(1);
    let (empty_tx, empty_rx) = mpsc::channel::<Batch>();
    let limits = Limits {
        max_size: options.get_max_size(),
        batch_items: cli.batch_items.get(),
        batch_bytes: cli.batch_bytes.get(),
    };
    let jsonl_field = cli.jsonl_field.clone();
    let reader = std::thread::Builder::new()
        .name("wire2json-read".into())
        .spawn(move || input::read_all(tasks, jsonl_field, limits, full_tx, empty_rx))
        .map_err(|e| Fatal(format!("cannot start the reading thread: {e}")))?;

    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut stats = Stats::default();
    let mut chunks: Vec<Vec<u8>> = Vec::new();
    // Emptied articles whose vectors the next batch reuses.
    let mut spare: Vec<Article<'static>> = Vec::new();
    let mut records_written = 0u64;
    let mut write_result: io::Result<()> = Ok(());

    if encoding == Some(Encoding::ArrayElement) {
        write_result = out.write_all(b"[");
    }
    for batch in full_rx.iter() {
        if write_result.is_err() {
            break;
        }
        for message in &batch.problems {
            stats.unreadable += 1;
            match &progress {
                Some(pb) => pb.suspend(|| eprintln!("wire2json: {message}")),
                None => eprintln!("wire2json: {message}"),
            }
        }

        // Parse: the only timed step. Each article reuses the vectors of
        // one of the previous batch, so steady-state parsing allocates
        // nothing per article.
        let started = Instant::now();
        spare.resize_with(batch.items.len(), Article::default);
        let buffers = spare.drain(..batch.items.len());
        let parsed: Vec<Parsed<'_>> = if sequential || batch.items.len() < 2 {
            batch
                .items
                .iter()
                .zip(buffers)
                .map(|(item, buffer)| parse_item(&options, &batch, item, buffer))
                .collect()
        } else {
            let buffers: Vec<Article<'static>> = buffers.collect();
            pool.install(|| {
                batch
                    .items
                    .par_iter()
                    .zip(buffers)
                    .map(|(item, buffer)| parse_item(&options, &batch, item, buffer))
                    .collect()
            })
        };
        stats.parse_time += started.elapsed();
        stats.articles += parsed.len() as u64;
        stats.failed += parsed.iter().filter(|p| p.is_failure()).count() as u64;
        stats.bytes += batch.text_bytes;

        // Encode in parallel, one reused buffer per chunk, then write in order.
        if let Some(encoding) = encoding {
            let n = encode_batch(&pool, &batch, &parsed, encoding, &mut chunks)?;
            let first_records = records_written == 0;
            let write = |out: &mut io::BufWriter<io::StdoutLock<'_>>| -> io::Result<()> {
                for (i, chunk) in chunks[..n].iter().enumerate() {
                    let mut bytes = &chunk[..];
                    if encoding == Encoding::ArrayElement && first_records && i == 0 {
                        bytes = bytes.strip_prefix(b",").unwrap_or(bytes); // the first element has no comma
                    }
                    out.write_all(bytes)?;
                }
                Ok(())
            };
            write_result = match (&progress, stdout_is_terminal) {
                (Some(pb), true) => pb.suspend(|| write(&mut out)),
                _ => write(&mut out),
            };
            records_written += parsed.len() as u64;
        }
        if let Some(pb) = &progress {
            pb.inc(batch.progress_bytes);
            pb.set_message(format!(
                "{} articles, {} failed",
                stats.articles, stats.failed
            ));
        }
        spare.extend(parsed.into_iter().filter_map(|p| match p {
            Parsed::Article(article) => Some(article.recycle()),
            _ => None,
        }));
        // The reader may have finished: a failed send only means no more batches.
        let _ = empty_tx.send(batch);
    }
    drop(full_rx); // stops the reader if the output failed early
    let _ = reader.join();

    if write_result.is_ok() {
        write_result = match encoding {
            Some(Encoding::ArrayElement) if records_written > 0 => out.write_all(b"\n]\n"),
            Some(Encoding::ArrayElement) => out.write_all(b"]\n"),
            _ => Ok(()),
        };
    }
    if write_result.is_ok() {
        write_result = out.flush();
    }
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    match write_result {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            return Err(Fatal(format!("cannot write the output: {e}")));
        }
        _ => {}
    }

    let seconds = stats.parse_time.as_secs_f64();
    let mb_per_s = if seconds > 0.0 {
        stats.bytes as f64 / seconds / 1e6
    } else {
        0.0
    };
    eprintln!(
        "parsed {} articles ({} failed), {} bytes in {:.6} s: {:.1} MB/s",
        stats.articles, stats.failed, stats.bytes, seconds, mb_per_s
    );
    Ok(if stats.unreadable > 0 {
        ExitCode::from(2)
    } else if stats.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Parses one item of a batch into `buffer`'s vectors; inputs that failed
/// while reading pass through.
fn parse_item<'b>(
    options: &ParseOptions,
    batch: &'b Batch,
    item: &'b Item,
    buffer: Article<'static>,
) -> Parsed<'b> {
    match &item.input {
        Input::Text(range) => {
            let mut article = buffer.recycle();
            match options.parse_bytes_into(&batch.data[range.clone()], &mut article) {
                Ok(()) => Parsed::Article(article),
                Err(error) => Parsed::Error(error),
            }
        }
        Input::Failed(failure) => Parsed::Input(failure),
    }
}

/// Encodes the records of `batch` into `chunks` (reused between batches),
/// in parallel; returns how many chunks hold this batch, in order.
fn encode_batch(
    pool: &rayon::ThreadPool,
    batch: &Batch,
    parsed: &[Parsed<'_>],
    encoding: Encoding,
    chunks: &mut Vec<Vec<u8>>,
) -> Result<usize, Fatal> {
    if parsed.is_empty() {
        return Ok(0);
    }
    // A few chunks per thread so that uneven articles still balance.
    let per_chunk = parsed
        .len()
        .div_ceil(pool.current_num_threads() * 4)
        .max(16);
    let n = parsed.len().div_ceil(per_chunk);
    if chunks.len() < n {
        chunks.resize_with(n, Vec::new);
    }
    let encode = |(buf, (records, items)): (&mut Vec<u8>, (&[Parsed<'_>], &[Item]))| {
        buf.clear();
        for (record, item) in records.iter().zip(items) {
            output::encode(buf, batch.name(item), record, encoding)?;
        }
        Ok(())
    };
    let work = chunks[..n]
        .iter_mut()
        .zip(parsed.chunks(per_chunk).zip(batch.items.chunks(per_chunk)));
    let result: Result<(), serde_json::Error> = if n == 1 {
        work.into_iter().try_for_each(encode)
    } else {
        let work: Vec<_> = work.collect();
        pool.install(|| work.into_par_iter().try_for_each(encode))
    };
    result.map_err(|e| Fatal(format!("cannot encode a record as JSON: {e}")))?;
    Ok(n)
}

/// A progress bar on stderr when it is a terminal and there is enough work;
/// never on a pipe. Counting walks the directories once more (names and
/// sizes only), which is why it is done only for a terminal.
fn make_progress_bar(tasks: &[Task], jsonl: bool) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let (files, bytes) = input::count(tasks);
    let enough = if jsonl {
        bytes > PROGRESS_MIN_JSONL_BYTES
    } else {
        files > PROGRESS_MIN_FILES
    };
    if !enough {
        return None;
    }
    let style = ProgressStyle::with_template(
        "{spinner} {elapsed_precise} [{wide_bar}] {percent:>3}% {binary_bytes_per_sec} eta {eta} {msg}",
    )
    .ok()?
    .progress_chars("=> ");
    let pb = ProgressBar::new(bytes).with_style(style);
    pb.enable_steady_tick(Duration::from_millis(200));
    Some(pb)
}
