//! Who the plan names as accountable: the owners in `content/sros.toml` or `content/owners.toml`
//! (each a person, a role or
//! a group, a group perhaps with chairs), and the owners a priority or an action area names.

use std::path::Path;

use toml::Spanned;

use super::references::{allowed, check_defined, Defined, Seen};
use crate::diagnostics::{ContentError, Noun, PlanKind, ReferenceKind, Source};
use crate::load::format::PriorityFile;
use crate::load::Content;
use crate::model::OwnerKind;

const SROS: &str = "content/sros.toml";
const OWNERS: &str = "content/owners.toml";

fn present(content: &Content, path: &str) -> bool {
    content.sources.iter().any(|s| s.path == Path::new(path))
}

/// The file the plan's owners are defined in, as hints name it.
pub(super) fn defined_in(content: &Content) -> &'static str {
    if present(content, OWNERS) && !present(content, SROS) {
        OWNERS
    } else {
        SROS
    }
}

/// Checks the owners' file; returns their ids, or `None` when the file is there but did not parse
/// (references to it are then not checked). A plan that names no owner leaves the file out.
pub(super) fn check_sros(content: &Content, errors: &mut Vec<ContentError>) -> Option<Vec<String>> {
    if present(content, SROS) && present(content, OWNERS) {
        errors.push(ContentError::in_file(
            Path::new(OWNERS),
            PlanKind::TwoOwnerFiles,
        ));
        return None;
    }
    let Some(file) = content.sros.as_ref() else {
        let there = present(content, SROS) || present(content, OWNERS);
        return (!there).then(Vec::new);
    };
    let source = &content.sources[file.source];
    let mut seen = Seen::new("SRO");
    for sro in file.value.entries() {
        seen.check(source, &sro.id, errors);
        // Chairs are checked against a kind only when the kind is one planpress knows.
        let kind = match &sro.kind {
            Some(kind) => check_kind(source, kind, errors),
            None => Some(OwnerKind::Role),
        };
        let not_group = kind.is_some_and(|k| k != OwnerKind::Group);
        if !sro.chairs.is_empty() && not_group {
            let written = sro.kind.as_ref().map_or("role", |k| k.get_ref());
            let kind = PlanKind::ChairsOutsideGroup {
                kind: written.to_string(),
            };
            errors.push(ContentError::at(source, sro.id.span(), kind));
        }
    }
    Some(
        file.value
            .entries()
            .map(|s| s.id.get_ref().clone())
            .collect(),
    )
}

/// A kind of owner must be one planpress knows how to name in a sentence.
fn check_kind(
    source: &Source,
    kind: &Spanned<String>,
    errors: &mut Vec<ContentError>,
) -> Option<OwnerKind> {
    let parsed = OwnerKind::parse(kind.get_ref());
    if parsed.is_none() {
        let names: Vec<String> = OwnerKind::NAMES.map(String::from).to_vec();
        let kind_error = ReferenceKind::Unknown {
            what: Noun::OWNER_KIND,
            value: kind.get_ref().clone(),
            allowed: allowed(kind.get_ref(), &names),
            defined_in: None,
        };
        errors.push(ContentError::at(source, kind.span(), kind_error));
    }
    parsed
}

/// The owners a priority and its action areas name: each known, none twice in one list, and a
/// priority's given either as `sro` or as `owners`, not both.
pub(super) fn check_named(
    source: &Source,
    file: &PriorityFile,
    known: Option<&Defined>,
    defined_in: &'static str,
    errors: &mut Vec<ContentError>,
) {
    if let (Some(sro), false) = (&file.sro, file.owners.is_empty()) {
        errors.push(ContentError::at(source, sro.span(), PlanKind::SroAndOwners));
    }
    let lists = std::iter::once(file.sro.iter().chain(&file.owners).collect::<Vec<_>>())
        .chain(file.actions.iter().map(|a| a.owners.iter().collect()));
    for list in lists {
        check_list(source, &list, known, defined_in, errors);
    }
}

fn check_list(
    source: &Source,
    list: &[&Spanned<String>],
    known: Option<&Defined>,
    defined_in: &'static str,
    errors: &mut Vec<ContentError>,
) {
    for (i, id) in list.iter().enumerate() {
        let earlier = &list[..i];
        if earlier.iter().any(|e| e.get_ref() == id.get_ref()) {
            let kind = PlanKind::OwnerNamedTwice {
                id: id.get_ref().clone(),
            };
            errors.push(ContentError::at(source, id.span(), kind));
        } else if let Some(known) = known {
            check_defined(source, id, known, Noun::SRO, defined_in, errors);
        }
    }
}
