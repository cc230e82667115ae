//! The names of action areas. Content may name an action area by its id ("birth-centre") or by
//! the reference the site shows beside its title ("1.5": its priority's number, then its place in
//! the priority's register). Every place content names one (an update, a milestone, a measure, a
//! link) asks `ActionNames::id`, so they all agree on what a name means. Ids are slugs (lower-case
//! letters, digits and hyphens), so an id can never look like a reference.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use crate::load::format::PriorityFile;
use crate::load::{Content, Loaded};

/// Every name an action area goes by.
#[derive(Debug, Default, Clone)]
pub struct ActionNames {
    ids: HashSet<Arc<str>>,
    /// Each register's priority number and its action areas' ids, in plan order: a reference
    /// ("1.5") is a number and a place in it, so references need no table of their own.
    registers: Vec<(u32, Vec<Arc<str>>)>,
    /// The registers of each number, in plan order (two with one number are reported by the
    /// checks; a reference is to the first that has its place).
    numbered: HashMap<u32, Vec<usize>>,
    /// False when a priority register did not read: a name may then be one of its action areas.
    every_register_read: bool,
    /// The ids, then the references, in plan order, for hints: made when a hint first asks.
    ids_in_order: OnceLock<Vec<String>>,
    references_in_order: OnceLock<Vec<String>>,
}

impl ActionNames {
    /// The names of every action area in the content's registers.
    pub fn of(content: &Content) -> Self {
        let files = in_order(content);
        let count = files.iter().map(|f| f.value.actions.len()).sum();
        let mut names = ActionNames {
            ids: HashSet::with_capacity(count),
            every_register_read: content.every_register_read(),
            ..ActionNames::default()
        };
        for file in files {
            let number = *file.value.number.get_ref();
            let ids = file.value.actions.iter().map(|action| {
                let id: Arc<str> = action.id.get_ref().as_str().into();
                names.ids.insert(id.clone());
                id
            });
            let ids = ids.collect();
            let at = names.registers.len();
            names.numbered.entry(number).or_default().push(at);
            names.registers.push((number, ids));
        }
        names
    }

    /// The id of the action area `name` names: the id itself, or the id behind a reference.
    pub fn id<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        if self.ids.contains(name) {
            return Some(name);
        }
        let (number, place) = parse_reference(name)?;
        let registers = self.numbered.get(&number)?;
        let mut ids = registers.iter().map(|&at| &self.registers[at].1);
        ids.find_map(|ids| ids.get(place.checked_sub(1)?))
            .map(|id| &**id)
    }

    /// The id `name` stands for, or `name` as written when it names nothing (validation has
    /// reported it, and a build never panics on it).
    pub fn resolved(&self, name: &str) -> String {
        self.id(name).unwrap_or(name).to_string()
    }

    /// Whether every action area's name is known: false when a priority register did not read
    /// (its error is reported; a name that is not known may be one of its action areas).
    pub fn all_known(&self) -> bool {
        self.every_register_read
    }

    /// The names a hint may offer for an unknown `name`, of the same kind as it: references for
    /// something written like one ("1.9"), ids otherwise; each once, in plan order.
    pub fn like(&self, name: &str) -> &[String] {
        let registers = || self.registers.iter();
        match parse_reference(name) {
            Some(_) => self.references_in_order.get_or_init(|| {
                let references = registers().flat_map(|(number, ids)| {
                    (0..ids.len()).map(|place| reference(*number, place))
                });
                once_each(references)
            }),
            None => self.ids_in_order.get_or_init(|| {
                let ids = registers().flat_map(|(_, ids)| ids.iter().map(|id| id.to_string()));
                once_each(ids)
            }),
        }
    }
}

/// Each name once, where first named.
fn once_each(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    names.filter(|name| seen.insert(name.clone())).collect()
}

/// Every name, in plan order, and so what each reference stands for, and whether every register
/// read: what a check of a link that names an action area depends on.
impl std::hash::Hash for ActionNames {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (&self.registers, self.every_register_read).hash(state);
    }
}

/// The registers in the order of their priorities: by number, then by file name.
pub fn in_order(content: &Content) -> Vec<&Loaded<Arc<PriorityFile>>> {
    let mut files: Vec<&Loaded<Arc<PriorityFile>>> = content.priorities.iter().collect();
    files.sort_by(|a, b| {
        (a.value.number.get_ref(), &a.stem).cmp(&(b.value.number.get_ref(), &b.stem))
    });
    files
}

/// The reference of the action area at `place` (from 0) in the register of priority `number`.
pub fn reference(number: u32, place: usize) -> String {
    format!("{number}.{}", place + 1)
}

/// A reference's priority number and place (from 1): "1.5" → (1, 5). `None` for anything else.
pub fn parse_reference(name: &str) -> Option<(u32, usize)> {
    let (number, place) = name.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.len() < 10 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(number) || !digits(place) {
        return None;
    }
    Some((number.parse().ok()?, place.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_a_number_a_dot_and_a_place() {
        assert_eq!(parse_reference("1.5"), Some((1, 5)));
        assert_eq!(parse_reference("12.10"), Some((12, 10)));
        for not in ["1.", ".5", "1.5.2", "birth-centre", "1,5", "1.5a", ""] {
            assert_eq!(parse_reference(not), None, "{not}");
        }
        assert_eq!(reference(3, 0), "3.1");
    }
}
