//! Heap allocations of parsing, counted by a global allocator (this test
//! file is its own binary, so the allocator affects only it).
//!
//! Parsing a typical 20-paragraph article (kicker, two authors, posted and
//! updated timestamps, two photo credits, a dateline, 20 paragraphs, two
//! boilerplate lines) makes [`TYPICAL_ARTICLE_ALLOCATIONS`] heap
//! allocations: only the growth of the result's own vectors (authors,
//! credits, paragraphs, boilerplate). Every text field borrows the input;
//! nothing is copied, and nothing else grows with the paragraph count.
//!
//! The counting allocator needs `unsafe impl GlobalAlloc`; it lives in this
//! test binary only. The library itself is `#![forbid(unsafe_code)]`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The heap allocations (`alloc`, `alloc_zeroed` and `realloc` calls) that
/// parsing [`article`]`(20)` makes: one each for the authors, the credits
/// and the boilerplate, and two for the paragraphs (reserved from the input's
/// size, then grown once). If parsing changes, update this number and the
/// README.
const TYPICAL_ARTICLE_ALLOCATIONS: usize = 5;

struct Counting;

thread_local! {
    /// Only allocations of the thread that set this are counted, so that
    /// tests running on other threads do not disturb the count.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    /// This thread's count.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    if COUNTING.try_with(Cell::get).unwrap_or(false) {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
    }
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// thread-local flag and counter are `const` `Cell`s without destructor, so
// counting does not allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The heap allocations `f` makes on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> (usize, T) {
    COUNTING.with(|c| c.set(true));
    let before = ALLOCATIONS.with(Cell::get);
    let out = f();
    let after = ALLOCATIONS.with(Cell::get);
    COUNTING.with(|c| c.set(false));
    (after - before, out)
}

/// A typical article with `paragraphs` paragraphs (at least 2).
fn article(paragraphs: usize) -> String {
    let mut s = String::from(
        "[HARBOR] Council approves a second ferry pier for Kessen Bay\n\
         \n\
         By Ilse Brandt and Tomas Halberg Posted : April 12, 2021, 10:05 Updated : April 12, 2021, 11:30\n\
         \n\
         [Port Authority photo]\n\
         KESSEN BAY, Norland, April 12 (Yonhap) -- The harbor council voted on Monday to build a second pier.\n",
    );
    for i in 1..paragraphs {
        s.push('\n');
        if i == paragraphs / 2 {
            s.push_str("[Photo courtesy of Orvane Mills]\n");
        }
        s.push_str(&format!(
            "Paragraph {i}: the pier, which will cost 4.2 million crowns, is due to open in the spring of 2023, officials said.\n"
        ));
    }
    s.push_str("\n(END)\n© 2021 Kessen Bay Times\n");
    s
}

/// The allocations of a `Vec<&str>` that grows by pushing to `n` elements:
/// the paragraph vector's own growth (push by push, as the parser grows it).
#[allow(clippy::same_item_push)]
fn vec_growth(n: usize) -> usize {
    allocations(|| {
        let mut v: Vec<&str> = Vec::new();
        for _ in 0..n {
            v.push("");
        }
        v
    })
    .0
}

#[test]
fn a_typical_article_allocates_only_its_vectors() {
    let input = article(20);
    let (count, parsed) = allocations(|| wirecopy::parse(&input));
    let a = parsed.expect("the typical article parses");
    assert_eq!(a.paragraphs.len(), 20);
    assert_eq!(a.authors, ["Ilse Brandt", "Tomas Halberg"]);
    assert_eq!(a.photo_credits.len(), 2);
    assert_eq!(a.boilerplate.len(), 2);
    assert!(a.dateline.is_some() && a.posted.is_some() && a.updated.is_some());
    assert!(a.warnings.is_empty());
    println!("parsing a typical 20-paragraph article: {count} heap allocations");
    assert_eq!(
        count, TYPICAL_ARTICLE_ALLOCATIONS,
        "parsing a typical 20-paragraph article: {count} allocations, not the {TYPICAL_ARTICLE_ALLOCATIONS} stated"
    );
}

