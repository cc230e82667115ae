//! What changed between two snapshots: statuses, action areas added or removed, and the words of
//! the three columns, as a word-level diff a person can read. Pure: two records in, a report out.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::load::format::{SnapshotAction, SnapshotRecord};

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ChangeReport {
    pub from: String,
    pub to: String,
    pub status_changes: Vec<StatusChange>,
    pub added: Vec<ActionRef>,
    pub removed: Vec<ActionRef>,
    pub text_changes: Vec<TextChange>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ActionRef {
    pub id: String,
    pub reference: String,
    pub title: String,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct StatusChange {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub from: String,
    pub to: String,
}

/// The words of one column of one action, with what was removed and added marked.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct TextChange {
    pub id: String,
    pub reference: String,
    pub title: String,
    /// "achieve", "doing", "families" or the id of one of the plan's own columns.
    pub column: String,
    pub words: Vec<Word>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Word {
    /// "same", "removed" or "added".
    pub kind: &'static str,
    pub text: String,
}

impl ChangeReport {
    pub fn is_empty(&self) -> bool {
        self.status_changes.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.text_changes.is_empty()
    }
}

pub fn compare(a: &SnapshotRecord, b: &SnapshotRecord) -> ChangeReport {
    let find =
        |record: &'_ SnapshotRecord, id: &str| record.actions.iter().find(|x| x.id == id).cloned();
    let reference = |x: &SnapshotAction| ActionRef {
        id: x.id.clone(),
        reference: x.reference.clone(),
        title: x.title.clone(),
    };
    let mut report = ChangeReport {
        from: a.label.clone(),
        to: b.label.clone(),
        status_changes: Vec::new(),
        added: b
            .actions
            .iter()
            .filter(|x| find(a, &x.id).is_none())
            .map(reference)
            .collect(),
        removed: a
            .actions
            .iter()
            .filter(|x| find(b, &x.id).is_none())
            .map(reference)
            .collect(),
        text_changes: Vec::new(),
    };
    report.status_changes = changed(&a.actions, &b.actions, |x| &x.status);
    for new in &b.actions {
        let Some(old) = find(a, &new.id) else {
            continue;
        };
        for (column, before, after) in columns(&old, new) {
            if before != after {
                report.text_changes.push(TextChange {
                    id: new.id.clone(),
                    reference: new.reference.clone(),
                    title: new.title.clone(),
                    column: column.into(),
                    words: word_diff(&before.join("\n"), &after.join("\n")),
                });
            }
        }
    }
    report
}

/// Each action area in both `a` and `b` whose `field` (its status, its assurance) differs, in
/// `b`'s order, as a change from its value in `a` to its value in `b`. `publish`'s preview
/// shares it.
pub fn changed(
    a: &[SnapshotAction],
    b: &[SnapshotAction],
    field: fn(&SnapshotAction) -> &String,
) -> Vec<StatusChange> {
    let before: std::collections::HashMap<&str, &SnapshotAction> =
        a.iter().map(|x| (x.id.as_str(), x)).collect();
    b.iter()
        .filter_map(|new| {
            let old = before.get(new.id.as_str())?;
            (field(old) != field(new)).then(|| StatusChange {
                id: new.id.clone(),
                reference: new.reference.clone(),
                title: new.title.clone(),
                from: field(old).clone(),
                to: field(new).clone(),
            })
        })
        .collect()
}

/// Each column's text before and after: the three built-in ones, then the plan's own, by id.
fn columns<'r>(
    old: &'r SnapshotAction,
    new: &'r SnapshotAction,
) -> Vec<(&'r str, &'r [String], &'r [String])> {
    let mut columns: Vec<(&str, &[String], &[String])> = vec![
        ("achieve", &old.achieve, &new.achieve),
        ("doing", &old.doing, &new.doing),
        ("families", &old.families, &new.families),
    ];
    let ids: std::collections::BTreeSet<&String> =
        old.columns.keys().chain(new.columns.keys()).collect();
    for id in ids {
        let text = |a: &'r SnapshotAction| a.columns.get(id).map_or(&[][..], Vec::as_slice);
        columns.push((id, text(old), text(new)));
    }
    columns
}

/// A word-level diff, runs of the same kind joined so the text reads naturally.
fn word_diff(before: &str, after: &str) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    for change in TextDiff::from_words(before, after).iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => "same",
            ChangeTag::Delete => "removed",
            ChangeTag::Insert => "added",
        };
        match words.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => words.push(Word {
                kind,
                text: change.value().to_string(),
            }),
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(id: &str, status: &str, doing: &[&str]) -> SnapshotAction {
        SnapshotAction {
            id: id.into(),
            reference: "1.1".into(),
            title: id.into(),
            priority: "p".into(),
            status: status.into(),
            assurance: "not-evidenced".into(),
            achieve: vec![],
            doing: doing.iter().map(|d| d.to_string()).collect(),
            families: vec![],
            columns: Default::default(),
            answers: vec![],
        }
    }

    fn record(label: &str, actions: Vec<SnapshotAction>) -> SnapshotRecord {
        SnapshotRecord {
            label: label.into(),
            report_date: "2024-01-01".into(),
            build_epoch: 0,
            planpress_version: "0".into(),
            content_commit: None,
            uncommitted_changes: false,
            manifest_sha256: String::new(),
            manifest: String::new(),
            actions,
            recommendations: vec![],
        }
    }

    #[test]
    fn reports_status_changes_additions_removals_and_words() {
        let a = record(
            "a",
            vec![
                action("triage", "on-track", &["Opening a triage room."]),
                action("old", "complete", &[]),
            ],
        );
        let b = record(
            "b",
            vec![
                action("triage", "at-risk", &["Opening two triage rooms."]),
                action("new", "not-started", &[]),
            ],
        );
        let report = compare(&a, &b);
        assert_eq!(report.status_changes[0].from, "on-track");
        assert_eq!(report.status_changes[0].to, "at-risk");
        assert_eq!(report.added[0].id, "new");
        assert_eq!(report.removed[0].id, "old");
        let words: Vec<(&str, &str)> = report.text_changes[0]
            .words
            .iter()
            .map(|w| (w.kind, w.text.as_str()))
            .collect();
        assert_eq!(
            words,
            [
                ("same", "Opening "),
                ("removed", "a"),
                ("added", "two"),
                ("same", " triage "),
                ("removed", "room."),
                ("added", "rooms.")
            ]
        );
    }

    #[test]
    fn words_changed_under_the_plans_own_columns_are_reported_by_column() {
        let mut before = action("continuity", "on-track", &[]);
        before
            .columns
            .insert("now".into(), vec!["Two teams.".into()]);
        let mut after = before.clone();
        after
            .columns
            .insert("now".into(), vec!["Three teams.".into()]);
        after
            .columns
            .insert("next".into(), vec!["A fourth.".into()]);
        let report = compare(&record("a", vec![before]), &record("b", vec![after]));
        let columns: Vec<&str> = report
            .text_changes
            .iter()
            .map(|c| c.column.as_str())
            .collect();
        assert_eq!(columns, ["next", "now"]);
    }
}
