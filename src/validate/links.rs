//! Links from one content file to another (`../priorities/1-safe-care.toml`, `governance.md`),
//! written relative to the file they are in, the way an author's editor previews them. Validation
//! checks each points at a file that exists; rendering turns each into a link to its page.

use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{Event, Parser, Tag};
use toml::Spanned;

use crate::diagnostics::{ContentError, Source};
use crate::load::Content;

/// The content file a link points at, when it points at one (a relative link to a `.md` or
/// `.toml` file), with its `#fragment` if any. Outside addresses, anchors and other files: `None`.
pub fn content_target<'u>(from: &Path, url: &'u str) -> Option<(PathBuf, &'u str)> {
    if is_external_or_anchor(url) {
        return None;
    }
    let (path, fragment) = url.split_once('#').unwrap_or((url, ""));
    if !(path.ends_with(".md") || path.ends_with(".toml")) {
        return None;
    }
    Some((
        normalise(&from.parent().unwrap_or(Path::new("")).join(path)),
        fragment,
    ))
}

fn is_external_or_anchor(url: &str) -> bool {
    url.is_empty()
        || url.starts_with('#')
        || url.starts_with('/')
        || url
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains('/'))
}

/// `content/pages/../priorities/x.toml` → `content/priorities/x.toml`, without touching the disk.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

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
    fn content_links_resolve_relative_to_their_file() {
        let from = Path::new("content/pages/vision.md");
        assert_eq!(
            content_target(from, "../priorities/1-care.toml#aims"),
            Some((PathBuf::from("content/priorities/1-care.toml"), "aims"))
        );
        assert_eq!(
            content_target(from, "governance.md"),
            Some((PathBuf::from("content/pages/governance.md"), ""))
        );
    }

    #[test]
    fn other_links_are_not_content_links() {
        let from = Path::new("content/pages/vision.md");
        for url in [
            "https://www.nhs.uk/a.md",
            "mailto:a@b.org",
            "#top",
            "picture.png",
            "/abs.md",
        ] {
            assert_eq!(content_target(from, url), None, "{url}");
        }
    }

    #[test]
    fn finds_links_with_their_place() {
        let links = links_in("See [a](a.md) and [b][1].\n\n[1]: b.toml\n");
        let urls: Vec<&str> = links.iter().map(|(u, _)| u.as_str()).collect();
        assert_eq!(urls, ["a.md", "b.toml"]);
        assert_eq!(links[0].1, 4..13);
    }
}
