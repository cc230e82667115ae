//! Kinds of problem with names and ids: a name that must match one defined elsewhere (an SRO,
//! a status, a recommendation…), and ids and file names that must be unique and usable in a web
//! address.

use std::path::PathBuf;

use super::kind::list;
use crate::validate::LONGEST_NAME;

/// What a name names, in the singular and the plural: ("status", "statuses").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub one: &'static str,
    pub many: &'static str,
}

impl Noun {
    pub const SRO: Noun = Noun::new("SRO", "SROs");
    pub const STATUS: Noun = Noun::new("status", "statuses");
    pub const OWNER_KIND: Noun = Noun::new("kind of owner", "kinds of owner");
    pub const TONE: Noun = Noun::new("tone", "tones");
    pub const PRIORITY: Noun = Noun::new("priority", "priorities");
    pub const ACTION_AREA: Noun = Noun::new("action area", "action areas");
    pub const RECOMMENDATION: Noun = Noun::new("recommendation", "recommendations");
    pub const ASSURANCE_LEVEL: Noun = Noun::new("assurance level", "assurance levels");
    pub const AUDIENCE: Noun = Noun::new("audience", "audiences");
    pub const GROUP: Noun = Noun::new("group", "groups");
    pub const COLUMN: Noun = Noun::new("column", "columns");
    pub const KIND: Noun = Noun::new("kind of row", "kinds of row");
    /// A group's parent, which must be defined before it.
    pub const PARENT_GROUP: Noun = Noun::new("parent group", "groups defined before this one");

    pub const fn new(one: &'static str, many: &'static str) -> Self {
        Noun { one, many }
    }
}

/// The names a hint offers for an unknown one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Allowed {
    /// All of them, few enough to read, and the one close enough to be what was meant, if any.
    All {
        names: Vec<String>,
        guess: Option<String>,
    },
    /// Too many to read: the nearest few, nearest first.
    Nearest(Vec<String>),
}

/// Where an id was first used: its file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstUse {
    pub path: PathBuf,
    pub line: usize,
}

impl std::fmt::Display for FirstUse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferenceKind {
    /// A name that is not one of those `allowed`, which are defined in `defined_in` (a file or
    /// folder, "this register"), or by planpress itself when `None`.
    Unknown {
        what: Noun,
        value: String,
        allowed: Allowed,
        defined_in: Option<&'static str>,
    },
    /// An id with characters a web address cannot carry; `suggestion` is one that can.
    UnusableId {
        what: &'static str,
        value: String,
        suggestion: String,
    },
    IdUsedTwice {
        what: &'static str,
        value: String,
        first: FirstUse,
    },
    /// Two priorities with one number; `other` is the file stem of the first.
    NumberUsedTwice { number: u32, other: String },
    /// A file whose name cannot be a page's name; `suggestion` is one that can.
    UnusableFileName { stem: String, suggestion: String },
    /// An id too long to become part of a file name, and a shorter one.
    IdTooLong {
        what: &'static str,
        value: String,
        suggestion: String,
    },
    /// A file name too long to become a page's file name, and a shorter one.
    FileNameTooLong { stem: String, suggestion: String },
    /// A page named as one of the pages the site makes itself.
    ReservedPageName { stem: String },
    /// A recommendation that does not say who it is for, and the register's audiences.
    NoAudience { audiences: Vec<String> },
}

impl ReferenceKind {
    pub fn message(&self) -> String {
        match self {
            ReferenceKind::Unknown { what, value, .. } => {
                format!("unknown {} \"{value}\"", what.one)
            }
            ReferenceKind::UnusableId { what, value, .. } => {
                format!("the {what} id \"{value}\" cannot be used in a web address")
            }
            ReferenceKind::IdUsedTwice { what, value, .. } => {
                format!("the {what} id \"{value}\" is used twice")
            }
            ReferenceKind::NumberUsedTwice { number, .. } => {
                format!("priority number {number} is used twice")
            }
            ReferenceKind::UnusableFileName { stem, .. } => {
                format!("\"{stem}\" cannot be used as a page name")
            }
            ReferenceKind::IdTooLong { what, value, .. } => format!(
                "the {what} id \"{}\" is too long ({} characters)",
                beginning(value),
                value.len()
            ),
            ReferenceKind::FileNameTooLong { stem, .. } => format!(
                "the file name \"{}\" is too long ({} characters)",
                beginning(stem),
                stem.len()
            ),
            ReferenceKind::ReservedPageName { stem } => {
                format!("a page may not be called \"{stem}\"")
            }
            ReferenceKind::NoAudience { .. } => "this item does not say who it is for".into(),
        }
    }

