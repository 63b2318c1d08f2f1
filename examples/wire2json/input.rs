//! Finding and reading the inputs: paths, directory walks, stdin, JSON Lines,
//! cut into bounded batches on the main thread.
//!
//! A batch does not hold the bytes of the files found in a walk or named on
//! the command line, only their paths and sizes: the worker that processes a
//! chunk of the batch opens and reads them (`work.rs`). What can only be read
//! in order is read here, into [`Batch::data`]: standard input, the lines of
//! JSON Lines (raw; the worker extracts the field), the bundled sample.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use wirecopy::Position;

use crate::output::InputError;

/// One thing named on the command line, checked.
pub enum Task {
    /// The bundled sample article: its `"source"` and its bytes.
    Bundled(&'static str, &'static [u8]),
    /// Standard input (`-`).
    Stdin,
    /// A file (or anything else that is not a directory), read as given,
    /// with its size when it is a regular file.
    File(PathBuf, Option<u64>),
    /// A directory, walked.
    Dir(PathBuf),
}

/// Checks every PATH before anything is read: each must exist, a directory
/// must be listable and a file readable, `-` may appear once and not on a
/// terminal. Returns one message per bad path.
pub fn check_paths(paths: &[PathBuf]) -> Result<Vec<Task>, Vec<String>> {
    let mut tasks = Vec::with_capacity(paths.len());
    let mut problems = Vec::new();
    let mut stdin_seen = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if stdin_seen {
                problems.push("-: standard input can be read only once".to_owned());
            } else if io::stdin().is_terminal() {
                problems.push(
                    "-: standard input is a terminal; pipe or redirect the text into it \
                     (wire2json - < article.txt)"
                        .to_owned(),
                );
            }
            stdin_seen = true;
            tasks.push(Task::Stdin);
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => match fs::read_dir(path) {
                Ok(_) => tasks.push(Task::Dir(path.clone())),
                Err(e) => problems.push(format!("{}: cannot list directory: {e}", path.display())),
            },
            Ok(meta) if is_socket(&meta) => {
                problems.push(format!("{}: a socket, not a file", path.display()));
            }
            Ok(meta) => match meta.is_file().then(|| File::open(path)) {
                Some(Err(e)) => problems.push(format!("{}: {e}", path.display())),
                _ => tasks.push(Task::File(
                    path.clone(),
                    meta.is_file().then_some(meta.len()),
                )),
            },
            Err(e) => problems.push(format!("{}: {e}", path.display())),
        }
    }
    if problems.is_empty() {
        Ok(tasks)
    } else {
        Err(problems)
    }
}

/// Whether `meta` is a Unix socket's, which cannot be read as a file.
#[cfg(unix)]
fn is_socket(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_socket()
}

#[cfg(not(unix))]
fn is_socket(_: &fs::Metadata) -> bool {
    false
}

/// What a directory entry is, without following symbolic links.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Dir,
    /// A regular file, with its number if it was offered to the early task.
    File(Option<u32>),
    Symlink,
    Other,
}

/// A depth-first walk of a directory that yields its files in sorted order
/// (by name at each level), skipping entries whose name starts with `.`.
///
/// Symbolic links to files are read; links to directories are not followed
/// (no loops); sockets, FIFOs and devices inside a directory are skipped.
/// Memory holds one sorted listing per directory level, not the whole tree.
pub struct Walk {
    stack: Vec<std::vec::IntoIter<(PathBuf, Kind)>>,
}

impl Walk {
    pub fn new(root: &Path) -> Walk {
        Walk {
            stack: vec![vec![(root.to_path_buf(), Kind::Dir)].into_iter()],
        }
    }

