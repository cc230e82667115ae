//! `planpress build`: the whole site, written into site/ (or `--out`) only when all went well.

use std::path::{Path, PathBuf};
use std::time::Instant;

use planpress::write::Recovery;
use planpress::{Built, Failure};

use super::error::Problems;
use super::flags::{Output, Project};
use super::print::Listing;
use super::print::{say, tell};
use super::spinner::Spinner;
use super::{let_the_system_free, print, CommandError};
use planpress::diagnostics::accepted::Accepted;

#[derive(clap::Args)]
pub struct Build {
    #[command(flatten)]
    project: Project,
    /// Where to write the site [default: ROOT/site].
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    output: Output,
}

impl Build {
    pub fn run(self) -> Result<(), CommandError> {
        let Build {
            project,
            out,
            output,
        } = self;
        print::set_quiet(output.quiet);
        let out = out.unwrap_or_else(|| project.root.join("site"));
        let files = || planpress::load::read(&project.root, &planpress::pipeline::Fresh);
        build_site(&project.root, files, &project.options(), &out, &output)
    }
}

/// Builds the content `files` gives (read from `root`, or as `publish` is about to write it) into
/// `out`, only when all of it is right, and says what it did.
pub(super) fn build_site(
    root: &Path,
    files: impl FnOnce() -> planpress::load::Files,
    options: &planpress::Options,
    out: &Path,
    output: &Output,
) -> Result<(), CommandError> {
    // An accepted-warnings file that cannot be read only changes how warnings are counted.
    let accepted = print::accepted(root).unwrap_or_default();
    put_back_a_stopped_build(out)?;
    let started = Instant::now();
    let spinner = Spinner::start("Building", output.quiet);
    let fresh = &planpress::pipeline::Fresh;
    let disk = planpress::Output::Disk(out);
    let result = planpress::pipeline::run_with(root, files(), options, disk, fresh);
    drop(spinner);
    let out = out.to_path_buf();
    let built = match result {
        Ok(built) => built,
        Err(Failure::Content { errors, sources }) => {
            let problems = Problems { errors, sources };
            return Err(CommandError::NothingWritten { problems, out });
        }
        Err(Failure::Write(error)) => return Err(CommandError::SiteNotWritten { out, error }),
    };
    print_summary(&built, &out, started, output, &accepted);
    let_the_system_free(built);
    Ok(())
}

/// Puts back the last good site if a build was stopped mid-swap, and says so, before anything
/// else: every message after it is then about the site that is on disk.
fn put_back_a_stopped_build(out: &Path) -> Result<(), CommandError> {
    match planpress::write::recover(out) {
        Ok(Recovery::Restored { from }) => {
            tell!(
                "note: an earlier build was stopped before it finished; the last good site is back in {} (from {}).",
                out.display(),
                from.display()
            );
            Ok(())
        }
        Ok(Recovery::Nothing) => Ok(()),
        Err(error) => Err(CommandError::SiteNotWritten {
            out: out.to_path_buf(),
            error,
        }),
    }
}

/// What the build did: how many warnings (`check` lists them), updates left out, every file with
/// `--verbose`, and a count.
fn print_summary(
    built: &Built,
    out: &Path,
    started: Instant,
    output: &Output,
    accepted: &Accepted,
) {
    if !output.quiet {
        let (warnings, sources) = (&built.warnings, &built.sources);
        eprint!(
            "{}",
            print::warnings_shown(warnings, sources, Listing::Counted, accepted)
        );
        if built.plan.later_updates > 0 {
            say!(
                "Left out {} update(s) dated after the report date {}.",
                built.plan.later_updates,
                built.plan.report_date()
            );
        }
    }
    if output.verbose {
        for path in &built.paths {
            say!("  {path}");
        }
    }
    if !output.quiet {
        let pages = built.paths.iter().filter(|p| p.ends_with(".html")).count();
        say!(
            "Built {pages} pages in {} ms into {} ({}, {}, report date {}).",
            started.elapsed().as_millis(),
            out.display(),
            print::priorities(&built.plan),
            print::actions(&built.plan),
            built.plan.report_date()
        );
    }
}
