//! `planpress import tracker.xlsx`: a filled-in tracker (.xlsx, .ods or .csv) made into one dated
//! update in content/updates/. Every problem is reported by its cell, all in one run, and then
//! nothing is written; the update is checked with the whole plan before it is written, and an
//! existing file is never replaced. It reads the clock for its default date: it writes content,
//! unlike `build`, which never reads it.

use std::io::Write;
use std::path::{Path, PathBuf};

use planpress::diagnostics::Source;
use planpress::model::{Date, Plan, Words};
use planpress::tracker::{self, update::Details, Change, Outcome, Problem};

use super::export::words;
use super::flags::parse_date;
use super::print::{count, say, tell};
use super::{let_the_system_free, CommandError};

#[derive(clap::Args)]
pub struct Import {
    /// The filled-in tracker: .xlsx, .ods or .csv.
    file: PathBuf,
    /// The project folder: the one that holds content/ (and themes/, if any).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The update's date (YYYY-MM-DD) [default: today].
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// The update's title [default: "Update of" and its date].
    #[arg(long)]
    title: Option<String>,
    /// Who the update is from, by role ("Head of Midwifery") [default: the organisation's name
    /// from plan.toml].
    #[arg(long)]
    author: Option<String>,
    /// One sentence for lists and the feed; it is also the update's text.
    #[arg(long, default_value = "")]
    summary: String,
}

impl Import {
    pub fn run(self) -> Result<(), CommandError> {
        let refuse = |message: String| CommandError::Tracker(format!("error: {message}"));
        let shown = self.file.display().to_string();
        let kind = tracker::Kind::of(&self.file).ok_or_else(|| {
            refuse(format!(
                "{shown} is not a tracker: import reads .xlsx, .ods and .csv files"
            ))
        })?;
        let bytes = std::fs::read(&self.file)
            .map_err(|e| refuse(format!("{shown} could not be read: {e}")))?;
        let options = planpress::Options::default();
        let built = planpress::run(&self.root, &options, planpress::Output::Check)?;
        let plan = &built.plan;
        let words = words(&self.root, plan);
        let sheet = tracker::sheet_name(&words, "tracker_sheet");
        let stem = self
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
        let grid = tracker::read::grid(&bytes, kind, &sheet, stem.as_deref().unwrap_or(&sheet))
            .map_err(|reason| refuse(format!("{shown}: {reason}")))?;
        let outcome = tracker::compare(&grid, plan, &words);
        let date = self.date.unwrap_or_else(super::flags::today);
        let result = self.write_update(plan, &words, outcome, date);
        let_the_system_free(built);
        result
    }

    /// Reports what the comparison found, and writes the update if all is well.
    fn write_update(
        &self,
        plan: &Plan,
        words: &Words,
        outcome: Outcome,
        date: Date,
    ) -> Result<(), CommandError> {
        for notice in &outcome.ignored {
            tell!("{}", shown("note", notice));
        }
        let mut problems = outcome.problems;
        if !outcome.changes.is_empty() && !plan.dates.contains(date) {
            problems.push(outside_period(date, plan));
        }
        if !problems.is_empty() {
            let list: Vec<String> = problems.iter().map(|p| shown("error", p)).collect();
            return Err(CommandError::Tracker(format!(
                "{}\n{} found in {}. Nothing was written: correct {} and import again.",
                list.join("\n"),
                count(problems.len(), "problem"),
                self.file.display(),
                if problems.len() == 1 { "it" } else { "them" }
            )));
        }
        if outcome.changes.is_empty() {
            say!(
                "Nothing changed: every row is as the plan stands at {}. Nothing was written.",
                plan.report_date()
            );
            return Ok(());
        }
        let details = Details {
            date,
            title: (self.title.clone())
                .unwrap_or_else(|| tracker::update::default_title(words, date)),
            author: self
                .author
                .clone()
                .unwrap_or_else(|| plan.organisation.clone()),
            summary: self.summary.trim().to_string(),
        };
        let text = tracker::update::text(&details, &outcome.changes, plan, words);
        let folder = self.root.join("content").join("updates");
        let name = tracker::update::file_name(date, &|n| folder.join(n).exists());
        let path = Path::new("content").join("updates").join(&name);
        check_with(&self.root, &path, &text)?;
        write_new(&self.root.join(&path), &text)?;
        self.say_written(&path, &outcome.changes, plan, date);
        Ok(())
    }

    fn say_written(&self, path: &Path, changes: &[Change], plan: &Plan, date: Date) {
        let references: Vec<&str> = changes
            .iter()
            .filter_map(|c| plan.action(&c.id).map(|(_, a)| a.reference.as_str()))
            .collect();
        say!(
            "Wrote {}: {} changed ({}).",
            shown_path(&self.root, path).display(),
            count(changes.len(), "row"),
            references.join(", ")
        );
        if date > plan.as_of {
            say!(
                "It is dated {}, after the report date ({}): readers see it once you run `planpress publish --as-of {}`.",
                date.long(),
                plan.report_date(),
                date.iso()
            );
        }
    }
}

/// A path in the project as the user gave it: without "./" for the folder they are in.
fn shown_path(root: &Path, path: &Path) -> PathBuf {
    if root == Path::new(".") {
        path.to_path_buf()
    } else {
        root.join(path)
    }
}

/// "error: Tracker!D7: … \n  hint: …".
fn shown(level: &str, problem: &Problem) -> String {
    format!(
        "{level}: {}: {}\n  hint: {}",
        problem.cell, problem.what, problem.hint
    )
}

fn outside_period(date: Date, plan: &Plan) -> Problem {
    Problem {
        cell: "--date".into(),
        what: format!(
            "the update's date, {}, is outside the plan period ({} to {})",
            date.long(),
            plan.dates.start.long(),
            plan.dates.end.long()
        ),
        hint: format!(
            "give a date in the plan period, such as --date {}",
            plan.as_of.min(plan.dates.end).iso()
        ),
    }
}

/// Checks the whole plan with the new update beside it, as `planpress check` will: a problem
/// only the whole plan shows (an action area already moved on that day) stops it here.
fn check_with(root: &Path, path: &Path, text: &str) -> Result<(), CommandError> {
    let fresh = &planpress::pipeline::Fresh;
    let mut files = planpress::load::read(root, fresh);
    files.sources.push(Source::new(path, text));
    let options = planpress::Options::default();
    let checked =
        planpress::pipeline::run_with(root, files, &options, planpress::Output::Check, fresh);
    match checked {
        Ok(built) => {
            let_the_system_free(built);
            Ok(())
        }
        Err(failure) => {
            let error = CommandError::from(failure);
            Err(CommandError::Tracker(format!(
                "{error}\nThe update made from the tracker would not pass the check, so nothing was written."
            )))
        }
    }
}

/// Writes a file that must not be there yet.
fn write_new(path: &Path, text: &str) -> Result<(), CommandError> {
    let written = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)?;
            file.write_all(text.as_bytes())
        });
    written.map_err(|e| {
        CommandError::Tracker(format!(
            "error: {} could not be written: {e}\nhint: import again: it picks a free name",
            path.display()
        ))
    })
}
