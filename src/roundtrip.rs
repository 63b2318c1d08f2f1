//! The round trip of SPEC 5: `parse(render(a))` equals `a`.
//!
//! One helper for the snapshot tests, the property tests and the fuzz
//! targets alike.

use std::fmt;

use crate::{Article, Error, OwnedArticle, ParseOptions};

/// Why an article did not survive rendering and parsing again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundTripError {
    /// The first field that differs (`"paragraphs"`, ...), or `"parse"` when
    /// the rendered text did not parse.
    pub field: &'static str,
    /// The canonical text that was parsed again.
    pub rendered: String,
    /// The article parsed from `rendered`, when it parsed.
    pub reparsed: Option<OwnedArticle>,
    /// The error parsing `rendered`, when it failed.
    pub error: Option<Error>,
}

impl fmt::Display for RoundTripError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.error {
            Some(e) => write!(f, "the rendered article does not parse: {e}")?,
            None => write!(
                f,
                "field `{}` differs after rendering and parsing again",
                self.field
            )?,
        }
        write!(f, "\n--- rendered ---\n{}", self.rendered)?;
        if let Some(r) = &self.reparsed {
            write!(f, "--- parsed again ---\n{r:#?}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RoundTripError {}

impl<'a> Article<'a> {
    /// The first field in which `self` and `other` differ, ignoring warnings
    /// (which describe an input text, not the article) and the spans of
    /// timestamps. `None` when they are the same article.
    pub fn first_difference(&self, other: &Article<'_>) -> Option<&'static str> {
        let fields: [(&'static str, bool); 10] = [
            ("kicker", self.kicker == other.kicker),
            ("headline", self.headline == other.headline),
            ("byline", self.byline == other.byline),
            ("authors", self.authors == other.authors),
            ("posted", self.posted == other.posted),
            ("updated", self.updated == other.updated),
            ("photo_credits", self.photo_credits == other.photo_credits),
            ("dateline", self.dateline == other.dateline),
            ("paragraphs", self.paragraphs == other.paragraphs),
            ("boilerplate", self.boilerplate == other.boilerplate),
        ];
        fields
            .into_iter()
            .find(|(_, same)| !same)
            .map(|(name, _)| name)
    }

    /// Renders this article in the canonical layout and parses it again with
    /// `options`; fails unless the result is the same article (warnings
    /// aside, see [`first_difference`](Self::first_difference)).
    ///
    /// This holds for every article parsed without warnings. A warning says
    /// the text did not fully fit the layout, and the canonical form may then
    /// read differently: a label whose value does not parse cannot be
    /// rendered (and without it a long byline reads as a paragraph), and with
    /// no body a byline line that reads as boilerplate ends the text. For
    /// such articles, rendering and parsing again reaches a canonical form
    /// that is a fixed point: each pass can turn up to three paragraphs that
    /// read as label lines into byline lines, so it takes at most one pass
    /// per paragraph, and mostly one.
    ///
    /// ```
    /// let article = wirecopy::parse("[LEAD] Ferry opens\n\nBy Ana Ruiz\n\nHOLM (AP) -- It sailed.\n")?;
    /// article.check_round_trip(&wirecopy::ParseOptions::default()).unwrap();
    /// # Ok::<(), wirecopy::Error>(())
    /// ```
    pub fn check_round_trip(&self, options: &ParseOptions) -> Result<(), Box<RoundTripError>> {
        let rendered = self.display_with(options).to_string();
        match options.parse(&rendered) {
            Ok(again) => match self.first_difference(&again) {
                None => Ok(()),
                Some(field) => Err(Box::new(RoundTripError {
                    field,
                    reparsed: Some(again.to_owned_article()),
                    rendered,
                    error: None,
                })),
            },
            Err(e) => Err(Box::new(RoundTripError {
                field: "parse",
                rendered,
                reparsed: None,
                error: Some(e),
            })),
        }
    }
}
