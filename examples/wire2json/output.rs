//! Records (SPEC section 4 with `"source"` first) and their encodings.

use std::io;

use serde::Serialize;
use serde::ser::SerializeStruct;
use serde_json::Serializer;
use serde_json::ser::{Formatter, PrettyFormatter};
use wirecopy::{Article, Position};

/// How records are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// One compact record per line.
    Lines,
    /// `,\n  {pretty record}`: an element of a pretty array (the caller
    /// writes the brackets and drops the first comma).
    ArrayElement,
    /// One pretty record (the bundled sample).
    Pretty,
}

/// A JSON Lines problem: `InvalidJson`, `MissingField` or `InvalidField`.
/// The position is in the JSON line (line 1, column in characters).
#[derive(Debug)]
pub struct InputError {
    pub kind: &'static str,
    pub position: Position,
    pub message: String,
}

/// The outcome for one input, as written: an article or an error object.
#[derive(Clone, Copy)]
pub enum Outcome<'r, 'a> {
    Article(&'r Article<'a>),
    Error(ErrorObject<'r>),
}

/// The `error` object: `{"kind", "offset", "line", "column", "message"}`.
#[derive(Clone, Copy)]
pub enum ErrorObject<'a> {
    /// An error of the library's kinds.
    Library(&'a wirecopy::Error),
    /// A JSON Lines problem.
    Input(&'a InputError),
}

impl Serialize for ErrorObject<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ErrorObject::Library(e) => e.serialize(serializer),
            ErrorObject::Input(e) => {
                let mut s = serializer.serialize_struct("Error", 5)?;
                s.serialize_field("kind", e.kind)?;
                s.serialize_field("offset", &e.position.offset)?;
                s.serialize_field("line", &e.position.line)?;
                s.serialize_field("column", &e.position.column)?;
                s.serialize_field("message", &e.message)?;
                s.end()
            }
        }
    }
}

/// A whole record, for the pretty encodings.
#[derive(Serialize)]
#[serde(untagged)]
enum Record<'r, 'a> {
    Article {
        source: &'r str,
        #[serde(flatten)]
        article: &'r Article<'a>,
    },
    Error {
        source: &'r str,
        error: ErrorObject<'r>,
    },
}

/// Appends `value` to `buf` as compact JSON. `sonic-rs` writes the bytes
/// that `serde_json::to_writer` writes (the same escapes; a test compares
/// the two on every fixture), but finds the bytes to escape 16 at a time,
/// where `serde_json` reads the text a byte at a time: the paragraphs'
/// escaping was the largest part of a JSON Lines run after reading.
fn compact<T: Serialize + ?Sized>(buf: &mut Vec<u8>, value: &T) -> serde_json::Result<()> {
    sonic_rs::to_writer(&mut *buf, value).map_err(|e| serde_json::Error::io(io::Error::other(e)))
}

/// Appends the record for `source` to `buf`.
pub fn encode(
    buf: &mut Vec<u8>,
    source: &str,
    outcome: Outcome<'_, '_>,
    encoding: Encoding,
) -> serde_json::Result<()> {
    match encoding {
        Encoding::Lines => {
            // `{"source":"…"` then the article's own object with its `{`
            // turned into `,`: no intermediate value or string.
            buf.extend_from_slice(b"{\"source\":");
            compact(buf, source)?;
            match outcome {
                Outcome::Article(article) => {
                    let start = buf.len();
                    compact(buf, article)?;
                    if buf.get(start) == Some(&b'{') && buf.get(start + 1) != Some(&b'}') {
                        buf[start] = b',';
                    } else {
                        // Not reachable for SPEC's object; stay valid JSON anyway.
                        buf.truncate(start);
                        buf.extend_from_slice(b",\"article\":");
                        compact(buf, article)?;
                        buf.push(b'}');
                    }
                }
                Outcome::Error(error) => {
                    buf.extend_from_slice(b",\"error\":");
                    compact(buf, &error)?;
                    buf.push(b'}');
                }
            }
            buf.push(b'\n');
        }
        Encoding::ArrayElement | Encoding::Pretty => {
            let record = match outcome {
                Outcome::Article(article) => Record::Article { source, article },
                Outcome::Error(error) => Record::Error { source, error },
            };
            if encoding == Encoding::Pretty {
                serde_json::to_writer_pretty(&mut *buf, &record)?;
                buf.push(b'\n');
            } else {
                // The record one level in, as inside the array: a pretty
                // formatter that has opened the array writes it straight
                // into `buf`, with no intermediate.
                let mut formatter = PrettyFormatter::new();
                formatter
                    .begin_array(&mut io::sink())
                    .map_err(serde_json::Error::io)?;
                buf.extend_from_slice(b",\n  ");
                record.serialize(&mut Serializer::with_formatter(&mut *buf, formatter))?;
            }
        }
    }
    Ok(())
}
