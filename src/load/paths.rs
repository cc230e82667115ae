//! Links from one content file to another (`../priorities/1-safe-care.toml`, `governance.md`),
//! written relative to the file they are in, the way an author's editor previews them. Validation
//! checks each points at a file that exists; rendering turns each into a link to its page.

use std::path::{Component, Path, PathBuf};

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
    Some((resolve(from, path), fragment))
}

/// The path a relative reference written in the file `from` names, relative to the project root.
pub fn resolve(from: &Path, relative: &str) -> PathBuf {
    normalise(&from.parent().unwrap_or(Path::new("")).join(relative))
}

/// An outside address, an anchor, an absolute path or an empty link: not a file relative to here.
pub fn is_external_or_anchor(url: &str) -> bool {
    url.is_empty()
        || url.starts_with('#')
        || url.starts_with('/')
        || url
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains('/'))
}

/// `content/pages/../priorities/x.toml` → `content/priorities/x.toml`, without touching the disk.
/// A path that climbs above the project keeps its `..`, so it can never look like a content file.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                if out.as_os_str().is_empty() || out.ends_with("..") {
                    out.push("..");
                } else {
                    out.pop();
                }
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_climb_out_stay_out() {
        assert_eq!(
            resolve(Path::new("content/pages/a.md"), "../../../etc/passwd"),
            PathBuf::from("../etc/passwd")
        );
        assert_eq!(
            resolve(Path::new("content/pages/a.md"), "../files/x.pdf"),
            PathBuf::from("content/files/x.pdf")
        );
    }

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
}
