//! The pathological input shapes of the linear-time benchmark
//! (`benches/pathological.rs`, which includes this file with `#[path]`),
//! also parsed, smaller, by `tests/hostile.rs`.
//!
//! | shape             | input, after a headline line                              |
//! |-------------------|-----------------------------------------------------------|
//! | `brackets`        | one line of `[`                                           |
//! | `parens`          | one line of `(`                                           |
//! | `blank_lines`     | blank lines around one paragraph (half in the trailer)    |
//! | `by_lines`        | `By Ana Ruiz` lines                                       |
//! | `dashes`          | `SEOUL ` and one line of `-` (a dateline that never ends) |
//! | `nbsp`            | NBSPs on both sides of one character                      |
//! | `long_line`       | one `By` line of label words that never take a value      |
//! | `tiny_paragraphs` | one-character paragraphs (a million at 2 MB)              |
//! | `credit_lines`    | `[c]` credit lines (a million at 4 MB)                    |
//! | `at_signs`        | one `By` line of `@` with a label at its end              |
//! | `controls`        | one paragraph of tabs and vertical tabs, which the line   |
//! |                   | scan must look at one by one                              |

#![allow(dead_code)]

/// Every shape's name, in the order of the table above.
pub const SHAPES: [&str; 11] = [
    "brackets",
    "parens",
    "blank_lines",
    "by_lines",
    "dashes",
    "nbsp",
    "long_line",
    "tiny_paragraphs",
    "credit_lines",
    "at_signs",
    "controls",
];

const HEAD: &str = "Pathological input\n\n";

/// `HEAD` and `start`, then `unit` repeated up to `size` bytes, then `tail`.
fn repeat(start: &str, unit: &str, size: usize, tail: &str) -> String {
    let mut s = String::with_capacity(size + unit.len() + tail.len());
    s.push_str(HEAD);
    s.push_str(start);
    while s.len() + unit.len() + tail.len() <= size {
        s.push_str(unit);
    }
    s.push_str(tail);
    s
}

/// The shape `name` at about `size` bytes (never more).
pub fn shape(name: &str, size: usize) -> String {
    match name {
        "brackets" => repeat("", "[", size, "\n"),
        "parens" => repeat("", "(", size, "\n"),
        "blank_lines" => {
            let mut s = repeat("", "\n", size / 2, "One paragraph.\n");
            while s.len() < size {
                s.push('\n');
            }
            s
        }
        "by_lines" => repeat("", "By Ana Ruiz\n", size, ""),
        "dashes" => repeat("SEOUL ", "-", size, "\n"),
        "nbsp" => {
            let half = "\u{a0}".repeat(size.saturating_sub(HEAD.len() + 2) / 4);
            format!("{HEAD}{half}x{half}\n")
        }
        "long_line" => repeat("By ", "Posted Ruiz Updated Lee ", size, "\n"),
        "tiny_paragraphs" => repeat("", "x\n", size, ""),
        "credit_lines" => repeat("", "[c]\n", size, "The end.\n"),
        "at_signs" => repeat("By ", "@", size, " Posted : May 3, 2021\nThe end.\n"),
        "controls" => repeat("x", "\t\u{b}", size, "\n"),
        _ => panic!("unknown shape {name}"),
    }
}
