//! What stops a command, one kind per cause, each with the words a user reads. `main` prints
//! them to standard error and exits with 1, so no command decides how a failure looks.

use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use planpress::diagnostics::accepted::Accepted;
use planpress::diagnostics::{ContentError, Source};
use planpress::Failure;

use super::print::{self, count, Listing};

/// Why a command failed. Its `Display` is the whole message for standard error.
#[derive(Debug)]
pub enum CommandError {
    /// Problems in the content or theme stopped `check` or `pdf`.
    Content(Problems),
    /// Problems stopped `check`, which lists every warning not in `accepted` in full.
    Checked {
        problems: Problems,
        accepted: Accepted,
    },
    /// The file of accepted warnings could not be read or written; the words say why.
    AcceptedWarnings(String),
    /// Problems in the content or theme stopped a build: nothing was written to `out`. The
    /// message says what is at `out`, as it is when printed.
    NothingWritten { problems: Problems, out: PathBuf },
    /// Problems in the content or theme stopped a snapshot.
    NoSnapshotTaken(Problems),
    /// The site could not be written (or may not be, there). The message says what is at `out`.
    SiteNotWritten { out: PathBuf, error: io::Error },
    /// `check --deny-warnings` found this many warnings.
    WarningsDenied(usize),
    /// There is no Chromium to print with; the words say where planpress looked.
    ChromiumNotFound(String),
    /// The snapshot label is not a safe name for files; the words say why.
    LabelRefused(String),
    /// Chromium did not print the report, or its PDF could not be read back.
    NotPrinted(io::Error),
    /// The snapshot could not be taken: its label is used, or its files could not be written.
    NotTaken(io::Error),
    /// The snapshot's files could not be written (a full disk, say): none of them was kept.
    SnapshotNotWritten { label: String, error: io::Error },
    /// `new` could not create the file: a bad name, a file already there, an unknown priority.
    NotCreated(io::Error),
    /// Problems in the content at the new report date stopped `publish`: nothing was written.
    NotPublished(Problems),
    /// `publish` refused before writing anything; the words say why and what to do.
    PublishRefused(String),
    /// `publish` built the site, then could not write the report date into plan.toml.
    PlanNotWritten { as_of: String, error: io::Error },
    /// There is no snapshot record under this label.
    NoSnapshot {
        label: String,
        record: PathBuf,
        error: io::Error,
    },
    /// A snapshot record is there but is not a record.
    RecordUnreadable {
        record: PathBuf,
        error: toml::de::Error,
    },
    /// A snapshot is not a valid bag, or not the one its record describes (each problem is
    /// listed on standard output).
    SnapshotDamaged { path: PathBuf, problems: usize },
    /// A snapshot could not be read to check it.
    Unverifiable { path: PathBuf, error: io::Error },
    /// `serve` could not listen on this address.
    CannotServe {
        address: SocketAddr,
        error: io::Error,
    },
    /// The tracker could not be exported or imported; the words are the whole message, hints and
    /// all.
    Tracker(String),
    /// A write failed in a render to memory or a check, which write nothing: the library's type
    /// allows it, so it is said as it comes, though it should not happen.
    Io(io::Error),
}

/// What is at a build's output folder after a build that did not finish, read from the disk as
/// the message is printed, so it is true whichever step failed.
fn what_is_at(out: &Path) -> String {
    let out_shown = out.display();
    if out.exists() {
        return format!("{out_shown} is as it was.");
    }
    match planpress::write::saved_copy(out) {
        Ok(saved) if saved.is_dir() => format!(
            "There is no site at {out_shown}: the last good one is saved in {}, and the next build puts it back.",
            saved.display()
        ),
        _ => format!("There is no site at {out_shown} yet."),
    }
}

/// Every problem a build found in the content or theme (errors, and any warnings beside them),
/// with the sources they point into.
#[derive(Debug)]
pub struct Problems {
    /// The errors, and any warnings beside them (as in `Failure::Content`).
    pub errors: Vec<ContentError>,
    pub sources: Vec<Source>,
}

