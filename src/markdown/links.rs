//! The link rule: where a link written in content goes. Links are written relative to the file
//! they are in, the way an author's editor previews them (`../priorities/1-safe-care.toml`,
//! `governance.md`, `../files/audit.pdf`). Validation asks this rule what is wrong with a link,
//! and rendering asks it what to write, so the two cannot disagree: every link `check` accepts
//! works in the built site.

use std::path::{Component, Path, PathBuf};

use crate::diagnostics::LinkKind;

/// Where a link written in a content file points, by the one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Left as written: an outside address, an anchor on the same page, an e-mail address, another
    /// scheme (the sanitiser deals with unsafe ones), or an empty link.
    Kept,
    /// A path from the site's root (`/files/x.pdf`): it works on a web server but not from disk.
    FromRoot,
    /// A relative path that climbs out of `content/`.
    OutOfContent,
    /// A content file that has a page, and the page's address from the site root, with the
    /// link's `?query` and `#fragment`.
    Page { file: PathBuf, href: String },
    /// A file under `content/files/`, published at the same path under the site root.
    Published { file: PathBuf, href: String },
    /// An action area named by its reference, the whole link being the name (`[the birth
    /// centre](1.5)`). Which page that is, only the plan knows (`ActionNames`): the address holds
    /// the name between marks, and rendering puts the action area's page in its place.
    Action { name: String, href: String },
    /// Any other path: a content file with no page of its own (a measure's CSV, a register, an
    /// update), or nothing at all. Never a working link.
    Unpublished { file: PathBuf },
}

/// Where `url`, written in the content file `from` (a path from the project root), points.
pub fn target(from: &Path, url: &str) -> Target {
    if is_outside_or_anchor(url) {
        return Target::Kept;
    }
    if url.starts_with('/') {
        return Target::FromRoot;
    }
    if crate::model::parse_reference(url).is_some() {
        let href = super::marks::action(url);
        return Target::Action {
            name: url.to_string(),
            href,
        };
    }
    let (path, rest) = url.split_at(url.find(['?', '#']).unwrap_or(url.len()));
    let file = resolve(from, path);
    if !file.starts_with("content") {
        return Target::OutOfContent;
    }
    // A bare `#` after the path says nothing: the page itself.
    let rest = if rest == "#" { "" } else { rest };
    if let Some(page) = page_of(&file) {
        let href = format!("{page}{rest}");
        return Target::Page { file, href };
    }
    if file.starts_with("content/files") && file != Path::new("content/files") {
        let href = format!("{}{rest}", published_path(&file));
        return Target::Published { file, href };
    }
    Target::Unpublished { file }
}

impl Target {
    /// What is wrong with a link to this target, written as `url`, when `exists` says which files
    /// were read; `None` for a link that works.
    pub fn problem(self, url: &str, exists: &dyn Fn(&Path) -> bool) -> Option<LinkKind> {
        let url = || url.to_string();
        match self {
            // Whether the action area exists is for the plan's names: `validate::links`.
            Target::Kept | Target::Action { .. } => None,
            Target::FromRoot => Some(LinkKind::FromRoot { url: url() }),
            Target::OutOfContent => Some(LinkKind::OutOfContent { url: url() }),
            Target::Page { file, .. } | Target::Published { file, .. } => {
                (!exists(&file)).then_some(LinkKind::Missing { target: file })
            }
            Target::Unpublished { file } if exists(&file) => {
                Some(LinkKind::NotPublished { target: file })
            }
            Target::Unpublished { file } => Some(LinkKind::Missing { target: file }),
        }
    }

    /// The address to write, from the site root, for a link to a page or a published file.
    pub fn href(&self) -> Option<&str> {
        match self {
            Target::Page { href, .. }
            | Target::Published { href, .. }
            | Target::Action { href, .. } => Some(href),
            _ => None,
        }
    }
}

