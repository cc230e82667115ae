//! `planpress snapshot`: the site as at its report date, kept as a BagIt bag and archive, with its
//! record in content/snapshots/ so later builds list it.

use std::path::{Path, PathBuf};

use planpress::render::OutputFile;
use planpress::{Failure, Options};

use super::error::Problems;
use super::flags::Project;
use super::print::say;
use super::CommandError;

#[derive(clap::Args)]
pub struct Snapshot {
    /// Its name, e.g. 2023-24-Q3. A label is never reused.
    label: String,
    #[command(flatten)]
    project: Project,
    /// Also print the whole report to report.pdf inside the snapshot (needs Chromium).
    #[arg(long)]
    pdf: bool,
    /// The Chromium to print with [default: $CHROMIUM_PATH, or chromium on PATH].
    #[arg(long)]
    chromium: Option<PathBuf>,
}

impl Snapshot {
    /// A snapshot of the project at `root` as at its report date, as `publish --snapshot` takes.
    pub(super) fn of(label: String, root: PathBuf) -> Snapshot {
        Snapshot {
            label,
            project: Project { root, as_of: None },
            pdf: false,
            chromium: None,
        }
    }

    pub fn run(self) -> Result<(), CommandError> {
        let label = self.label.as_str();
        // The label and Chromium are checked before the site is rendered, to fail fast.
        planpress::snapshot::check_label(label).map_err(CommandError::LabelRefused)?;
        let chromium = self
            .pdf
            .then(|| planpress::pdf::find_chromium(self.chromium.as_deref()))
            .transpose()
            .map_err(CommandError::ChromiumNotFound)?;
        let options = Options {
            as_of: self.project.as_of,
            snapshot: Some(label.to_string()),
            ..Options::default()
        };
        let mut built =
            match planpress::run(&self.project.root, &options, planpress::Output::Memory) {
                Ok(built) => built,
                Err(Failure::Content { errors, sources }) => {
                    let problems = Problems { errors, sources };
                    return Err(CommandError::NoSnapshotTaken(problems));
                }
                Err(Failure::Write(error)) => return Err(CommandError::Io(error)),
            };
        if let Some(chromium) = chromium {
            built.files.push(report_pdf(&built.files, &chromium)?);
        }
        let taken =
            planpress::snapshot::take(&self.project.root, label, &built).map_err(|error| {
                use std::io::ErrorKind::{AlreadyExists, InvalidInput};
                match error.kind() {
                    AlreadyExists | InvalidInput => CommandError::NotTaken(error),
                    _ => CommandError::SnapshotNotWritten {
                        label: label.to_string(),
                        error,
                    },
                }
            })?;
        say!(
            "Snapshot {label}: {} files, manifest SHA-256 {}.",
            taken.files,
            taken.manifest_sha256
        );
        say!("  bag:     {}", taken.folder.display());
        say!("  archive: {}", taken.archive.display());
        say!(
            "  record:  {} (commit this file: later builds list the snapshot and what changed)",
            taken.record.display()
        );
        Ok(())
    }
}

/// The whole report printed to a PDF, as a file of the snapshot (report.pdf).
fn report_pdf(files: &[OutputFile], chromium: &Path) -> Result<OutputFile, CommandError> {
    let scratch =
        std::env::temp_dir().join(format!("planpress-snapshot-{}.pdf", std::process::id()));
    let printed = planpress::pdf::print(files, chromium, &scratch)
        .and_then(|_unnumbered| std::fs::read(&scratch));
    let _ = std::fs::remove_file(&scratch);
    let bytes = printed.map_err(CommandError::NotPrinted)?;
    Ok(OutputFile {
        path: "report.pdf".into(),
        bytes: bytes.into(),
    })
}
