//! `planpress pdf`: the whole report (print/index.html) printed to a PDF by Chromium.

use std::path::PathBuf;

use super::flags::Project;
use super::print::{say, tell};
use super::CommandError;

#[derive(clap::Args)]
pub struct Pdf {
    #[command(flatten)]
    project: Project,
    /// The PDF to write.
    #[arg(long, default_value = "report.pdf")]
    out: PathBuf,
    /// The Chromium to print with [default: $CHROMIUM_PATH, or chromium on PATH].
    #[arg(long)]
    chromium: Option<PathBuf>,
}

impl Pdf {
    pub fn run(self) -> Result<(), CommandError> {
        // Chromium is looked for first, so a missing one is said before a whole render.
        let chromium = planpress::pdf::find_chromium(self.chromium.as_deref())
            .map_err(CommandError::ChromiumNotFound)?;
        let built = planpress::run(
            &self.project.root,
            &self.project.options(),
            planpress::Output::Memory,
        )?;
        let unnumbered = planpress::pdf::print(&built.files, &chromium, &self.out)
            .map_err(CommandError::NotPrinted)?;
        say!("Wrote the whole report to {}.", self.out.display());
        if let Some(why) = unnumbered {
            tell!(
                "Its contents page has no page numbers: the first print could not be read ({why})."
            );
        }
        Ok(())
    }
}
