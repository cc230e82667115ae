//! Warnings: things that do not stop the build but make the site harder to read. Headings that skip
//! a level, link text such as "click here", very long sentences in text for families, acronyms the
//! glossary does not explain, and an empty "what this will mean for families".

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::diagnostics::{ContentError, Source, StyleKind};
use crate::load::{markdown_texts, Content, Kind, Piece};
use crate::markdown::{Heading, Link};
use crate::Stop;

/// Sentences longer than this, in text for families, are hard to read on a phone.
pub const LONGEST_SENTENCE: usize = 30;

/// Link text that says nothing about where the link goes.
const VAGUE_LINKS: [&str; 7] = [
    "click here",
    "here",
    "read more",
    "more",
    "link",
    "this link",
    "click",
];

pub fn check(content: &Content, stop: &Stop) -> Vec<ContentError> {
    // Each piece of Markdown is checked on its own, in parallel; the results keep their order.
    let mut warnings: Vec<ContentError> = markdown_texts(content)
        .par_iter()
        .filter(|_| !stop())
        .flat_map_iter(|text| text_warnings(content, text))
        .collect();
    let rest: [fn(&Content, &mut Vec<ContentError>); 3] =
        [empty_families, hard_to_read, unexplained_acronyms];
    for check in rest {
        if stop() {
            break;
        }
        check(content, &mut warnings);
    }
    warnings
}

/// What is worth fixing in one piece of Markdown, from its parse's outline.
fn text_warnings(content: &Content, text: &Piece) -> Vec<ContentError> {
    let mut warnings = Vec::new();
    let source = &content.sources[text.source];
    let offset = text.at.offset;
    let at = |range: &std::ops::Range<usize>| offset + range.start..offset + range.end;
    let parsed = text.parsed;
    if text.at.kind == Kind::Document {
        for (range, kind) in heading_problems(parsed.headings()) {
            warnings.push(ContentError::at(source, at(range), kind));
        }
    }
    for (range, words) in vague_links(parsed.links()) {
        let kind = StyleKind::VagueLinkText { words };
        warnings.push(ContentError::at(source, at(range), kind));
    }
    for removed in parsed.removed() {
        let what = removed.what.clone();
        let kind = StyleKind::Removed { what };
        warnings.push(ContentError::at(source, at(&removed.range), kind));
    }
    if text.at.kind == Kind::ForFamilies {
        for (range, words) in long_sentences(text.at.text) {
            let longest = LONGEST_SENTENCE;
            let kind = StyleKind::LongSentence { words, longest };
            warnings.push(ContentError::at(source, at(&range), kind));
        }
    }
    warnings
}

/// Headings that skip a level (## then ####), or a # heading under the page's own title.
fn heading_problems(headings: &[Heading]) -> Vec<(&std::ops::Range<usize>, StyleKind)> {
    let mut problems = Vec::new();
    let mut previous = 1;
    for heading in headings {
        let level = heading.level;
        if level == 1 {
            problems.push((&heading.range, StyleKind::HeadingRepeatsTitle));
        } else if level > previous + 1 {
            let (from, to) = (previous, level);
            problems.push((&heading.range, StyleKind::HeadingSkipsLevel { from, to }));
        }
        previous = level;
    }
    problems
}

/// Links whose words say nothing about where they go ("click here").
fn vague_links(links: &[Link]) -> Vec<(&std::ops::Range<usize>, String)> {
    let mut found = Vec::new();
    for link in links.iter().filter(|link| !link.image) {
        let words = &link.text;
        let plain = words
            .trim()
            .trim_end_matches(['.', '!', ':'])
            .to_lowercase();
        if VAGUE_LINKS.contains(&plain.as_str()) {
            found.push((&link.range, words.trim().to_string()));
        }
    }
    found
}

/// Sentences (ended by . ! or ?) with more than `LONGEST_SENTENCE` words, and their word counts.
fn long_sentences(text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut found = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let at_end = end == text.len();
        let boundary = matches!(c, '.' | '!' | '?')
            && text[end..].chars().next().is_none_or(char::is_whitespace);
        if boundary || at_end {
            let words = text[start..end].split_whitespace().count();
            if words > LONGEST_SENTENCE {
                let lead = text[start..end].len() - text[start..end].trim_start().len();
                found.push((start + lead..end, words));
            }
            start = end;
        }
    }
    found
}

/// Action areas with nothing for families, where the plan has a column for families in rows of
/// their kind: a plan without one is not asked for it.
fn empty_families(content: &Content, warnings: &mut Vec<ContentError>) {
    let plan = content.plan.as_ref().map(|p| &p.value);
    let declared = plan.and_then(|p| p.columns.iter().find(|c| c.id.get_ref() == "families"));
    let columns = content.plan.as_ref().map(|p| {
        let source = &content.sources[p.source];
        super::columns::Columns::of(source, &p.value, &mut Vec::new())
    });
    let has_families = |kind: &Option<toml::Spanned<String>>| {
        let kind = kind.as_ref().map(|k| k.get_ref().as_str());
        columns.as_ref().is_none_or(|c| c.has("families", kind))
    };
    let label = match (declared, plan) {
        (Some(column), _) => column.heading.clone(),
        (None, Some(plan)) => plan.labels.families.clone().unwrap_or_default(),
        (None, None) => String::new(),
    };
    let label = Some(label)
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| "What will this mean for our families".to_string());
    for priority in &content.priorities {
        let source = &content.sources[priority.source];
        for action in priority.value.actions.iter().filter(|a| {
            has_families(&a.kind) && a.families.iter().all(|f| f.get_ref().trim().is_empty())
        }) {
            let kind = StyleKind::NothingForFamilies {
                action: action.id.get_ref().clone(),
                label: label.clone(),
            };
            warnings.push(ContentError::at(source, action.id.span(), kind));
        }
    }
}

