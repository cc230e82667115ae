//! Warnings a plan has accepted: `planpress check --accept` writes every warning there is now into
//! `accepted-warnings.toml` in the project folder, and from then on they are counted, not listed,
//! so a new one stands out. Each is known by its file, its words and the line of text it is at,
//! never by its line number: an edit above it does not make it new again. Pure: text in, text out.

use serde::{Deserialize, Serialize};

use super::{ContentError, Source};

/// The file's name, in the project folder (beside `content/`, so it is not content).
pub const FILE: &str = "accepted-warnings.toml";

/// The longest a line of text is kept in the file: enough to know it by.
const LONGEST_TEXT: usize = 160;

/// What the file says at its top.
const HEADER: &str = "\
# Warnings accepted with `planpress check --accept`: `check` counts them instead of listing
# them, so a new warning stands out. Each is known by its file, its words and the text it is
# at. Delete an entry (or this file) to see it listed again; run `planpress check --accept`
# again to accept the warnings there are now (one that has gone away drops out).
";

/// Every accepted warning.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    #[serde(default)]
    accepted: Vec<Entry>,
}

/// One accepted warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// The file it is in, from the project folder: `content/priorities/1-care.toml`.
    file: String,
    /// What it says.
    warning: String,
    /// The line it is at, as written (cut short if long); empty for a whole file.
    #[serde(default)]
    text: String,
}

impl Entry {
    fn of(warning: &ContentError, sources: &[Source]) -> Entry {
        let source = sources.iter().find(|s| s.path == warning.path);
        let text = match (source, &warning.span) {
            (Some(source), Some(span)) => line_at(&source.text, span.start),
            _ => String::new(),
        };
        Entry {
            file: warning.path.display().to_string(),
            warning: warning.message(),
            text,
        }
    }
}

/// The line holding `offset`, trimmed and cut at `LONGEST_TEXT` characters.
fn line_at(text: &str, offset: usize) -> String {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    text[start..end].trim().chars().take(LONGEST_TEXT).collect()
}

impl Accepted {
    /// The file's text read; an error says what is wrong with it.
    pub fn parse(text: &str) -> Result<Accepted, toml::de::Error> {
        toml::from_str(text)
    }

    /// Every warning there is now, accepted.
    pub fn of(warnings: &[ContentError], sources: &[Source]) -> Accepted {
        let accepted = warnings
            .iter()
            .filter(|w| !w.is_error())
            .map(|w| Entry::of(w, sources))
            .collect();
        Accepted { accepted }
    }

    /// How many warnings are accepted.
    pub fn len(&self) -> usize {
        self.accepted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.accepted.is_empty()
    }

    /// The file's text.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).unwrap_or_default();
        format!("{HEADER}\n{body}")
    }

    /// The warnings not accepted, in order, and how many were: each entry accepts one warning,
    /// so a second warning just like an accepted one is new.
    pub fn split<'a>(
        &self,
        warnings: &'a [ContentError],
        sources: &[Source],
    ) -> (Vec<&'a ContentError>, usize) {
        let mut unused: Vec<&Entry> = self.accepted.iter().collect();
        let mut new = Vec::new();
        for warning in warnings.iter().filter(|w| !w.is_error()) {
            let entry = Entry::of(warning, sources);
            match unused.iter().position(|e| **e == entry) {
                Some(at) => {
                    unused.swap_remove(at);
                }
                None => new.push(warning),
            }
        }
        let accepted = warnings.iter().filter(|w| !w.is_error()).count() - new.len();
        (new, accepted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::StyleKind;

    fn long_sentence(source: &Source, at: &str) -> ContentError {
        let start = source.text.find(at).unwrap();
        let kind = StyleKind::LongSentence {
            words: 31,
            longest: 30,
        };
        ContentError::at(source, start..start + at.len(), kind)
    }

    #[test]
    fn an_accepted_warning_stays_accepted_when_lines_are_added_above_it() {
        let before = Source::new("content/pages/a.md", "+++\n+++\nA long one.\n");
        let accepted = Accepted::of(&[long_sentence(&before, "A long one.")], &[before]);
        let text = accepted.to_toml();
        assert!(text.contains("file = \"content/pages/a.md\""), "{text}");
        assert!(text.contains("text = \"A long one.\""), "{text}");
        assert!(!text.contains("line"), "no line numbers: {text}");
        let accepted = Accepted::parse(&text).unwrap();
        let after = Source::new(
            "content/pages/a.md",
            "+++\n+++\nNew.\n\nA long one.\nB too.\n",
        );
        let warnings = [
            long_sentence(&after, "A long one."),
            long_sentence(&after, "B too."),
        ];
        let (new, count) = accepted.split(&warnings, &[after]);
        assert_eq!(count, 1);
        assert_eq!(new.len(), 1);
        assert_eq!(new[0].line, 6);
    }
}
