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
    /// A link into the risks page whose `#anchor` names no risk in risks.toml.
    NoSuchRisk {
        anchor: String,
        risks: Vec<String>,
    },
}

impl LinkKind {
    pub fn message(&self) -> String {
        match self {
            LinkKind::FromRoot { url } => format!("the link \"{url}\" starts with /, which does not work when the site is opened from disk"),
            LinkKind::OutOfContent { url } => format!("the link \"{url}\" leads out of the content folder"),
            LinkKind::Missing { target } => format!("this links to {}, which does not exist", target.display()),
            LinkKind::NotPublished { target } => format!("this links to {}, which is not published", target.display()),
            LinkKind::NoAltText => "this image has no alt text".into(),
            LinkKind::NoSuchRisk { risks, .. } if risks.is_empty() => "this links to the risks page, which the site does not have".into(),
            LinkKind::NoSuchRisk { anchor, .. } => format!("this links to #{anchor} on the risks page, which has no such risk"),
        }
    }

    pub fn hint(&self) -> String {
        let hint = match self {
            LinkKind::FromRoot { .. } => "write the link relative to this file, e.g. ../pages/governance.md or ../files/report.pdf",
            LinkKind::OutOfContent { .. } => "links may only reach pages and files inside content/; put the file in content/files/ and link to it there",
            LinkKind::Missing { .. } => "check the file name; links are written relative to this file, and files to publish go in content/files/",
            LinkKind::NotPublished { .. } => "files to publish as they are go in content/files/; a link to a page names its file: content/plan.toml, content/sros.toml, content/risks.toml, content/priorities/*.toml or content/pages/*.md",
            LinkKind::NoAltText => "describe the picture in the square brackets, for people who cannot see it: ![A midwife talking with a family](files/photo.jpg)",
            LinkKind::NoSuchRisk { risks, .. } if risks.is_empty() => "content/risks.toml lists no risks, so the site has no risks page to link to",
            LinkKind::NoSuchRisk { risks, .. } => {
                let anchors: Vec<String> = risks.iter().map(|id| format!("#risk-{id}")).collect();
                return format!("each risk's anchor is #risk- and its id: {}", anchors.join(", "));
            }
        };
        hint.to_string()
    }
}
