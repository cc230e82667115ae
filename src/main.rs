//! The `planpress` command line: a thin layer over the library's pipeline.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use planpress::{diagnostics, Failure};

/// Publish a maternity improvement plan as an accessible progress report.
#[derive(Parser)]
#[command(name = "planpress", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from content/ and themes/ into site/.
    Build {
        /// The project folder: the one that holds content/ (and themes/, if any).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: ROOT/site].
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build { root, out } => build(root, out),
    }
}

fn build(root: PathBuf, out: Option<PathBuf>) -> ExitCode {
    let out = out.unwrap_or_else(|| root.join("site"));
    match planpress::build(&root, &out) {
        Ok(built) => {
            let pages = built
                .files
                .iter()
                .filter(|f| f.path.ends_with(".html"))
                .count();
            let actions = built.plan.actions().count();
            println!(
                "Built {pages} pages into {} ({} {}, {actions} {}, report date {}).",
                out.display(),
                built.plan.priorities.len(),
                built.plan.labels.priorities.to_lowercase(),
                built.plan.labels.actions.to_lowercase(),
                built.plan.as_of.long()
            );
            ExitCode::SUCCESS
        }
        Err(Failure::Content { errors, sources }) => {
            eprint!("{}", diagnostics::report(&errors, &sources));
            let n = errors.len();
            eprintln!(
                "{n} {} found; nothing was written, and {} is as it was.",
                if n == 1 { "problem" } else { "problems" },
                out.display()
            );
            ExitCode::FAILURE
        }
        Err(Failure::Write(e)) => {
            eprintln!("error: the site could not be written: {e}");
            ExitCode::FAILURE
        }
    }
}
