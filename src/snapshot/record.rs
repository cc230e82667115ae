//! The record of a snapshot: the state of every action and recommendation, and the manifest.

use crate::load::format::{SnapshotAction, SnapshotRecommendation, SnapshotRecord};
use crate::model::Plan;

pub fn record(
    plan: &Plan,
    label: &str,
    epoch: i64,
    commit: Option<String>,
    dirty: bool,
    manifest: String,
    manifest_sha256: String,
) -> SnapshotRecord {
    SnapshotRecord {
        label: label.to_string(),
        // A month when the plan gives no day: the record names no day it did not give.
        report_date: plan.report_date_iso(),
        build_epoch: epoch,
        planpress_version: env!("CARGO_PKG_VERSION").to_string(),
        content_commit: commit,
        uncommitted_changes: dirty,
        manifest_sha256,
        manifest,
        actions: actions(plan),
        recommendations: plan
            .registers
            .iter()
            .flat_map(|r| &r.items)
            .map(|item| SnapshotRecommendation {
                reference: item.reference.clone(),
                answered_by: plan
                    .answers
                    .answering(&item.reference)
                    .iter()
                    .map(|&at| plan.action_at(at).1.id.clone())
                    .collect(),
            })
            .collect(),
    }
}

/// Every action area as it stands in `plan`: what a record keeps, and what `publish`'s preview
/// compares.
pub fn actions(plan: &Plan) -> Vec<SnapshotAction> {
    let texts =
        |items: &[crate::model::Text]| items.iter().map(|t| t.markdown.to_string()).collect();
    plan.actions()
        .map(|(priority, a)| SnapshotAction {
            id: a.id.clone(),
            reference: a.reference.clone(),
            title: a.title.clone(),
            priority: priority.id.clone(),
            status: a.status.clone(),
            assurance: a.assurance.clone(),
            achieve: texts(&a.achieve),
            doing: texts(&a.doing),
            families: texts(&a.families),
            columns: a
                .columns
                .iter()
                .map(|(id, items)| (id.clone(), texts(items)))
                .collect(),
            answers: a.answers.clone(),
        })
        .collect()
}
