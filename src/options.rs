//! Parser configuration.

use chrono::FixedOffset;

use crate::{Article, Error};

/// How to treat text that does not follow SPEC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// Read what can be read; report the rest as [`Warning`](crate::Warning)s.
    /// Fails only on input that is empty, binary, not UTF-8 or too large.
    #[default]
    Lenient,
    /// Also fail on an unparsable timestamp, a missing headline and an empty
    /// body (SPEC 3.7).
    Strict,
}

/// The default input size limit: 64 MiB.
pub const DEFAULT_MAX_SIZE: usize = 64 * 1024 * 1024;

/// Options for parsing: mode, default UTC offset, size limit, and extra
/// boilerplate phrases, kicker labels and agency names.
///
/// ```
/// use wirecopy::{Mode, ParseOptions};
/// use chrono::FixedOffset;
///
/// let options = ParseOptions::new()
///     .mode(Mode::Strict)
///     .default_offset(FixedOffset::east_opt(9 * 3600))
///     .boilerplate_phrase("Subscribe now")
///     .kicker_label("MARKETS");
/// let article = options.parse("MARKETS: Shares rise\n\nBy Ana Ruiz Posted : 2021-03-04 10:15\n\nShares rose.\nSubscribe now\n")?;
/// assert_eq!(article.kicker, Some("MARKETS"));
/// assert_eq!(article.posted.unwrap().to_string(), "2021-03-04T10:15:00+09:00");
/// assert_eq!(article.boilerplate, ["Subscribe now"]);
/// # Ok::<(), wirecopy::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    pub(crate) mode: Mode,
    pub(crate) default_offset: Option<FixedOffset>,
    pub(crate) max_size: usize,
    pub(crate) boilerplate: Vec<String>,
    pub(crate) kicker_labels: Vec<String>,
    pub(crate) agencies: Vec<String>,
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl ParseOptions {
    /// The defaults: lenient, no default offset, a 64 MiB limit, SPEC's lists.
    /// A `const fn`, so the defaults can be a `static`.
    #[must_use]
    pub const fn new() -> Self {
        ParseOptions {
            mode: Mode::Lenient,
            default_offset: None,
            max_size: DEFAULT_MAX_SIZE,
            boilerplate: Vec::new(),
            kicker_labels: Vec::new(),
            agencies: Vec::new(),
        }
    }

    /// Lenient (the default) or strict parsing.
    #[must_use]
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// Shorthand for `.mode(Mode::Strict)` or `.mode(Mode::Lenient)`.
    #[must_use]
    pub fn strict(self, strict: bool) -> Self {
        self.mode(if strict { Mode::Strict } else { Mode::Lenient })
    }

    /// The offset given to timestamps that have a time but state no zone.
    /// `None` (the default) leaves such timestamps without an offset.
    /// Date-only timestamps never get an offset. Offsets are whole minutes
    /// in SPEC's JSON form (`+05:30`): the seconds of an offset that has
    /// some (`+05:30:15`, a local mean time) are dropped.
    #[must_use]
    pub fn default_offset(mut self, offset: Option<FixedOffset>) -> Self {
        self.default_offset = offset.and_then(|o| {
            let seconds = o.local_minus_utc();
            FixedOffset::east_opt(seconds - seconds % 60)
        });
        self
    }

    /// The largest input, in bytes, that is parsed; larger inputs fail with
    /// [`Error::TooLarge`] before any work is done. Default: 64 MiB.
    #[must_use]
    pub fn max_size(mut self, bytes: usize) -> Self {
        self.max_size = bytes;
        self
    }

    /// Adds an exact phrase to the boilerplate list of SPEC 3.6: a trimmed
    /// line equal to it is boilerplate. A phrase of a credit's shape
    /// (`[Advertisement]`) is boilerplate in the trailer and a credit
    /// elsewhere, since trailer lines are never credits. The phrase is
    /// trimmed of SPEC whitespace; an empty one is ignored. A phrase that
    /// holds a line end (LF or CR, also a CR left at its end by a file read
    /// with CRLF line ends) never matches, since lines hold none.
    #[must_use]
    pub fn boilerplate_phrase(mut self, phrase: impl Into<String>) -> Self {
        push_trimmed(&mut self.boilerplate, &phrase.into());
        self
    }

    /// Adds a label to the `LABEL: headline` kickers of SPEC 3.1, matched
    /// exactly (case-sensitive) at the start of the headline line and
    /// followed by `:` and whitespace (or the line's end). SPEC's labels are
    /// upper-case; this one need not be. Give it without its colon:
    /// `MARKETS`, not `MARKETS:`. The label is trimmed of SPEC whitespace;
    /// an empty one is ignored.
    #[must_use]
    pub fn kicker_label(mut self, label: impl Into<String>) -> Self {
        push_trimmed(&mut self.kicker_labels, &label.into());
        self
    }

    /// Adds an agency name to those removed from authors (SPEC 3.2): whole
    /// words, case-sensitive, at the start or end of an author, the longest
    /// matching name first, built in or added (`Bloomberg News` goes whole
    /// from `Jane Roe, Bloomberg News`, not only its built-in `Bloomberg`).
    /// A name edged with punctuation needs no space beside it: `(AP)` goes
    /// from `Jane Roe(AP)`. Since the byline is split into authors first, a
    /// name that holds `,`, `;`, `&`, `/`, `|` or the word `and`
    /// (`Johnson & Johnson`) never matches. The name is trimmed of SPEC
    /// whitespace; an empty one is ignored.
    #[must_use]
    pub fn agency(mut self, name: impl Into<String>) -> Self {
        push_trimmed(&mut self.agencies, &name.into());
        self
    }

    /// The configured mode.
    pub fn get_mode(&self) -> Mode {
        self.mode
    }

    /// The configured default offset.
    pub fn get_default_offset(&self) -> Option<FixedOffset> {
        self.default_offset
    }

    /// The configured size limit in bytes.
    pub fn get_max_size(&self) -> usize {
        self.max_size
    }

    /// Parses `input` with these options.
    ///
    /// Fails on input over the size limit, input with a NUL byte, input with
    /// no non-blank line, and in strict mode on the problems listed at
    /// [`Mode::Strict`].
    pub fn parse<'a>(&self, input: &'a str) -> Result<Article<'a>, Error> {
        crate::parse::article(input, self)
    }

    /// Parses `input` into `article`, reusing the capacity of its vectors, so
    /// that parsing many inputs in a loop allocates nothing per input once
    /// the vectors have grown, except the message of each [`Warning`](crate::Warning)
    /// (one `String` each). `article` is cleared first; on error it is left
    /// empty, its capacity kept.
    ///
    /// An article borrows its input, so between inputs of different
    /// lifetimes pass it through [`Article::recycle`]:
    ///
    /// ```
    /// let options = wirecopy::ParseOptions::new();
    /// let texts = ["Ferry opens\n\nIt sails at noon.\n", "Pier closes\n\nFor repairs.\n"];
    /// let mut buffers = wirecopy::Article::default();
    /// for text in texts {
    ///     let owned = text.to_owned();
    ///     let mut article = buffers.recycle();
    ///     options.parse_into(&owned, &mut article)?;
    ///     println!("{}", article.headline);
    ///     buffers = article.recycle();
    /// }
    /// # Ok::<(), wirecopy::Error>(())
    /// ```
    pub fn parse_into<'a>(&self, input: &'a str, article: &mut Article<'a>) -> Result<(), Error> {
        article.clear();
        crate::parse::article_into_checked(input, self, article)
    }

    /// Like [`parse_into`](Self::parse_into), for bytes: checks that `input`
    /// is NUL-free UTF-8 within the size limit, then parses it into
    /// `article`, reusing its vectors.
    pub fn parse_bytes_into<'a>(
        &self,
        input: &'a [u8],
        article: &mut Article<'a>,
    ) -> Result<(), Error> {
        article.clear();
        let text = crate::parse::validate(input, self.max_size)?;
        crate::parse::article_into_checked(text, self, article)
    }

    /// Checks that `input` is NUL-free UTF-8 (skipping one leading BOM) and
    /// parses it with these options.
    pub fn parse_bytes<'a>(&self, input: &'a [u8]) -> Result<Article<'a>, Error> {
        let text = crate::parse::validate(input, self.max_size)?;
        crate::parse::article_unchecked(text, self)
    }
}

/// Pushes `value` trimmed of SPEC whitespace, unless that leaves nothing.
fn push_trimmed(list: &mut Vec<String>, value: &str) {
    let trimmed = crate::parse::trim(value);
    if !trimmed.is_empty() {
        list.push(trimmed.to_owned());
    }
}
