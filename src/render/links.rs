//! Links written in content, resolved the way an author's editor previews them: relative to the file
//! they are written in. A link to a content file (`../priorities/1-safe-care.toml`, `governance.md`)
//! becomes a link to the page built from it; one to a content file that does not exist is an error.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::markdown::LinkTarget;
use crate::load::{content_target, resolve, Attachment};
use crate::model::Plan;

/// Which page each content file becomes, keyed by the file's path relative to the project root.
pub struct LinkTargets {
    pages: HashMap<PathBuf, String>,
    /// Of every (file, page) pair: the same fingerprint, the same links.
    fingerprint: u64,
}

impl LinkTargets {
    /// The pages of this plan's content files.
    pub fn new<'a>(
        plan: &Plan,
        sources: impl Iterator<Item = &'a Path>,
        attachments: &[Attachment],
    ) -> LinkTargets {
        let mut pages = HashMap::new();
        for path in sources {
            if let Some(target) = target_of(plan, path) {
                pages.insert(path.to_path_buf(), target);
            }
        }
        for (path, _) in attachments {
            pages.insert(path.clone(), published_path(path));
        }
        let mut sorted: Vec<_> = pages.iter().collect();
        sorted.sort();
        let fingerprint = super::cache::fingerprint(&sorted);
        LinkTargets { pages, fingerprint }
    }

    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Where `url`, written in the file `from`, should point, from a page `root` away from the top.
    /// Validation has already refused links to content files that do not exist.
    pub fn resolve(&self, from: &Path, url: &str, root: &str) -> LinkTarget {
        let Some((path, fragment)) =
            content_target(from, url).or_else(|| self.attachment(from, url))
        else {
            return LinkTarget::Keep;
        };
        let fragment = if fragment.is_empty() {
            String::new()
        } else {
            format!("#{fragment}")
        };
        match self.pages.get(&path) {
            Some(page) => LinkTarget::Rewrite(format!("{root}{page}{fragment}")),
            None => LinkTarget::Broken(format!(
                "this links to {}, which is not a page",
                path.display()
            )),
        }
    }
}

impl LinkTargets {
    /// A relative link to a published file (`../files/report.pdf`), if it names one.
    fn attachment<'u>(&self, from: &Path, url: &'u str) -> Option<(PathBuf, &'u str)> {
        let (path, fragment) = url.split_once('#').unwrap_or((url, ""));
        let target = resolve(from, path);
        self.pages
            .contains_key(&target)
            .then_some((target, fragment))
    }
}

/// Where a file under `content/files/` is published: the same path under the site root.
pub fn published_path(path: &Path) -> String {
    let inside = path.strip_prefix("content").unwrap_or(path);
    inside
        .iter()
        .map(|p| p.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn target_of(plan: &Plan, path: &Path) -> Option<String> {
    let parts: Vec<&str> = path.iter().filter_map(|p| p.to_str()).collect();
    let stem = path.file_stem()?.to_str()?;
    match parts.as_slice() {
        ["content", "plan.toml"] => Some("index.html".into()),
        ["content", "sros.toml"] => Some("sros.html".into()),
        ["content", "priorities", _] if plan.priorities.iter().any(|p| p.id == stem) => {
            Some(format!("priorities/{stem}.html"))
        }
        ["content", "pages", _] if plan.pages.iter().any(|p| p.slug == stem) => {
            Some(format!("{stem}.html"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> LinkTargets {
        let mut pages = HashMap::new();
        pages.insert(
            PathBuf::from("content/pages/governance.md"),
            "governance.html".to_string(),
        );
        pages.insert(
            PathBuf::from("content/priorities/1-care.toml"),
            "priorities/1-care.html".to_string(),
        );
        LinkTargets {
            pages,
            fingerprint: 0,
        }
    }

    fn rewritten(target: LinkTarget) -> String {
        match target {
            LinkTarget::Rewrite(url) => url,
            LinkTarget::Keep => "(kept)".into(),
            LinkTarget::Broken(m) => format!("(broken: {m})"),
        }
    }

    #[test]
    fn content_links_resolve_relative_to_the_file() {
        let from = Path::new("content/pages/vision.md");
        let t = targets();
        assert_eq!(
            rewritten(t.resolve(from, "governance.md#aims", "")),
            "governance.html#aims"
        );
        assert_eq!(
            rewritten(t.resolve(from, "../priorities/1-care.toml", "../")),
            "../priorities/1-care.html"
        );
        assert!(rewritten(t.resolve(from, "missing.md", "")).starts_with("(broken: "));
    }

    #[test]
    fn outside_addresses_and_anchors_are_kept() {
        let from = Path::new("content/pages/vision.md");
        let t = targets();
        for url in [
            "https://www.nhs.uk/",
            "mailto:a@b.org",
            "#top",
            "picture.png",
        ] {
            assert_eq!(rewritten(t.resolve(from, url, "")), "(kept)", "{url}");
        }
    }
}