    /// Lists a directory, sorted, offering its regular files to `early`
    /// as they are found.
    fn list(dir: &Path, mut early: Option<&mut Early>) -> io::Result<Vec<(PathBuf, Kind)>> {
        let mut entries = Vec::new();
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            let name = path.file_name().unwrap_or_default();
            if name.as_encoded_bytes().first() == Some(&b'.') {
                continue;
            }
            let t = entry.file_type()?;
            let kind = if t.is_dir() {
                Kind::Dir
            } else if t.is_file() {
                Kind::File(early.as_mut().and_then(|early| early.offer(&path)))
            } else if t.is_symlink() {
                Kind::Symlink
            } else {
                Kind::Other
            };
            entries.push((path, kind));
        }
        if let Some(early) = early {
            early.hand_over();
        }
        // Same parent: comparing the paths' bytes compares the names, as
        // comparing their components would, only faster.
        entries.sort_unstable_by(|a, b| {
            let (a, b) = (a.0.as_os_str(), b.0.as_os_str());
            a.as_encoded_bytes().cmp(b.as_encoded_bytes())
        });
        Ok(entries)
    }
}

impl Walk {
    /// The next file, offering the files of the directories it lists to
    /// `early` (see [`Iterator::next`]).
    fn next_offering(&mut self, mut early: Option<&mut Early>) -> Option<WalkItem> {
        loop {
            let top = self.stack.last_mut()?;
            let Some((path, kind)) = top.next() else {
                self.stack.pop();
                continue;
            };
            match kind {
                Kind::Dir => match Walk::list(&path, early.as_deref_mut()) {
                    Ok(entries) => self.stack.push(entries.into_iter()),
                    Err(e) => {
                        return Some(Err(format!(
                            "{}: cannot list directory: {e}",
                            path.display()
                        )));
                    }
                },
                Kind::File(number) => return Some(Ok((path, None, number))),
                Kind::Symlink => match fs::metadata(&path) {
                    Ok(meta) if meta.is_file() => return Some(Ok((path, Some(meta.len()), None))),
                    Ok(_) => {}
                    Err(e) => {
                        let path = path.display();
                        return Some(Err(format!("{path}: cannot follow symbolic link: {e}")));
                    }
                },
                Kind::Other => {}
            }
        }
    }
}

/// A file found in a walk (its path, its size if the walk had to find it
/// out, a symbolic link followed, and its number if it was offered to the
/// early task), or a message naming a path that could not be listed or
/// followed.
type WalkItem = Result<(PathBuf, Option<u64>, Option<u32>), String>;

impl Iterator for Walk {
    type Item = WalkItem;

    fn next(&mut self) -> Option<WalkItem> {
        self.next_offering(None)
    }
}

/// Files handed over to the early task at a time: few enough that it can
/// start soon after a listing does, enough that handing over costs little.
const EARLY_HANDOVER: usize = 32;

/// Offers files to the early task (`work::early`) while the main thread
/// lists the directories for the first batch: each file offered gets a
/// number, in order, and goes to the task in a list of a few. The task
/// processes them in that order until it is told to stop, and its records
/// are used for the files it got to.
pub struct Early {
    to_task: Sender<Vec<(u32, PathBuf)>>,
    offered: Vec<(u32, PathBuf)>,
    next: u32,
    /// The most files offered.
    most: u32,
}

impl Early {
    pub fn new(to_task: Sender<Vec<(u32, PathBuf)>>, most: u32) -> Early {
        Early {
            to_task,
            offered: Vec::with_capacity(EARLY_HANDOVER),
            next: 0,
            most,
        }
    }

    /// Offers a file: its number, unless enough were offered.
    fn offer(&mut self, path: &Path) -> Option<u32> {
        if self.next >= self.most {
            return None;
        }
        let number = self.next;
        self.next += 1;
        self.offered.push((number, path.to_path_buf()));
        if self.offered.len() >= EARLY_HANDOVER {
            self.hand_over();
        }
        Some(number)
    }

