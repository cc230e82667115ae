//! Checks on registers of national recommendations: ids unique and usable in addresses, groups and
//! audiences that exist, and the references from action areas to recommendations.

use std::collections::HashSet;

use toml::Spanned;

use super::file_name_problem;
use super::references::{check_defined, check_known, Defined, Seen};
use crate::diagnostics::{ContentError, Noun, ReferenceKind, Source};
use crate::load::format::{Holds, RegisterFile};
use crate::load::Content;

/// The recommendations action areas may answer.
pub struct Recommendations {
    /// Every recommendation's reference (`register/item`), in order.
    pub references: Defined,
    /// Registers whose file did not parse: references into them are not checked.
    pub unparsed: Vec<String>,
}

impl Recommendations {
    pub fn is_unparsed(&self, reference: &str) -> bool {
        let register = reference.split_once('/').map_or(reference, |(r, _)| r);
        self.unparsed.iter().any(|u| u == register)
    }
}

/// Checks every register and gathers the references to its items.
pub fn check(content: &Content, errors: &mut Vec<ContentError>) -> Recommendations {
    let mut references = Vec::new();
    let mut listed = HashSet::new();
    for register in &content.registers {
        let source = &content.sources[register.source];
        errors.extend(file_name_problem(source, &register.stem));
        check_register(source, &register.value, errors);
        let items = register.value.items.iter();
        for reference in items.map(|i| format!("{}/{}", register.stem, i.id.get_ref())) {
            // A duplicate item is reported above; listing it twice in hints would only confuse.
            if listed.insert(reference.clone()) {
                references.push(reference);
            }
        }
    }
    let parsed = |stem: &str| content.registers.iter().any(|r| r.stem == stem);
    let unparsed = content
        .sources
        .iter()
        .filter(|s| s.path.starts_with("content/registers"))
        .filter_map(|s| s.path.file_stem().and_then(|n| n.to_str()))
        .filter(|stem| !parsed(stem))
        .map(str::to_string)
        .collect();
    Recommendations {
        references: Defined::new(references),
        unparsed,
    }
}

fn check_register(source: &Source, register: &RegisterFile, errors: &mut Vec<ContentError>) {
    let mut audiences = Seen::new("audience");
    for audience in &register.audiences {
        audiences.check(source, &audience.id, errors);
    }
    let audience_ids = ids(register.audiences.iter().map(|a| &a.id));
    let mut groups = Seen::new("group");
    let mut earlier_groups = Defined::default();
    for group in &register.groups {
        groups.check(source, &group.id, errors);
        if let Some(parent) = &group.parent {
            // A parent must come first, which also rules out a group inside itself.
            check_defined(
                source,
                parent,
                &earlier_groups,
                Noun::PARENT_GROUP,
                "this register",
                errors,
            );
        }
        earlier_groups.push(group.id.get_ref().clone());
    }
    let mut items = Seen::with_rule("item", is_item_id);
    for item in &register.items {
        items.check(source, &item.id, errors);
        if let Some(group) = &item.group {
            check_defined(
                source,
                group,
                &earlier_groups,
                Noun::GROUP,
                "this register",
                errors,
            );
        }
        // A register that names its audiences must say who each item is for; one that names
        // none, or holds only what the plan cites, may leave it out where the plan does not say.
        if item.audiences.is_empty() && !audience_ids.is_empty() && register.holds == Holds::All {
            let audiences = audience_ids.clone();
            let kind = ReferenceKind::NoAudience { audiences };
            errors.push(ContentError::at(source, item.id.span(), kind));
        }
        for audience in &item.audiences {
            check_known(
                source,
                audience,
                &audience_ids,
                Noun::AUDIENCE,
                "this register",
                errors,
            );
        }
    }
}

fn ids<'a>(values: impl Iterator<Item = &'a Spanned<String>>) -> Vec<String> {
    values.map(|v| v.get_ref().clone()).collect()
}

/// Item ids keep the source's numbering ("10.1", "iea-2"): letters, digits, dots and hyphens,
/// starting and ending with a letter or digit.
pub fn is_item_id(id: &str) -> bool {
    let edge_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    edge_ok(id.chars().next())
        && edge_ok(id.chars().last())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_ids_keep_the_sources_numbering() {
        assert!(is_item_id("10.1"));
        assert!(is_item_id("must-do-3"));
        assert!(!is_item_id("10.1."));
        assert!(!is_item_id("../x"));
        assert!(!is_item_id("A1"));
    }
}
