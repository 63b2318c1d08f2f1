//! SPEC 2, lexical rules: whitespace, trimming and line ends.
//!
//! Every rule of SPEC is about whole lines or the start of a line, so the
//! input is cut into lines here, once, with a vector scan; the grammar's
//! productions then run on single trimmed lines.

use wide::u8x16;

use super::token::bytes_contain_ci;
use super::trailer::RIGHTS_RESERVED;

/// SPEC 2: whitespace is ASCII space and tab, U+00A0, U+2000–U+200B, U+202F,
/// U+205F, U+3000 and U+FEFF.
#[inline]
pub(crate) const fn is_ws(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{2000}'
            ..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
    )
}

/// Length in bytes of the whitespace character at the start of `b`, or 0.
#[inline]
pub(crate) fn ws_prefix_len(b: &[u8]) -> usize {
    if let Some(&first) = b.first().filter(|b| b.is_ascii()) {
        return usize::from(first == b' ' || first == b'\t');
    }
    match b {
        [b' ' | b'\t', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        [0xE2, 0x80, 0x80..=0x8B | 0xAF, ..] | [0xE2, 0x81, 0x9F, ..] | [0xE3, 0x80, 0x80, ..] => 3,
        [0xEF, 0xBB, 0xBF, ..] => 3,
        _ => 0,
    }
}

/// Length in bytes of the whitespace character at the end of `b`, or 0.
#[inline]
fn ws_suffix_len(b: &[u8]) -> usize {
    match b {
        [.., b' ' | b'\t'] => 1,
        [.., 0xC2, 0xA0] => 2,
        [.., 0xE2, 0x80, 0x80..=0x8B | 0xAF] | [.., 0xE2, 0x81, 0x9F] | [.., 0xE3, 0x80, 0x80] => 3,
        [.., 0xEF, 0xBB, 0xBF] => 3,
        _ => 0,
    }
}

/// `s` without SPEC whitespace at either end.
#[inline(always)]
pub(crate) fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

/// `s` without SPEC whitespace at its start. Inlined for the common cases,
/// a visible ASCII first byte and one space before one; the rest is out of
/// line.
#[inline(always)]
pub(crate) fn trim_start(s: &str) -> &str {
    match s.as_bytes() {
        // Most lines start with a visible ASCII character.
        [0x21..=0x7E, ..] => s,
        // One space before one: the text after a separator, mostly.
        [b' ', 0x21..=0x7E, ..] => &s[1..],
        // A first byte that no whitespace character starts with (Hangul).
        [first, ..] if WS_EDGE[usize::from(*first)] & WS_FIRST == 0 => s,
        _ => trim_start_slow(s),
    }
}

/// [`WS_EDGE`]: some whitespace character starts with this byte.
const WS_FIRST: u8 = 1;
/// [`WS_EDGE`]: some whitespace character ends with this byte.
const WS_LAST: u8 = 2;

/// For each byte, whether a SPEC whitespace character starts
/// ([`WS_FIRST`]) or ends ([`WS_LAST`]) with it; built from the characters,
/// all of which are in the Basic Multilingual Plane (a test checks).
const WS_EDGE: [u8; 256] = {
    let mut edge = [0; 256];
    let mut c = 0;
    while c <= 0xFFFF {
        if let Some(ch) = char::from_u32(c) {
            if is_ws(ch) {
                let mut buf = [0; 4];
                let bytes = ch.encode_utf8(&mut buf).as_bytes();
                edge[bytes[0] as usize] |= WS_FIRST;
                edge[bytes[bytes.len() - 1] as usize] |= WS_LAST;
            }
        }
        c += 1;
    }
    edge
};

#[inline(never)]
fn trim_start_slow(s: &str) -> &str {
    // `ws_run` only ever advances over whole characters.
    &s[ws_run(s.as_bytes())..]
}

/// Length in bytes of the run of SPEC whitespace at the start of `b`.
#[inline]
pub(crate) fn ws_run(b: &[u8]) -> usize {
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let n = match c {
            b' ' | b'\t' => 1,
            0..=0x7F => 0,
            _ => ws_prefix_len(&b[i..]),
        };
        if n == 0 {
            break;
        }
        i += n;
    }
    i
}

