//! A warning at an update that changes nothing a reader sees: more often an update not yet filled
//! in than one meant. Precisely, "changes nothing" is:
//! - an update with no `[[actions]]` and nothing below its front matter; or
//! - an entry whose status is the one the action area already had (from its register, then the
//!   updates before it, oldest first, as the site replays them), whose assurance is left out or
//!   the same, whose note is empty or the one it already had, with no evidence, and no review
//!   date or the one it already had.
//!
//! A note of its own is a change ("still on track; the audit is booked"), so an entry that only
//! confirms a status with a word of news is never warned about.

use std::collections::{HashMap, HashSet};

use super::Known;
use crate::diagnostics::{ContentError, UnfinishedKind};
use crate::load::format::ActionUpdate;
use crate::load::Content;
use crate::model::Date;

/// Where an action area stands after the updates read so far.
struct State<'c> {
    status: &'c str,
    assurance: &'c str,
    note: &'c str,
    next_review: Option<Date>,
}

pub fn check(content: &Content, known: &Known, warnings: &mut Vec<ContentError>) {
    // Without the statuses (plan.toml did not parse) there is nothing to compare with.
    let Some(first_status) = known.statuses.and_then(|s| s.first()) else {
        return;
    };
    let first_assurance =
        (known.assurance.and_then(|a| a.first())).map_or("", |(id, _)| id.as_str());
    let mut updates: Vec<_> = content
        .updates
        .iter()
        // A draft is not published: the updates readers see are compared as they will read them.
        .filter(|u| !u.value.front_matter.draft)
        .filter_map(|u| Some((Date::from_toml(u.value.front_matter.date.get_ref())?, u)))
        .collect();
    updates.sort_by(|(a, u), (b, v)| (a, &u.stem).cmp(&(b, &v.stem)));
    let mut states = starting_states(content, known, first_status, first_assurance);
    for (_, update) in updates {
        let source = &content.sources[update.source];
        let front = &update.value.front_matter;
        if front.actions.is_empty() && update.value.body.trim().is_empty() {
            let kind = UnfinishedKind::EmptyUpdate;
            warnings.push(ContentError::at(source, front.date.span(), kind));
        }
        for change in &front.actions {
            let Some(id) = known.names.id(change.id.get_ref()) else {
                continue;
            };
            let Some(state) = states.get_mut(id) else {
                continue;
            };
            if changes_nothing(change, state) {
                let kind = UnfinishedKind::ChangesNothing {
                    action: change.id.get_ref().clone(),
                    status: state.status.to_string(),
                };
                warnings.push(ContentError::at(source, change.id.span(), kind));
            }
            move_on(change, state);
        }
    }
}

/// What each action area an update names starts as. Only those are looked at: a region's plan
/// has tens of thousands, and an update names a few.
fn starting_states<'c>(
    content: &'c Content,
    known: &Known,
    first_status: &'c str,
    first_assurance: &'c str,
) -> HashMap<&'c str, State<'c>> {
    let named: HashSet<&str> = content
        .updates
        .iter()
        .flat_map(|u| &u.value.front_matter.actions)
        .filter_map(|c| known.names.id(c.id.get_ref()))
        .collect();
    let mut states = HashMap::with_capacity(named.len());
    for action in content.priorities.iter().flat_map(|p| &p.value.actions) {
        let id = action.id.get_ref().as_str();
        if named.contains(id) && !states.contains_key(id) {
            let status = action.status.as_ref().map_or(first_status, |s| s.get_ref());
            let state = State {
                status,
                assurance: first_assurance,
                note: "",
                next_review: None,
            };
            states.insert(id, state);
        }
    }
    states
}

fn changes_nothing(change: &ActionUpdate, state: &State) -> bool {
    let note = change.note.get_ref().trim();
    let review = change.next_review.as_ref();
    change.status.get_ref() == state.status
        && change
            .assurance
            .as_ref()
            .is_none_or(|a| a.get_ref() == state.assurance)
        && (note.is_empty() || note == state.note)
        && change.evidence.is_empty()
        && review.is_none_or(|d| Date::from_toml(d.get_ref()) == state.next_review)
}

/// Where the action area stands after this entry, as the site replays it.
fn move_on<'c>(change: &'c ActionUpdate, state: &mut State<'c>) {
    state.status = change.status.get_ref();
    if let Some(assurance) = &change.assurance {
        state.assurance = assurance.get_ref();
    }
    let note = change.note.get_ref().trim();
    if !note.is_empty() {
        state.note = note;
    }
    if let Some(review) = &change.next_review {
        state.next_review = Date::from_toml(review.get_ref());
    }
}
