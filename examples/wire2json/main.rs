//! `wire2json`: parse wire copy into JSON, one record per article (SPEC section 4).
//!
//! ```text
//! cargo run --release --example wire2json                 # the bundled sample, pretty
//! cargo run --release --example wire2json -- corpus/ > articles.jsonl
//! cargo run --release --example wire2json -- --jsonl-field text dump.jsonl
//! ```
//!
//! `--jobs N` is the number of threads of the whole program: the main
//! thread and N - 1 rayon workers in one pool (with `--jobs 1`, everything
//! runs on the main thread, one step after the other). On Linux each worker
//! has a file descriptor table of its own, and when there is one thread for
//! every CPU the process may use, each thread keeps to one of them
//! (`threads.rs`).
//!
//! The main thread walks the directories into bounded batches (a few MiB or
//! a few thousand inputs) of paths and sizes; what can only be read in order
//! (stdin, the lines of JSON Lines) it reads itself. Each batch is cut into
//! chunks of about equal bytes (a few per thread), and each chunk is one task
//! in the pool: it reads its files one at a time into a reused buffer, parses
//! each article into reused vectors, and encodes its record into the chunk's
//! reused output buffer. The main thread keeps two batches in flight: it
//! writes the chunks of the older one in input order as they are done, runs
//! pending tasks itself while it waits, and fills and starts the next batch
//! once a batch is written. There is no barrier between batches, memory is
//! bounded by the batches in flight, not by the corpus, and the output does
//! not depend on `--jobs`.
//!
//! Before the first batch, the workers would wait while the main thread
//! lists a directory (the whole directory, to sort it: 9 ms for 20,000
//! files). Meanwhile one worker processes the files as the listing finds
//! them, each into a record of its own, up to a batch's bytes; the chunks
//! copy those records when they come to those files (`work::early`).
//!
//! The summary line times the parse calls alone: each task sums the time
//! spent in them, and S is the sum over all tasks (the CPU time of parsing,
//! not a wall time), so T is the parse throughput of one core whatever
//! `--jobs` is. Reading, encoding and writing are not timed.
//!
//! Exit status: 0 when every input parsed, 1 when some failed (their error
//! records are written), 2 for usage errors and unreadable paths.

mod input;
mod output;
mod threads;
mod work;

use std::collections::VecDeque;
use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, mpsc};
use std::time::Duration;

use chrono::FixedOffset;
use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::Yield;
use wirecopy::ParseOptions;

use input::{Batch, Early, Limits, Task};
use output::Encoding;
use work::{Cell, Chunk, Counts, EarlyCell, Job};

/// The sample article parsed when no PATH is given.
const SAMPLE: &[u8] = include_bytes!("../data/velmora_cable_car.txt");
/// Its name in the record's `"source"`.
const SAMPLE_NAME: &str = "examples/data/velmora_cable_car.txt";

/// The most threads `--jobs` takes. Each thread gets several chunks of a
/// batch and its own buffers, so a mistyped `--jobs 100000` would spend
/// minutes starting threads and cutting batches into tiny chunks.
const MAX_JOBS: i64 = 1024;

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

Exit status: 0 when every input parsed (or the reader of stdout stopped early, as \
`| head` does), 1 when some failed, 2 for usage errors, unreadable paths (one line on \
stderr names each) and output that cannot be written. The last line on stderr is \
`parsed N articles (F failed), B bytes in S s: T MB/s`. S is the time spent in the \
parse calls, summed over all threads (reading, encoding and writing not counted), so T \
is the parse throughput of one core.")]
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

    /// The largest input, in bytes, that is parsed; a larger file, stdin or JSON Lines
    /// record is not parsed and gives a `TooLarge` record. A JSON line is read whole up
    /// to 6 × BYTES + 1 MiB.
    #[arg(long, value_name = "BYTES", default_value_t = wirecopy::DEFAULT_MAX_SIZE)]
    max_size: usize,

    /// An extra boilerplate phrase (SPEC 3.6), matched as a whole trimmed line; repeatable.
    /// A value that starts with `-` is given as --boilerplate=VALUE.
    #[arg(long, value_name = "PHRASE")]
    boilerplate: Vec<String>,

    /// An extra `LABEL: headline` kicker label (SPEC 3.1), case-sensitive, without its
    /// colon; repeatable.
    #[arg(long, value_name = "LABEL", value_parser = parse_label)]
    kicker_label: Vec<String>,

    /// An extra agency name removed from authors (SPEC 3.2), case-sensitive, longest
    /// first; repeatable.
    #[arg(long, value_name = "NAME")]
    agency: Vec<String>,

    /// Threads in all, 1 to 1024, for reading, parsing and encoding. With as many threads
    /// as CPUs this process may use, each keeps to one CPU (Linux) [default: that many].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u32).range(1..=MAX_JOBS))]
    jobs: Option<u32>,

    /// Most articles per batch (tests and tuning).
    #[arg(long, hide = true, default_value = "4096")]
    batch_items: NonZeroUsize,

    /// Most input bytes per batch (tests and tuning).
    #[arg(long, hide = true, default_value = "4194304")]
    batch_bytes: NonZeroUsize,

    /// Also report the most file bytes one chunk (or one piece of a chunk's
    /// rest) read, which bounds the memory a batch holds, and how many files
    /// the early task processed (tests and tuning).
    #[arg(long, hide = true)]
    read_stats: bool,

    /// Let the early task process every file offered to it, up to its
    /// limit, instead of stopping it once the first batch is filled
    /// (tests).
    #[arg(long, hide = true)]
    early_all: bool,
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