/// `s` without SPEC whitespace at its end. Inlined for the common cases, a
/// visible ASCII last byte and one space after one; the rest is out of
/// line.
#[inline(always)]
pub(crate) fn trim_end(s: &str) -> &str {
    match s.as_bytes() {
        [.., 0x21..=0x7E] => s,
        // One space after one: the text before a separator, mostly.
        [.., 0x21..=0x7E, b' '] => &s[..s.len() - 1],
        // A last byte that no whitespace character ends with (Hangul).
        [.., last] if WS_EDGE[usize::from(*last)] & WS_LAST == 0 => s,
        _ => trim_end_slow(s),
    }
}

#[inline(never)]
fn trim_end_slow(s: &str) -> &str {
    let b = s.as_bytes();
    let mut end = b.len();
    loop {
        let n = ws_suffix_len(&b[..end]);
        if n == 0 {
            break;
        }
        end -= n;
    }
    &s[..end]
}

/// Whether `text` has more than `n` characters. Counts bytes when it can:
/// `n` bytes are at most `n` characters, and ASCII bytes are one each.
#[inline]
pub(crate) fn longer_than(text: &str, n: usize) -> bool {
    match text.as_bytes().get(..=n) {
        None => false,
        Some(head) if head.is_ascii() => true,
        Some(_) => text.chars().nth(n).is_some(),
    }
}

/// The byte offset where the character after the first `n` starts, or
/// `None` when `text` has at most `n` characters. The plain count, kept as
/// the tests' oracle for the dateline's look-ahead window.
#[cfg(test)]
pub(crate) fn char_offset(text: &str, n: usize) -> Option<usize> {
    match text.as_bytes().get(..=n) {
        None => None,
        Some(head) if head.is_ascii() => Some(n),
        Some(_) => text.char_indices().nth(n).map(|(i, _)| i),
    }
}

/// One line of the input, trimmed, with the offset where it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// The line's text without its terminator, trimmed of whitespace.
    pub text: &'a str,
    /// Offset in the input of the first byte after the line's terminator
    /// (the input's length for the last line).
    pub next: usize,
    /// For a line longer than [`WINDOW`], whether it contains the copyright
    /// phrase [`RIGHTS_RESERVED`]: found while the line's end was looked
    /// for, window by window, so that the trailer test does not read a
    /// huge line a second time. `None` for shorter lines.
    pub rights_reserved: Option<bool>,
}

impl Line<'_> {
    /// Whether the line holds only whitespace.
    #[inline]
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Lines of `input[pos..end]`, forward. Lines end at LF, CRLF or a lone CR;
/// the last line may have no terminator. An empty remainder yields no line.
///
/// The same scan that finds line ends also finds NUL bytes, so that the
/// check for binary input costs no pass of its own: the iteration stops at
/// the first NUL and [`nul`](Self::nul) tells where it is. A blank line
/// (the line after a paragraph, mostly) and the LF of a CRLF pair are seen
/// from their first byte, without a search.
pub(crate) struct Lines<'a> {
    input: &'a str,
    /// Offset of the next line's start.
    pos: usize,
    end: usize,
    nul: Option<usize>,
}

impl<'a> Lines<'a> {
    /// Lines from `pos` up to `end` (a line start or the input's end).
    pub fn new(input: &'a str, pos: usize, end: usize) -> Self {
        let end = end.min(input.len());
        let pos = pos.min(end);
        Lines {
            input,
            pos,
            end,
            nul: None,
        }
    }

    /// The offset of the NUL byte that stopped the iteration, if one did.
    pub fn nul(&self) -> Option<usize> {
        self.nul
    }

    /// Calls `f` with each of the remaining lines that are not blank, in
    /// order. One call for the whole body, out of line, so that the scan's
    /// state stays in registers from line to line.
    #[inline(never)]
    pub fn for_each_non_blank(&mut self, mut f: impl FnMut(Line<'a>)) {
        while let Some(line) = self.non_blank() {
            f(line);
        }
    }

    /// The next line that is not blank. Empty lines (between paragraphs,
    /// mostly) are stepped over from their terminator, without the work of
    /// making a [`Line`] of each. Out of line: the header's few lines share
    /// this copy of the scan, and the body's take [`for_each_non_blank`](Self::for_each_non_blank).
    #[inline(never)]
    pub fn next_non_blank(&mut self) -> Option<Line<'a>> {
        self.non_blank()
    }

