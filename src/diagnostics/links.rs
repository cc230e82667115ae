//! Kinds of problem with links and images in Markdown.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkKind {
    /// A link starting with `/`, which works on a web server but not from disk.
    FromRoot {
        url: String,
    },
    /// A relative link that climbs out of `content/`.
    OutOfContent {
        url: String,
    },
    /// A link to a content file or attachment that is not there.
    Missing {
        target: PathBuf,
    },
    /// A link to a file that is there but is not published: a measure's CSV, a register, an
    /// update. Only pages and the files in `content/files/` are on the site.
    NotPublished {
        target: PathBuf,
    },
    NoAltText,
}

impl LinkKind {
    pub fn message(&self) -> String {
        match self {
            LinkKind::FromRoot { url } => format!("the link \"{url}\" starts with /, which does not work when the site is opened from disk"),
            LinkKind::OutOfContent { url } => format!("the link \"{url}\" leads out of the content folder"),
            LinkKind::Missing { target } => format!("this links to {}, which does not exist", target.display()),
            LinkKind::NotPublished { target } => format!("this links to {}, which is not published", target.display()),
            LinkKind::NoAltText => "this image has no alt text".into(),
        }
    }

    pub fn hint(&self) -> &'static str {
        match self {
            LinkKind::FromRoot { .. } => "write the link relative to this file, e.g. ../pages/governance.md or ../files/report.pdf",
            LinkKind::OutOfContent { .. } => "links may only reach pages and files inside content/; put the file in content/files/ and link to it there",
            LinkKind::Missing { .. } => "check the file name; links are written relative to this file, and files to publish go in content/files/",
            LinkKind::NotPublished { .. } => "files to publish as they are go in content/files/; a link to a page names its file: content/plan.toml, content/sros.toml, content/priorities/*.toml or content/pages/*.md",
            LinkKind::NoAltText => "describe the picture in the square brackets, for people who cannot see it: ![A midwife talking with a family](files/photo.jpg)",
        }
    }
}
