//! SPEC 3.4: photo credits.
//!
//! ```text
//! credit-line = "[" TEXT "]"       ; after trimming; TEXT has no bracket; at most 120
//!                                  ; characters in all; no URL; not a copyright line
//! ```

use super::lines::{longer_than, trim};
use super::trailer::is_copyright;

/// The longest credit line, in characters, brackets included.
pub(crate) const MAX_CREDIT: usize = 120;

/// Whether `text` holds `http://`, `https://` or `www.`, in any case: one
/// search for the `:` and `.` those need, then a look around each.
fn holds_url(text: &str) -> bool {
    let b = text.as_bytes();
    let before = |i: usize, word: &str| {
        i.checked_sub(word.len())
            .is_some_and(|start| b[start..i].eq_ignore_ascii_case(word.as_bytes()))
    };
    memchr::memchr2_iter(b':', b'.', b).any(|i| {
        if b[i] == b'.' {
            before(i, "www")
        } else {
            b[i + 1..].starts_with(b"//") && (before(i, "http") || before(i, "https"))
        }
    })
}

/// The credit of a trimmed line, if the line is a photo credit. The test
/// every paragraph meets, its first byte, is inlined at the call.
#[inline]
pub(crate) fn credit(line: &str) -> Option<&str> {
    if !line.starts_with('[') {
        return None;
    }
    bracketed_credit(line)
}

/// [`credit`] for a line that starts with `[`.
#[inline(never)]
fn bracketed_credit(line: &str) -> Option<&str> {
    if !line.ends_with(']') || longer_than(line, MAX_CREDIT) {
        return None;
    }
    // Between the brackets that open and close the line: no other bracket.
    // Brackets are ASCII, so both cuts are character boundaries.
    let inner = &line[1..line.len() - 1];
    // One pass over the short text classifies its bytes; the URL search
    // runs only if a `:` or `.` is there.
    let classes = inner
        .bytes()
        .fold(0, |classes, b| classes | CREDIT_CLASS[usize::from(b)]);
    if classes & BRACKET != 0
        || (classes & URL_PUNCT != 0 && holds_url(inner))
        || is_copyright(line)
    {
        return None;
    }
    Some(trim(inner))
}

/// [`CREDIT_CLASS`]: `[` or `]`.
const BRACKET: u8 = 1;
/// [`CREDIT_CLASS`]: `:` or `.`, which every URL form holds.
const URL_PUNCT: u8 = 2;

/// The class of each byte for [`bracketed_credit`]'s pass.
const CREDIT_CLASS: [u8; 256] = {
    let mut class = [0; 256];
    class[b'[' as usize] = BRACKET;
    class[b']' as usize] = BRACKET;
    class[b':' as usize] = URL_PUNCT;
    class[b'.' as usize] = URL_PUNCT;
    class
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits() {
        assert_eq!(
            credit("[Reuters/Yonhap News Photo]"),
            Some("Reuters/Yonhap News Photo")
        );
        assert_eq!(
            credit("[ \u{A0}Photo courtesy of Orvane Mills\u{A0} ]"),
            Some("Photo courtesy of Orvane Mills")
        );
        assert_eq!(credit("[]"), Some(""));
        assert_eq!(credit("[Source: https://example.org/x]"), None);
        assert_eq!(credit("[Tickets at WWW.example.net]"), None);
        assert_eq!(credit("[HTTPS://example.org]"), None);
        assert_eq!(
            credit("[see http:/x, ww.x, https:x, Mr. Ko: 1.5]"),
            Some("see http:/x, ww.x, https:x, Mr. Ko: 1.5")
        );
        assert_eq!(credit("[:// at the start.]"), Some(":// at the start."));
        assert_eq!(credit("[Gallery [1998]]"), None);
        assert_eq!(credit("[© 2021 Tarnby Post]"), None);
        assert_eq!(credit("[Photo] and more"), None);
        assert_eq!(credit("Photo]"), None);
    }

    #[test]
    fn credit_length_counts_characters() {
        let ok = format!("[{}]", "é".repeat(118));
        assert!(credit(&ok).is_some());
        let long = format!("[{}]", "é".repeat(119));
        assert!(credit(&long).is_none());
    }
}
