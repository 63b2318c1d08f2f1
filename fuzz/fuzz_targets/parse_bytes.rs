//! Arbitrary bytes through `parse_bytes`.
//!
//! Asserts (see `check.rs`): a NUL byte gives `Binary` at the first NUL;
//! otherwise invalid UTF-8 gives `InvalidUtf8` at the first byte that does
//! not start a character, with the right line and column; valid text parses
//! exactly as `parse` does, with every field inside the input; an input
//! one byte over `max_size` gives `TooLarge` before anything else, and one
//! at the limit parses as without a limit.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/hostile/check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    check::check_bytes(data);
});
