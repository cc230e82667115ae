//! `planpress verify`: a snapshot checked as RFC 8493 says and, given its committed record,
//! against that; each problem named on its own line, and what was checked said when all is well.

use std::path::PathBuf;

use super::print::say;
use super::CommandError;

#[derive(clap::Args)]
pub struct Verify {
    /// The snapshot's folder or .tar archive.
    path: PathBuf,
    /// The snapshot's committed record (content/snapshots/LABEL.toml): the bag must also be the
    /// one it describes, file for file.
    #[arg(long)]
    record: Option<PathBuf>,
}

impl Verify {
    pub fn run(self) -> Result<(), CommandError> {
        let path = self.path;
        let record = match &self.record {
            Some(record) => Some(super::diff::read_record(record)?),
            None => None,
        };
        let found = match planpress::snapshot::verify(&path, record.as_ref()) {
            Ok(found) => found,
            Err(error) => return Err(CommandError::Unverifiable { path, error }),
        };
        if found.is_intact() {
            say!("{}: intact. Checked:", path.display());
            for checked in &found.checked {
                say!("  - {checked}");
            }
            return Ok(());
        }
        for problem in &found.problems {
            say!("{problem}");
        }
        Err(CommandError::SnapshotDamaged {
            path,
            problems: found.problems.len(),
        })
    }
}