/// A kicker label, which the colon follows in the text: given with its own
/// colon at the end it could never match, so that is a usage error.
fn parse_label(s: &str) -> Result<String, String> {
    match s.strip_suffix(':') {
        Some(label) => Err(format!(
            "give the label without the colon that follows it (--kicker-label {label:?})"
        )),
        None => Ok(s.to_owned()),
    }
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

/// The threads of the default `--jobs`: what rayon picks for a pool of
/// unspecified size, `RAYON_NUM_THREADS` when set to a number over 0 (or
/// the older `RAYON_RS_NUM_CPUS`), else the CPUs the process may use. It is
/// worked out here, not left to rayon, because where the threads go
/// depends on it (`threads.rs`).
fn default_threads() -> usize {
    let from_env = |name| {
        std::env::var(name)
            .ok()
            .and_then(|n| n.parse::<usize>().ok())
    };
    let cpus = || std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    match from_env("RAYON_NUM_THREADS") {
        Some(0) => cpus(),
        Some(n) => n,
        None => from_env("RAYON_RS_NUM_CPUS")
            .filter(|&n| n > 0)
            .unwrap_or_else(cpus),
    }
}

/// A problem that ends the run with exit status 2.
struct Fatal(String);

fn main() -> ExitCode {
    let cli = Cli::parse(); // clap prints usage errors and exits with status 2
    match run(cli) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            say(format_args!("wire2json: {message}"));
            ExitCode::from(2)
        }
    }
}

