//! The priorities and their action areas, with each action's progress replayed from the updates:
//! most of a large plan. Each priority is made on its own, in parallel, from its register and
//! the changes the updates make to its actions; `serve` keeps each one made and takes it again
//! while both are the same, so a save makes again only the priority it touched.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;
use toml::Spanned;

use super::build::{narrative, text};
use super::progress::{Change, HistoryEntry, Update};
use super::{Action, ActionAt, Priority};
use crate::load::format::{ActionEntry, PriorityFile};
use crate::load::{Content, Loaded};

/// What every action area starts as, before any update: the first status and the first
/// assurance level of the plan's vocabularies.
#[derive(Clone, Copy, Hash)]
pub struct Start<'a> {
    pub status: &'a str,
    pub assurance: &'a str,
}

/// A change an update makes to an action of one priority: (the update's place in the list of
/// updates, the action's place in the priority, the change).
type Touch<'u> = (usize, usize, &'u Change);

/// The priorities in order (by number, then id), each with its actions' progress, and where
/// each action is. `updates` are newest first, as `history::updates` gives them. Each priority may
/// come from `reuse`, kept while its register and the changes made to it are the same.
pub fn priorities(
    content: &Content,
    start: Start,
    updates: &[Update],
    reuse: &dyn super::Reuse,
) -> (Vec<Arc<Priority>>, HashMap<String, ActionAt>) {
    let files = super::names::in_order(content);
    let index = action_index(&files);
    let touches = touches(files.len(), updates, &index);
    let priorities = files
        .par_iter()
        .zip(&touches)
        .map(|(loaded, touches)| {
            let source = &content.sources[loaded.source];
            let made_from = || made_from(loaded.source, start, updates, touches);
            let make = || priority(loaded, start, updates, touches);
            reuse.priority(source, &made_from, &make)
        })
        .collect();
    (priorities, index)
}

/// Where each action is: (its priority's place, its place in the priority), by id.
fn action_index(files: &[&Loaded<Arc<PriorityFile>>]) -> HashMap<String, ActionAt> {
    let mut index = HashMap::new();
    for (p, file) in files.iter().enumerate() {
        for (a, action) in file.value.actions.iter().enumerate() {
            index.insert(action.id.get_ref().clone(), (p, a));
        }
    }
    index
}

/// For each of the `count` priorities, the changes the updates make to its actions, oldest
/// update first. An update naming an action that does not exist touches nothing (validation
/// refuses it; a build never panics on it).
fn touches<'u>(
    count: usize,
    updates: &'u [Update],
    index: &HashMap<String, ActionAt>,
) -> Vec<Vec<Touch<'u>>> {
    let mut touches = vec![Vec::new(); count];
    for (i, update) in updates.iter().enumerate().rev() {
        for change in &update.changes {
            if let Some(&(p, a)) = index.get(&change.action) {
                touches[p].push((i, a, change));
            }
        }
    }
    touches
}

/// A fingerprint of what a priority is made from besides its register's text: where its file is
/// among the sources, what an action starts as, and the changes made to its actions.
fn made_from(source: usize, start: Start, updates: &[Update], touches: &[Touch]) -> u64 {
    let mut hasher = DefaultHasher::new();
    (source, start).hash(&mut hasher);
    for &(i, a, change) in touches {
        (i, a, updates[i].date, change).hash(&mut hasher);
    }
    hasher.finish()
}

/// Actions made together on one core: enough to be worth handing to another.
const ACTIONS_TOGETHER: usize = 64;

fn priority(
    loaded: &Loaded<Arc<PriorityFile>>,
    start: Start,
    updates: &[Update],
    touches: &[Touch],
) -> Priority {
    let file = &loaded.value;
    let number = *file.number.get_ref();
    // A register may hold every action of the plan: its actions are made on all cores, in order.
    let mut actions: Vec<Action> = file
        .actions
        .par_iter()
        .with_min_len(ACTIONS_TOGETHER)
        .enumerate()
        .map(|(i, a)| {
            let reference = super::names::reference(number, i);
            action(a, reference, loaded, start)
        })
        .collect();
    replay(updates, touches, &mut actions);
    Priority {
        id: loaded.stem.clone(),
        place: super::Place {
            source: loaded.source,
            offset: file.number.span().start,
        },
        number,
        title: file.title.clone(),
        workstream: file.workstream.clone(),
        trust_priority: file.trust_priority.clone(),
        owners: owner_ids(file.sro.iter().chain(&file.owners)),
        narrative: narrative(loaded, file.narrative.as_ref(), &file.sections),
        answers: file.answers.iter().map(|a| a.get_ref().clone()).collect(),
        actions,
    }
}

/// The owner ids as written, each once (a repeat is reported by the checks).
fn owner_ids<'a>(written: impl IntoIterator<Item = &'a Spanned<String>>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for id in written {
        if !ids.contains(id.get_ref()) {
            ids.push(id.get_ref().clone());
        }
    }
    ids
}

fn action(
    entry: &ActionEntry,
    reference: String,
    file: &Loaded<Arc<PriorityFile>>,
    start: Start,
) -> Action {
    let status = entry
        .status
        .as_ref()
        .map_or(start.status, |s| s.get_ref().as_str());
    let texts = |items: &[Spanned<Arc<str>>]| items.iter().map(|t| text(file, t)).collect();
    Action {
        id: entry.id.get_ref().clone(),
        place: super::Place {
            source: file.source,
            offset: entry.id.span().start,
        },
        reference,
        title: entry.title.clone(),
        kind: entry.kind.as_ref().map(|k| k.get_ref().clone()),
        status: status.to_string(),
        baseline_status: status.to_string(),
        assurance: start.assurance.to_string(),
        history: Vec::new(),
        last_updated: None,
        next_review: None,
        milestones: entry
            .milestones
            .iter()
            .map(|m| super::Milestone {
                title: m.title.clone(),
                due: m.due.get_ref().clone(),
            })
            .collect(),
        answers: entry.answers.iter().map(|a| a.get_ref().clone()).collect(),
        due: entry.due.as_ref().map(|d| d.get_ref().clone()),
        lead: entry.lead.clone(),
        owners: owner_ids(&entry.owners),
        achieve: texts(&entry.achieve),
        doing: texts(&entry.doing),
        families: texts(&entry.families),
        columns: entry
            .columns
            .iter()
            .map(|(id, items)| (id.clone(), texts(items)))
            .collect(),
        narrative: narrative(file, entry.narrative.as_ref(), &entry.sections),
        notes: entry.notes.as_ref().map(|n| text(file, n)),
    }
}

/// Replays the changes, oldest first, onto the actions: each action's status, assurance, history
/// (newest first), last-updated and next-review dates.
fn replay(updates: &[Update], touches: &[Touch], actions: &mut [Action]) {
    for &(i, a, change) in touches {
        let update = &updates[i];
        let action = &mut actions[a];
        let previous_status = std::mem::replace(&mut action.status, change.status.clone());
        if let Some(assurance) = &change.assurance {
            action.assurance = assurance.clone();
        }
        action.last_updated = Some(update.date);
        action.next_review = change.next_review;
        action.history.push(HistoryEntry {
            update: i,
            date: update.date,
            status: change.status.clone(),
            previous_status,
            assurance: action.assurance.clone(),
            note: change.note.clone(),
            evidence: change.evidence.clone(),
            accepted_by: change.accepted_by.clone(),
            accepted_on: change.accepted_on,
        });
    }
    for action in actions {
        action.history.reverse();
    }
}
