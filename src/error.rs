//! Errors (SPEC 3.7) and input positions.

use std::fmt;

/// A position in the input: byte offset, 1-based line and 1-based column.
///
/// Lines end at LF, CRLF or a lone CR. The column counts characters, not
/// bytes, from the start of the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Position {
    /// Byte offset from the start of the input.
    pub offset: usize,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Position {
    /// The start of the input: offset 0, line 1, column 1.
    pub const START: Position = Position {
        offset: 0,
        line: 1,
        column: 1,
    };

    /// The position of byte `offset` in `input`.
    ///
    /// `input` may hold invalid UTF-8 before `offset` (this is how the
    /// position of a NUL byte is reported); a column then counts every byte
    /// that does not continue a multi-byte sequence as one character.
    /// An offset past the end is clamped to the end.
    pub fn locate(input: &[u8], offset: usize) -> Position {
        let offset = offset.min(input.len());
        let before = &input[..offset];
        let mut line = 1;
        let mut line_start = 0;
        let mut iter = memchr::memchr2_iter(b'\n', b'\r', before);
        while let Some(i) = iter.next() {
            if before[i] == b'\r' && input.get(i + 1) == Some(&b'\n') {
                if i + 1 >= offset {
                    // The offset is the LF of a CRLF pair: still the line
                    // the pair closes.
                    break;
                }
                iter.next();
                line_start = i + 2;
            } else {
                line_start = i + 1;
            }
            line += 1;
        }
        let column = 1 + before[line_start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        Position {
            offset,
            line,
            column,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {} (offset {})",
            self.line, self.column, self.offset
        )
    }
}

/// Which timestamp of the byline block a message is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimestampField {
    /// A `Posted`-kind label (`Posted`, `Published`, `입력`, ...).
    Posted,
    /// An `Updated`-kind label (`Updated`, `Last modified`, `수정`, ...).
    Updated,
}

impl fmt::Display for TimestampField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimestampField::Posted => "posted",
            TimestampField::Updated => "updated",
        })
    }
}

/// Why an input could not be parsed (SPEC 3.7).
///
/// Every variant carries the [`Position`] it is about, and its message names
/// the line, column and byte offset. [`kind`](Error::kind) gives the variant's
/// name as used in the JSON error record.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input holds no non-blank line.
    #[error("empty input: no non-blank line at {position}")]
    Empty {
        /// Always the start of the input.
        position: Position,
    },
    /// The input holds a NUL byte (checked before UTF-8 validity).
    #[error("binary input: NUL byte at {position}")]
    Binary {
        /// Where the first NUL byte is.
        position: Position,
    },
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8 at {position}")]
    InvalidUtf8 {
        /// Where the first byte that is not valid UTF-8 is.
        position: Position,
    },
    /// The input is larger than the configured limit; nothing was parsed.
    #[error("input of {size} bytes is over the limit of {limit} bytes at {position}")]
    TooLarge {
        /// The input's size in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
        /// Always the start of the input.
        position: Position,
    },
    /// Strict mode: a date label's value is not a timestamp of SPEC 3.3.
    #[error("invalid {field} timestamp {} at {position}", Quoted(.text))]
    InvalidTimestamp {
        /// Which label the value belongs to.
        field: TimestampField,
        /// The value as written.
        text: String,
        /// Where the value starts.
        position: Position,
    },
    /// Strict mode: the first line is only a kicker and no line follows it.
    #[error("missing headline: the kicker line is not followed by a headline at {position}")]
    MissingHeadline {
        /// Where the headline was expected (the end of the kicker line).
        position: Position,
    },
    /// Strict mode: the article has no paragraph.
    #[error("empty body: no paragraph after the header at {position}")]
    EmptyBody {
        /// Where the body was expected (the end of the header).
        position: Position,
    },
}

impl Error {
    /// The [`Error::TooLarge`] error for an input of `size` bytes over a
    /// `limit`, for callers that know the size before reading the input
    /// (a file's metadata).
    pub fn too_large(size: usize, limit: usize) -> Error {
        Error::TooLarge {
            size,
            limit,
            position: Position::START,
        }
    }

    /// The position this error is about.
    pub fn position(&self) -> Position {
        match self {
            Error::Empty { position }
            | Error::Binary { position }
            | Error::InvalidUtf8 { position }
            | Error::TooLarge { position, .. }
            | Error::InvalidTimestamp { position, .. }
            | Error::MissingHeadline { position }
            | Error::EmptyBody { position } => *position,
        }
    }

    /// The variant's name, as in the `kind` of the JSON error record:
    /// `Empty`, `Binary`, `InvalidUtf8`, `TooLarge`, `InvalidTimestamp`,
    /// `MissingHeadline` or `EmptyBody`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Empty { .. } => "Empty",
            Error::Binary { .. } => "Binary",
            Error::InvalidUtf8 { .. } => "InvalidUtf8",
            Error::TooLarge { .. } => "TooLarge",
            Error::InvalidTimestamp { .. } => "InvalidTimestamp",
            Error::MissingHeadline { .. } => "MissingHeadline",
            Error::EmptyBody { .. } => "EmptyBody",
        }
    }
}

/// Serializes as the `error` object of SPEC section 4:
/// `{"kind", "offset", "line", "column", "message"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let p = self.position();
        let mut s = serializer.serialize_struct("Error", 5)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("offset", &p.offset)?;
        s.serialize_field("line", &p.line)?;
        s.serialize_field("column", &p.column)?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}

/// Text quoted for a message: in double quotes, with its characters as they
/// are (NBSPs, Hangul, accents), but with control characters, `"` and `\`
/// escaped as Rust writes them, so that the quoted text stays on one line
/// and its end is plain to see.
pub(crate) struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write;
        f.write_char('"')?;
        for c in self.0.chars() {
            if c.is_control() || c == '"' || c == '\\' {
                write!(f, "{}", c.escape_default())?;
            } else {
                f.write_char(c)?;
            }
        }
        f.write_char('"')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_every_line_end_kind() {
        let text = b"ab\r\ncd\ref\ngh";
        assert_eq!(Position::locate(text, 0), Position::START);
        assert_eq!(
            Position::locate(text, 4),
            Position {
                offset: 4,
                line: 2,
                column: 1
            }
        );
        assert_eq!(
            Position::locate(text, 8),
            Position {
                offset: 8,
                line: 3,
                column: 2
            }
        );
        assert_eq!(
            Position::locate(text, 11),
            Position {
                offset: 11,
                line: 4,
                column: 2
            }
        );
    }

    #[test]
    fn locate_counts_characters_not_bytes() {
        let text = "é\n\u{3000}x".as_bytes();
        assert_eq!(
            Position::locate(text, 6),
            Position {
                offset: 6,
                line: 2,
                column: 2
            }
        );
    }

    #[test]
    fn locate_lf_after_cr_at_offset() {
        // Offset on the LF of a CRLF: still the end of line 1.
        let text = b"ab\r\ncd";
        assert_eq!(
            Position::locate(text, 3),
            Position {
                offset: 3,
                line: 1,
                column: 4
            }
        );
    }

    #[test]
    fn messages_name_the_position() {
        let e = Error::Binary {
            position: Position {
                offset: 46,
                line: 3,
                column: 24,
            },
        };
        assert_eq!(
            e.to_string(),
            "binary input: NUL byte at line 3, column 24 (offset 46)"
        );
        assert_eq!(e.kind(), "Binary");
    }
}
