//! Checks every link and image in the content's Markdown by the link rule
//! (`markdown::links`), which rendering follows too: a link `check` accepts works on the site.

use std::collections::HashSet;
use std::path::Path;

use rayon::prelude::*;

use super::references::Defined;
use crate::diagnostics::{ContentError, LinkKind};
use crate::load::{texts_outside_registers, Content, Piece};
use crate::markdown::links;
use crate::model::ActionNames;
use toml::Spanned;

/// What a link may reach: every content file and attachment, and each risk by its anchor.
pub struct Reach<'a> {
    /// Every content file and attachment.
    files: HashSet<&'a Path>,
    attachments: HashSet<&'a Path>,
    risks: Defined,
}

impl Reach<'_> {
    /// Whether a content file or attachment is at `path`.
    pub fn has(&self, path: &Path) -> bool {
        self.files.contains(path)
    }

    /// Whether an attachment (a file published from `content/files/`) is at `path`.
    pub fn has_attachment(&self, path: &Path) -> bool {
        self.attachments.contains(path)
    }
}

/// What a link may reach, found once for every link.
pub fn reach(content: &Content) -> Reach<'_> {
    let attachments: HashSet<&Path> = content
        .attachments
        .iter()
        .map(|a| a.path.as_path())
        .collect();
    let sources = content.sources.iter().map(|s| s.path.as_path());
    let files = sources.chain(attachments.iter().copied()).collect();
    let risks = content.risks.as_ref().map_or(Vec::new(), |file| {
        let risks = file.value.risks.iter();
        risks.map(|r| r.id.get_ref().clone()).collect()
    });
    Reach {
        files,
        attachments,
        risks: Defined::new(risks),
    }
}

/// Every link and image in the content's Markdown outside the action registers (whose links
/// are checked with the rest of each register): links that do not reach a page or a published
/// file, links that only work on a web server, and images without alt text.
pub fn check(
    content: &Content,
    reach: &Reach,
    names: &ActionNames,
    errors: &mut Vec<ContentError>,
) {
    let found: Vec<Vec<ContentError>> = texts_outside_registers(content)
        .par_iter()
        .map(|text| problems_in(content, text, reach, names))
        .collect();
    errors.extend(found.into_iter().flatten());
}

/// A link into the risks page names a risk by its anchor, `#risk-<id>`: one risks.toml does not
/// have would land at the top of the page, so it is refused like a missing file.
fn risk_anchor_problem(risks: &Defined, target: &links::Target) -> Option<LinkKind> {
    let links::Target::Page { file, href } = target else {
        return None;
    };
    if file != Path::new("content/risks.toml") {
        return None;
    }
    let anchor = href.split_once('#').map(|(_, anchor)| anchor);
    let names_a_risk = |anchor: &str| {
        let id = anchor.strip_prefix("risk-");
        id.is_some_and(|id| risks.contains(id))
    };
    let listed = || risks.in_order().to_vec();
    match anchor {
        _ if risks.in_order().is_empty() => Some(LinkKind::NoSuchRisk {
            anchor: anchor.unwrap_or_default().to_string(),
            risks: listed(),
        }),
        Some(anchor) if !names_a_risk(anchor) => Some(LinkKind::NoSuchRisk {
            anchor: anchor.to_string(),
            risks: listed(),
        }),
        _ => None,
    }
}

/// The problems with the links and images of one piece of Markdown, and raw HTML in it nested
/// too deep to build.
pub fn problems_in(
    content: &Content,
    text: &Piece,
    reach: &Reach,
    names: &ActionNames,
) -> Vec<ContentError> {
    let source = &content.sources[text.source];
    let exists = |path: &Path| reach.has(path);
    let mut problems = Vec::new();
    for link in text.parsed.links() {
        let offset = text.at.offset;
        let span = offset + link.range.start..offset + link.range.end;
        let target = links::target(&source.path, &link.url);
        if let links::Target::Action { name, .. } = &target {
            let name = Spanned::new(span.clone(), name.clone());
            super::references::check_action(source, &name, names, &mut problems);
        }
        let risk_problem = risk_anchor_problem(&reach.risks, &target);
        if let Some(problem) = target.problem(&link.url, &exists) {
            problems.push(ContentError::at(source, span.clone(), problem));
        } else if let Some(problem) = risk_problem {
            problems.push(ContentError::at(source, span.clone(), problem));
        }
        if link.image && link.text.trim().is_empty() {
            problems.push(ContentError::at(source, span, LinkKind::NoAltText));
        }
    }
    if let Some(range) = text.parsed.too_deep() {
        let span = text.at.offset + range.start..text.at.offset + range.end;
        let deepest = crate::raw_html::DEEPEST;
        let kind = crate::diagnostics::FileKind::HtmlNestedTooDeep { deepest };
        problems.push(ContentError::at(source, span, kind));
    }
    problems
}