    /// Hands the files offered over to the task. Once it has stopped (its
    /// end of the channel is gone), no more are offered.
    fn hand_over(&mut self) {
        if self.offered.is_empty() {
            return;
        }
        let files = std::mem::replace(&mut self.offered, Vec::with_capacity(EARLY_HANDOVER));
        if self.to_task.send(files).is_err() {
            self.most = 0;
        }
    }
}

/// Counts the files and their bytes, for the progress bar.
pub fn count(tasks: &[Task]) -> (u64, u64) {
    let (mut files, mut bytes) = (0, 0);
    for task in tasks {
        match task {
            Task::Bundled(_, data) => {
                files += 1;
                bytes += data.len() as u64;
            }
            Task::Stdin => files += 1,
            Task::File(path, size) => {
                files += 1;
                bytes += size.unwrap_or_else(|| fs::metadata(path).map_or(0, |m| m.len()));
            }
            Task::Dir(dir) => {
                for (path, size, _) in Walk::new(dir).flatten() {
                    files += 1;
                    bytes += size.unwrap_or_else(|| fs::metadata(path).map_or(0, |m| m.len()));
                }
            }
        }
    }
    (files, bytes)
}

/// Batch limits and the parser's size limit.
#[derive(Clone, Copy)]
pub struct Limits {
    pub max_size: usize,
    pub batch_items: usize,
    pub batch_bytes: usize,
}

/// A run of inputs, in order: files to read, texts and JSON lines already
/// read (in [`Batch::data`]), and messages about paths that cannot be read.
#[derive(Default)]
pub struct Batch {
    /// The texts and JSON lines read on the main thread, one after the other.
    pub data: Vec<u8>,
    /// The sources of the items in `data`, one after the other.
    names: String,
    pub items: Vec<Item>,
    /// Bytes of input consumed on the main thread (stdin, JSON Lines read,
    /// the sample), for progress. Files add theirs when a worker reads them.
    pub read_bytes: u64,
    /// Input bytes in the batch, counted against the batch limit.
    bytes: u64,
}

pub enum Item {
    /// A file, read by the worker: its path (the source is the path as
    /// given, lossily as UTF-8) and its size if known.
    File { path: PathBuf, size: Option<u64> },
    /// A regular file found in a walk: its path and a guess of its size
    /// (the mean of the files of the batch last written). The worker that
    /// reads it learns the size from the open file. `early` is its number
    /// if it was offered to the early task, which may have processed it.
    Found {
        path: PathBuf,
        guess: u64,
        early: Option<u32>,
    },
    /// A whole article in [`Batch::data`] (stdin, the sample).
    Text {
        name: Range<usize>,
        text: Range<usize>,
    },
    /// A JSON line in [`Batch::data`] (blank lines and the BOM left out);
    /// the worker extracts the field.
    Line {
        name: Range<usize>,
        line: Range<usize>,
    },
    /// Standard input over the size limit: `TooLarge`, not kept.
    Failed {
        name: Range<usize>,
        error: wirecopy::Error,
    },
    /// A path that could not be listed, followed or read: the message.
    Unreadable(String),
}

impl Item {
    /// Roughly the bytes that processing this item reads or parses.
    pub fn bytes(&self, limits: &Limits) -> u64 {
        match self {
            Item::File { size, .. } => match *size {
                Some(size) if size > limits.max_size as u64 => 0, // not read
                Some(size) => size,
                // Not a regular file (a FIFO named on the command line), or
                // its size is unknown: count it as a batch of its own.
                None => limits.batch_bytes as u64,
            },
            Item::Found { guess, .. } => *guess,
            Item::Text { text: range, .. } | Item::Line { line: range, .. } => range.len() as u64,
            Item::Failed { .. } | Item::Unreadable(_) => 0,
        }
    }
}

impl Batch {
    pub fn name(&self, range: &Range<usize>) -> &str {
        &self.names[range.clone()]
    }

    pub fn clear(&mut self) {
        self.data.clear();
        self.names.clear();
        self.items.clear();
        self.read_bytes = 0;
        self.bytes = 0;
    }

