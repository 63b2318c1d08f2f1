//! Structured articles built with `arbitrary` (`wirecopy::ArbitraryArticle`,
//! feature `arbitrary`), rendered, parsed, compared.
//!
//! Asserts (see `check_generated` in `tests/hostile/check.rs`): for an
//! `exact` article, `parse(render(a))` is `a` field for field, with no
//! warning except an empty body's, and strict parsing agrees when it has a
//! paragraph; for every article, the canonical text parses, every field of
//! the result lies inside it, and the canonical form is a fixed point:
//! `parse(render(parse(render(a))))` equals `parse(render(a))`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecopy::ArbitraryArticle;

#[path = "../../tests/hostile/check.rs"]
mod check;

fuzz_target!(|generated: ArbitraryArticle| {
    check::check_generated(&generated.as_article(), generated.exact);
});