    /// [`next_non_blank`](Self::next_non_blank), always inlined.
    #[inline(always)]
    fn non_blank(&mut self) -> Option<Line<'a>> {
        loop {
            let bytes = &self.input.as_bytes()[..self.end];
            loop {
                match bytes.get(self.pos) {
                    Some(b'\n') => self.pos += 1,
                    Some(b'\r') if bytes.get(self.pos + 1) == Some(&b'\n') => self.pos += 2,
                    Some(b'\r') => self.pos += 1,
                    _ => break,
                }
            }
            let line = self.next()?;
            if !line.is_blank() {
                return Some(line);
            }
        }
    }
}

/// A line longer than this many bytes is searched for its end one window at
/// a time (a size that stays in the CPU's L2 cache), and each window also
/// for the copyright phrase.
pub(crate) const WINDOW: usize = 64 * 1024;

/// Whether `b` ends a line or stops the scan: LF, CR or NUL.
#[inline(always)]
fn is_terminator(b: u8) -> bool {
    matches!(b, b'\n' | b'\r' | 0)
}

/// The offset from `start` of the first LF, CR or NUL byte in
/// `bytes[start..stop]`.
///
/// Besides these three, the bytes at or below [`LAST_CONTROL`] are the tab
/// and other controls, rare in news text, so the scan looks for all of
/// them: 64 bytes at a time, with one test for the whole block (its
/// smallest byte, from its four 16-byte vectors), and the block's marked
/// bytes looked at one by one only where it holds one. This takes a third
/// of the instructions of `memchr3`, which compares each vector with each
/// byte, and sets up no searcher at each call: lines are found about 1.2
/// times as fast (see the README). A tab costs one step of the inner loop,
/// so a line of tabs is read a byte per step, still in linear time.
///
/// The bytes after the last whole block (the input's last line or two,
/// mostly) are read as one more block, the one that ends at `stop`, with
/// the bits of the bytes before them cleared; only an input shorter than a
/// block is read byte by byte.
#[inline]
fn terminator(bytes: &[u8], start: usize, stop: usize) -> Option<usize> {
    let hay = &bytes[start..stop];
    let mut blocks = hay.chunks_exact(BLOCK);
    let mut base = 0;
    for block in &mut blocks {
        if let Some(k) = block_terminator(block, u64::MAX) {
            return Some(base + k);
        }
        base += BLOCK;
    }
    let rest = blocks.remainder();
    if rest.is_empty() {
        return None;
    }
    match stop.checked_sub(BLOCK) {
        Some(from) => {
            // The block holds `BLOCK - rest.len()` bytes before the rest.
            let skip = BLOCK - rest.len();
            block_terminator(&bytes[from..stop], u64::MAX << skip).map(|k| base + k - skip)
        }
        None => rest
            .iter()
            .position(|&b| is_terminator(b))
            .map(|k| base + k),
    }
}

/// The bytes [`terminator`] reads at a time.
const BLOCK: usize = 64;

/// The offset of the first LF, CR or NUL byte of the 64-byte `block` among
/// those whose bits are set in `keep`.
#[inline(always)]
fn block_terminator(block: &[u8], keep: u64) -> Option<usize> {
    let v: [u8x16; 4] = std::array::from_fn(|k| vector(&block[16 * k..]));
    if controls(v[0].min(v[1]).min(v[2].min(v[3]))) == 0 {
        return None;
    }
    let mut at = keep
        & v.iter()
            .enumerate()
            .fold(0u64, |m, (k, &v)| m | u64::from(controls(v)) << (16 * k));
    while at != 0 {
        let k = at.trailing_zeros() as usize;
        if is_terminator(block[k]) {
            return Some(k);
        }
        at &= at - 1;
    }
    None
}

/// The bytes a line-end scan stops at are LF, CR and NUL, and the scan
/// first looks for any byte up to this one (controls and the tab).
const LAST_CONTROL: u8 = b'\r';

/// The first 16 bytes of `b` as a vector (`b` holds at least 16).
#[inline(always)]
pub(crate) fn vector(b: &[u8]) -> u8x16 {
    u8x16::new(b[..16].try_into().unwrap_or([0; 16]))
}

/// A bit for each byte of `v` at or below [`LAST_CONTROL`].
#[inline(always)]
fn controls(v: u8x16) -> u32 {
    let below = v.saturating_sub(u8x16::splat(LAST_CONTROL));
    below.cmp_eq(u8x16::ZERO).move_mask() as u32
}

