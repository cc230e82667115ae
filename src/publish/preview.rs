//! What readers will see change when the report date moves: the site as at the old report date
//! against the site as at the new one. Status and assurance changes are found as `diff` finds
//! them between two snapshots (`snapshot::changes::changed`); new updates and newly overdue
//! action areas are what a snapshot record does not keep. Pure: two states in, a preview out.

use std::collections::BTreeSet;

use crate::load::format::SnapshotAction;
use crate::model::{Date, Plan};
use crate::snapshot::changes::{changed, ActionRef, StatusChange};

/// What a reader sees of the plan as at one report date, for comparing.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Every action area, as a snapshot records it (status and assurance by id).
    pub actions: Vec<SnapshotAction>,
    /// The ids of the action areas past their due date and not finished.
    pub overdue: BTreeSet<String>,
    /// The updates published, newest first.
    pub updates: Vec<UpdateRef>,
}

/// An update, as the preview names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateRef {
    pub slug: String,
    pub title: String,
    pub date: Date,
}

impl State {
    /// The state of `plan`, as at its report date.
    pub fn of(plan: &Plan) -> State {
        State {
            actions: crate::snapshot::record::actions(plan),
            overdue: plan
                .actions()
                .filter(|(_, a)| plan.is_overdue(a))
                .map(|(_, a)| a.id.clone())
                .collect(),
            updates: plan
                .updates
                .iter()
                .map(|u| UpdateRef {
                    slug: u.slug.clone(),
                    title: u.title.clone(),
                    date: u.date,
                })
                .collect(),
        }
    }
}

/// What changes for readers from one state to the next. Statuses and assurance are by id.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Preview {
    pub status_changes: Vec<StatusChange>,
    pub assurance_changes: Vec<StatusChange>,
    /// Published now, and not before; oldest first.
    pub new_updates: Vec<UpdateRef>,
    /// Published before, and not now (the report date moved back); oldest first.
    pub withdrawn_updates: Vec<UpdateRef>,
    pub newly_overdue: Vec<ActionRef>,
    pub no_longer_overdue: Vec<ActionRef>,
}

impl Preview {
    pub fn is_empty(&self) -> bool {
        *self == Preview::default()
    }
}

/// What a reader of the site as at `before` will see changed in the site as at `after`.
pub fn compare(before: &State, after: &State) -> Preview {
    Preview {
        status_changes: changed(&before.actions, &after.actions, |a| &a.status),
        assurance_changes: changed(&before.actions, &after.actions, |a| &a.assurance),
        new_updates: only_in(&after.updates, &before.updates),
        withdrawn_updates: only_in(&before.updates, &after.updates),
        newly_overdue: overdue_only_in(after, before),
        no_longer_overdue: overdue_only_in(before, after),
    }
}

/// The updates of `these` that `others` does not have, oldest first.
fn only_in(these: &[UpdateRef], others: &[UpdateRef]) -> Vec<UpdateRef> {
    let known: BTreeSet<&str> = others.iter().map(|u| u.slug.as_str()).collect();
    let mut only: Vec<UpdateRef> = these
        .iter()
        .filter(|u| !known.contains(u.slug.as_str()))
        .cloned()
        .collect();
    only.reverse();
    only
}

/// The action areas overdue in `this` and not in `other`, in plan order.
fn overdue_only_in(this: &State, other: &State) -> Vec<ActionRef> {
    this.actions
        .iter()
        .filter(|a| this.overdue.contains(&a.id) && !other.overdue.contains(&a.id))
        .map(|a| ActionRef {
            id: a.id.clone(),
            reference: a.reference.clone(),
            title: a.title.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(id: &str, reference: &str, status: &str, assurance: &str) -> SnapshotAction {
        SnapshotAction {
            id: id.into(),
            reference: reference.into(),
            title: format!("{id} title"),
            priority: "1-safety".into(),
            status: status.into(),
            assurance: assurance.into(),
            achieve: vec![],
            doing: vec![],
            families: vec![],
            columns: Default::default(),
            answers: vec![],
        }
    }

    fn update(slug: &str, date: &str) -> UpdateRef {
        UpdateRef {
            slug: slug.into(),
            title: format!("{slug} update"),
            date: Date::parse_iso(date).unwrap(),
        }
    }

    fn state(actions: Vec<SnapshotAction>, overdue: &[&str], updates: Vec<UpdateRef>) -> State {
        State {
            actions,
            overdue: overdue.iter().map(|s| s.to_string()).collect(),
            updates,
        }
    }

    #[test]
    fn names_each_status_and_assurance_change_new_update_and_newly_overdue_item() {
        let before = state(
            vec![
                action("triage", "1.1", "at-risk", "not-evidenced"),
                action("fm", "1.2", "complete", "evidence-submitted"),
                action("bereavement", "2.1", "on-track", "not-evidenced"),
            ],
            &["triage"],
            vec![
                update("april", "2024-04-10"),
                update("january", "2024-01-20"),
            ],
        );
        let after = state(
            vec![
                action("triage", "1.1", "complete", "not-evidenced"),
                action("fm", "1.2", "complete", "assured"),
                action("bereavement", "2.1", "on-track", "not-evidenced"),
            ],
            &["bereavement"],
            vec![
                update("november", "2024-11-01"),
                update("september", "2024-09-01"),
                update("april", "2024-04-10"),
                update("january", "2024-01-20"),
            ],
        );
        let preview = compare(&before, &after);
        let change = |c: &StatusChange| (c.reference.clone(), c.from.clone(), c.to.clone());
        assert_eq!(
            preview
                .status_changes
                .iter()
                .map(change)
                .collect::<Vec<_>>(),
            [("1.1".to_string(), "at-risk".into(), "complete".into())]
        );
        assert_eq!(
            preview
                .assurance_changes
                .iter()
                .map(change)
                .collect::<Vec<_>>(),
            [(
                "1.2".to_string(),
                "evidence-submitted".into(),
                "assured".into()
            )]
        );
        let slugs: Vec<&str> = preview
            .new_updates
            .iter()
            .map(|u| u.slug.as_str())
            .collect();
        assert_eq!(slugs, ["september", "november"], "oldest first");
        assert!(preview.withdrawn_updates.is_empty());
        assert_eq!(preview.newly_overdue[0].reference, "2.1");
        assert_eq!(preview.no_longer_overdue[0].reference, "1.1");
    }

    #[test]
    fn the_same_state_changes_nothing_and_moving_back_withdraws_updates() {
        let later = state(
            vec![action("triage", "1.1", "complete", "assured")],
            &[],
            vec![
                update("september", "2024-09-01"),
                update("april", "2024-04-10"),
            ],
        );
        assert!(compare(&later, &later).is_empty());
        let earlier = state(
            vec![action("triage", "1.1", "at-risk", "assured")],
            &[],
            vec![update("april", "2024-04-10")],
        );
        let back = compare(&later, &earlier);
        assert_eq!(back.withdrawn_updates, [update("september", "2024-09-01")]);
        assert_eq!(back.status_changes[0].to, "at-risk");
    }
}
