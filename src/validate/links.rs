//! Checks that every link from one content file to another (`../priorities/1-safe-care.toml`,
//! `governance.md`) points at a file that exists.

use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag};
use toml::Spanned;

use crate::diagnostics::{ContentError, Source};
use crate::load::{content_target, Content};

/// Every link to a content file that does not exist, in pages and in priority files' Markdown.
pub fn check(content: &Content, errors: &mut Vec<ContentError>) {
    let exists = |path: &Path| content.sources.iter().any(|s| s.path == path);
    let mut check_text = |source: &Source, text: &str, offset: usize| {
        for (url, range) in links_in(text) {
            if let Some((target, _)) = content_target(&source.path, &url) {
                if !exists(&target) {
                    let at = offset + range.start;
                    errors.push(
                        ContentError::at(source, at..offset + range.end, format!("this links to {}, which does not exist", target.display()))
                            .hint("check the file name; links to other content files are written relative to this file"),
                    );
                }
            }
        }
    };
    for page in &content.pages {
        check_text(
            &content.sources[page.source],
            &page.value.body,
            page.value.body_offset,
        );
    }
    if let Some(plan) = &content.plan {
        check_text(&content.sources[plan.source], &plan.value.introduction, 0);
    }
    for priority in &content.priorities {
        let source = &content.sources[priority.source];
        for action in &priority.value.actions {
            let texts = action
                .achieve
                .iter()
                .chain(&action.doing)
                .chain(&action.families)
                .chain(&action.notes);
            for text in texts {
                check_text(source, text.get_ref(), string_start(text));
            }
        }
    }
}

/// Where a TOML string's text starts: after its opening quote(s).
fn string_start(text: &Spanned<String>) -> usize {
    text.span().start + 1
}

/// (address, byte range) of every link in a piece of Markdown. Skips the parse when there is none.
fn links_in(markdown: &str) -> Vec<(String, std::ops::Range<usize>)> {
    if !markdown.contains("](") && !markdown.contains("]:") {
        return Vec::new();
    }
    Parser::new(markdown)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some((dest_url.to_string(), range)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_with_their_place() {
        let links = links_in("See [a](a.md) and [b][1].\n\n[1]: b.toml\n");
        let urls: Vec<&str> = links.iter().map(|(u, _)| u.as_str()).collect();
        assert_eq!(urls, ["a.md", "b.toml"]);
        assert_eq!(links[0].1, 4..13);
    }
}
