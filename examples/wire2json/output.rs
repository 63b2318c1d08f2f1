//! Records (SPEC section 4 with `"source"` first) and their encodings.

use serde::Serialize;
use serde::ser::SerializeStruct;
use wirecopy::{Article, Position};

use crate::input::Failure;

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

/// The outcome for one input.
#[allow(clippy::large_enum_variant)] // nearly all are articles: a Box would cost an allocation each
pub enum Parsed<'a> {
    Article(Article<'a>),
    Error(wirecopy::Error),
    Input(&'a Failure),
}

impl Parsed<'_> {
    pub fn is_failure(&self) -> bool {
        !matches!(self, Parsed::Article(_))
    }
}

/// The `error` object: `{"kind", "offset", "line", "column", "message"}`.
enum ErrorObject<'a> {
    Library(&'a wirecopy::Error),
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

/// An outcome as what is written: an article or an error object.
enum View<'r, 'a> {
    Article(&'r Article<'a>),
    Error(ErrorObject<'r>),
}

fn view<'r, 'a>(parsed: &'r Parsed<'a>) -> View<'r, 'a> {
    match parsed {
        Parsed::Article(article) => View::Article(article),
        Parsed::Error(e) | Parsed::Input(Failure::Parse(e)) => View::Error(ErrorObject::Library(e)),
        Parsed::Input(Failure::Input(e)) => View::Error(ErrorObject::Input(e)),
    }
}

/// Appends the record for `source` to `buf`.
pub fn encode(
    buf: &mut Vec<u8>,
    source: &str,
    parsed: &Parsed<'_>,
    encoding: Encoding,
) -> serde_json::Result<()> {
    match encoding {
        Encoding::Lines => {
            // `{"source":"…"` then the article's own object with its `{`
            // turned into `,`: no intermediate value or string.
            buf.extend_from_slice(b"{\"source\":");
            serde_json::to_writer(&mut *buf, source)?;
            match view(parsed) {
                View::Article(article) => {
                    let start = buf.len();
                    serde_json::to_writer(&mut *buf, article)?;
                    if buf.get(start) == Some(&b'{') && buf.get(start + 1) != Some(&b'}') {
                        buf[start] = b',';
                    } else {
                        // Not reachable for SPEC's object; stay valid JSON anyway.
                        buf.truncate(start);
                        buf.extend_from_slice(b",\"article\":");
                        serde_json::to_writer(&mut *buf, article)?;
                        buf.push(b'}');
                    }
                }
                View::Error(error) => {
                    buf.extend_from_slice(b",\"error\":");
                    serde_json::to_writer(&mut *buf, &error)?;
                    buf.push(b'}');
                }
            }
            buf.push(b'\n');
        }
        Encoding::ArrayElement | Encoding::Pretty => {
            let record = match view(parsed) {
                View::Article(article) => Record::Article { source, article },
                View::Error(error) => Record::Error { source, error },
            };
            if encoding == Encoding::Pretty {
                serde_json::to_writer_pretty(&mut *buf, &record)?;
                buf.push(b'\n');
            } else {
                // Indent the record one level: JSON strings hold no raw
                // newline, so every newline is a line break of the layout.
                let pretty = serde_json::to_vec_pretty(&record)?;
                buf.extend_from_slice(b",\n  ");
                for (i, line) in pretty.split(|&b| b == b'\n').enumerate() {
                    if i > 0 {
                        buf.extend_from_slice(b"\n  ");
                    }
                    buf.extend_from_slice(line);
                }
            }
        }
    }
    Ok(())
}