/// The page a content file becomes, from the site root, if it has one of its own.
fn page_of(file: &Path) -> Option<String> {
    let parts: Vec<&str> = file.iter().filter_map(|p| p.to_str()).collect();
    match parts.as_slice() {
        ["content", "plan.toml"] => Some("index.html".into()),
        ["content", "sros.toml" | "owners.toml"] => Some("sros.html".into()),
        ["content", "risks.toml"] => Some("risks.html".into()),
        ["content", "priorities", name] => {
            let stem = name.strip_suffix(".toml")?;
            Some(format!("priorities/{stem}.html"))
        }
        ["content", "pages", name] => Some(format!("{}.html", name.strip_suffix(".md")?)),
        _ => None,
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

/// The path a relative reference written in the file `from` names, relative to the project root.
pub fn resolve(from: &Path, relative: &str) -> PathBuf {
    normalise(&from.parent().unwrap_or(Path::new("")).join(relative))
}

/// An outside address (`https://…`, `//host/…`), an e-mail address or another scheme, an anchor,
/// or an empty link: not a file relative to here.
fn is_outside_or_anchor(url: &str) -> bool {
    url.is_empty()
        || url.starts_with('#')
        || url.starts_with("//")
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

    const FROM: &str = "content/pages/vision.md";

    fn to(url: &str) -> Target {
        target(Path::new(FROM), url)
    }

    fn page(file: &str, href: &str) -> Target {
        Target::Page {
            file: file.into(),
            href: href.into(),
        }
    }

    #[test]
    fn paths_that_climb_out_stay_out() {
        let from = Path::new(FROM);
        assert_eq!(
            resolve(from, "../../../etc/passwd"),
            PathBuf::from("../etc/passwd")
        );
        assert_eq!(to("../../../etc/passwd"), Target::OutOfContent);
        assert_eq!(to("../../README.md"), Target::OutOfContent);
    }

    #[test]
    fn content_files_with_a_page_become_links_to_it() {
        assert_eq!(
            to("../priorities/1-care.toml#aims"),
            page(
                "content/priorities/1-care.toml",
                "priorities/1-care.html#aims"
            )
        );
        assert_eq!(
            to("governance.md"),
            page("content/pages/governance.md", "governance.html")
        );
        assert_eq!(to("../plan.toml"), page("content/plan.toml", "index.html"));
        assert_eq!(to("../sros.toml#"), page("content/sros.toml", "sros.html"));
        assert_eq!(
            to("../risks.toml#risk-staffing"),
            page("content/risks.toml", "risks.html#risk-staffing")
        );
    }

    #[test]
    fn files_to_publish_keep_their_path_under_the_site_root() {
        assert_eq!(
            to("../files/audit.pdf?v=2"),
            Target::Published {
                file: "content/files/audit.pdf".into(),
                href: "files/audit.pdf?v=2".into()
            }
        );
    }

    #[test]
    fn a_reference_names_an_action_area_and_a_file_name_like_one_does_not() {
        assert!(matches!(to("1.5"), Target::Action { name, .. } if name == "1.5"));
        assert!(matches!(to("1.5.md"), Target::Page { .. }));
        assert!(matches!(to("../files/1.5"), Target::Published { .. }));
    }

    #[test]
    fn outside_addresses_anchors_and_schemes_are_kept() {
        for url in [
            "https://www.nhs.uk/a.md",
            "//cdn.example/x",
            "mailto:a@b.org",
            "tel:0123",
            "#top",
            "",
        ] {
            assert_eq!(to(url), Target::Kept, "{url}");
        }
        assert_eq!(to("/files/a.pdf"), Target::FromRoot);
    }

    #[test]
    fn content_that_is_not_published_is_never_a_working_link() {
        let exists = |p: &Path| p == Path::new("content/measures/booking.csv");
        let problem = |url: &str| to(url).problem(url, &exists);
        assert_eq!(
            problem("../measures/booking.csv"),
            Some(LinkKind::NotPublished {
                target: "content/measures/booking.csv".into()
            })
        );
        for (url, missing) in [
            ("picture.png", "content/pages/picture.png"),
            ("missing.md", "content/pages/missing.md"),
            ("../files/gone.pdf", "content/files/gone.pdf"),
        ] {
            let target = missing.into();
            assert_eq!(problem(url), Some(LinkKind::Missing { target }), "{url}");
        }
        let url = "../registers/3ydp.toml";
        assert!(matches!(to(url), Target::Unpublished { .. }), "{url}");
        assert_eq!(problem("https://www.nhs.uk/"), None);
    }
}
