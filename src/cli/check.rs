//! `planpress check`: every problem a build would find, without rendering or writing a page.

use super::flags::{Output, Project};
use super::print::say;
use super::print::{self, count};
use super::{let_the_system_free, CommandError};

#[derive(clap::Args)]
pub struct Check {
    #[command(flatten)]
    project: Project,
    /// Fail (exit 1) on warnings as well as errors.
    #[arg(long)]
    deny_warnings: bool,
    #[command(flatten)]
    output: Output,
}

impl Check {
    pub fn run(self) -> Result<(), CommandError> {
        let built = planpress::run(
            &self.project.root,
            &self.project.options(),
            planpress::Output::Check,
        )?;
        let quiet = self.output.quiet;
        if !quiet || self.deny_warnings {
            print::warnings(&built.warnings, &built.sources);
        }
        let plan = &built.plan;
        let checked = format!(
            "{} {} and {} {} checked",
            plan.priorities.len(),
            plan.labels.priorities.to_lowercase(),
            plan.actions().count(),
            plan.labels.actions.to_lowercase()
        );
        let warnings = built.warnings.len();
        let_the_system_free(built);
        if warnings > 0 && self.deny_warnings {
            return Err(CommandError::WarningsDenied(warnings));
        }
        if !quiet {
            match warnings {
                0 => say!("No problems found: {checked}."),
                n => say!("No errors; {}. {checked}.", count(n, "warning")),
            }
        }
        Ok(())
    }
}
