//! An error at each placeholder `planpress new` or `planpress init` wrote that is still in the
//! content, in any file, so none is published. The placeholders are one list
//! (`crate::placeholders`), which the writers take their words from too.
//!
//! A region's plan has tens of thousands of action areas, so each file is read once for every
//! placeholder at once (an Aho-Corasick automaton), the files in parallel.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use rayon::prelude::*;

use crate::diagnostics::{ContentError, Source, UnfinishedKind};
use crate::load::Content;
use crate::placeholders::ALL;

static FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(ALL.iter().map(|p| p.written()))
        .expect("a few short placeholders always make an automaton")
});

pub fn check(content: &Content, errors: &mut Vec<ContentError>) {
    let found: Vec<Vec<ContentError>> = content.sources.par_iter().map(in_source).collect();
    errors.extend(found.into_iter().flatten());
}

fn in_source(source: &Source) -> Vec<ContentError> {
    let text = &source.text;
    let toml_ends = toml_part(source);
    FINDER
        .find_iter(text.as_str())
        .filter(|found| !in_comment(text, found.start(), toml_ends))
        .map(|found| {
            let placeholder = ALL[found.pattern().as_usize()];
            let kind = UnfinishedKind::Placeholder {
                text: placeholder.written(),
                replace_with: placeholder.replace_with,
            };
            ContentError::at(source, found.range(), kind)
        })
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
