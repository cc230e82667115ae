//! The format of a snapshot record (`content/snapshots/<label>.toml`): what a published snapshot
//! contained, kept with the content so later builds can list it and say what changed since.
//! `planpress snapshot` writes these files; people do not need to edit them.

use serde::{Deserialize, Serialize};

/// A snapshot of the site as published on a report date.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotRecord {
    /// Its name ("2023-24-Q3"), also its folder and archive name under `snapshots/`.
    pub label: String,
    /// The report date it was built as at (YYYY-MM-DD), or its month (YYYY-MM) when the plan
    /// gives no day.
    pub report_date: String,
    /// SOURCE_DATE_EPOCH of the build: seconds since 1970, the report date's midnight by default.
    pub build_epoch: i64,
    pub planpress_version: String,
    /// The content's git commit, when it was built from a git checkout.
    #[serde(default)]
    pub content_commit: Option<String>,
    /// True when the checkout had changes not yet committed.
    #[serde(default)]
    pub uncommitted_changes: bool,
    /// SHA-256 of the bag's `manifest-sha256.txt`: one number that fixes every file.
    pub manifest_sha256: String,
    /// The bag's `manifest-sha256.txt` itself.
    pub manifest: String,
    /// Every action area as it stood.
    #[serde(default)]
    pub actions: Vec<SnapshotAction>,
    /// Every recommendation and the action areas answering it.
    #[serde(default)]
    pub recommendations: Vec<SnapshotRecommendation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotAction {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub priority: String,
    pub status: String,
    pub assurance: String,
    pub achieve: Vec<String>,
    pub doing: Vec<String>,
    pub families: Vec<String>,
    /// The text of the plan's own columns, by column id; left out when it has none.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub columns: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub answers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotRecommendation {
    pub reference: String,
    pub answered_by: Vec<String>,
}
