//! References between content: an id that must name something defined elsewhere, and ids that
//! must be unique. Errors name the place, and hints suggest the nearest known id.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::ids::slugify;
use crate::diagnostics::{Allowed, ContentError, FirstUse, Noun, ReferenceKind, Source};
use crate::model::{parse_reference, ActionNames};
use crate::work::{count, Work};

/// An id that must name something defined elsewhere (in `defined_in`). The hint offers the
/// nearest known ids, and lists them all when there are few enough to read.
pub fn check_known(
    source: &Source,
    value: &Spanned<String>,
    known: &[String],
    what: Noun,
    defined_in: &'static str,
    errors: &mut Vec<ContentError>,
) {
    // A short list (statuses, kinds) is read through; a long one is a `Defined`.
    let compared = known.iter().position(|k| k == value.get_ref());
    count(
        Work::KnownIdsCompared,
        compared.map_or(known.len(), |i| i + 1),
    );
    if compared.is_some() {
        return;
    }
    let kind = ReferenceKind::Unknown {
        what,
        value: value.get_ref().clone(),
        allowed: allowed(value.get_ref(), known),
        defined_in: Some(defined_in),
    };
    errors.push(ContentError::at(source, value.span(), kind));
}

/// Ids defined in one place that many others name (owners, recommendations, priorities): in the
/// order defined, for hints, and as a set, so that each of 50,000 actions naming one is not
/// compared with every id there is.
#[derive(Debug, Clone, Default)]
pub struct Defined {
    in_order: Vec<String>,
    set: HashSet<String>,
}

impl Defined {
    /// The ids, in the order defined (hints list a repeat as it was written).
    pub fn new(in_order: Vec<String>) -> Self {
        let set = in_order.iter().cloned().collect();
        Defined { in_order, set }
    }

    /// One more id, defined after the others.
    pub fn push(&mut self, id: String) {
        self.set.insert(id.clone());
        self.in_order.push(id);
    }

    pub fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }

    /// In the order defined.
    pub fn in_order(&self) -> &[String] {
        &self.in_order
    }
}

/// The ids in order: what a check against them depends on.
impl std::hash::Hash for Defined {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.in_order.hash(state);
    }
}

/// `check_known` against ids that are `Defined`: looked up, not read through.
pub fn check_defined(
    source: &Source,
    value: &Spanned<String>,
    known: &Defined,
    what: Noun,
    defined_in: &'static str,
    errors: &mut Vec<ContentError>,
) {
    if !known.contains(value.get_ref()) {
        check_known(source, value, known.in_order(), what, defined_in, errors);
    }
}

/// An action area named by its id or its reference (`ActionNames::id`, the one rule for both).
/// The hint offers names of the kind written: the nearest references for "1.9", the nearest
/// ids for a misspelt id.
pub fn check_action(
    source: &Source,
    name: &Spanned<String>,
    names: &ActionNames,
    errors: &mut Vec<ContentError>,
) {
    // While a register does not read, a name not known may be one of its action areas.
    if names.all_known() && names.id(name.get_ref()).is_none() {
        let like = names.like(name.get_ref());
        let (noun, place) = (Noun::ACTION_AREA, "content/priorities/");
        check_known(source, name, like, noun, place, errors);
    }
}

/// The known ids a hint offers for `value`: all of them when there are few enough to read, with
/// the nearest as a guess if it is close enough to be a typo; otherwise the nearest few.
pub(super) fn allowed(value: &str, known: &[String]) -> Allowed {
    let near = nearest(value, known, 3);
    if known.len() > 12 {
        return Allowed::Nearest(near.into_iter().map(str::to_string).collect());
    }
    let guess = near.first().filter(|guess| is_close(value, guess));
    Allowed::All {
        names: known.to_vec(),
        guess: guess.map(|g| g.to_string()),
    }
}

/// Up to `count` known ids, nearest first (fewest edits; ties in the order they were defined).
fn nearest<'a>(value: &str, known: &'a [String], count: usize) -> Vec<&'a str> {
    let mut ranked: Vec<(usize, usize, &str)> = known
        .iter()
        .enumerate()
        .map(|(i, k)| (distance(value, k), i, k.as_str()))
        .collect();
    ranked.sort();
    ranked.into_iter().take(count).map(|(_, _, k)| k).collect()
}

/// Close enough to be a typo of `known`; a reference, when it is in the same priority.
fn is_close(value: &str, known: &str) -> bool {
    match (parse_reference(value), parse_reference(known)) {
        (Some((number, _)), Some((n, _))) => number == n,
        _ => distance(value, known) <= known.len() / 3 + 1,
    }
}

