//! The timestamp grammar of SPEC 3.3 alone.
//!
//! Asserts (see `check.rs`): whatever parses is a valid chrono value (a
//! four-digit year, an offset in whole minutes and only with a time, an
//! instant when the offset is known); its JSON form reads back through
//! `FromStr` and `parse_timestamp`; the upper-cased text gives the same
//! value; and the canonical layout writes it as a `Posted :` and
//! `Updated :` value that parses back to it.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/hostile/check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    if data.len() > 256 {
        return;
    }
    let text = String::from_utf8_lossy(data);
    check::check_timestamp(&text);
});
