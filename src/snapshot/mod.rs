//! Snapshots auditors can trust: `snapshot` packs the site as at its report date into a BagIt bag
//! (a folder and a tar archive with fixed bytes) and keeps a record under `content/snapshots/`;
//! `verify` checks a bag as RFC 8493 says, and against its record; `diff` says what changed
//! between two snapshots.

pub mod bag;
pub mod changes;
mod check;
mod inventory;
pub(crate) mod record;
mod recorded;
mod staging;
mod tagfile;

pub use check::{Problem, Verification};

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::load::format::SnapshotRecord;
use crate::Built;
use staging::{Disk, RealDisk, Staging};

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

/// Packs a built site as snapshot `label`, refusing to reuse a label. If it fails, nothing of it
/// is left on disk and the label is still free.
pub fn take(root: &Path, label: &str, built: &Built) -> io::Result<Taken> {
    take_on(&RealDisk, root, label, built)
}

/// Whether `label` is a safe name that no snapshot of the project at `root` has used yet: `take`
/// checks it, and `publish` before it writes anything.
pub fn check_free(root: &Path, label: &str) -> io::Result<()> {
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
    Ok(())
}

fn take_on(disk: &dyn Disk, root: &Path, label: &str, built: &Built) -> io::Result<Taken> {
    check_free(root, label)?;
    let (record_path, folder, archive) = paths(root, label);
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
    let header =
        "# A published snapshot, written by `planpress snapshot`. Commit it; do not edit it.\n";
    let record_text = format!("{header}{text}");
    // The record is put in place last: it is what marks the label as used.
    let staging = Staging::new(&[&folder, &archive, &record_path])?;
    bag::write_folder(disk, staging.path(0), &files)?;
    bag::write_archive(disk, staging.path(1), label, &files, epoch)?;
    disk.write(staging.path(2), &mut |out| {
        out.write_all(record_text.as_bytes())
    })?;
    staging.put_in_place()?;
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

/// Checks a bag folder or `.tar` archive as RFC 8493 says, and, given its committed record,
/// that it is the snapshot the record describes.
pub fn verify(path: &Path, record: Option<&SnapshotRecord>) -> io::Result<Verification> {
    let bag = if std::fs::metadata(path)?.is_dir() {
        inventory::of_folder(path)?
    } else {
        inventory::of_archive(path)?
    };
    let mut found = check::check(&bag);
    if let Some(record) = record {
        recorded::against_record(&bag, record, &mut found);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::io::Write;

    /// A disk with `left` bytes free: a write past them fails as a full disk does (ENOSPC).
    struct FillingDisk {
        left: Cell<usize>,
    }

    struct Filling<'a> {
        file: std::fs::File,
        left: &'a Cell<usize>,
    }

    impl Write for Filling<'_> {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            let n = bytes.len().min(self.left.get());
            if n == 0 && !bytes.is_empty() {
                return Err(io::Error::from_raw_os_error(28));
            }
            self.file.write_all(&bytes[..n])?;
            self.left.set(self.left.get() - n);
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            self.file.flush()
        }
    }

    impl Disk for FillingDisk {
        fn write(
            &self,
            path: &Path,
            fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
        ) -> io::Result<()> {
            let file = std::fs::File::create_new(path)?;
            fill(&mut Filling {
                file,
                left: &self.left,
            })
        }
    }

    fn everything_under(folder: &Path) -> Vec<PathBuf> {
        walkdir::WalkDir::new(folder)
            .min_depth(1)
            .into_iter()
            .flatten()
            .map(|e| e.into_path())
            .collect()
    }

    #[test]
    fn a_snapshot_that_fills_the_disk_leaves_nothing_and_its_label_free() {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/progress");
        let options = crate::Options {
            as_of: None,
            snapshot: Some("q1".into()),
            ..crate::Options::default()
        };
        let built = crate::run(&fixture, &options, crate::Output::Memory).unwrap();
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("content")).unwrap();
        let room = FillingDisk {
            left: Cell::new(usize::MAX),
        };
        take_on(&room, root.path(), "q1", &built).unwrap();
        let total = usize::MAX - room.left.get();
        std::fs::remove_dir_all(root.path().join("snapshots")).unwrap();
        std::fs::remove_dir_all(root.path().join("content/snapshots")).unwrap();

        // Full in the bag folder, in the archive, and at the record's last byte.
        for free in [0, total / 4, total * 3 / 4, total - 1] {
            let full = FillingDisk {
                left: Cell::new(free),
            };
            let error = take_on(&full, root.path(), "q1", &built)
                .expect_err(&format!("{free} of {total} bytes free"));
            assert_eq!(error.raw_os_error(), Some(28), "{error}");
            assert_eq!(
                everything_under(root.path()),
                [root.path().join("content")],
                "with {free} of {total} bytes free"
            );
        }
        let taken = take(root.path(), "q1", &built).expect("the label is still free");
        assert!(taken.folder.is_dir() && taken.archive.is_file() && taken.record.is_file());
        assert!(verify(&taken.archive, None).unwrap().is_intact());
    }
}
