//! Arbitrary bytes, taken as UTF-8 where valid (invalid sequences become
//! U+FFFD), through lenient and strict parsing.
//!
//! Asserts (see `check.rs`): only empty or NUL-holding input fails, with its
//! true position; every field is a trimmed one-line slice of the input, in
//! the order of the layout; warnings name their true line and column;
//! strict mode fails exactly at lenient mode's first warning; a default
//! offset changes only timestamps; the owned copy and the JSON agree; and
//! `parse(render(article)) == article` (for articles with a timestamp
//! warning, the canonical form is a fixed point).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/hostile/check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check::check_str(&text);
});