impl From<Failure> for CommandError {
    fn from(failure: Failure) -> CommandError {
        match failure {
            Failure::Content { errors, sources } => {
                CommandError::Content(Problems { errors, sources })
            }
            Failure::Write(error) => CommandError::Io(error),
        }
    }
}

impl CommandError {
    /// The problems in the content that stopped it, each in full with its source line and hint
    /// (warnings as the command shows them), printed before its `Display`: they are made safe
    /// for a terminal as they are rendered, and may be in colour.
    pub fn report(&self) -> String {
        use CommandError::*;
        let none = Accepted::default();
        match self {
            Content(problems)
            | NothingWritten { problems, .. }
            | NoSnapshotTaken(problems)
            | NotPublished(problems) => {
                print::problems(&problems.errors, &problems.sources, Listing::Counted, &none)
            }
            Checked { problems, accepted } => print::problems(
                &problems.errors,
                &problems.sources,
                Listing::InFull,
                accepted,
            ),
            _ => String::new(),
        }
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        use CommandError::*;
        match self {
            Content(problems) | Checked { problems, .. } => write!(f, "{problems}"),
            AcceptedWarnings(message) => write!(f, "error: {message}"),
            NothingWritten { problems, out } => {
                write!(f, "{problems}\nNothing was written. {}", what_is_at(out))
            }
            NoSnapshotTaken(problems) => write!(f, "{problems}\nNo snapshot was taken."),
            SiteNotWritten { out, error } => write!(
                f,
                "error: the site could not be written: {error}\n{}",
                what_is_at(out)
            ),
            WarningsDenied(n) => write!(
                f,
                "{} found, and --deny-warnings makes them fail the check.",
                count(*n, "warning")
            ),
            ChromiumNotFound(message) | LabelRefused(message) | PublishRefused(message) => {
                write!(f, "error: {message}")
            }
            Tracker(message) => write!(f, "{message}"),
            NotPrinted(error) | NotTaken(error) | NotCreated(error) | Io(error) => {
                write!(f, "error: {error}")
            }
            SnapshotNotWritten { label, error } => write!(
                f,
                "error: the snapshot could not be written: {error}\nNothing of it was kept, and the label \"{label}\" is still free: try again once there is room."
            ),
            NotPublished(problems) => write!(
                f,
                "{problems}\nNothing was published: content/plan.toml and the site are as they were."
            ),
            PlanNotWritten { as_of, error } => write!(
                f,
                "error: the site is built as at {as_of}, but content/plan.toml could not be written: {error}\nhint: run the same publish command again once it can be"
            ),
            NoSnapshot {
                label,
                record,
                error,
            } => write!(
                f,
                "error: there is no snapshot \"{label}\" ({}: {error})",
                record.display()
            ),
            RecordUnreadable { record, error } => {
                write!(f, "error: {} could not be read: {error}", record.display())
            }
            SnapshotDamaged { path, problems } => write!(
                f,
                "error: {} is not intact: {} found (listed above). It cannot be relied on as the snapshot that was published.",
                path.display(),
                count(*problems, "problem")
            ),
            Unverifiable { path, error } => {
                write!(f, "error: {} could not be verified: {error}", path.display())
            }
            CannotServe { address, error } => write!(
                f,
                "error: could not serve on {address}: {error}\nhint: another program may be using that port; try --port 8001, or --port 0 for any free port"
            ),
        }
    }
}

/// How many errors (and warnings) there were: the problems themselves are `CommandError::report`.
impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let errors = self.errors.iter().filter(|p| p.is_error()).count();
        let warnings = self.errors.len() - errors;
        write!(f, "{}", count(errors, "error"))?;
        if warnings > 0 && !print::quiet() {
            write!(f, " and {}", count(warnings, "warning"))?;
        }
        write!(f, " found.")
    }
}

impl std::error::Error for CommandError {}
