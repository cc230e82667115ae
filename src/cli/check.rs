//! `planpress check`: every problem a build would find, without rendering or writing a page.
//! Warnings are listed in full, but for those accepted with `check --accept`, which are counted.

use planpress::diagnostics::accepted::{self, Accepted};
use planpress::Failure;

use super::error::Problems;
use super::flags::{Output, Project};
use super::print::{self, count, say, Listing};
use super::{let_the_system_free, CommandError};

#[derive(clap::Args)]
pub struct Check {
    #[command(flatten)]
    project: Project,
    /// Fail (exit 1) on warnings as well as errors (accepted warnings do not count).
    #[arg(long)]
    deny_warnings: bool,
    /// Accept every warning there is now: write them into accepted-warnings.toml, so that check
    /// counts them from now on and lists only new ones.
    #[arg(long)]
    accept: bool,
    #[command(flatten)]
    output: Output,
}

impl Check {
    pub fn run(self) -> Result<(), CommandError> {
        print::set_quiet(self.output.quiet);
        let root = &self.project.root;
        // Accepting writes the file again, so one that cannot be read does not stand in the way.
        let accepted = match print::accepted(root) {
            Err(_) if self.accept => Accepted::default(),
            other => other.map_err(CommandError::AcceptedWarnings)?,
        };
        let options = self.project.options();
        let built = match planpress::run(root, &options, planpress::Output::Check) {
            Ok(built) => built,
            Err(Failure::Content { errors, sources }) => {
                let problems = Problems { errors, sources };
                return Err(CommandError::Checked { problems, accepted });
            }
            Err(failure) => return Err(failure.into()),
        };
        if self.accept {
            let now = Accepted::of(&built.warnings, &built.sources);
            let file = root.join(accepted::FILE);
            std::fs::write(&file, now.to_toml()).map_err(|e| {
                CommandError::AcceptedWarnings(format!(
                    "{} could not be written: {e}",
                    file.display()
                ))
            })?;
            say!(
                "Accepted {} into {}: check counts them from now on, and lists only new ones.",
                count(now.len(), "warning"),
                file.display()
            );
            return Ok(());
        }
        let shown =
            print::warnings_shown(&built.warnings, &built.sources, Listing::InFull, &accepted);
        eprint!("{shown}");
        let (new, old) = accepted.split(&built.warnings, &built.sources);
        let new = new.len();
        let plan = &built.plan;
        let checked = format!(
            "{} and {} checked",
            print::priorities(plan),
            print::actions(plan)
        );
        let_the_system_free(built);
        if new > 0 && self.deny_warnings {
            return Err(CommandError::WarningsDenied(new));
        }
        if !print::quiet() {
            match (new, old) {
                (0, 0) => say!("No problems found: {checked}."),
                (0, old) => say!(
                    "No errors and no new warnings ({}): {checked}.",
                    count(old, "accepted warning")
                ),
                (new, 0) => say!("No errors; {}. {checked}.", count(new, "warning")),
                (new, old) => say!(
                    "No errors; {} and {old} accepted. {checked}.",
                    count(new, "new warning")
                ),
            }
        }
        Ok(())
    }
}