    fn add_name(&mut self, name: impl std::fmt::Display) -> Range<usize> {
        let start = self.names.len();
        let _ = write!(self.names, "{name}");
        start..self.names.len()
    }

    fn push(&mut self, item: Item, limits: &Limits) {
        self.bytes += item.bytes(limits);
        self.items.push(item);
    }

    fn is_full(&self, limits: &Limits) -> bool {
        self.items.len() >= limits.batch_items || self.bytes >= limits.batch_bytes as u64
    }
}

/// What the bytes read from an input turned out to be.
pub enum Loaded {
    /// The text, appended to the buffer: its range there.
    Text(Range<usize>),
    /// Over the size limit (nothing appended): the input's size.
    TooLarge(u64),
}

/// Opens a file, with its size: `size` if known, else what the open file
/// says when it is a regular file (`None` for a FIFO or a device).
pub fn open_file(path: &Path, size: Option<u64>) -> io::Result<(File, Option<u64>)> {
    let file = File::open(path)?;
    let size = match size {
        Some(size) => Some(size),
        None => file
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len()),
    };
    Ok((file, size))
}

/// How many bytes past the size limit a stream of unknown size (stdin, a
/// FIFO, a device) is read, unkept, to learn its size for the `TooLarge`
/// record. An endless one (`/dev/zero`) stops there, and the size given is
/// the bytes read.
const SIZE_PROBE: u64 = 1 << 30;

/// Appends a whole input to `buf`. An input over the size limit is not
/// kept; a regular file of known `size` is not even read (its size says
/// enough). On an error nothing is appended.
pub fn read_limited(
    mut r: impl Read,
    size: Option<u64>,
    limit: usize,
    buf: &mut Vec<u8>,
) -> io::Result<Loaded> {
    if let Some(size) = size.filter(|&s| s > limit as u64) {
        return Ok(Loaded::TooLarge(size));
    }
    let start = buf.len();
    if let Some(size) = size {
        buf.reserve(size as usize + 1);
    }
    // One byte past the limit tells an input over it; `usize::MAX` is no limit.
    match (&mut r)
        .take((limit as u64).saturating_add(1))
        .read_to_end(buf)
    {
        Ok(n) if n > limit => {
            buf.truncate(start);
            let rest = io::copy(&mut r.take(SIZE_PROBE), &mut io::sink())?;
            Ok(Loaded::TooLarge(n as u64 + rest))
        }
        Ok(n) => Ok(Loaded::Text(start..start + n)),
        Err(e) => {
            buf.truncate(start);
            Err(e)
        }
    }
}

/// A JSON Lines input being read, which may span batches.
struct Lines {
    name: String,
    reader: BufReader<Box<dyn Read>>,
    number: u64,
}

/// Turns the tasks into batches, in order, on the main thread.
pub struct Reader {
    tasks: VecDeque<Task>,
    /// The directory being walked, if any.
    walk: Option<Walk>,
    /// The JSON Lines being read, if any (inside the walk, if there is one).
    lines: Option<Lines>,
    /// The size guessed for each file found in a walk (see
    /// [`Reader::observe`]).
    guess: u64,
    /// Where the files of the directories listed are offered, until the
    /// first batch is filled (see [`Reader::offer_early`]).
    early: Option<Early>,
    jsonl_field: bool,
    limits: Limits,
}

/// The size guessed for the files of a walk before any has been read, ten
/// times a news article: the first batches hold 64 files rather than
/// hundreds, and start the workers soon.
const FIRST_GUESS: u64 = 64 << 10;

impl Reader {
    pub fn new(tasks: Vec<Task>, jsonl_field: bool, limits: Limits) -> Reader {
        Reader {
            tasks: tasks.into(),
            walk: None,
            lines: None,
            guess: FIRST_GUESS,
            early: None,
            jsonl_field,
            limits,
        }
    }