    pub fn hint(&self) -> String {
        match self {
            ReferenceKind::Unknown {
                what,
                allowed,
                defined_in,
                ..
            } => unknown_hint(*what, allowed, *defined_in),
            ReferenceKind::UnusableId { suggestion, .. } => {
                format!("use lower-case letters, digits and hyphens, e.g. \"{suggestion}\"")
            }
            ReferenceKind::IdUsedTwice { what, first, .. } => {
                format!("it is first used at {first}; every {what} needs its own id")
            }
            ReferenceKind::NumberUsedTwice { number, other } => format!(
                "{other}.toml already has `number = {number}`: give each priority its own number"
            ),
            ReferenceKind::UnusableFileName { suggestion, .. } => format!(
                "rename the file to use lower-case letters, digits and hyphens, e.g. \"{suggestion}\""
            ),
            ReferenceKind::IdTooLong { suggestion, .. } => format!(
                "an id becomes the name of a file of the site, and file names have a limit: use at most {LONGEST_NAME} characters, e.g. \"{suggestion}\""
            ),
            ReferenceKind::FileNameTooLong { suggestion, .. } => format!(
                "the file's name becomes the name of a file of the site, and file names have a limit: rename it to at most {LONGEST_NAME} characters, e.g. \"{suggestion}\""
            ),
            ReferenceKind::ReservedPageName { stem } => format!(
                "the site uses that name itself; rename the file, e.g. about-{stem}.md"
            ),
            ReferenceKind::NoAudience { audiences } => format!(
                "add `for = [\"…\"]` with one or more of: {} (a register that holds only the items this plan cites, `holds = \"cited\"`, may leave it out)",
                list(audiences)
            ),
        }
    }
}

/// The start of a long name, enough to find it by.
fn beginning(name: &str) -> String {
    match name.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &name[..end]),
        None => name.to_string(),
    }
}

/// Offers the name that was probably meant, or the names there are, and says where they are
/// defined.
fn unknown_hint(what: Noun, allowed: &Allowed, defined_in: Option<&str>) -> String {
    let many = what.many;
    match (allowed, defined_in) {
        (
            Allowed::All {
                names,
                guess: Some(guess),
            },
            Some(file),
        ) => format!(
            "did you mean \"{guess}\"? The {many} defined in {file} are: {}",
            list(names)
        ),
        (
            Allowed::All {
                names,
                guess: Some(guess),
            },
            None,
        ) => {
            format!("did you mean \"{guess}\"? Use one of: {}", list(names))
        }
        (Allowed::All { names, .. }, Some(file)) => {
            format!("use one of the {many} defined in {file}: {}", list(names))
        }
        (Allowed::All { names, .. }, None) => format!("use one of: {}", list(names)),
        (Allowed::Nearest(near), Some(file)) => {
            format!("the nearest {many} defined in {file} are {}", quoted(near))
        }
        (Allowed::Nearest(near), None) => format!("the nearest {many} are {}", quoted(near)),
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unknown_status(guess: Option<&str>) -> ReferenceKind {
        ReferenceKind::Unknown {
            what: Noun::STATUS,
            value: "on-trak".into(),
            allowed: Allowed::All {
                names: vec!["on-track".into(), "complete".into()],
                guess: guess.map(String::from),
            },
            defined_in: Some("content/plan.toml"),
        }
    }

    #[test]
    fn an_unknown_status_lists_the_allowed_ones_and_where_they_are_defined() {
        let kind = unknown_status(None);
        assert_eq!(kind.message(), "unknown status \"on-trak\"");
        assert_eq!(
            kind.hint(),
            "use one of the statuses defined in content/plan.toml: on-track, complete"
        );
    }

    #[test]
    fn an_unknown_name_close_to_a_known_one_offers_it_first() {
        assert_eq!(
            unknown_status(Some("on-track")).hint(),
            "did you mean \"on-track\"? The statuses defined in content/plan.toml are: on-track, complete"
        );
    }

    #[test]
    fn a_name_planpress_defines_lists_the_choices_without_a_file() {
        let kind = ReferenceKind::Unknown {
            what: Noun::TONE,
            value: "red".into(),
            allowed: Allowed::All {
                names: vec!["good".into(), "bad".into()],
                guess: None,
            },
            defined_in: None,
        };
        assert_eq!(kind.hint(), "use one of: good, bad");
    }

    #[test]
    fn an_id_used_twice_says_where_it_was_first_used() {
        let kind = ReferenceKind::IdUsedTwice {
            what: "action",
            value: "triage".into(),
            first: FirstUse {
                path: "content/priorities/1-care.toml".into(),
                line: 6,
            },
        };
        assert_eq!(
            kind.hint(),
            "it is first used at content/priorities/1-care.toml:6; every action needs its own id"
        );
    }
}
