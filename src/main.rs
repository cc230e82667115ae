//! The `planpress` command line: a thin layer over the library's pipeline.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use planpress::model::Date;
use planpress::{diagnostics, Failure, Options};

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
        /// Build as at this date (YYYY-MM-DD) instead of the report date in plan.toml: what is
        /// overdue, and which updates count, are worked out against it.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<Date>,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build { root, out, as_of } => build(root, out, Options { as_of }),
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse_iso(text).ok_or_else(|| format!("\"{text}\" is not a date: write it as 2024-03-31"))
}

fn build(root: PathBuf, out: Option<PathBuf>, options: Options) -> ExitCode {
    let out = out.unwrap_or_else(|| root.join("site"));
    match planpress::build(&root, &out, options) {
        Ok(built) => {
            if built.plan.later_updates > 0 {
                println!(
                    "Left out {} update(s) dated after the report date {}.",
                    built.plan.later_updates,
                    built.plan.as_of.long()
                );
            }
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