    /// Learns from the files of the batch last written (`bytes` in
    /// `files`) the size to guess for the files a walk finds next: their
    /// mean. The last batch, not the whole run, so that a run of larger
    /// files soon gets batches of their own size.
    pub fn observe(&mut self, files: u64, bytes: u64) {
        if let Some(mean) = bytes.checked_div(files) {
            self.guess = mean.max(1);
        }
    }

    /// Offers the regular files of the directories that the walks list to
    /// `early` from now on, until [`Reader::end_early`].
    pub fn offer_early(&mut self, early: Early) {
        self.early = Some(early);
    }

    /// Hands over the files offered but not yet handed over, and offers no
    /// more: the early task sees the end of its list.
    pub fn end_early(&mut self) {
        if let Some(mut early) = self.early.take() {
            early.hand_over();
        }
    }

    /// Empties `batch` and fills it with the next inputs, up to the batch
    /// limits; it stays empty when there are none left.
    ///
    /// A file found in a walk counts against the byte limit with the size
    /// guessed for it: its size is learnt only when a worker opens it (see
    /// `work::Budget`, which keeps a chunk near the bytes it was planned
    /// for).
    pub fn fill(&mut self, batch: &mut Batch) {
        batch.clear();
        while !batch.is_full(&self.limits) {
            if let Some(lines) = &mut self.lines {
                if !read_line(lines, batch, &self.limits) {
                    self.lines = None;
                }
            } else if let Some(walk) = &mut self.walk {
                match walk.next_offering(self.early.as_mut()) {
                    Some(Ok((path, None, early))) if !self.jsonl_field => {
                        let guess = self.guess;
                        let item = Item::Found { path, guess, early };
                        batch.push(item, &self.limits);
                    }
                    Some(Ok((path, size, _))) => self.file(path, size, batch),
                    Some(Err(message)) => batch.push(Item::Unreadable(message), &self.limits),
                    None => self.walk = None,
                }
            } else {
                match self.tasks.pop_front() {
                    Some(task) => self.start(task, batch),
                    None => break,
                }
            }
        }
    }

    fn start(&mut self, task: Task, batch: &mut Batch) {
        match task {
            Task::Bundled(name, data) => {
                let start = batch.data.len();
                batch.data.extend_from_slice(data);
                batch.read_bytes += data.len() as u64;
                let item = Item::Text {
                    name: batch.add_name(name),
                    text: start..batch.data.len(),
                };
                batch.push(item, &self.limits);
            }
            Task::Stdin if self.jsonl_field => {
                self.lines = Some(Lines {
                    name: "-".to_owned(),
                    reader: BufReader::with_capacity(1 << 16, Box::new(io::stdin().lock())),
                    number: 0,
                });
            }
            Task::Stdin => {
                let stdin = io::stdin().lock();
                let max_size = self.limits.max_size;
                let item = match read_limited(stdin, None, max_size, &mut batch.data) {
                    Ok(Loaded::Text(text)) => {
                        batch.read_bytes += text.len() as u64;
                        Item::Text {
                            name: batch.add_name("-"),
                            text,
                        }
                    }
                    Ok(Loaded::TooLarge(size)) => {
                        batch.read_bytes += size;
                        let size = usize::try_from(size).unwrap_or(usize::MAX);
                        Item::Failed {
                            name: batch.add_name("-"),
                            error: wirecopy::Error::too_large(size, max_size),
                        }
                    }
                    Err(e) => Item::Unreadable(format!("-: {e}")),
                };
                batch.push(item, &self.limits);
            }
            Task::File(path, size) => self.file(path, size, batch),
            Task::Dir(dir) => self.walk = Some(Walk::new(&dir)),
        }
    }

