//! Kinds of warning about how the content reads: never errors, but each makes the site harder to
//! read or to use for someone.

use super::toml_kind::TOP_OF_PLAN;

#[derive(Debug, Clone, PartialEq)]
pub enum StyleKind {
    /// A `#` heading in the body, at the level of the page's own title.
    HeadingRepeatsTitle,
    /// A heading that skips levels (`##` then `####`).
    HeadingSkipsLevel { from: usize, to: usize },
    /// Link text such as "click here", which says nothing out of context.
    VagueLinkText { words: String },
    /// HTML or an address the sanitiser takes out, described ("the <script> element").
    Removed { what: String },
    /// A sentence for families of `words` words, more than `longest`.
    LongSentence { words: usize, longest: usize },
    /// An action area with nothing under the plan's heading for families (`label`).
    NothingForFamilies { action: String, label: String },
    /// An action area's text for families that scores `score` for reading ease, under `threshold`.
    HardToRead {
        action: String,
        score: f64,
        threshold: f64,
    },
    /// An acronym the glossary does not explain, and how many times it is used.
    NotInGlossary { word: String, uses: usize },
    /// No `base_url` in plan.toml: the sitemap and the updates feed need whole addresses.
    NoBaseUrl,
    /// A label given without its form with an article (`field`, e.g. `an_action`): sentences
    /// that would put "a" or "an" before it are worded to need none.
    LabelWithoutArticle { label: String, field: &'static str },
    /// One of `organisation_kind` and `organisation_kinds` given without the other (`missing`).
    KindWithoutOther {
        given: String,
        missing: &'static str,
    },
}

impl StyleKind {
    pub fn message(&self) -> String {
        match self {
            StyleKind::HeadingRepeatsTitle => {
                "a # heading here repeats the page title's level".into()
            }
            StyleKind::HeadingSkipsLevel { from, to } => {
                format!("this heading skips from level {from} to level {to}")
            }
            StyleKind::VagueLinkText { words } => {
                format!("the link text \"{words}\" does not say where it goes")
            }
            StyleKind::Removed { what } => format!("{what} is removed when the site is built"),
            StyleKind::LongSentence { words, longest } => format!(
                "this sentence has {words} words; families read more easily under {longest}"
            ),
            StyleKind::NothingForFamilies { action, label } => {
                format!("\"{action}\" says nothing under \"{label}\"")
            }
            StyleKind::HardToRead {
                action,
                score,
                threshold,
            } => format!(
                "what \"{action}\" will mean for families scores {:.0} for reading ease, below {threshold:.0}",
                score.floor()
            ),
            StyleKind::NotInGlossary { word, uses } => {
                let more = if *uses > 1 {
                    format!(" (used {uses} times)")
                } else {
                    String::new()
                };
                format!("\"{word}\" is not in the glossary{more}")
            }
            StyleKind::NoBaseUrl => "the plan has no base_url, so the site is built without sitemap.xml and without the updates feed, and its not-found page (404.html) works only at the top of the site".into(),
            StyleKind::LabelWithoutArticle { label, field } => format!(
                "the label \"{label}\" has no {field}, so sentences that would say \"a\" or \"an\" before it are worded around it"
            ),
            StyleKind::KindWithoutOther { given, missing } => {
                format!("\"{given}\" is given without {missing}, so it stands for both")
            }
        }
    }

    pub fn hint(&self) -> String {
        match self {
            StyleKind::HeadingRepeatsTitle | StyleKind::HeadingSkipsLevel { .. } => "use one more # than the heading above it; the page title is the only # heading".into(),
            StyleKind::VagueLinkText { .. } => "use words that make sense on their own, e.g. [read the governance review](governance.md)".into(),
            StyleKind::Removed { .. } => "content may use plain Markdown and a small safe set of HTML (see the README): no scripts, event handlers, styles, frames or forms".into(),
            StyleKind::LongSentence { .. } => "split it into two or more shorter sentences".into(),
            StyleKind::NothingForFamilies { .. } => "add a line such as `families = [\"…\"]`: what will change for families, in plain words".into(),
            StyleKind::HardToRead { .. } => format!("use shorter sentences and everyday words (Flesch reading ease: 60 to 70 is plain English); a line such as `reading_ease = 60` {TOP_OF_PLAN} sets the threshold"),
            StyleKind::NoBaseUrl => format!("when you know where the site will be published, add a line such as `base_url = \"https://example.nhs.uk/maternity-plan/\"` {TOP_OF_PLAN}"),
            StyleKind::NotInGlossary { word, .. } => format!("add it to content/glossary.toml, each on a line of its own: `[[terms]]`, then `term = {}`, then `expansion = \"what it stands for\"`", quoted(word)),
            StyleKind::LabelWithoutArticle { label, field } => format!("add {field} under [labels]: the label as a sentence reads it after \"a\" or \"an\", with that word (\"a …\" or \"an …\" before \"{}\")", label.to_lowercase()),
            StyleKind::KindWithoutOther { missing, .. } => format!("add {missing} under [labels]: organisation_kind is one (\"partnership\"), organisation_kinds more than one (\"partnerships\")"),
        }
    }
}

/// A word as TOML writes it in a hint: in straight double quotes, with any quote in it escaped.
fn quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acronym_used_often_says_how_often_and_how_to_explain_it() {
        let kind = StyleKind::NotInGlossary {
            word: "CQC".into(),
            uses: 3,
        };
        assert_eq!(
            kind.message(),
            "\"CQC\" is not in the glossary (used 3 times)"
        );
        assert!(kind.hint().contains("`term = \"CQC\"`"));
    }
}
