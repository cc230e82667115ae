//! `planpress publish --as-of DATE`: move the report date in content/plan.toml on to DATE, check
//! the content as at DATE, say what readers will see change, then build the site (and take a
//! snapshot). Nothing is written until everything is checked; `--dry-run` writes nothing at all.
//! The date comes from the command line: the build still never reads the clock.

use std::path::{Path, PathBuf};

use planpress::load::{self, Files};
use planpress::model::{Date, Plan};
use planpress::pipeline::Fresh;
use planpress::publish::preview::{self, Preview, State};
use planpress::{Built, Failure, Options};

use super::build::build_site;
use super::error::Problems;
use super::flags::{parse_date, Output};
use super::print::{self, say};
use super::snapshot::Snapshot;
use super::CommandError;

/// Where the report date is written, from the project root, as the loader names it.
const PLAN: &str = "content/plan.toml";

#[derive(clap::Args)]
pub struct Publish {
    /// The new report date (YYYY-MM-DD): what is overdue and which updates count are worked out
    /// as at it, and it is written into content/plan.toml as `as_of`.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Date,
    /// Show what would change for readers, and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Then take a snapshot with this label, as `planpress snapshot LABEL` does.
    #[arg(long, value_name = "LABEL")]
    snapshot: Option<String>,
    /// Allow a date before the report date now in content/plan.toml: readers would see updates
    /// taken away and statuses go back.
    #[arg(long)]
    back: bool,
    /// The project folder: the one that holds content/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    #[command(flatten)]
    output: Output,
}

impl Publish {
    pub fn run(self) -> Result<(), CommandError> {
        let root = self.root.as_path();
        print::set_quiet(self.output.quiet);
        // A used label is found before anything is written, not after the site is built.
        if let Some(label) = &self.snapshot {
            planpress::snapshot::check_free(root, label).map_err(CommandError::NotTaken)?;
        }
        let edited = plan_with_report_date(root, self.as_of)?;
        let after = checked(root, &edited)?;
        let before = model(root, None).ok();
        print_preview(before.as_ref().map(|b| &b.plan), &after.plan);
        self.refuse_going_back(before.as_ref().map(|b| &b.plan))?;
        if self.dry_run {
            // Counted, as the build counts them; `check` lists them.
            let accepted = print::accepted(root).unwrap_or_default();
            let (warnings, sources) = (&after.warnings, &after.sources);
            let listing = print::Listing::Counted;
            eprint!(
                "{}",
                print::warnings_shown(warnings, sources, listing, &accepted)
            );
            say!("Dry run: nothing was written. Run it again without --dry-run to publish.");
            return Ok(());
        }
        self.publish(&edited)
    }

    /// Builds the site as at the new date, then writes the date into plan.toml, then takes the
    /// snapshot (which reads plan.toml as now written).
    fn publish(self, edited: &str) -> Result<(), CommandError> {
        let root = self.root.as_path();
        let out = root.join("site");
        let files = || with_plan(load::read(root, &Fresh), edited);
        build_site(root, files, &Options::default(), &out, &self.output)?;
        let as_of = self.as_of.iso();
        std::fs::write(root.join(PLAN), edited).map_err(|error| CommandError::PlanNotWritten {
            as_of: as_of.clone(),
            error,
        })?;
        say!("The report date in {PLAN} is now {as_of}.");
        match self.snapshot {
            Some(label) => Snapshot::of(label, self.root).run(),
            None => Ok(()),
        }
    }

    /// A date before the report date takes away what readers could already see: only with --back.
    fn refuse_going_back(&self, before: Option<&Plan>) -> Result<(), CommandError> {
        let Some(before) = before else {
            return Ok(());
        };
        if self.as_of >= before.as_of || self.back {
            return Ok(());
        }
        Err(CommandError::PublishRefused(format!(
            "{} is before the report date now in {PLAN}, {}, so readers would see the site go back in time (listed above). Nothing was written.\nhint: to build the site as it stood then without publishing it, run `planpress build --as-of {} --out old-site`; if the report date in {PLAN} is wrong, run this again with --back",
            self.as_of.iso(),
            before.report_date_iso(),
            self.as_of.iso()
        )))
    }
}

