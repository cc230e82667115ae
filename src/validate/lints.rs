//! Warnings: things that do not stop the build but make the site harder to read. Headings that skip
//! a level, link text such as "click here", very long sentences in text for families, acronyms the
//! glossary does not explain, and an empty "what this will mean for families".

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;

use super::acronyms::{self, Found};
use crate::diagnostics::{ContentError, Source, StyleKind};
use crate::load::{register_texts, texts_outside_registers, Content, Kind, Piece};
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

pub fn check(content: &Content, stop: &Stop, reuse: &dyn super::Reuse) -> Vec<ContentError> {
    // Each piece of Markdown is checked on its own, in parallel; the results keep their order.
    // The registers' pieces, most of a large plan, are checked with each register's file below.
    let mut warnings: Vec<ContentError> = texts_outside_registers(content)
        .par_iter()
        .filter(|_| !stop())
        .flat_map_iter(|text| text_warnings(content, text))
        .collect();
    if stop() {
        return warnings;
    }
    empty_families(content, &mut warnings);
    let known = acronyms::known(content);
    let threshold = content
        .plan
        .as_ref()
        .and_then(|p| p.value.reading_ease)
        .unwrap_or(super::plain_english::DEFAULT_THRESHOLD);
    let surroundings = surroundings(content, threshold);
    let files: Vec<Arc<FileStyle>> = content
        .sources
        .par_iter()
        .enumerate()
        .map(|(index, source)| {
            if stop() {
                return Arc::default();
            }
            let find = || Arc::new(FileStyle::of(content, index, &known, threshold));
            reuse.file_style(source, surroundings, &find)
        })
        .collect();
    for file in &files {
        warnings.extend(file.texts.iter().chain(&file.hard_to_read).cloned());
    }
    acronyms::unexplained(
        content,
        files.iter().map(|file| &file.acronyms),
        &mut warnings,
    );
    warnings
}

/// What the slow style checks find in one file, which depends on nothing outside it but the
/// glossary and the reading-ease threshold (a register's texts' own checks, on nothing at all):
/// `serve` keeps it while those and the file are the same, so an edit searches one file, not the
/// whole plan.
#[derive(Debug, Default)]
pub struct FileStyle {
    /// The acronyms the glossary lacks, in pieces (`acronyms::in_file`).
    acronyms: Vec<Vec<Found>>,
    /// What is worth fixing in each piece of Markdown of its action register, in order.
    texts: Vec<ContentError>,
    /// Its action areas whose text for families is hard to read, in order.
    hard_to_read: Vec<ContentError>,
}

impl FileStyle {
    fn of(content: &Content, index: usize, known: &HashSet<String>, threshold: f64) -> FileStyle {
        let source = &content.sources[index];
        let registers = content.priorities.iter().filter(|p| p.source == index);
        let mut style = FileStyle {
            acronyms: acronyms::in_file(source, known),
            ..FileStyle::default()
        };
        for register in registers {
            let texts = register_texts(register);
            let texts = texts.par_iter().with_min_len(super::ACTIONS_TOGETHER);
            style
                .texts
                .par_extend(texts.flat_map_iter(|text| text_warnings(content, text)));
            style
                .hard_to_read
                .extend(hard_to_read(source, &register.value, threshold));
        }
        style
    }
}

/// A fingerprint of what a file's style depends on beside the file: the glossary's terms and
/// the reading-ease threshold.
fn surroundings(content: &Content, threshold: f64) -> u64 {
    let mut hasher = DefaultHasher::new();
    let terms = content.glossary.iter().flat_map(|g| &g.value.terms);
    for term in terms {
        term.term.get_ref().hash(&mut hasher);
    }
    threshold.to_bits().hash(&mut hasher);
    hasher.finish()
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

/// The actions of a register whose text for families scores below the plan's reading-ease
/// threshold, in order; scored in parallel (one register may hold every action of the plan).
fn hard_to_read(
    source: &Source,
    register: &crate::load::format::PriorityFile,
    threshold: f64,
) -> Vec<ContentError> {
    let actions = register.actions.par_iter();
    let actions = actions.with_min_len(super::ACTIONS_TOGETHER);
    let found = actions.filter_map(|action| hard_to_read_at(source, action, threshold));
    found.collect()
}

/// A warning if the action's text for families scores below `threshold`.
fn hard_to_read_at(
    source: &Source,
    action: &crate::load::format::ActionEntry,
    threshold: f64,
) -> Option<ContentError> {
    let text: Vec<&str> = action.families.iter().map(|f| &**f.get_ref()).collect();
    let score = super::plain_english::reading_ease(&text.join(" "))?;
    (score < threshold).then(|| {
        let place = action
            .families
            .first()
            .map_or(action.id.span(), |f| f.span());
        let kind = StyleKind::HardToRead {
            action: action.id.get_ref().clone(),
            score,
            threshold,
        };
        ContentError::at(source, place, kind)
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
}
