//! A warning at each placeholder `planpress init` wrote that is still in the content, so a plan
//! started with `init` cannot publish "Title of the plan" unnoticed.

use crate::diagnostics::{ContentError, StyleKind};
use crate::init::{PATHS, PLACEHOLDERS};
use crate::load::Content;

/// Only the files `init` writes are read: a region's plan has thousands of others.
pub fn check(content: &Content, warnings: &mut Vec<ContentError>) {
    let written_by_init =
        |path: &std::path::Path| PATHS.iter().any(|p| path == std::path::Path::new(p));
    for source in content.sources.iter().filter(|s| written_by_init(&s.path)) {
        for placeholder in &PLACEHOLDERS {
            let found = source.text.match_indices(placeholder.text);
            warnings.extend(found.map(|(at, text)| {
                let kind = StyleKind::Placeholder {
                    text: text.to_string(),
                    replace_with: placeholder.replace_with,
                };
                ContentError::at(source, at..at + text.len(), kind)
            }));
        }
    }
}
