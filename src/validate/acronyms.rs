//! Acronyms the glossary does not explain: each one, once, where it is first used. A word is an
//! acronym by its capitals ("SRO", "BR+", "3YDP"); it is looked for in Markdown and in TOML, but
//! never in a TOML comment, where the editor's notes are not the plan's text, and the glossary's
//! terms are known inside hyphenated words ("ICS-wide") and after a figure ("1.0WTE").

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use rayon::prelude::*;

use crate::diagnostics::{ContentError, Source, StyleKind};
use crate::load::Content;

/// Each acronym the glossary does not explain, once, where it is first used.
pub(super) fn unexplained_acronyms(content: &Content, warnings: &mut Vec<ContentError>) {
    let known: HashSet<String> = content
        .glossary
        .as_ref()
        .map(|g| {
            g.value
                .terms
                .iter()
                .map(|t| t.term.get_ref().clone())
                .collect()
        })
        .unwrap_or_default();
    let glossary_path = std::path::Path::new("content/glossary.toml");
    // Each file is searched on its own for the acronyms the glossary lacks (their first use and
    // how many); most uses are of known terms, and are dropped there.
    let found: Vec<Vec<(String, Range<usize>, usize)>> = content
        .sources
        .par_iter()
        .map(|source| {
            let is_toml = source.path.extension().is_some_and(|e| e == "toml");
            let is_md = source.path.extension().is_some_and(|e| e == "md");
            if source.path == glossary_path || !(is_toml || is_md) {
                return Vec::new();
            }
            unknown_acronyms(source, is_toml, &known)
        })
        .collect();
    let mut first: HashMap<String, (usize, Range<usize>, usize)> = HashMap::new();
    let mut order = Vec::new();
    for (index, found) in found.into_iter().enumerate() {
        for (word, range, uses) in found {
            let entry = first.entry(word.clone()).or_insert_with(|| {
                order.push(word);
                (index, range, 0)
            });
            entry.2 += uses;
        }
    }
    for word in order {
        let (index, range, uses) = first[&word].clone();
        let kind = StyleKind::NotInGlossary { word, uses };
        warnings.push(ContentError::at(&content.sources[index], range, kind));
    }
}

/// The acronyms in one file that the glossary does not explain: each with its first use and how
/// many times it is used, in the order of first use.
fn unknown_acronyms(
    source: &Source,
    is_toml: bool,
    known: &HashSet<String>,
) -> Vec<(String, Range<usize>, usize)> {
    let mut found: Vec<(String, Range<usize>, usize)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for (range, word) in acronyms(source, is_toml) {
        if let Some(&i) = at.get(word) {
            found[i].2 += 1;
        } else if !is_known(known, word) {
            at.insert(word, found.len());
            found.push((word.to_string(), range, 1));
        }
    }
    found
}

/// In the glossary as written, as a plural ("KPIs"), after a figure ("0WTE", of "1.0WTE"), or a
/// hyphenated word whose acronym parts are ("ICS-wide").
fn is_known(known: &HashSet<String>, word: &str) -> bool {
    let as_written =
        |w: &str| known.contains(w) || w.strip_suffix('s').is_some_and(|w| known.contains(w));
    let listed =
        |w: &str| as_written(w) || as_written(w.trim_start_matches(|c: char| c.is_ascii_digit()));
    listed(word)
        || (word.contains('-') && word.split('-').filter(|part| is_acronym(part)).all(listed))
}

/// Words that look like acronyms: two or more capitals ("SRO", "BR+", "O&G", "HoM", "3YDP").
/// Runs of three or more capitalised words are shouting, not acronyms, and TOML comments are skipped.
fn acronyms(source: &Source, is_toml: bool) -> Vec<(Range<usize>, &str)> {
    let comments = if is_toml {
        toml_comments(&source.text)
    } else {
        Vec::new()
    };
    let in_comment = |at: usize| comments.iter().any(|c| c.contains(&at));
    let mut found = Vec::new();
    let mut offset = 0;
    for line in source.text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        // Most lines have no acronym at all: only those that do are looked at closely.
        if !tokens(line).any(|(_, word)| is_acronym(word)) {
            continue;
        }
        let words: Vec<(usize, &str)> = tokens(line).collect();
        for (i, &(at, word)) in words.iter().enumerate() {
            let shouting = |j: usize| {
                words
                    .get(j)
                    .is_some_and(|(_, w)| w.len() > 1 && w.chars().all(|c| !c.is_lowercase()))
            };
            let in_run = || {
                (i >= 2 && shouting(i - 2) && shouting(i - 1))
                    || (i >= 1 && shouting(i - 1) && shouting(i + 1))
                    || (shouting(i + 1) && shouting(i + 2))
            };
            if is_acronym(word) && !(in_run() && shouting(i)) && !in_comment(line_start + at) {
                found.push((line_start + at..line_start + at + word.len(), word));
            }
        }
    }
    found
}