    /// A file to be read by a worker, or JSON Lines to read from here on.
    fn file(&mut self, path: PathBuf, size: Option<u64>, batch: &mut Batch) {
        if !self.jsonl_field {
            batch.push(Item::File { path, size }, &self.limits);
            return;
        }
        let name = path.to_string_lossy().into_owned();
        match File::open(&path) {
            Ok(file) => {
                self.lines = Some(Lines {
                    name,
                    reader: BufReader::with_capacity(1 << 16, Box::new(file)),
                    number: 0,
                });
            }
            Err(e) => batch.push(Item::Unreadable(format!("{name}: {e}")), &self.limits),
        }
    }
}

/// The longest JSON line that is read whole, without its line end: the
/// article's text, at most `max_size` bytes, takes at most six bytes per
/// byte escaped (`\u0001`), and the rest of the line gets 1 MiB.
fn line_limit(limits: &Limits) -> u64 {
    (limits.max_size as u64)
        .saturating_mul(6)
        .saturating_add(1 << 20)
}

/// Reads one line of JSON Lines into the batch: an item unless it is blank.
/// A line over [`line_limit`] is not kept: it gives `TooLarge`. Returns
/// false at the end of the input (or on a read error, reported).
fn read_line(lines: &mut Lines, batch: &mut Batch, limits: &Limits) -> bool {
    let start = batch.data.len();
    let limit = line_limit(limits);
    let read = (&mut lines.reader)
        .take(limit.saturating_add(1))
        .read_until(b'\n', &mut batch.data);
    let n = match read {
        Ok(0) => return false,
        Ok(n) => n,
        Err(e) => {
            batch.data.truncate(start);
            let message = format!("{}: {e}", lines.name);
            batch.push(Item::Unreadable(message), limits);
            return false;
        }
    };
    lines.number += 1;
    batch.read_bytes += n as u64;
    if n as u64 > limit && batch.data.last() != Some(&b'\n') {
        batch.data.truncate(start);
        return too_long_line(lines, batch, limits, n as u64, limit);
    }
    let mut text = start;
    if lines.number == 1 && batch.data[start..].starts_with(b"\xEF\xBB\xBF") {
        text += 3;
    }
    if batch.data[text..]
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    {
        batch.data.truncate(start);
        return true;
    }
    let item = Item::Line {
        name: batch.add_name(format_args!("{}:{}", lines.name, lines.number)),
        line: text..batch.data.len(),
    };
    batch.push(item, limits);
    true
}

/// A JSON line over `limit` whose first `read` bytes were read: the rest is
/// read past without being kept, and the line gives `TooLarge`. A line with
/// no end within [`SIZE_PROBE`] more bytes ends the input: what follows is
/// not read, and a message says so. Returns whether the input goes on.
fn too_long_line(
    lines: &mut Lines,
    batch: &mut Batch,
    limits: &Limits,
    read: u64,
    limit: u64,
) -> bool {
    let name = batch.add_name(format_args!("{}:{}", lines.name, lines.number));
    let skipped = skip_line(&mut lines.reader);
    let rest = skipped.as_ref().map_or(0, |&(rest, _)| rest);
    batch.read_bytes += rest;
    let size = usize::try_from(read + rest).unwrap_or(usize::MAX);
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let error = wirecopy::Error::too_large(size, limit);
    batch.push(Item::Failed { name, error }, limits);
    let message = match skipped {
        Ok((_, true)) => return true,
        Ok((_, false)) => format!(
            "{}: line {} has no end within {} bytes; the rest is not read",
            lines.name,
            lines.number,
            read + rest
        ),
        Err(e) => format!("{}: {e}", lines.name),
    };
    batch.push(Item::Unreadable(message), limits);
    false
}

/// Reads past the rest of a line, up to [`SIZE_PROBE`] bytes, keeping
/// nothing: the bytes read, and whether the line (or the input) ended.
fn skip_line(r: &mut impl BufRead) -> io::Result<(u64, bool)> {
    let mut skipped = 0;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok((skipped, true));
        }
        if let Some(i) = memchr::memchr(b'\n', buf) {
            r.consume(i + 1);
            return Ok((skipped + i as u64 + 1, true));
        }
        let len = buf.len();
        r.consume(len);
        skipped += len as u64;
        if skipped >= SIZE_PROBE {
            return Ok((skipped, false));
        }
    }
}