/// The end of a line that has no terminator in `bytes[start..start +
/// WINDOW]` (the caller has looked): the offset of the terminator after it,
/// if any, and whether the line contains [`RIGHTS_RESERVED`]. Each window is
/// searched for the phrase right after it is searched for the end, while it
/// is in the cache; the phrase search starts early enough to find a phrase
/// that crosses into the window.
#[cold]
fn long_line_end(bytes: &[u8], start: usize) -> (Option<usize>, bool) {
    let (phrase, pair) = RIGHTS_RESERVED;
    let mut found = bytes_contain_ci(&bytes[start..start + WINDOW], phrase, pair);
    let mut from = start + WINDOW;
    loop {
        let stop = (from + WINDOW).min(bytes.len());
        let end = terminator(bytes, from, stop).map(|i| from + i);
        let line_part = end.unwrap_or(stop);
        if !found {
            let back = from - (phrase.len() - 1);
            found = bytes_contain_ci(&bytes[back..line_part], phrase, pair);
        }
        if end.is_some() || stop == bytes.len() {
            return (end, found);
        }
        from = stop;
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    #[inline(always)]
    fn next(&mut self) -> Option<Line<'a>> {
        let bytes = &self.input.as_bytes()[..self.end];
        let first = *bytes.get(self.pos)?;
        let mut rights_reserved = None;
        let terminator = if matches!(first, b'\n' | b'\r' | 0) {
            Some(self.pos)
        } else {
            let stop = bytes.len().min(self.pos + WINDOW);
            match terminator(bytes, self.pos, stop) {
                Some(i) => Some(self.pos + i),
                None if stop - self.pos < WINDOW => None,
                None => {
                    let (end, found) = long_line_end(bytes, self.pos);
                    rights_reserved = Some(found);
                    end
                }
            }
        };
        let (line_end, next) = match terminator {
            Some(t) if bytes[t] == 0 => {
                self.nul = Some(t);
                self.pos = self.end;
                return None;
            }
            Some(t) if bytes[t] == b'\r' && bytes.get(t + 1) == Some(&b'\n') => (t, t + 2),
            Some(t) => (t, t + 1),
            None => (self.end, self.end),
        };
        // Line ends are ASCII, so both cuts fall on character boundaries.
        let text = trim(&self.input[self.pos..line_end]);
        self.pos = next;
        Some(Line {
            text,
            next,
            rights_reserved,
        })
    }
}

