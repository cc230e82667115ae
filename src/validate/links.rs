//! Checks that every link from one content file to another (`../priorities/1-safe-care.toml`,
//! `governance.md`) points at a file that exists.

use std::collections::HashSet;
use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;

use super::texts::{texts_outside_registers, TextAt};
use crate::diagnostics::{ContentError, LinkKind};
use crate::load::{content_target, is_external_or_anchor, resolve, Content};

/// The files a link may reach: every content file and attachment.
pub fn existing(content: &Content) -> HashSet<&Path> {
    content
        .sources
        .iter()
        .map(|s| s.path.as_path())
        .chain(content.attachments.iter().map(|(p, _)| p.as_path()))
        .collect()
}

/// Every link and image in the content's Markdown outside the action registers (whose links
/// are checked with the rest of each register): links to content files or attachments that do
/// not exist, links that only work on a web server, and images without alt text.
pub fn check(content: &Content, files: &HashSet<&Path>, errors: &mut Vec<ContentError>) {
    let found: Vec<Vec<ContentError>> = texts_outside_registers(content)
        .par_iter()
        .map(|text| problems_in(content, text, files))
        .collect();
    errors.extend(found.into_iter().flatten());
}

/// The problems with the links and images of one piece of Markdown.
pub fn problems_in(content: &Content, text: &TextAt, files: &HashSet<&Path>) -> Vec<ContentError> {
    let source = &content.sources[text.source];
    let exists = |path: &Path| files.contains(path);
    let mut problems = Vec::new();
    for found in links_in(text.text) {
        let span = text.offset + found.range.start..text.offset + found.range.end;
        if let Some(problem) = link_problem(&source.path, &found.url, &exists) {
            problems.push(ContentError::at(source, span.clone(), problem));
        }
        if found.image && found.alt.trim().is_empty() {
            problems.push(ContentError::at(source, span, LinkKind::NoAltText));
        }
    }
    problems
}

/// What is wrong with a link written in the file `from`, if anything.
fn link_problem(from: &Path, url: &str, exists: &dyn Fn(&Path) -> bool) -> Option<LinkKind> {
    if url.starts_with('/') && !url.starts_with("//") {
        let url = url.to_string();
        return Some(LinkKind::FromRoot { url });
    }
    let target = match content_target(from, url) {
        Some((target, _)) => target,
        None if is_relative_file(url) => resolve(from, url.split(['#', '?']).next().unwrap_or(url)),
        None => return None,
    };
    if !target.starts_with("content") {
        let url = url.to_string();
        return Some(LinkKind::OutOfContent { url });
    }
    (!exists(&target)).then_some(LinkKind::Missing { target })
}

/// A relative link to a file (not an outside address, an anchor or an e-mail address).
fn is_relative_file(url: &str) -> bool {
    !is_external_or_anchor(url)
}

/// A link or image found in Markdown.
struct Found {
    url: String,
    range: std::ops::Range<usize>,
    image: bool,
    alt: String,
}

/// Every link and image in a piece of Markdown, with its place. Skips the parse when there is none.
fn links_in(markdown: &str) -> Vec<Found> {
    if !markdown.contains("](") && !markdown.contains("]:") {
        return Vec::new();
    }
    let mut found: Vec<Found> = Vec::new();
    let mut in_image = false;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => found.push(Found {
                url: dest_url.to_string(),
                range,
                image: false,
                alt: String::new(),
            }),
            Event::Start(Tag::Image { dest_url, .. }) => {
                in_image = true;
                found.push(Found {
                    url: dest_url.to_string(),
                    range,
                    image: true,
                    alt: String::new(),
                });
            }
            Event::Text(text) | Event::Code(text) if in_image => {
                if let Some(image) = found.last_mut() {
                    image.alt.push_str(&text);
                }
            }
            Event::End(TagEnd::Image) => in_image = false,
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_with_their_place() {
        let links = links_in("See [a](a.md) and [b][1] and ![](p.png).\n\n[1]: b.toml\n");
        let urls: Vec<&str> = links.iter().map(|f| f.url.as_str()).collect();
        assert_eq!(urls, ["a.md", "b.toml", "p.png"]);
        assert_eq!(links[0].range, 4..13);
        assert!(links[2].image && links[2].alt.is_empty());
    }

    #[test]
    fn links_must_reach_a_file_that_exists() {
        let from = Path::new("content/pages/a.md");
        let exists = |p: &Path| p == Path::new("content/files/report.pdf");
        assert!(link_problem(from, "../files/report.pdf", &exists).is_none());
        assert!(link_problem(from, "https://www.nhs.uk/", &exists).is_none());
        assert!(link_problem(from, "mailto:x@y.org", &exists).is_none());
        assert_eq!(
            link_problem(from, "../files/gone.pdf", &exists),
            Some(LinkKind::Missing {
                target: "content/files/gone.pdf".into()
            })
        );
        assert_eq!(
            link_problem(from, "/files/report.pdf", &exists),
            Some(LinkKind::FromRoot {
                url: "/files/report.pdf".into()
            })
        );
    }
}