/// Writes a line to stderr. A stderr that cannot be written (closed, full,
/// or a pipe whose reader has gone) loses the line, not the run.
fn say(line: std::fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// A batch and its chunks, reused once written.
#[derive(Default)]
struct Slot {
    batch: Arc<Batch>,
    cells: Vec<Arc<Cell>>,
    /// How many of `cells` hold this batch.
    used: usize,
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

    let mut options = ParseOptions::new()
        .strict(cli.strict)
        .default_offset(cli.default_offset)
        .max_size(cli.max_size);
    for phrase in cli.boilerplate {
        options = options.boilerplate_phrase(phrase);
    }
    for label in cli.kicker_label {
        options = options.kicker_label(label);
    }
    for name in cli.agency {
        options = options.agency(name);
    }
    // The main thread is worker 0 of the pool: `--jobs N` means N threads in
    // all, and with `--jobs 1` no other thread is started.
    let threads = cli.jobs.map_or_else(default_threads, |n| n as usize);
    let placement = Arc::new(threads::Placement::plan(threads));
    placement.place_main_thread();
    let placed = Arc::clone(&placement);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .use_current_thread()
        .thread_name(|i| format!("wire2json-{i}"))
        .start_handler(move |i| placed.start_worker(i))
        .build()
        .map_err(|e| Fatal(format!("cannot start the worker threads: {e}")))?;
    let threads = pool.current_num_threads();
    // A few chunks per thread so that uneven files still balance.
    let max_chunks = if threads == 1 { 1 } else { threads * 8 };

    let progress = make_progress_bar(&tasks, cli.jsonl_field.is_some());
    let limits = Limits {
        max_size: options.get_max_size(),
        batch_items: cli.batch_items.get(),
        batch_bytes: cli.batch_bytes.get(),
    };
    let job = Job {
        options: &options,
        encoding,
        jsonl_field: cli.jsonl_field.as_deref().unwrap_or_default(),
        limits,
        // Records take up to about three times their text (pretty JSON).
        keep_output: (limits.batch_bytes / max_chunks)
            .saturating_mul(3)
            .max(1 << 16),
        early: OnceLock::new(),
    };
    // While the main thread lists the directories for the first batch, one
    // worker processes the files as they are found (`work::early`).
    let walks = tasks.iter().any(|task| matches!(task, Task::Dir(_)));
    let early_channel = (threads > 1 && walks && cli.jsonl_field.is_none()).then(mpsc::channel);
    let mut reader = input::Reader::new(tasks, cli.jsonl_field.is_some(), limits);
    let stdout = io::stdout();
    let mut writer = Writer {
        out: io::BufWriter::with_capacity(1 << 16, stdout.lock()),
        progress: progress.as_ref(),
        stdout_is_terminal: io::stdout().is_terminal(),
        encoding,
        records_written: 0,
        counts: Counts::default(),
        read_bytes: 0,
        result: Ok(()),
        most_read: 0,
    };
    if encoding == Some(Encoding::ArrayElement) {
        writer.result = writer.out.write_all(b"[");
    }

    // Two batches in flight (one with `--jobs 1`, where nothing overlaps):
    // fill a batch and spawn a task per chunk, then write the chunks of the
    // oldest batch in order as they are done, running pending tasks while
    // waiting for one. The workers go on with the next batch meanwhile.
    let in_flight = if threads == 1 { 1 } else { 2 };
    let main_thread = std::thread::current();
    let early_cell = EarlyCell::default();
    let early_stop = AtomicBool::new(false);
    let pipeline = pool.in_place_scope(|scope| -> Result<(), Fatal> {
        let mut early_open = false;
        if let Some((offer, offered)) = early_channel {
            // The early task is offered at most a batch's files and reads
            // at most a batch's bytes: its records hold about as much as
            // one more batch in flight.
            let most = u32::try_from(limits.batch_items).unwrap_or(u32::MAX);
            reader.offer_early(Early::new(offer, most));
            let limit = limits.batch_bytes as u64;
            let (stop, cell, job, waiter) = (&early_stop, &early_cell, &job, main_thread.clone());
            scope.spawn(move |_| work::early(offered, stop, limit, job, cell, &waiter));
            early_open = true;
        }
        let mut queue: VecDeque<Slot> = VecDeque::with_capacity(in_flight);
        let mut free: Vec<Slot> = Vec::new();
        let mut ranges = Vec::new();
        let mut own_chunk = work::Chunk::default();
        let mut exhausted = false;
        loop {
            while queue.len() < in_flight && !exhausted {
                let mut slot = free.pop().unwrap_or_default();
                let batch = Arc::get_mut(&mut slot.batch).expect("a written batch is not shared");
                if writer.result.is_ok() {
                    reader.fill(batch);
                } else {
                    batch.clear(); // the output is gone: read no further
                }
                if early_open {
                    // The first batch is filled: stop the early task, and
                    // let the chunks use what it did.
                    early_open = false;
                    reader.end_early();
                    early_stop.store(!cli.early_all, Ordering::Relaxed);
                    wait_for(&pool, &early_cell.done);
                    let records = early_cell.records.lock().ok().and_then(|mut r| r.take());
                    if let Some(records) = records {
                        let _ = job.early.set(records);
                    }
                }
                if batch.items.is_empty() {
                    exhausted = true;
                    free.push(slot);
                    break;
                }
                work::plan(&mut ranges, batch, &limits, max_chunks);
                if slot.cells.len() < ranges.len() {
                    slot.cells.resize_with(ranges.len(), Default::default);
                }
                slot.used = ranges.len();
                for (cell, items) in slot.cells.iter().zip(ranges.drain(..)) {
                    cell.done.store(false, Ordering::Relaxed);
                    let cell = Arc::clone(cell);
                    let batch = Arc::clone(&slot.batch);
                    let (job, waiter) = (&job, main_thread.clone());
                    scope.spawn(move |_| work::task(&cell, batch, items, job, &waiter));
                }
                queue.push_back(slot);
            }
            let Some(slot) = queue.pop_front() else {
                break;
            };
            let seen = (writer.counts.files, writer.counts.read_bytes);
            for cell in &slot.cells[..slot.used] {
                wait_for(&pool, &cell.done);
                let Ok(chunk) = cell.chunk.lock() else {
                    return Ok(()); // the task panicked: the scope passes the panic on
                };
                writer.write(&chunk)?;
                // Files the chunk left to stay within its budget: processed
                // here, in order, a budget at a time.
                let mut rest = chunk.rest.clone();
                drop(chunk);
                while let Some(items) = rest.filter(|_| writer.result.is_ok()) {
                    let budget = work::Budget::writer(&limits);
                    work::process(&mut own_chunk, &slot.batch, items, &job, budget);
                    writer.write(&own_chunk)?;
                    rest = own_chunk.rest.take();
                }
                own_chunk.release_input();
            }
            writer.batch_written(slot.batch.read_bytes);
            let files = writer.counts.files - seen.0;
            reader.observe(files, writer.counts.read_bytes - seen.1);
            free.push(slot);
        }
        Ok(())
    });
    pipeline?;

    let mut write_result = writer.result;
    let mut out = writer.out;
    let counts = writer.counts;
    let most_read = writer.most_read;
    if write_result.is_ok() {
        write_result = match encoding {
            Some(Encoding::ArrayElement) if writer.records_written > 0 => out.write_all(b"\n]\n"),
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
    // A reader that stops early (`| head`) has what it wanted: the run
    // stops there with status 0, whatever the inputs it did not take.
    let stopped_early = matches!(&write_result, Err(e) if e.kind() == io::ErrorKind::BrokenPipe);
    let unwritable = match write_result {
        Err(e) if !stopped_early => {
            say(format_args!("wire2json: cannot write the output: {e}"));
            true
        }
        _ => false,
    };

    if cli.read_stats {
        say(format_args!(
            "wire2json: the most one chunk read: {most_read} bytes"
        ));
        say(format_args!(
            "wire2json: files processed while listing: {}",
            counts.early_files
        ));
    }
    let seconds = counts.parse_time.as_secs_f64();
    let mb_per_s = if seconds > 0.0 {
        counts.bytes as f64 / seconds / 1e6
    } else {
        0.0
    };
    say(format_args!(
        "parsed {} articles ({} failed), {} bytes in {:.6} s: {:.1} MB/s",
        counts.articles, counts.failed, counts.bytes, seconds, mb_per_s
    ));
    Ok(if stopped_early {
        ExitCode::SUCCESS
    } else if unwritable || counts.unreadable > 0 {
        ExitCode::from(2)
    } else if counts.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Waits until `done` is set, running pending tasks of the pool meanwhile.
fn wait_for(pool: &rayon::ThreadPool, done: &AtomicBool) {
    while !done.load(Ordering::Acquire) {
        if pool.yield_now() != Some(Yield::Executed) {
            std::thread::park_timeout(Duration::from_millis(10));
        }
    }
}

/// Writes processed batches in order, and keeps the counts.
struct Writer<'p> {
    out: io::BufWriter<io::StdoutLock<'static>>,
    progress: Option<&'p ProgressBar>,
    stdout_is_terminal: bool,
    encoding: Option<Encoding>,
    records_written: u64,
    counts: Counts,
    /// Bytes read by the tasks of the batch being written, for progress.
    read_bytes: u64,
    /// The first write error; nothing more is written after it.
    result: io::Result<()>,
    /// The most file bytes one chunk or piece read.
    most_read: u64,
}

impl Writer<'_> {
    /// Writes a processed chunk: its messages to stderr, its records to
    /// stdout (nothing more after a write error).
    fn write(&mut self, chunk: &Chunk) -> Result<(), Fatal> {
        if self.result.is_err() {
            return Ok(());
        }
        for message in &chunk.messages {
            let line = || say(format_args!("wire2json: {message}"));
            match self.progress {
                Some(pb) => pb.suspend(line),
                None => line(),
            }
        }
        if let Some(e) = &chunk.error {
            return Err(Fatal(format!("cannot encode a record as JSON: {e}")));
        }
        self.counts += chunk.counts;
        // What the chunk read itself, not what it copied from the early task.
        let read_here = chunk.counts.read_bytes - chunk.counts.early_bytes;
        self.most_read = self.most_read.max(read_here);
        self.read_bytes += chunk.counts.read_bytes;
        let mut bytes = &chunk.output[..];
        if self.encoding == Some(Encoding::ArrayElement) && self.records_written == 0 {
            bytes = bytes.strip_prefix(b",").unwrap_or(bytes); // the first element has no comma
        }
        if !bytes.is_empty() {
            let out = &mut self.out;
            self.result = match (self.progress, self.stdout_is_terminal) {
                (Some(pb), true) => pb.suspend(|| out.write_all(bytes)),
                _ => out.write_all(bytes),
            };
        }
        if self.encoding.is_some() {
            self.records_written += chunk.counts.articles;
        }
        Ok(())
    }

    /// Moves the progress bar on once a batch is written; `read_bytes` are
    /// those read on the main thread.
    fn batch_written(&mut self, read_bytes: u64) {
        let bytes = std::mem::take(&mut self.read_bytes) + read_bytes;
        if let Some(pb) = self.progress {
            pb.set_message(format!(
                "{} articles, {} failed",
                self.counts.articles, self.counts.failed
            ));
            pb.inc(bytes);
        }
    }
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
    // No steady tick: that would be a thread of its own. The bar is drawn
    // as batches are written, a few times a second at most.
    Some(ProgressBar::new(bytes).with_style(style))
}
