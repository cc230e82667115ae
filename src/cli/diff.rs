//! `planpress diff`: what changed between two snapshots, from their records in content/snapshots/.

use std::path::{Path, PathBuf};

use planpress::load::format::SnapshotRecord;
use planpress::snapshot::changes::ChangeReport;

use super::print::say;
use super::CommandError;

#[derive(clap::Args)]
pub struct Diff {
    /// The earlier snapshot's label.
    from: String,
    /// The later snapshot's label.
    to: String,
    /// The project folder: the one that holds content/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Print the changes as JSON.
    #[arg(long)]
    json: bool,
}

impl Diff {
    pub fn run(self) -> Result<(), CommandError> {
        let (from, to) = (self.from.as_str(), self.to.as_str());
        let a = record(&self.root, from)?;
        let b = record(&self.root, to)?;
        let report = planpress::snapshot::changes::compare(&a, &b);
        if self.json {
            say!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            );
            return Ok(());
        }
        print_changes(from, &a, to, &b, &report);
        Ok(())
    }
}

/// The changes as lines of text, the words of a changed text marked as `git diff --word-diff` does.
fn print_changes(
    from: &str,
    a: &SnapshotRecord,
    to: &str,
    b: &SnapshotRecord,
    report: &ChangeReport,
) {
    say!(
        "Changes from {from} ({}) to {to} ({}):",
        a.report_date,
        b.report_date
    );
    if report.is_empty() {
        say!("  nothing changed.");
    }
    for c in &report.status_changes {
        say!(
            "  {} {}: status {} -> {}",
            c.reference,
            c.title,
            c.from,
            c.to
        );
    }
    for action in &report.added {
        say!("  added {} {}", action.reference, action.title);
    }
    for action in &report.removed {
        say!("  removed {} {}", action.reference, action.title);
    }
    for t in &report.text_changes {
        let words: String = t
            .words
            .iter()
            .map(|w| match w.kind {
                "removed" => format!("[-{}-]", w.text),
                "added" => format!("{{+{}+}}", w.text),
                _ => w.text.clone(),
            })
            .collect();
        say!(
            "  {} {} ({}): {}",
            t.reference,
            t.title,
            t.column,
            words.replace('\n', " / ")
        );
    }
}

/// The record of the snapshot called `label`.
fn record(root: &Path, label: &str) -> Result<SnapshotRecord, CommandError> {
    read_record(&planpress::snapshot::paths(root, label).0)
}

/// A snapshot record, read from its file (`content/snapshots/LABEL.toml`).
pub(super) fn read_record(record: &Path) -> Result<SnapshotRecord, CommandError> {
    let record = record.to_path_buf();
    let text = match std::fs::read_to_string(&record) {
        Ok(text) => text,
        Err(error) => {
            let label = record
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            return Err(CommandError::NoSnapshot {
                label,
                record,
                error,
            });
        }
    };
    toml::from_str(&text).map_err(|error| CommandError::RecordUnreadable { record, error })
}
