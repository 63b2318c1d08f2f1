//! Finding and reading the inputs: paths, directory walks, stdin, JSON Lines,
//! all cut into bounded batches on a reading thread.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender};

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use wirecopy::Position;

use crate::output::InputError;

/// One thing named on the command line, checked.
pub enum Task {
    /// The bundled sample article: its `"source"` and its bytes.
    Bundled(&'static str, &'static [u8]),
    /// Standard input (`-`).
    Stdin,
    /// A file (or anything else that is not a directory), read as given.
    File(PathBuf),
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
            Ok(meta) => match meta.is_file().then(|| File::open(path)) {
                Some(Err(e)) => problems.push(format!("{}: {e}", path.display())),
                _ => tasks.push(Task::File(path.clone())),
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

/// What a directory entry is, without following symbolic links.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Dir,
    File,
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

    fn list(dir: &Path) -> io::Result<Vec<(PathBuf, Kind)>> {
        let mut entries = Vec::new();
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            if entry.file_name().as_encoded_bytes().first() == Some(&b'.') {
                continue;
            }
            let t = entry.file_type()?;
            let kind = if t.is_dir() {
                Kind::Dir
            } else if t.is_file() {
                Kind::File
            } else if t.is_symlink() {
                Kind::Symlink
            } else {
                Kind::Other
            };
            entries.push((entry.path(), kind));
        }
        // Same parent: comparing paths compares the names.
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Ok(entries)
    }
}