/// The text of plan.toml with its report date set to `date`. When plan.toml is missing, or its
/// TOML is too broken to edit, the problems are reported as `check` reports them.
fn plan_with_report_date(root: &Path, date: Date) -> Result<String, CommandError> {
    let files = load::read(root, &Fresh);
    let text = files
        .sources
        .iter()
        .find(|s| s.path == Path::new(PLAN))
        .map(|s| planpress::publish::report_date::set(&s.text, date));
    match text {
        Some(Ok(text)) => Ok(text),
        _ => Err(match model(root, Some(files)) {
            Err(problems) => problems,
            Ok(_) => CommandError::PublishRefused(format!(
                "{PLAN} could not be read as TOML, so its report date could not be set"
            )),
        }),
    }
}

/// The content checked and modelled as at the new report date: plan.toml as it will be written.
fn checked(root: &Path, edited: &str) -> Result<Built, CommandError> {
    let files = with_plan(load::read(root, &Fresh), edited);
    model(root, Some(files))
}

/// The content's model, from `files` or as it is on disk, checked as `check` checks it.
fn model(root: &Path, files: Option<Files>) -> Result<Built, CommandError> {
    let files = files.unwrap_or_else(|| load::read(root, &Fresh));
    let check = planpress::Output::Check;
    planpress::pipeline::run_with(root, files, &Options::default(), check, &Fresh).map_err(
        |failure| match failure {
            Failure::Content { errors, sources } => {
                CommandError::NotPublished(Problems { errors, sources })
            }
            Failure::Write(error) => CommandError::Io(error),
        },
    )
}

/// `files` with plan.toml's text replaced by `text`.
fn with_plan(mut files: Files, text: &str) -> Files {
    for source in &mut files.sources {
        if source.path == Path::new(PLAN) {
            *source = planpress::diagnostics::Source::new(PLAN, text);
        }
    }
    files
}

/// What readers will see change, in plain words: statuses and assurance by their labels, updates
/// by title and date, action areas by reference and title.
fn print_preview(before: Option<&Plan>, after: &Plan) {
    match before {
        Some(before) => say!(
            "What readers will see change, from the site as at {} to the site as at {}:",
            before.report_date(),
            after.report_date()
        ),
        None => say!(
            "The site cannot be built as at the report date now in {PLAN}, so there is nothing to compare with: everything below is new to readers of the site as at {}.",
            after.report_date()
        ),
    }
    let before = before.map(State::of).unwrap_or_default();
    print_changes(after, &preview::compare(&before, &State::of(after)));
}

fn print_changes(plan: &Plan, preview: &Preview) {
    if preview.is_empty() {
        say!("  Nothing changes for readers.");
        return;
    }
    let list = |heading: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            say!("  {heading}:");
            for line in lines {
                say!("    {line}");
            }
        }
    };
    let updates = |updates: &[preview::UpdateRef]| {
        let line = |u: &preview::UpdateRef| format!("{} ({})", u.title, u.date.long());
        updates.iter().map(line).collect()
    };
    list("New updates", updates(&preview.new_updates));
    list("Updates taken away", updates(&preview.withdrawn_updates));
    let status = |id: &str| plan.status(id).label.clone();
    let assurance = |id: &str| plan.assurance(id).label.clone();
    let changes = |changes: &[planpress::snapshot::changes::StatusChange],
                   label: &dyn Fn(&str) -> String| {
        let line = |c: &planpress::snapshot::changes::StatusChange| {
            let (from, to) = (label(&c.from), label(&c.to));
            format!("{} {}: {from} → {to}", c.reference, c.title)
        };
        changes.iter().map(line).collect()
    };
    list("Status changes", changes(&preview.status_changes, &status));
    list(
        "Assurance changes",
        changes(&preview.assurance_changes, &assurance),
    );
    let actions = |actions: &[planpress::snapshot::changes::ActionRef]| {
        let line = |a: &planpress::snapshot::changes::ActionRef| {
            let due = plan.action(&a.id).and_then(|(_, x)| x.due.clone());
            let due = due.map(|d| format!(" (due {d})")).unwrap_or_default();
            format!("{} {}{due}", a.reference, a.title)
        };
        actions.iter().map(line).collect()
    };
    list("Newly overdue", actions(&preview.newly_overdue));
    list("No longer overdue", actions(&preview.no_longer_overdue));
}
