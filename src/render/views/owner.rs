//! The sentences that name an owner. Each is a whole sentence in the theme's words, chosen by what
//! the owner is (a person is named bare, "Dr Jane Smith is accountable…"; a role or a group with
//! an article, "The Chief Nurse is accountable…"), never assembled from parts around a name.

use crate::model::{Labels, OwnerKind, Sro};
use crate::render::say::{list, say, Words};

/// The theme's key for the sentence `what` about an owner of `kind`: `owner_accountable_person`.
fn key(what: &str, kind: OwnerKind) -> String {
    format!("owner_{what}_{}", kind.name())
}

/// What an owner's page says they answer for: how many action areas, or that the plan names
/// them for none.
pub fn accountable(words: &Words, labels: &Labels, owner: &Sro, actions: Option<usize>) -> String {
    let name = owner.title.as_str();
    match actions {
        Some(count) => {
            let noun = if count == 1 {
                &labels.action
            } else {
                &labels.actions
            };
            let values = [
                ("name", name),
                ("count", &count.to_string()),
                ("noun", &noun.to_lowercase()),
            ];
            say(words, &key("accountable", owner.kind), &values)
        }
        None => {
            let values = [
                ("name", name),
                ("priority", &labels.priority.to_lowercase()),
                ("action", &labels.action.to_lowercase()),
            ];
            say(words, &key("not_named", owner.kind), &values)
        }
    }
}

/// The description of an owner's page ("What the Chief Nurse is accountable for in the Plan.").
pub fn description(words: &Words, owner: &Sro, plan_title: &str) -> String {
    let values = [("name", owner.title.as_str()), ("plan", plan_title)];
    say(words, &key("description", owner.kind), &values)
}

/// Who chairs a group, when the plan says: "Chaired by A." or "Co-chaired by A and B."
pub fn chairs(words: &Words, owner: &Sro) -> Option<String> {
    let names: Vec<&str> = owner.chairs.iter().map(String::as_str).collect();
    let key = match names.len() {
        0 => return None,
        1 => "owner_chaired_by",
        _ => "owner_co_chaired_by",
    };
    Some(say(words, key, &[("chairs", &list(words, &names))]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Place;
    use crate::render::theme::english;

    fn owner(title: &str, kind: OwnerKind, chairs: &[&str]) -> Sro {
        Sro {
            id: "x".into(),
            place: Place {
                source: 0,
                offset: 0,
            },
            title: title.into(),
            kind,
            chairs: chairs.iter().map(|c| c.to_string()).collect(),
            summary: crate::model::Text::default(),
        }
    }

    fn labels() -> Labels {
        Labels::new(&Default::default(), &english())
    }

    #[test]
    fn a_person_is_named_bare_and_a_role_or_group_with_the() {
        let (words, labels) = (english(), labels());
        let person = owner("Dr Jane Smith", OwnerKind::Person, &[]);
        let role = owner("Chief Nurse", OwnerKind::Role, &[]);
        let group = owner("Safer Births Board", OwnerKind::Group, &[]);
        assert_eq!(
            accountable(&words, &labels, &person, Some(1)),
            "Dr Jane Smith is accountable for 1 action area:"
        );
        assert_eq!(
            accountable(&words, &labels, &role, Some(12)),
            "The Chief Nurse is accountable for 12 action areas:"
        );
        assert_eq!(
            accountable(&words, &labels, &group, Some(9)),
            "The Safer Births Board is accountable for 9 action areas:"
        );
        assert_eq!(
            description(&words, &person, "Our Plan"),
            "What Dr Jane Smith is accountable for in the Our Plan."
        );
    }

    #[test]
    fn an_owner_of_nothing_is_said_to_be_named_for_nothing() {
        let (words, labels) = (english(), labels());
        let person = owner("Dr Jane Smith", OwnerKind::Person, &[]);
        let role = owner("Chief Nurse", OwnerKind::Role, &[]);
        assert_eq!(
            accountable(&words, &labels, &person, None),
            "The plan does not name Dr Jane Smith as accountable for any priority or action area."
        );
        assert_eq!(
            accountable(&words, &labels, &role, None),
            "The plan does not name the Chief Nurse as accountable for any priority or action area."
        );
    }

    #[test]
    fn a_group_has_a_chair_or_co_chairs_or_none_named() {
        let words = english();
        let none = owner("Board", OwnerKind::Group, &[]);
        let one = owner("Board", OwnerKind::Group, &["Head of Midwifery"]);
        let three = owner("Board", OwnerKind::Group, &["A", "B", "C"]);
        assert_eq!(chairs(&words, &none), None);
        assert_eq!(
            chairs(&words, &one).as_deref(),
            Some("Chaired by Head of Midwifery.")
        );
        assert_eq!(
            chairs(&words, &three).as_deref(),
            Some("Co-chaired by A, B and C.")
        );
    }
}