impl Iterator for Walk {
    /// A file to read, or a message naming a path that could not be listed
    /// or followed.
    type Item = Result<PathBuf, String>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let top = self.stack.last_mut()?;
            let Some((path, kind)) = top.next() else {
                self.stack.pop();
                continue;
            };
            match kind {
                Kind::Dir => match Walk::list(&path) {
                    Ok(entries) => self.stack.push(entries.into_iter()),
                    Err(e) => {
                        return Some(Err(format!(
                            "{}: cannot list directory: {e}",
                            path.display()
                        )));
                    }
                },
                Kind::File => return Some(Ok(path)),
                Kind::Symlink => match fs::metadata(&path) {
                    Ok(meta) if meta.is_file() => return Some(Ok(path)),
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

/// Counts the files and their bytes, for the progress bar.
pub fn count(tasks: &[Task]) -> (u64, u64) {
    let size = |path: &Path| fs::metadata(path).map_or(0, |m| m.len());
    let (mut files, mut bytes) = (0, 0);
    for task in tasks {
        match task {
            Task::Bundled(_, data) => {
                files += 1;
                bytes += data.len() as u64;
            }
            Task::Stdin => files += 1,
            Task::File(path) => {
                files += 1;
                bytes += size(path);
            }
            Task::Dir(dir) => {
                for path in Walk::new(dir).flatten() {
                    files += 1;
                    bytes += size(&path);
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

/// A run of inputs, in order, with their bytes in one buffer.
#[derive(Default)]
pub struct Batch {
    /// The article texts, one after the other.
    pub data: Vec<u8>,
    /// The sources, one after the other.
    names: String,
    pub items: Vec<Item>,
    /// Paths that could not be read, as messages naming them.
    pub problems: Vec<String>,
    /// Bytes of article text in `data` (what the parser is given).
    pub text_bytes: u64,
    /// Bytes of input consumed (file sizes, or JSON Lines read), for progress.
    pub progress_bytes: u64,
}

pub struct Item {
    name: Range<usize>,
    pub input: Input,
}

pub enum Input {
    /// The article text: a range of [`Batch::data`].
    Text(Range<usize>),
    /// The input failed before parsing (too large, or a bad JSON line).
    Failed(Failure),
}

/// Why an input failed before the parser saw it.
pub enum Failure {
    /// An error of the library's kinds (`TooLarge`, found from the file size).
    Parse(wirecopy::Error),
    /// A JSON Lines problem.
    Input(InputError),
}

impl Batch {
    pub fn name(&self, item: &Item) -> &str {
        &self.names[item.name.clone()]
    }

    fn clear(&mut self) {
        self.data.clear();
        self.names.clear();
        self.items.clear();
        self.problems.clear();
        self.text_bytes = 0;
        self.progress_bytes = 0;
    }

    fn push(&mut self, name: impl std::fmt::Display, input: Input) {
        let start = self.names.len();
        let _ = write!(self.names, "{name}");
        if let Input::Text(range) = &input {
            self.text_bytes += range.len() as u64;
        }
        self.items.push(Item {
            name: start..self.names.len(),
            input,
        });
    }
}

/// The reading thread's state.
struct Reader {
    jsonl_field: Option<String>,
    limits: Limits,
    full: SyncSender<Batch>,
    empty: Receiver<Batch>,
    batch: Batch,
}

/// The receiving side hung up: stop reading.
struct Stop;

/// Reads every task in order and sends the batches; ends when done or when
/// the receiver is gone.
pub fn read_all(
    tasks: Vec<Task>,
    jsonl_field: Option<String>,
    limits: Limits,
    full: SyncSender<Batch>,
    empty: Receiver<Batch>,
) {
    let mut reader = Reader {
        jsonl_field,
        limits,
        full,
        empty,
        batch: Batch::default(),
    };
    let _ = reader.run(tasks);
}

impl Reader {
    fn run(&mut self, tasks: Vec<Task>) -> Result<(), Stop> {
        for task in tasks {
            match task {
                Task::Bundled(name, data) => {
                    let start = self.batch.data.len();
                    self.batch.data.extend_from_slice(data);
                    self.batch.progress_bytes += data.len() as u64;
                    self.batch
                        .push(name, Input::Text(start..self.batch.data.len()));
                    self.flush_if_full()?;
                }
                Task::Stdin => {
                    let stdin = io::stdin();
                    self.read_source("-", stdin.lock(), None)?;
                }
                Task::File(path) => self.read_file(&path)?,
                Task::Dir(dir) => {
                    for entry in Walk::new(&dir) {
                        match entry {
                            Ok(path) => self.read_file(&path)?,
                            Err(message) => self.batch.problems.push(message),
                        }
                    }
                }
            }
        }
        if !self.batch.items.is_empty() || !self.batch.problems.is_empty() {
            self.send()?;
        }
        Ok(())
    }

    fn problem(&mut self, name: &dyn std::fmt::Display, e: &io::Error) {
        self.batch.problems.push(format!("{name}: {e}"));
    }

    fn read_file(&mut self, path: &Path) -> Result<(), Stop> {
        let name = path.to_string_lossy();
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) => {
                self.problem(&name, &e);
                return Ok(());
            }
        };
        let size = file
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .map(|m| m.len());
        self.read_source(&name, file, size)
    }

    /// Reads one source: a whole article, or JSON Lines.
    fn read_source(&mut self, name: &str, r: impl Read, size: Option<u64>) -> Result<(), Stop> {
        match self.jsonl_field.take() {
            Some(field) => {
                let result = self.read_jsonl(name, r, &field);
                self.jsonl_field = Some(field);
                result
            }
            None => {
                self.read_article(name, r, size);
                self.flush_if_full()
            }
        }
    }

    /// Reads a whole article into the batch. An input over the size limit is
    /// not kept: a regular file is not even read (its size says enough).
    fn read_article(&mut self, name: &str, mut r: impl Read, size: Option<u64>) {
        let limit = self.limits.max_size;
        let too_large = |size: u64| {
            Input::Failed(Failure::Parse(wirecopy::Error::too_large(
                usize::try_from(size).unwrap_or(usize::MAX),
                limit,
            )))
        };
        if let Some(size) = size.filter(|&s| s > limit as u64) {
            self.batch.progress_bytes += size;
            self.batch.push(name, too_large(size));
            return;
        }
        let data = &mut self.batch.data;
        let start = data.len();
        if let Some(size) = size {
            data.reserve(size as usize + 1);
        }
        let read = (&mut r).take(limit as u64 + 1).read_to_end(data);
        match read {
            Ok(n) if n > limit => {
                data.truncate(start);
                match io::copy(&mut r, &mut io::sink()) {
                    Ok(rest) => {
                        let size = n as u64 + rest;
                        self.batch.progress_bytes += size;
                        self.batch.push(name, too_large(size));
                    }
                    Err(e) => self.problem(&name, &e),
                }
            }
            Ok(n) => {
                self.batch.progress_bytes += n as u64;
                self.batch.push(name, Input::Text(start..start + n));
            }
            Err(e) => {
                data.truncate(start);
                self.problem(&name, &e);
            }
        }
    }

    /// Reads JSON Lines: each non-blank line is an object whose `field`
    /// holds one article; its source is `name:LINE`.
    fn read_jsonl(&mut self, name: &str, r: impl Read, field: &str) -> Result<(), Stop> {
        let mut r = BufReader::with_capacity(1 << 16, r);
        let mut line = Vec::new();
        let mut number = 0u64;
        loop {
            line.clear();
            let n = match r.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    self.problem(&name, &e);
                    break;
                }
            };
            number += 1;
            self.batch.progress_bytes += n as u64;
            let mut text = &line[..];
            if number == 1 {
                text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
            }
            if text
                .iter()
                .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            {
                continue;
            }
            let input = match extract_field(text, field, &mut self.batch.data) {
                Ok(range) => Input::Text(range),
                Err(e) => Input::Failed(Failure::Input(e)),
            };
            self.batch.push(format_args!("{name}:{number}"), input);
            self.flush_if_full()?;
        }
        Ok(())
    }

    fn flush_if_full(&mut self) -> Result<(), Stop> {
        if self.batch.items.len() >= self.limits.batch_items
            || self.batch.data.len() >= self.limits.batch_bytes
        {
            self.send()?;
        }
        Ok(())
    }

    fn send(&mut self) -> Result<(), Stop> {
        let mut next = self.empty.try_recv().unwrap_or_default();
        next.clear();
        let full = std::mem::replace(&mut self.batch, next);
        self.full.send(full).map_err(|_| Stop)
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