/// With `n` paragraphs instead of 20, parsing may make more allocations only
/// for the paragraph vector, and no more than a vector that grows to `n`
/// elements from empty: `count(n) <= count(20) - 1 + growth(n)` (the 20
/// paragraphs take at least one allocation). One allocation per paragraph,
/// or per line, would break this at once.
#[test]
fn allocations_grow_only_with_the_paragraph_vector() {
    let typical = {
        let input = article(20);
        allocations(|| wirecopy::parse(&input)).0
    };
    let mut previous = 0;
    for n in [2, 5, 40, 100, 1_000, 10_000, 100_000] {
        let input = article(n);
        let (count, parsed) = allocations(|| wirecopy::parse(&input));
        let a = parsed.unwrap();
        assert_eq!(a.paragraphs.len(), n);
        let bound = typical - 1 + vec_growth(n);
        println!("{n} paragraphs: {count} allocations (bound {bound})");
        assert!(
            count <= bound,
            "{n} paragraphs: {count} allocations, over {bound}: {typical} for 20 paragraphs, \
             {} for a vector growing to {n}",
            vec_growth(n)
        );
        assert!(
            count >= previous,
            "{n} paragraphs: fewer allocations than before"
        );
        previous = count;
    }
}

/// Input over the size limit and invalid UTF-8 are refused before any work:
/// no allocation. Empty and binary input are found while reading lines and
/// may cost the paragraph vector's reservation, nothing more.
#[test]
fn failing_inputs_allocate_little() {
    let big = "x".repeat(100);
    let tight = wirecopy::ParseOptions::new().max_size(10);
    let (count, parsed) = allocations(|| tight.parse(&big));
    assert_eq!(parsed.unwrap_err().kind(), "TooLarge");
    assert_eq!(count, 0);
    let (count, parsed) = allocations(|| tight.parse_bytes(big.as_bytes()));
    assert_eq!(parsed.unwrap_err().kind(), "TooLarge");
    assert_eq!(count, 0);
    let (count, parsed) = allocations(|| wirecopy::parse_bytes(b"Head\xFFline"));
    assert_eq!(parsed.unwrap_err().kind(), "InvalidUtf8");
    assert_eq!(count, 0);
    for input in ["", " \n\u{A0}\n", "Head\0line", "Headline\n\nBody\0\n"] {
        let (count, parsed) = allocations(|| wirecopy::parse(input));
        assert!(parsed.is_err());
        assert!(count <= 1, "{input:?}: {count} allocations");
    }
}

/// `ParseOptions::parse_into` with a recycled article: once its vectors
/// have grown, parsing more articles allocates nothing at all.
#[test]
fn steady_state_parsing_with_reused_buffers_allocates_nothing() {
    let options = wirecopy::ParseOptions::new();
    let texts: Vec<String> = [20, 5, 40, 12].iter().map(|&n| article(n)).collect();
    let mut buffers = wirecopy::Article::default();
    // Warm up: the vectors grow to the largest article.
    for text in &texts {
        let mut a = buffers.recycle();
        options.parse_into(text, &mut a).unwrap();
        buffers = a.recycle();
    }
    let (count, total) = allocations(|| {
        let mut total = 0;
        for _ in 0..3 {
            for text in &texts {
                let mut a = std::mem::take(&mut buffers).recycle();
                options.parse_into(text, &mut a).unwrap();
                total += a.paragraphs.len();
                buffers = a.recycle();
            }
        }
        total
    });
    assert_eq!(total, 3 * (20 + 5 + 40 + 12));
    assert_eq!(count, 0, "steady-state parsing allocated {count} times");
}

/// A warning's message is a `String` the caller keeps: in steady state, an
/// article with warnings costs one allocation per warning and no more. An
/// article with no body is read twice (the trailer is then found from the
/// end), and its header's warnings are made twice.
#[test]
fn steady_state_parsing_allocates_one_message_per_warning() {
    let options = wirecopy::ParseOptions::new();
    let texts = [
        "Pier\n\nPosted : February 30, 2021 Updated : 2021-13-01\n\nIt sails.\n".to_owned(),
        "[LEAD]\n".to_owned(),
        article(12),
    ];
    let warnings = |text: &str| wirecopy::parse(text).unwrap().warnings.len();
    assert_eq!(
        texts.iter().map(|t| warnings(t)).collect::<Vec<_>>(),
        [2, 2, 0]
    );
    let mut buffers = wirecopy::Article::default();
    for text in &texts {
        let mut a = buffers.recycle();
        options.parse_into(text, &mut a).unwrap();
        buffers = a.recycle();
    }
    for text in &texts {
        let (count, ()) = allocations(|| {
            let mut a = std::mem::take(&mut buffers).recycle();
            options.parse_into(text, &mut a).unwrap();
            buffers = a.recycle();
        });
        let has_body = !wirecopy::parse(text).unwrap().paragraphs.is_empty();
        if has_body {
            assert_eq!(count, warnings(text), "{text:?}");
        } else {
            assert!(count <= 2 * warnings(text), "{text:?}: {count}");
        }
    }
}
