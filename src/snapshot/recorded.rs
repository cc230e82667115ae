//! A bag against the record committed when it was taken (`content/snapshots/LABEL.toml`). A bag
//! alone can be forged consistently, every checksum recomputed; the record in git cannot be
//! changed unseen, so it fixes which files, with which bytes, the snapshot holds.

use std::collections::BTreeMap;

use super::check::Verification;
use super::inventory::Inventory;
use super::tagfile::{self, Algorithm};
use crate::load::format::SnapshotRecord;

/// Adds to `found` each way the bag differs from `record`: label, dates, commit, manifest, files.
pub fn against_record(bag: &Inventory, record: &SnapshotRecord, found: &mut Verification) {
    let before = found.problems.len();
    provenance(bag, record, found);
    manifest(bag, record, found);
    if found.problems.len() == before {
        let files = tagfile::manifest_lines(&record.manifest, Algorithm::Sha256)
            .0
            .len();
        found.checked.push(format!(
            "the record of {}: its label, report date, build epoch, commit, manifest SHA-256 and {files} files match",
            record.label
        ));
    }
}

/// `bag-info.txt`'s fields (and an archive's folder) against the record's.
fn provenance(bag: &Inventory, record: &SnapshotRecord, found: &mut Verification) {
    let info = bag
        .files
        .get("bag-info.txt")
        .and_then(|held| held.text.as_deref())
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .and_then(|text| tagfile::bag_info_fields(text).ok())
        .unwrap_or_default();
    let field = |label: &str| {
        info.iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v.clone())
    };
    let commit = record
        .content_commit
        .clone()
        .unwrap_or_else(|| "none (not a git checkout)".into());
    let expected = [
        ("External-Identifier", "label", record.label.clone()),
        (
            "Planpress-Report-Date",
            "report date",
            record.report_date.clone(),
        ),
        (
            "Planpress-Build-Epoch",
            "build epoch",
            record.build_epoch.to_string(),
        ),
        ("Planpress-Content-Commit", "content commit", commit),
    ];
    for (label, what, wanted) in expected {
        let said = field(label);
        if said.as_deref() != Some(wanted.as_str()) {
            let said = said.map_or("nothing".to_string(), |s| format!("\"{s}\""));
            found.problem(
                "not as recorded",
                "bag-info.txt",
                &format!("its {label} says {said}; the record gives the {what} \"{wanted}\""),
            );
        }
    }
    if let Some(top) = bag.archive_top.as_deref().filter(|t| *t != record.label) {
        found.problem(
            "not as recorded",
            &format!("{top}/"),
            &format!(
                "the archive's folder should be named as the record's label, {}",
                record.label
            ),
        );
    }
}

/// The bag's `manifest-sha256.txt` against the record's, naming each file that differs.
fn manifest(bag: &Inventory, record: &SnapshotRecord, found: &mut Verification) {
    let held = bag.files.get("manifest-sha256.txt");
    let bytes = held.and_then(|h| h.text.as_deref()).unwrap_or_default();
    if held.is_some_and(|h| h.sha256 == record.manifest_sha256)
        && bytes == record.manifest.as_bytes()
    {
        return;
    }
    let recorded = files(&record.manifest);
    let in_bag: BTreeMap<&str, &str> = bag
        .files
        .iter()
        .filter(|(path, _)| path.starts_with("data/"))
        .map(|(path, held)| (path.as_str(), held.sha256.as_str()))
        .collect();
    found.problem(
        "not as recorded",
        "manifest-sha256.txt",
        &format!(
            "its SHA-256 is not the record's {}: the bag holds {} files in data/, the record lists {} files",
            record.manifest_sha256,
            in_bag.len(),
            recorded.len()
        ),
    );
    for (path, checksum) in &recorded {
        match in_bag.get(path.as_str()) {
            None => found.problem(
                "missing",
                path,
                "the record lists it; the bag does not hold it",
            ),
            Some(&c) if c != *checksum => found.problem(
                "altered",
                path,
                "its SHA-256 is not the one the record gives",
            ),
            Some(_) => {}
        }
    }
    for path in in_bag.keys().filter(|p| !recorded.contains_key(**p)) {
        found.problem("extra", path, "the record does not list it");
    }
}

/// The record's manifest as path → SHA-256.
fn files(manifest: &str) -> BTreeMap<String, String> {
    tagfile::manifest_lines(manifest, Algorithm::Sha256)
        .0
        .into_iter()
        .map(|line| (line.path, line.checksum))
        .collect()
}
