//! The work on a batch: cut into chunks, each processed by one task of the
//! pool, which reads its files, parses each article and encodes its record
//! into the chunk's output, in order, within a budget of bytes (see
//! [`Budget`]). The main thread writes the chunks in order as they are done,
//! and processes what a chunk left to stay within its budget (`main.rs`).
//! Before the first batch, the early task ([`early`]) processes files while
//! they are being listed, and the chunks copy its records.

use std::borrow::Cow;
use std::ops::{AddAssign, Range};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::thread::Thread;
use std::time::{Duration, Instant};

use wirecopy::{Article, ParseOptions};

use crate::input::{self, Batch, Item, Limits, Loaded};
use crate::output::{self, Encoding, ErrorObject, Outcome};

/// Bytes of weight given to each item on top of its size when a batch is
/// cut into chunks: opening and closing a file costs about as much as
/// reading and parsing a kilobyte or two.
const ITEM_WEIGHT: u64 = 1024;

/// A chunk's input buffer (one file at a time) keeps at most this much
/// capacity after a larger file.
const KEEP_INPUT: usize = 1 << 20;

/// What a task needs besides its chunk and batch.
pub struct Job<'a> {
    pub options: &'a ParseOptions,
    /// `None`: parse only.
    pub encoding: Option<Encoding>,
    /// The field holding the article in a JSON line.
    pub jsonl_field: &'a str,
    pub limits: Limits,
    /// A chunk's output buffer keeps at most this much capacity once written.
    pub keep_output: usize,
    /// The records of the files that the early task processed, set once
    /// it has stopped, before any chunk is processed.
    pub early: OnceLock<EarlyRecords>,
}

impl Job<'_> {
    /// The early task's record of the file it was offered as `number`, if
    /// it got to it: its encoded output and what it counted.
    fn early_record(&self, number: u32) -> Option<(&[u8], &EarlyRecord)> {
        let early = self.early.get()?;
        let record = early.records.get(number as usize)?;
        Some((&early.output[record.output.clone()], record))
    }
}

/// Counts for the summary line, the exit status and the progress bar.
#[derive(Clone, Copy, Default)]
pub struct Counts {
    /// Records: articles parsed and inputs failed.
    pub articles: u64,
    pub failed: u64,
    /// Bytes of text given to the parser.
    pub bytes: u64,
    /// Time spent in the parse calls.
    pub parse_time: Duration,
    /// Paths that could not be listed, followed or read.
    pub unreadable: u64,
    /// Bytes of input read by the task (file sizes), for progress.
    pub read_bytes: u64,
    /// Files opened and read (or found too large), whose sizes are
    /// `read_bytes`: the reader guesses the next files' sizes from them.
    pub files: u64,
    /// The part of `read_bytes` that the early task read: the chunk only
    /// copied their records.
    pub early_bytes: u64,
    /// Files whose records the early task made.
    pub early_files: u64,
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.articles += other.articles;
        self.failed += other.failed;
        self.bytes += other.bytes;
        self.parse_time += other.parse_time;
        self.unreadable += other.unreadable;
        self.read_bytes += other.read_bytes;
        self.files += other.files;
        self.early_bytes += other.early_bytes;
        self.early_files += other.early_files;
    }
}

/// What processing a run of a batch's items gave. Its buffers are reused
/// from batch to batch.
#[derive(Default)]
pub struct Chunk {
    /// The file being parsed, or the text extracted from a JSON line.
    input: Vec<u8>,
    /// Emptied vectors for the next article: parsing allocates nothing per
    /// article once they have grown.
    spare: Article<'static>,
    /// The encoded records, in order.
    pub output: Vec<u8>,
    /// Messages naming paths that could not be read, in order.
    pub messages: Vec<String>,
    pub counts: Counts,
    /// A record that could not be encoded (not expected): processing stopped there.
    pub error: Option<serde_json::Error>,
    /// The items left unprocessed when a file would have taken the chunk
    /// past its budget (see [`Budget`]): the writer processes them itself.
    pub rest: Option<Range<usize>>,
}

/// How many bytes of files a chunk may read: twice the bytes its items were
/// planned with (guessed sizes for the files a walk found). A chunk stops
/// before a file that would take it past its budget, and the main thread,
/// which writes the chunks in order, processes the rest itself when it
/// comes to the chunk, a batch's bytes at a time, writing each piece before
/// the next. So a batch's chunks hold about the bytes the batch was cut
/// for, whatever the files turn out to hold, and memory stays bounded.
#[derive(Clone, Copy)]
pub struct Budget {
    limit: u64,
    used: u64,
    /// Whether the first file is read whatever its size (the main thread's
    /// pieces, so that they always move on; a worker leaves a file over
    /// its whole budget to the main thread).
    first_any_size: bool,
}