/// The start offset of the line that ends at `end` (a line start, or the
/// input's length), scanning back no further than `floor`; together with the
/// line's text. Returns `None` when `end <= floor`.
#[inline]
pub(crate) fn line_before(input: &str, floor: usize, end: usize) -> Option<(usize, &str)> {
    if end <= floor {
        return None;
    }
    let bytes = input.as_bytes();
    // Drop the terminator of the line that ends at `end`, if it has one.
    let mut content_end = end;
    if content_end > floor && bytes[content_end - 1] == b'\n' {
        content_end -= 1;
        if content_end > floor && bytes[content_end - 1] == b'\r' {
            content_end -= 1;
        }
    } else if content_end > floor && bytes[content_end - 1] == b'\r' {
        content_end -= 1;
    }
    let start = match memchr::memrchr2(b'\n', b'\r', &bytes[floor..content_end]) {
        Some(i) => floor + i + 1,
        None => floor,
    };
    Some((start, trim(&input[start..content_end])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<&str> {
        Lines::new(input, 0, input.len()).map(|l| l.text).collect()
    }

    /// The block scan finds the first LF, CR or NUL wherever it falls:
    /// in any of a block's four vectors, after tabs and other controls in
    /// the same block, in the tail after the last whole block, or nowhere.
    /// `memchr3` is the oracle.
    #[test]
    fn terminator_finds_what_memchr3_finds() {
        const BYTES: &[u8] = b"\n\r\0\t\x01\x08\x0B\x0C\x0E\x1F abcXYZ\x80\xC2\xA0\xFF";
        let mut next = super::super::xorshift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let len = (next() % 300) as usize;
            // Mostly text, with a control or terminator now and then.
            let hay: Vec<u8> = (0..len)
                .map(|_| match next() % 64 {
                    0..=15 => BYTES[(next() % BYTES.len() as u64) as usize],
                    n => b'a' + (n % 26) as u8,
                })
                .collect();
            for from in [0, 1, 15, 16, 63, 64, 65].into_iter().filter(|&f| f <= len) {
                // Every end, so that the last block is read across `from`.
                let stop = from + (next() % (len - from + 1) as u64) as usize;
                assert_eq!(
                    terminator(&hay, from, stop),
                    memchr::memchr3(b'\n', b'\r', 0, &hay[from..stop]),
                    "{:?}",
                    &hay[from..stop]
                );
            }
        }
        for len in 0..200 {
            let mut hay = vec![b'\t'; len];
            assert_eq!(terminator(&hay, 0, len), None);
            for at in 0..len {
                hay[at] = [b'\n', b'\r', 0][at % 3];
                for from in [0, at / 2, at] {
                    assert_eq!(terminator(&hay, from, len), Some(at - from), "{len} {at}");
                }
                // A terminator before `from` is not one of the scan's.
                assert_eq!(terminator(&hay, at + 1, len), None, "{len} {at}");
                hay[at] = b'\x0B';
            }
        }
    }

    #[test]
    fn trims_every_spec_whitespace() {
        assert_eq!(trim("\u{A0} a b\u{3000}\t"), "a b");
        assert_eq!(trim("\u{FEFF}\u{200B}x\u{202F}\u{205F}"), "x");
        assert_eq!(trim("\u{2000}\u{2005}\u{200A}"), "");
        // U+2028 is not whitespace.
        assert_eq!(trim(" \u{2028} "), "\u{2028}");
        // A character ending in byte A0 is not an NBSP.
        assert_eq!(trim("\u{4E20}"), "\u{4E20}");
        assert_eq!(trim(""), "");
    }

    /// `trim` is `str::trim_matches` with SPEC's whitespace on every string
    /// of up to four characters from a set that takes each of its paths:
    /// visible ASCII at an end, one space beside it, runs of spaces, tabs,
    /// NBSP and other whitespace, and text that is not ASCII.
    #[test]
    fn trim_agrees_with_trim_matches() {
        const CHARS: [char; 12] = [
            'a', '.', '~', '!', ' ', '\t', '\u{A0}', '\u{3000}', '\u{FEFF}', '한', '\u{4E20}',
            '\u{2028}',
        ];
        // Every string of exactly `n` of the characters, for `n` up to 4.
        let mut level = vec![String::new()];
        let mut texts = level.clone();
        for _ in 0..4 {
            level = level
                .iter()
                .flat_map(|t| CHARS.iter().map(move |&c| format!("{t}{c}")))
                .collect();
            texts.extend(level.iter().cloned());
        }
        assert_eq!(texts.len(), 1 + 12 + 144 + 1728 + 20_736);
        for text in &texts {
            assert_eq!(trim(text), text.trim_matches(is_ws), "{text:?}");
        }
    }

    /// `WS_EDGE` is built from the characters up to U+FFFF: no whitespace
    /// character lies beyond.
    #[test]
    fn whitespace_is_in_the_basic_multilingual_plane() {
        assert!(!(0x1_0000..=0x10_FFFF).filter_map(char::from_u32).any(is_ws));
    }

    #[test]
    fn splits_at_lf_crlf_and_lone_cr() {
        assert_eq!(texts("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(texts("a\n\rb"), ["a", "", "b"]);
        assert_eq!(texts("a\r\n"), ["a"]);
        assert_eq!(texts("a\n\n"), ["a", ""]);
        assert_eq!(texts(""), Vec::<&str>::new());
    }

    /// Stepping over blank lines gives the non-blank lines of the plain
    /// iteration, with the same offsets, and stops at a NUL the same way.
    #[test]
    fn non_blank_lines_skip_what_the_iteration_yields_blank() {
        for input in [
            "a\n\n\r\n\rb\r\r\n \u{A0}\n\n\tc\n\n",
            "\n\r\n\r",
            "\r\n\r\nx",
            "a\n\n\0b\n",
            "\n\n\0",
            "",
        ] {
            let mut all = Lines::new(input, 0, input.len());
            let want: Vec<Line<'_>> = all.by_ref().filter(|l| !l.is_blank()).collect();
            let mut lines = Lines::new(input, 0, input.len());
            let got: Vec<Line<'_>> = std::iter::from_fn(|| lines.next_non_blank()).collect();
            assert_eq!(got, want, "{input:?}");
            assert_eq!(lines.nul(), all.nul(), "{input:?}");
        }
    }

    #[test]
    fn character_counts() {
        assert!(!longer_than("abc", 3));
        assert!(longer_than("abcd", 3));
        assert!(!longer_than("ééé", 3));
        assert!(longer_than("éééé", 3));
        assert!(!longer_than("", 0));
        assert_eq!(char_offset("abcd", 3), Some(3));
        assert_eq!(char_offset("abc", 3), None);
        assert_eq!(char_offset("ééééé", 3), Some(6));
        assert_eq!(char_offset("ééé", 3), None);
    }

    #[test]
    fn stops_at_nul() {
        let input = "a\nb\0c\nd";
        let mut lines = Lines::new(input, 0, input.len());
        assert_eq!(lines.next().map(|l| l.text), Some("a"));
        assert_eq!(lines.next(), None);
        assert_eq!(lines.nul(), Some(3));
        assert_eq!(lines.next(), None);
    }

    #[test]
    fn next_points_past_the_terminator() {
        let input = "ab\r\ncd\ref";
        let nexts: Vec<usize> = Lines::new(input, 0, input.len()).map(|l| l.next).collect();
        assert_eq!(nexts, [4, 7, 9]);
    }

    /// A line of `len` bytes of `x` with `phrase` at byte `at`.
    fn long_line(len: usize, phrase: &str, at: usize) -> String {
        let mut line = "x".repeat(len);
        line.replace_range(at..at + phrase.len(), phrase);
        line
    }

    fn hints(input: &str) -> Vec<Option<bool>> {
        Lines::new(input, 0, input.len())
            .map(|l| l.rights_reserved)
            .collect()
    }

    #[test]
    fn long_lines_are_searched_for_the_phrase_window_by_window() {
        let phrase = "All Rights RESERVED";
        // Across the first window's end, across a later one, in the last
        // part, at the very start and at the very end of the line.
        for at in [
            WINDOW - 5,
            2 * WINDOW - 18,
            2 * WINDOW + 50,
            0,
            3 * WINDOW - phrase.len(),
        ] {
            let line = long_line(3 * WINDOW, phrase, at);
            assert_eq!(
                hints(&format!("{line}\nnext")),
                [Some(true), None],
                "at {at}"
            );
            assert_eq!(hints(&line), [Some(true)], "at {at}, no terminator");
        }
        let plain = "x".repeat(2 * WINDOW + 7);
        assert_eq!(
            hints(&format!("{plain}\r\nall rights reserved")),
            [Some(false), None]
        );
        // Exactly one window, then the terminator.
        let one = "x".repeat(WINDOW);
        assert_eq!(hints(&format!("{one}\nb")), [Some(false), None]);
        assert_eq!(hints(&format!("a\n{}", &one[1..])), [None, None]);
        // The text and the end are the same as for short lines.
        let line = long_line(2 * WINDOW, phrase, WINDOW);
        let input = format!(" {line} \r\nb");
        let lines: Vec<Line<'_>> = Lines::new(&input, 0, input.len()).collect();
        assert_eq!(lines[0].text, line);
        assert_eq!(lines[0].next, line.len() + 4);
        assert_eq!(lines[1].text, "b");
    }

    #[test]
    fn long_lines_stop_at_nul() {
        let input = format!("{}\0{}", "x".repeat(WINDOW + 3), "\n".repeat(3));
        let mut lines = Lines::new(&input, 0, input.len());
        assert_eq!(lines.next(), None);
        assert_eq!(lines.nul(), Some(WINDOW + 3));
    }

    #[test]
    fn line_before_walks_back() {
        let input = "ab\r\ncd\ref\n";
        assert_eq!(line_before(input, 0, 10), Some((7, "ef")));
        assert_eq!(line_before(input, 0, 7), Some((4, "cd")));
        assert_eq!(line_before(input, 0, 4), Some((0, "ab")));
        assert_eq!(line_before(input, 0, 0), None);
        assert_eq!(line_before(input, 4, 7), Some((4, "cd")));
        assert_eq!(line_before("x\n", 0, 2), Some((0, "x")));
        // A last line without terminator.
        assert_eq!(line_before("a\nb", 0, 3), Some((2, "b")));
    }
}