/// Actions whose text for families scores below the plan's reading-ease threshold.
fn hard_to_read(content: &Content, warnings: &mut Vec<ContentError>) {
    let threshold = content
        .plan
        .as_ref()
        .and_then(|p| p.value.reading_ease)
        .unwrap_or(super::plain_english::DEFAULT_THRESHOLD);
    // Every action's text for families is scored: the priorities are taken in parallel.
    let found: Vec<Vec<ContentError>> = content
        .priorities
        .par_iter()
        .map(|priority| hard_to_read_in(content, priority, threshold))
        .collect();
    warnings.extend(found.into_iter().flatten());
}

/// The actions of one priority whose text for families scores below `threshold`.
fn hard_to_read_in(
    content: &Content,
    priority: &crate::load::Loaded<std::sync::Arc<crate::load::format::PriorityFile>>,
    threshold: f64,
) -> Vec<ContentError> {
    let mut warnings = Vec::new();
    let source = &content.sources[priority.source];
    for action in &priority.value.actions {
        let text: Vec<&str> = action
            .families
            .iter()
            .map(|f| f.get_ref().as_str())
            .collect();
        let Some(score) = super::plain_english::reading_ease(&text.join(" ")) else {
            continue;
        };
        if score < threshold {
            let place = action
                .families
                .first()
                .map_or(action.id.span(), |f| f.span());
            let kind = StyleKind::HardToRead {
                action: action.id.get_ref().clone(),
                score,
                threshold,
            };
            warnings.push(ContentError::at(source, place, kind));
        }
    }
    warnings
}

/// Each acronym the glossary does not explain, once, where it is first used.
fn unexplained_acronyms(content: &Content, warnings: &mut Vec<ContentError>) {
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
    let found: Vec<Vec<(String, std::ops::Range<usize>, usize)>> = content
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
    let mut first: HashMap<String, (usize, std::ops::Range<usize>, usize)> = HashMap::new();
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
) -> Vec<(String, std::ops::Range<usize>, usize)> {
    let mut found: Vec<(String, std::ops::Range<usize>, usize)> = Vec::new();
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

/// In the glossary as written, as a plural ("KPIs"), or a hyphenated word whose acronym parts are
/// ("ICS-wide").
fn is_known(known: &HashSet<String>, word: &str) -> bool {
    let listed =
        |w: &str| known.contains(w) || w.strip_suffix('s').is_some_and(|w| known.contains(w));
    listed(word)
        || (word.contains('-') && word.split('-').filter(|part| is_acronym(part)).all(listed))
}

/// Words that look like acronyms: two or more capitals ("SRO", "BR+", "O&G", "HoM", "3YDP").
/// Runs of three or more capitalised words are shouting, not acronyms, and TOML comments are skipped.
fn acronyms(source: &Source, is_toml: bool) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in source.text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if is_toml && line.trim_start().starts_with('#') {
            continue;
        }
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
            if is_acronym(word) && !(in_run() && shouting(i)) {
                found.push((line_start + at..line_start + at + word.len(), word));
            }
        }
    }
    found
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

    fn parsed(markdown: &str) -> crate::markdown::Parsed {
        let file = std::path::Path::new("content/pages/a.md");
        crate::markdown::parse(markdown, file, crate::markdown::Style::Block, false)
    }

    #[test]
    fn skipped_heading_levels_are_found() {
        let parsed = parsed("## A\n\n#### B\n\n# C\n");
        let problems = heading_problems(parsed.headings());
        let kinds: Vec<StyleKind> = problems.into_iter().map(|(_, k)| k).collect();
        assert_eq!(
            kinds,
            [
                StyleKind::HeadingSkipsLevel { from: 2, to: 4 },
                StyleKind::HeadingRepeatsTitle
            ]
        );
    }

    #[test]
    fn vague_link_text_is_found() {
        let parsed = parsed("[Click here](a.md) or [read the review](b.md) or [here.](c.md)");
        let found = vague_links(parsed.links());
        let words: Vec<&str> = found.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(words, ["Click here", "here."]);
    }

    #[test]
    fn long_sentences_are_counted() {
        let long = "word ".repeat(31);
        let text = format!("Short one. {}end.", long);
        let found = long_sentences(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, 32);
        assert!(text[found[0].0.clone()].starts_with("word"));
        assert!(long_sentences("Dr. Smith will see you. It is 1.5 miles away.").is_empty());
    }

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
}