impl Budget {
    /// The budget of a worker's chunk of `items` of `batch`.
    pub fn chunk(batch: &Batch, items: Range<usize>, limits: &Limits) -> Budget {
        let planned: u64 = batch.items[items].iter().map(|i| i.bytes(limits)).sum();
        Budget {
            limit: planned.saturating_mul(2),
            used: 0,
            first_any_size: false,
        }
    }

    /// The budget of a piece of a chunk's rest, which the main thread
    /// processes and writes: a batch's bytes, or one file of any size.
    pub fn writer(limits: &Limits) -> Budget {
        Budget {
            limit: limits.batch_bytes as u64,
            used: 0,
            first_any_size: true,
        }
    }

    /// Takes `bytes` if they fit.
    fn take(&mut self, bytes: u64) -> bool {
        let fits = self.used.saturating_add(bytes) <= self.limit
            || (self.used == 0 && self.first_any_size);
        if fits {
            self.used = self.used.saturating_add(bytes);
        }
        fits
    }
}

impl Chunk {
    /// Lets go of most of the input buffer after a large file, once the
    /// chunk's items are done (not between the pieces of a chunk's rest,
    /// whose large files would each grow it again).
    pub fn release_input(&mut self) {
        self.input.shrink_to(KEEP_INPUT);
    }
}

/// A chunk shared between the main thread and the task that processes it.
#[derive(Default)]
pub struct Cell {
    pub chunk: Mutex<Chunk>,
    /// Set when the task is over (even if it panicked).
    pub done: AtomicBool,
}

/// Cuts the batch into at most `max_chunks` runs of items of about the
/// same bytes, into `ranges` (emptied first).
pub fn plan(ranges: &mut Vec<Range<usize>>, batch: &Batch, limits: &Limits, max_chunks: usize) {
    ranges.clear();
    let n = batch.items.len();
    if n == 0 {
        return;
    }
    let want = max_chunks.clamp(1, n);
    let weight = |item: &Item| item.bytes(limits) + ITEM_WEIGHT;
    let total: u64 = batch.items.iter().map(weight).sum();
    let target = total.div_ceil(want as u64);
    let (mut start, mut acc) = (0, 0);
    for (i, item) in batch.items.iter().enumerate() {
        acc += weight(item);
        if acc >= target || i + 1 == n {
            ranges.push(start..i + 1);
            start = i + 1;
            acc = 0;
        }
    }
}

/// The task of one chunk: processes `items` of `batch` into the cell's
/// chunk, lets go of the batch, marks the cell done and wakes `waiter`
/// (the main thread, which may be waiting for it).
pub fn task(cell: &Cell, batch: Arc<Batch>, items: Range<usize>, job: &Job<'_>, waiter: &Thread) {
    /// Lets go of the batch, then marks the cell done, even on a panic:
    /// once every task of a batch is done, the main thread refills it.
    struct Done<'a> {
        cell: &'a Cell,
        waiter: &'a Thread,
        batch: Option<Arc<Batch>>,
    }
    impl Drop for Done<'_> {
        fn drop(&mut self) {
            self.batch = None;
            self.cell.done.store(true, Ordering::Release);
            self.waiter.unpark();
        }
    }
    let done = Done {
        cell,
        waiter,
        batch: Some(batch),
    };
    if let Some(batch) = &done.batch {
        let mut chunk = cell.chunk.lock().unwrap_or_else(PoisonError::into_inner);
        let budget = Budget::chunk(batch, items.clone(), &job.limits);
        process(&mut chunk, batch, items, job, budget);
        chunk.release_input();
    }
}