/// Appends the text of `field` of the JSON object `line` to `out` and
/// returns its range there. The text is unescaped; other fields are skipped
/// without being stored. If the field appears twice, the last one counts.
pub fn extract_field(
    line: &[u8],
    field: &str,
    out: &mut Vec<u8>,
) -> Result<Range<usize>, InputError> {
    // Without its terminator, so that a line cut short is an error at its
    // end, not at the start of a next line.
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let start = out.len();
    let mut de = serde_json::Deserializer::from_slice(line);
    let found = ObjectSeed {
        field,
        out: &mut *out,
    }
    .deserialize(&mut de)
    .and_then(|found| de.end().map(|()| found));
    let found = match found {
        Ok(found) => found,
        Err(e) => {
            out.truncate(start);
            return Err(json_error(line, &e));
        }
    };
    match found {
        Found::Text(range) => Ok(range),
        Found::Missing => {
            out.truncate(start);
            Err(InputError {
                kind: "MissingField",
                position: Position::START,
                message: format!("the JSON object has no {field:?} field"),
            })
        }
        Found::NotString(what) => {
            out.truncate(start);
            Err(InputError {
                kind: "InvalidField",
                position: Position::START,
                message: format!("the {field:?} field is {what}, not a string"),
            })
        }
    }
}

/// An `InvalidJson` error at the position serde_json names (a byte column
/// in the line, given here as offset, line 1 and a column in characters).
fn json_error(line: &[u8], e: &serde_json::Error) -> InputError {
    let offset = e.column().saturating_sub(1);
    let position = Position::locate(line, offset);
    let text = e.to_string();
    // serde_json appends " at line L column C"; name the position our way.
    let what = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    let message = match e.classify() {
        serde_json::error::Category::Data => format!("{what} at {position}"),
        _ => format!("invalid JSON: {what} at {position}"),
    };
    InputError {
        kind: "InvalidJson",
        position,
        message,
    }
}

enum Found {
    Text(Range<usize>),
    Missing,
    NotString(&'static str),
}

/// Visits the top-level object, keeping only `field`.
struct ObjectSeed<'f, 'o> {
    field: &'f str,
    out: &'o mut Vec<u8>,
}

impl<'de> DeserializeSeed<'de> for ObjectSeed<'_, '_> {
    type Value = Found;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Found, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ObjectSeed<'_, '_> {
    type Value = Found;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
        let start = self.out.len();
        let mut found = Found::Missing;
        while let Some(ours) = map.next_key_seed(KeyIs(self.field))? {
            if ours {
                self.out.truncate(start);
                found = map.next_value_seed(TextSeed(&mut *self.out))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// Deserializes a key to whether it is the field we want.
struct KeyIs<'f>(&'f str);

impl<'de> DeserializeSeed<'de> for KeyIs<'_> {
    type Value = bool;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIs<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        Ok(key == self.0)
    }
}

/// Appends a string value to the buffer; any other value is skipped and named.
struct TextSeed<'o>(&'o mut Vec<u8>);

impl<'de> DeserializeSeed<'de> for TextSeed<'_> {
    type Value = Found;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Found, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TextSeed<'_> {
    type Value = Found;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Found, E> {
        let start = self.0.len();
        self.0.extend_from_slice(text.as_bytes());
        Ok(Found::Text(start..self.0.len()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Found, E> {
        Ok(Found::NotString("null"))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Found, E> {
        Ok(Found::NotString("a boolean"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Found, E> {
        Ok(Found::NotString("a number"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Found, E> {
        Ok(Found::NotString("a number"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Found, E> {
        Ok(Found::NotString("a number"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Found, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Found::NotString("an array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Found::NotString("an object"))
    }
}
