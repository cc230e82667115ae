//! Snapshots auditors can trust: `snapshot` packs the site as at its report date into a BagIt bag
//! (a folder and a tar archive with fixed bytes) and keeps a record under `content/snapshots/`;
//! `verify` recomputes a bag's manifests; `diff` says what changed between two snapshots.

pub mod bag;
pub mod changes;
mod record;

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Built;

/// Where a snapshot went.
#[derive(Debug)]
pub struct Taken {
    pub files: usize,
    pub manifest_sha256: String,
    pub folder: PathBuf,
    pub archive: PathBuf,
    pub record: PathBuf,
}

/// A label names files and folders: letters, digits, dots, hyphens and underscores.
pub fn check_label(label: &str) -> Result<(), String> {
    let ok = !label.is_empty()
        && !label.starts_with('.')
        && !label.contains("..")
        && label
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if ok {
        Ok(())
    } else {
        Err(format!("\"{label}\" cannot be a snapshot label: use letters, digits, dots, hyphens and underscores, e.g. 2023-24-Q3"))
    }
}

/// The build epoch: SOURCE_DATE_EPOCH when set, otherwise midnight (UTC) of the report date.
pub fn build_epoch(built: &Built) -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| built.plan.as_of.days_since_epoch() * 86_400)
}

/// The record's path, the bag folder and the archive for `label`.
pub fn paths(root: &Path, label: &str) -> (PathBuf, PathBuf, PathBuf) {
    (
        root.join("content")
            .join("snapshots")
            .join(format!("{label}.toml")),
        root.join("snapshots").join(label),
        root.join("snapshots").join(format!("{label}.tar")),
    )
}

/// Packs a built site as snapshot `label`, refusing to reuse a label.
pub fn take(root: &Path, label: &str, built: &Built) -> io::Result<Taken> {
    check_label(label).map_err(|m| io::Error::new(io::ErrorKind::InvalidInput, m))?;
    let (record_path, folder, archive) = paths(root, label);
    if let Some(taken) = [&record_path, &folder, &archive]
        .into_iter()
        .find(|p| p.exists())
    {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("a snapshot called \"{label}\" already exists ({}); snapshots are never replaced, so choose another label", taken.display()),
        ));
    }
    let epoch = build_epoch(built);
    let (commit, dirty) = git_state(root);
    let fields = [
        (
            "Bag-Software-Agent",
            format!("planpress {}", env!("CARGO_PKG_VERSION")),
        ),
        ("External-Identifier", label.to_string()),
        ("Bagging-Date", built.plan.as_of.iso()),
        ("Planpress-Report-Date", built.plan.report_date_iso()),
        ("Planpress-Build-Epoch", epoch.to_string()),
        ("Planpress-Version", env!("CARGO_PKG_VERSION").to_string()),
        (
            "Planpress-Content-Commit",
            commit
                .clone()
                .unwrap_or_else(|| "none (not a git checkout)".into()),
        ),
        (
            "Planpress-Uncommitted-Changes",
            if dirty { "yes" } else { "no" }.into(),
        ),
    ];
    let info = bag::bag_info(&built.files, &fields);
    let files = bag::bag_files(&built.files, &info);
    let manifest = bag::manifest(&built.files);
    let manifest_sha256 = bag::sha256(manifest.as_bytes());
    std::fs::create_dir_all(root.join("snapshots"))?;
    crate::write::new_folder(&folder, &files)?;
    bag::write_archive(&archive, label, &files, epoch)?;
    let record = record::record(
        &built.plan,
        label,
        epoch,
        commit,
        dirty,
        manifest,
        manifest_sha256.clone(),
    );
    let text = toml::to_string(&record).map_err(io::Error::other)?;
    std::fs::create_dir_all(record_path.parent().unwrap_or(root))?;
    let header =
        "# A published snapshot, written by `planpress snapshot`. Commit it; do not edit it.\n";
    std::fs::write(&record_path, format!("{header}{text}"))?;
    Ok(Taken {
        files: built.files.len(),
        manifest_sha256,
        folder,
        archive,
        record: record_path,
    })
}

/// The content's git commit and whether the checkout has uncommitted changes; none outside git.
fn git_state(root: &Path) -> (Option<String>, bool) {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
    };
    let commit =
        git(&["rev-parse", "HEAD"]).map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let dirty = git(&["status", "--porcelain", "--", "content", "themes"])
        .is_some_and(|o| !o.stdout.is_empty());
    (commit.filter(|c| !c.is_empty()), dirty)
}

/// Verifies a bag folder or `.tar` archive.
pub fn verify(path: &Path) -> io::Result<bag::Verification> {
    if path.is_dir() {
        return bag::verify(path);
    }
    let scratch = std::env::temp_dir().join(format!("planpress-verify-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch)?;
    let result = bag::unpack(path, &scratch).and_then(|folder| bag::verify(&folder));
    let _ = std::fs::remove_dir_all(&scratch);
    result
}