/// Processes `items` of `batch` into `chunk`: reads, parses and encodes
/// them in order, until a file would take it past `budget` (then
/// `chunk.rest` holds the items left). Only the parse calls are timed.
pub fn process(
    chunk: &mut Chunk,
    batch: &Batch,
    items: Range<usize>,
    job: &Job<'_>,
    mut budget: Budget,
) {
    let Chunk {
        input,
        spare,
        output,
        messages,
        counts,
        error,
        rest,
    } = chunk;
    output.clear();
    output.shrink_to(job.keep_output);
    messages.clear();
    *counts = Counts::default();
    *error = None;
    *rest = None;
    let mut record = Record {
        job,
        output,
        counts,
        spare,
    };
    for at in items.clone() {
        let done = |result: serde_json::Result<()>| result.map(|()| Read::Done);
        let result = match &batch.items[at] {
            Item::File { path, size } => record.file(path, *size, input, messages, &mut budget),
            Item::Found { path, early, .. } => {
                match early.and_then(|number| job.early_record(number)) {
                    Some((output, early)) => {
                        record.copy(output, early, messages);
                        Ok(Read::Done)
                    }
                    None => record.file(path, None, input, messages, &mut budget),
                }
            }
            Item::Text { name, text } => {
                done(record.parse(batch.name(name), &batch.data[text.clone()]))
            }
            Item::Line { name, line } => {
                input.clear();
                let line = &batch.data[line.clone()];
                done(match input::extract_field(line, job.jsonl_field, input) {
                    Ok(text) => record.parse(batch.name(name), &input[text]),
                    Err(e) => record.failure(batch.name(name), ErrorObject::Input(&e)),
                })
            }
            Item::Failed { name, error } => {
                done(record.failure(batch.name(name), ErrorObject::Library(error)))
            }
            Item::Unreadable(message) => {
                messages.push(message.clone());
                record.counts.unreadable += 1;
                Ok(Read::Done)
            }
        };
        match result {
            Ok(Read::Done) => {}
            Ok(Read::Stopped) => {
                *rest = Some(at..items.end);
                break;
            }
            Err(e) => {
                *error = Some(e);
                break;
            }
        }
    }
    input.clear();
}

/// What came of an item that is a file.
enum Read {
    /// Read (or found unreadable, or too large) and recorded.
    Done,
    /// Left unread: it would take the chunk past its budget.
    Stopped,
}

/// Parses and encodes into a chunk.
struct Record<'c, 'j> {
    job: &'c Job<'j>,
    output: &'c mut Vec<u8>,
    counts: &'c mut Counts,
    spare: &'c mut Article<'static>,
}

impl Record<'_, '_> {
    /// Reads a file into `input` and parses and encodes it; a file that
    /// cannot be read gives a message.
    fn file(
        &mut self,
        path: &Path,
        size: Option<u64>,
        input: &mut Vec<u8>,
        messages: &mut Vec<String>,
        budget: &mut Budget,
    ) -> serde_json::Result<Read> {
        // The source: the path as given (lossily if it is not UTF-8).
        let source = match path.to_str() {
            Some(path) => Cow::Borrowed(path),
            None => path.to_string_lossy(),
        };
        let max_size = self.job.limits.max_size;
        let opened = input::open_file(path, size).and_then(|(file, size)| {
            // A file over the size limit is not read; one of unknown size
            // (not a regular file) is read whatever the budget.
            let reads = size.filter(|&s| s <= max_size as u64).unwrap_or(0);
            if !budget.take(reads) {
                return Ok(None);
            }
            input.clear();
            input::read_limited(file, size, max_size, input).map(Some)
        });
        match opened {
            Ok(None) => return Ok(Read::Stopped),
            Ok(Some(Loaded::Text(text))) => {
                self.counts.read_bytes += text.len() as u64;
                self.counts.files += 1;
                self.parse(&source, &input[text])?;
            }
            Ok(Some(Loaded::TooLarge(size))) => {
                self.counts.read_bytes += size;
                self.counts.files += 1;
                let size = usize::try_from(size).unwrap_or(usize::MAX);
                let e = wirecopy::Error::too_large(size, max_size);
                self.failure(&source, ErrorObject::Library(&e))?;
            }
            Err(e) => {
                messages.push(format!("{source}: {e}"));
                self.counts.unreadable += 1;
            }
        }
        Ok(Read::Done)
    }

    /// Takes a record that the early task made: its output and counts.
    fn copy(&mut self, output: &[u8], early: &EarlyRecord, messages: &mut Vec<String>) {
        self.output.extend_from_slice(output);
        *self.counts += early.counts;
        self.counts.early_bytes += early.counts.read_bytes;
        self.counts.early_files += 1;
        messages.extend(early.message.iter().cloned());
    }

