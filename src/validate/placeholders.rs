//! A warning at each placeholder `planpress init` wrote that is still in the content, so a plan
//! started with `init` cannot publish "Title of the plan" unnoticed.

use crate::diagnostics::{ContentError, StyleKind};
use crate::init::PLACEHOLDERS;
use crate::load::Content;

pub fn check(content: &Content, warnings: &mut Vec<ContentError>) {
    for source in &content.sources {
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
