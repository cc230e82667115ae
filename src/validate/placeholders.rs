//! An error at each placeholder `planpress new` or `planpress init` wrote that is still in the
//! content, in any file, so none is published. The placeholders are one list
//! (`crate::placeholders`), which the writers take their words from too.
//!
//! A region's plan has tens of thousands of action areas, in registers of 130 MB: reading them
//! for the placeholders took 0.4 s of a 50,000-action `check` (debug build, two cores). So a
//! register's values are compared with the placeholders as parsed (a length first, so almost no
//! text is read), which finds the same: `new` writes a register's placeholders only as whole
//! strings. The other files are small and hold Markdown, where a placeholder is a line of text:
//! each is read once for every placeholder at once (an Aho-Corasick automaton).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use aho_corasick::AhoCorasick;
use rayon::prelude::*;

use crate::diagnostics::{ContentError, Source, UnfinishedKind};
use crate::load::format::PriorityFile;
use crate::load::{Content, Loaded};
use crate::placeholders::{Placeholder, ALL};

static FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(ALL.iter().map(|p| p.written()))
        .expect("a few short placeholders always make an automaton")
});

pub fn check(content: &Content, errors: &mut Vec<ContentError>) {
    let registers: HashSet<usize> = content.priorities.iter().map(|p| p.source).collect();
    let others = (0..content.sources.len()).filter(|i| !registers.contains(i));
    let others: Vec<usize> = others.collect();
    let found: Vec<Vec<ContentError>> = others
        .par_iter()
        .map(|&i| in_source(&content.sources[i]))
        .chain(
            content
                .priorities
                .par_iter()
                .map(|p| in_register(content, p)),
        )
        .collect();
    errors.extend(found.into_iter().flatten());
}

/// The placeholders among a register's titles and bullets.
fn in_register(content: &Content, priority: &Loaded<Arc<PriorityFile>>) -> Vec<ContentError> {
    let source = &content.sources[priority.source];
    let file = &priority.value;
    let mut found = Vec::new();
    // A title has no place of its own once parsed: it is found in the text from where its
    // entry starts (the first action's title may come before its id: then from the top).
    let mut title = |title: &str, from: usize| {
        let Some(placeholder) = placeholder_of(title) else {
            return;
        };
        let written = placeholder.written();
        let text = source.text.as_str();
        let at = text[from..].find(&written).map(|at| from + at);
        if let Some(at) = at.or_else(|| text.find(&written)) {
            found.push(error(source, at..at + written.len(), placeholder));
        }
    };
    title(&file.title, 0);
    for action in file
        .actions
        .iter()
        .filter(|a| placeholder_of(&a.title).is_some())
    {
        let entry = source.text[..action.id.span().start].rfind("[[actions]]");
        title(&action.title, entry.unwrap_or(0));
    }
    let bullets = file.actions.iter().flat_map(|a| {
        let columns = a.columns.values().flatten();
        a.achieve
            .iter()
            .chain(&a.doing)
            .chain(&a.families)
            .chain(columns)
    });
    for bullet in bullets {
        if let Some(placeholder) = placeholder_of(bullet.get_ref()) {
            found.push(error(source, bullet.span(), placeholder));
        }
    }
    found
}

/// The placeholder a TOML string's value is, if it is one.
fn placeholder_of(value: &str) -> Option<&'static Placeholder> {
    ALL.iter()
        .copied()
        .find(|p| p.quoted && p.text.len() == value.len() && p.text == value)
}

fn error(source: &Source, span: Range<usize>, placeholder: &Placeholder) -> ContentError {
    let kind = UnfinishedKind::Placeholder {
        text: placeholder.written(),
        replace_with: placeholder.replace_with,
    };
    ContentError::at(source, span, kind)
}

fn in_source(source: &Source) -> Vec<ContentError> {
    let text = &source.text;
    let toml_ends = toml_part(source);
    FINDER
        .find_iter(text.as_str())
        .filter(|found| !in_comment(text, found.start(), toml_ends))
        .map(|found| error(source, found.range(), ALL[found.pattern().as_usize()]))
        .collect()
}

/// Where the TOML of a file ends: all of a `.toml` file, the front matter of a Markdown one.
fn toml_part(source: &Source) -> usize {
    let text = &source.text;
    match source.path.extension().and_then(|e| e.to_str()) {
        Some("toml") => text.len(),
        Some("md") => text
            .get(3..)
            .and_then(|rest| rest.find("\n+++"))
            .map_or(0, |at| at + 3),
        _ => 0,
    }
}

/// Whether `at` is in a TOML comment line: the lines `new` writes commented out (an evidence
/// entry to copy) are examples, not content.
fn in_comment(text: &str, at: usize, toml_ends: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    at < toml_ends && text[line_start..at].trim_start().starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(path: &str, text: &str) -> Vec<(usize, usize)> {
        let source = Source::new(path, text);
        in_source(&source)
            .iter()
            .map(|e| (e.line, e.column))
            .collect()
    }

    #[test]
    fn a_placeholder_is_found_where_it_is_and_never_in_a_comment_or_a_longer_sentence() {
        let update = "+++\ntitle = \"Title of this update\"\n# evidence = [{ title = \"What the evidence is\" }]\n+++\n# A heading\nThe story of this update, in Markdown.\n";
        assert_eq!(found("content/updates/u.md", update), [(2, 9), (6, 1)]);
        let register = "title = \"New action area for the birth centre\"\nachieve = [\"What do we expect to achieve? One bullet per line.\"]\n";
        assert_eq!(found("content/priorities/p.toml", register), [(2, 12)]);
    }
}
