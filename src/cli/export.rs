//! `planpress export tracker.xlsx`: the plan's action areas as the tracker workbook a
//! communications team fills in (`tracker::sheet`), for `planpress import` to read back.

use std::io::Write;
use std::path::{Path, PathBuf};

use planpress::model::{Plan, Words};

use super::print::{self, say};
use super::{let_the_system_free, CommandError};

#[derive(clap::Args)]
pub struct Export {
    /// The workbook to write, ending .xlsx ("tracker.xlsx").
    file: PathBuf,
    /// The project folder: the one that holds content/ (and themes/, if any).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Replace the file if it is there: anything typed into it is lost.
    #[arg(long)]
    force: bool,
}

impl Export {
    pub fn run(self) -> Result<(), CommandError> {
        let xlsx = self.file.extension().and_then(|e| e.to_str());
        if !xlsx.is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) {
            return Err(CommandError::Tracker(format!(
                "error: {} does not end .xlsx: the tracker is written as an Excel workbook, which LibreOffice opens too (try tracker.xlsx)",
                self.file.display()
            )));
        }
        let options = planpress::Options::default();
        let built = planpress::run(&self.root, &options, planpress::Output::Check)?;
        let plan = &built.plan;
        let words = words(&self.root, plan);
        let bytes = planpress::tracker::sheet::workbook(plan, &words).map_err(|e| {
            CommandError::Tracker(format!("error: the workbook could not be made: {e}"))
        })?;
        write(&self.file, &bytes, self.force)?;
        say!(
            "Wrote {}: {} as at {}.",
            self.file.display(),
            print::actions(plan),
            plan.report_date()
        );
        say!(
            "Change the white columns, save it, then run `planpress import {}`.",
            self.file.display()
        );
        let_the_system_free(built);
        Ok(())
    }
}

/// Writes the workbook; an existing file only with `force`, so a filled-in tracker is not lost.
fn write(file: &Path, bytes: &[u8], force: bool) -> Result<(), CommandError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let written = options.open(file).and_then(|mut f| f.write_all(bytes));
    written.map_err(|e| {
        let hint = if e.kind() == std::io::ErrorKind::AlreadyExists {
            "\nhint: it may hold changes not yet imported; give another name, or add --force to replace it"
        } else {
            ""
        };
        CommandError::Tracker(format!(
            "error: {} could not be written: {e}{hint}",
            file.display()
        ))
    })
}

/// The theme's words in the plan's language, with the plan's own labels in them: the tracker's
/// sheet names and headings.
pub(super) fn words(root: &Path, plan: &Plan) -> Words {
    let labels = std::fs::read_to_string(root.join("content").join("plan.toml"))
        .ok()
        .and_then(|text| toml::from_str::<planpress::load::format::PlanFile>(&text).ok())
        .map(|file| file.labels)
        .unwrap_or_default();
    let theme =
        planpress::render::theme::ThemeFiles::read(root, &plan.theme, &plan.language, &labels);
    theme.map_or_else(|_| planpress::render::theme::english(), |t| t.words)
}
