//! `planpress verify`: a snapshot's files checked against its manifests, each mismatch named.

use std::path::PathBuf;

use super::print::say;
use super::CommandError;

#[derive(clap::Args)]
pub struct Verify {
    /// The snapshot's folder or .tar archive.
    path: PathBuf,
}

impl Verify {
    pub fn run(self) -> Result<(), CommandError> {
        let path = self.path;
        let found = match planpress::snapshot::verify(&path) {
            Ok(found) => found,
            Err(error) => return Err(CommandError::Unverifiable { path, error }),
        };
        if found.is_intact() {
            say!("{}: every file matches its manifest.", path.display());
            return Ok(());
        }
        for (what, files) in [
            ("altered", &found.altered),
            ("missing", &found.missing),
            ("extra", &found.extra),
        ] {
            for file in files {
                say!("{what}: {file}");
            }
        }
        Err(CommandError::SnapshotDamaged {
            path,
            altered: found.altered.len(),
            missing: found.missing.len(),
            extra: found.extra.len(),
        })
    }
}