/// The byte ranges of a TOML file's comments: each from a `#` outside any string to the end of
/// its line. A `#` inside a string, even one over several lines (a Markdown heading in `notes`),
/// is the plan's text.
fn toml_comments(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut comments = Vec::new();
    // The open string's closing quote (one quote, or three), if a string is open.
    let mut open: Option<&[u8]> = None;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        match open {
            // A basic string's escape hides the quote after it; a literal string has none.
            Some(close) if byte == b'\\' && close[0] == b'"' => i += 2,
            Some(close) if bytes[i..].starts_with(close) => {
                open = None;
                i += close.len();
            }
            Some(close) => {
                // A one-line string left open ends with its line (the parser reports it).
                if close.len() == 1 && byte == b'\n' {
                    open = None;
                }
                i += 1;
            }
            None if byte == b'#' => {
                let end = text[i..].find('\n').map_or(text.len(), |e| i + e);
                comments.push(i..end);
                i = end;
            }
            None if byte == b'"' || byte == b'\'' => {
                let length = if bytes[i..].starts_with(&[byte; 3]) {
                    3
                } else {
                    1
                };
                open = Some(&bytes[i..i + length]);
                i += length;
            }
            None => i += 1,
        }
    }
    comments
}

/// Words of a line with their byte offsets: letters, digits, and + & - ' inside a word.
fn tokens(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split(|c: char| !(c.is_alphanumeric() || matches!(c, '+' | '&' | '-' | '\'')))
        .scan(0usize, move |pos, piece| {
            let start = *pos;
            *pos += piece.len() + 1;
            Some((start, piece))
        })
        .map(|(start, piece)| {
            let trimmed = piece.trim_start_matches(['-', '\'']);
            let lead = piece.len() - trimmed.len();
            let trimmed = trimmed.trim_end_matches(['-', '\'']);
            let trimmed = trimmed.strip_suffix("'s").unwrap_or(trimmed);
            (start + lead, trimmed)
        })
        .filter(|(_, word)| !word.is_empty())
}

/// Mostly capitals, at least two: "SRO", "HoM", "SBLCBv2", "O&G"; not "JavaScript" or "Well-Led".
fn is_acronym(word: &str) -> bool {
    // Most words fail the first test, so it comes first and the rest never runs for them.
    let starts_well = word
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    starts_well
        && word.split('-').any(|part| {
            let capitals = part.chars().filter(char::is_ascii_uppercase).count();
            let letters = part.chars().filter(|c| c.is_alphabetic()).count();
            letters > 0 && capitals >= 2 && capitals * 2 >= letters
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_told_from_shouting() {
        let source = Source::new("content/pages/a.md", "The SRO and the MNVP's plan, BR+ and O&G, HoM, NEWTT-2.\nOCKENDEN REPORT - MATERNITY SERVICES\nJavaScript, Well-Led\n");
        let words: Vec<&str> = acronyms(&source, false)
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(words, ["SRO", "MNVP", "BR+", "O&G", "HoM", "NEWTT-2"]);
        let known: HashSet<String> = ["ICS", "KPI"].map(String::from).into();
        assert!(
            is_known(&known, "ICS-wide") && is_known(&known, "KPIs") && !is_known(&known, "SRO")
        );
    }

    #[test]
    fn known_terms_are_known_after_a_figure() {
        let known: HashSet<String> = ["WTE", "3YDP"].map(String::from).into();
        assert!(is_known(&known, "0WTE") && is_known(&known, "2WTEs"));
        assert!(is_known(&known, "3YDP") && !is_known(&known, "0SRO"));
    }

    #[test]
    fn toml_comments_are_found_outside_strings_only() {
        let text = "# A note on MDT\nsro = \"CNO\" # ask the SRO\nnotes = \"\"\"\n# Heading with PMA\n\"\"\"\nx = 'a # b' # LMNS\nq = \"say \\\"#\\\" ok\" # ICB\n";
        let comments: Vec<&str> = toml_comments(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            comments,
            ["# A note on MDT", "# ask the SRO", "# LMNS", "# ICB"]
        );
        let source = Source::new("content/plan.toml", text);
        let words: Vec<&str> = acronyms(&source, true)
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(words, ["CNO", "PMA"]);
    }
}