/// How far a name typed is from a known one. Two references are as far apart as their
/// priorities, then their places ("1.9" is nearer "1.8" than "3.9"); other names by their
/// typing slips, a swap of two letters counting as one (optimal string alignment: the usual
/// typo of a fast typist, which plain Levenshtein counts as two).
fn distance(value: &str, known: &str) -> usize {
    match (parse_reference(value), parse_reference(known)) {
        (Some((number, place)), Some((n, p))) => {
            let priorities = number.abs_diff(n) as usize;
            priorities.saturating_mul(10_000) + place.abs_diff(p)
        }
        _ => strsim::osa_distance(value, known),
    }
}

/// Ids seen so far of one kind, to report the second use of an id with where the first was, and
/// any id that breaks the kind's rule for ids.
pub struct Seen<'a> {
    what: &'static str,
    rule: fn(&str) -> bool,
    /// Whether the ids become part of file names, and so have a longest length.
    names_files: bool,
    /// Where each id was first used: its file and byte offset. The line is worked out only for an
    /// id used twice, which is rare, so a plan of 50,000 ids is not read line by line.
    first: HashMap<&'a str, (&'a Source, usize)>,
}

impl<'a> Seen<'a> {
    /// Ids that become file names: lower-case letters, digits and hyphens.
    pub fn new(what: &'static str) -> Self {
        Seen::with_rule(what, super::is_slug)
    }

    pub fn with_rule(what: &'static str, rule: fn(&str) -> bool) -> Self {
        Seen {
            what,
            rule,
            names_files: true,
            first: HashMap::new(),
        }
    }

    /// Ids that never become file names (glossary terms), of any length.
    pub fn of_any_length(mut self) -> Self {
        self.names_files = false;
        self
    }

    /// Room for `count` ids from the start: a plan's 50,000 action ids, not grown into.
    pub fn expecting(mut self, count: usize) -> Self {
        self.first.reserve(count);
        self
    }

    pub fn check(
        &mut self,
        source: &'a Source,
        id: &'a Spanned<String>,
        errors: &mut Vec<ContentError>,
    ) {
        let span: Range<usize> = id.span();
        let value = id.get_ref();
        if !(self.rule)(value) {
            let kind = ReferenceKind::UnusableId {
                what: self.what,
                value: value.clone(),
                suggestion: slugify(value),
            };
            errors.push(ContentError::at(source, span.clone(), kind));
        } else if self.names_files && super::is_too_long(value) {
            let kind = ReferenceKind::IdTooLong {
                what: self.what,
                value: value.clone(),
                suggestion: super::shortened(value),
            };
            errors.push(ContentError::at(source, span.clone(), kind));
        }
        match self.first.get(value.as_str()) {
            Some((first, offset)) => {
                let kind = ReferenceKind::IdUsedTwice {
                    what: self.what,
                    value: value.clone(),
                    first: first_use(first, *offset),
                };
                errors.push(ContentError::at(source, span, kind))
            }
            None => {
                self.first.insert(value, (source, span.start));
            }
        }
    }
}

/// The file and line of a byte offset in a source.
pub fn first_use(source: &Source, offset: usize) -> FirstUse {
    FirstUse {
        path: source.path.clone(),
        line: source.line_column(offset).0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_ids_come_first() {
        let known: Vec<String> = ["3ydp/10.1", "3ydp/1.1", "sbl2/1", "3ydp/10.2"]
            .map(String::from)
            .to_vec();
        assert_eq!(nearest("3ydp/10.l", &known, 2), ["3ydp/10.1", "3ydp/10.2"]);
    }

    #[test]
    fn unknown_ids_get_a_hint_with_the_nearest_known_ones() {
        let source = Source::new("content/priorities/p.toml", "answers = [\"3ydp/10.l\"]\n");
        let value = Spanned::new(12..23, "3ydp/10.l".to_string());
        let known: Vec<String> = (1..=20).map(|i| format!("3ydp/10.{i}")).collect();
        let mut errors = Vec::new();
        check_known(
            &source,
            &value,
            &known,
            Noun::RECOMMENDATION,
            "content/registers/",
            &mut errors,
        );
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].line, errors[0].column), (1, 13));
        let hint = errors[0].hint().unwrap_or_default();
        assert!(
            hint.starts_with(
                "the nearest recommendations defined in content/registers/ are \"3ydp/10.1\""
            ),
            "{hint}"
        );
    }
}