    /// Parses `text` (timed) and encodes its record.
    fn parse(&mut self, source: &str, text: &[u8]) -> serde_json::Result<()> {
        let mut article = std::mem::take(self.spare).recycle();
        let started = Instant::now();
        let parsed = self.job.options.parse_bytes_into(text, &mut article);
        self.counts.parse_time += started.elapsed();
        // B counts the bytes that were parsed: a record over the limit is
        // refused unread, as a file over it is (see `Loaded::TooLarge`).
        if !matches!(parsed, Err(wirecopy::Error::TooLarge { .. })) {
            self.counts.bytes += text.len() as u64;
        }
        let result = match &parsed {
            Ok(()) => self.encode(source, Outcome::Article(&article)),
            Err(e) => self.failure(source, ErrorObject::Library(e)),
        };
        *self.spare = article.recycle();
        if parsed.is_ok() {
            self.counts.articles += 1;
        }
        result
    }

    /// Encodes the error record of an input that failed.
    fn failure(&mut self, source: &str, error: ErrorObject<'_>) -> serde_json::Result<()> {
        self.counts.failed += 1;
        self.counts.articles += 1;
        self.encode(source, Outcome::Error(error))
    }

    fn encode(&mut self, source: &str, outcome: Outcome<'_, '_>) -> serde_json::Result<()> {
        match self.job.encoding {
            Some(encoding) => output::encode(self.output, source, outcome, encoding),
            None => Ok(()),
        }
    }
}

/// The records that the early task made, in the order the files were
/// offered to it: file number `n` has `records[n]`.
#[derive(Default)]
pub struct EarlyRecords {
    /// The records' encoded output, one after the other.
    output: Vec<u8>,
    records: Vec<EarlyRecord>,
}

/// What processing one file gave the early task.
struct EarlyRecord {
    /// Its part of [`EarlyRecords::output`].
    output: Range<usize>,
    counts: Counts,
    /// The message of a file that could not be read.
    message: Option<String>,
}

/// The early task's end: where it leaves its records, and whether it is
/// over.
#[derive(Default)]
pub struct EarlyCell {
    pub records: Mutex<Option<EarlyRecords>>,
    /// Set when the task is over (even if it panicked).
    pub done: AtomicBool,
}

/// The early task. While the main thread lists the directories for the
/// first batch, the workers would have nothing to do: this task processes
/// the files offered to it as they are found (in the order the directory
/// gives them, not the sorted order), each into a record of its own, until
/// `stop` is set, the files offered run out, or it has read `limit` bytes.
/// The chunks then copy those records instead of reading the files again,
/// in their own order, so the output is the same as without it.
///
/// Leaves its records in `cell`, marks it done and wakes `waiter`.
pub fn early(
    offered: Receiver<Vec<(u32, PathBuf)>>,
    stop: &AtomicBool,
    limit: u64,
    job: &Job<'_>,
    cell: &EarlyCell,
    waiter: &Thread,
) {
    /// Marks the cell done, even on a panic: the main thread waits for it.
    struct Done<'a>(&'a EarlyCell, &'a Thread);
    impl Drop for Done<'_> {
        fn drop(&mut self) {
            self.0.done.store(true, Ordering::Release);
            self.1.unpark();
        }
    }
    let _done = Done(cell, waiter);
    let mut early = EarlyRecords::default();
    let mut input = Vec::new();
    let mut spare = Article::default();
    let mut budget = Budget {
        limit,
        used: 0,
        first_any_size: false,
    };
    'offered: while let Ok(files) = offered.recv() {
        for (number, path) in files {
            if stop.load(Ordering::Relaxed) || number as usize != early.records.len() {
                break 'offered;
            }
            let start = early.output.len();
            let mut counts = Counts::default();
            let mut messages = Vec::new();
            let mut record = Record {
                job,
                output: &mut early.output,
                counts: &mut counts,
                spare: &mut spare,
            };
            match record.file(&path, None, &mut input, &mut messages, &mut budget) {
                Ok(Read::Done) => early.records.push(EarlyRecord {
                    output: start..early.output.len(),
                    counts,
                    message: messages.pop(),
                }),
                // Over the budget, or a record that cannot be encoded: the
                // chunk that comes to this file processes it.
                Ok(Read::Stopped) | Err(_) => {
                    early.output.truncate(start);
                    break 'offered;
                }
            }
        }
    }
    // Dropping `offered` here tells the walk to offer no more.
    drop(offered);
    *cell.records.lock().unwrap_or_else(PoisonError::into_inner) = Some(early);
}
