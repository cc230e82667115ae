//! The `planpress` command line: a thin layer over the library's pipeline.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use planpress::diagnostics::{self, ContentError, Source};
use planpress::model::Date;
use planpress::{Failure, Options};

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
        #[command(flatten)]
        project: Project,
        /// Where to write the site [default: ROOT/site].
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        output: Output,
    },
    /// Check the content and report every problem, without writing anything.
    Check {
        #[command(flatten)]
        project: Project,
        /// Fail (exit 1) on warnings as well as errors.
        #[arg(long)]
        deny_warnings: bool,
        #[command(flatten)]
        output: Output,
    },
}

#[derive(Args)]
struct Project {
    /// The project folder: the one that holds content/ (and themes/, if any).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Build as at this date (YYYY-MM-DD) instead of the report date in plan.toml: what is
    /// overdue, and which updates count, are worked out against it.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<Date>,
}

#[derive(Args)]
struct Output {
    /// Print only errors.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
    /// Also list every file written.
    #[arg(long, short)]
    verbose: bool,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build {
            project,
            out,
            output,
        } => build(project, out, output),
        Command::Check {
            project,
            deny_warnings,
            output,
        } => check(project, deny_warnings, output),
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse_iso(text).ok_or_else(|| format!("\"{text}\" is not a date: write it as 2024-03-31"))
}

fn build(project: Project, out: Option<PathBuf>, output: Output) -> ExitCode {
    let out = out.unwrap_or_else(|| project.root.join("site"));
    let started = Instant::now();
    match planpress::build(
        &project.root,
        &out,
        Options {
            as_of: project.as_of,
        },
    ) {
        Ok(built) => {
            if !output.quiet {
                print_warnings(&built.warnings, &built.sources);
                if built.plan.later_updates > 0 {
                    println!(
                        "Left out {} update(s) dated after the report date {}.",
                        built.plan.later_updates,
                        built.plan.as_of.long()
                    );
                }
            }
            if output.verbose {
                for file in &built.files {
                    println!("  {}", file.path);
                }
            }
            if !output.quiet {
                let pages = built
                    .files
                    .iter()
                    .filter(|f| f.path.ends_with(".html"))
                    .count();
                println!(
                    "Built {pages} pages in {} ms into {} ({} {}, {} {}, report date {}).",
                    started.elapsed().as_millis(),
                    out.display(),
                    built.plan.priorities.len(),
                    built.plan.labels.priorities.to_lowercase(),
                    built.plan.actions().count(),
                    built.plan.labels.actions.to_lowercase(),
                    built.plan.as_of.long()
                );
            }
            ExitCode::SUCCESS
        }
        Err(Failure::Content { errors, sources }) => {
            report_failure(&errors, &sources);
            eprintln!("Nothing was written, and {} is as it was.", out.display());
            ExitCode::FAILURE
        }
        Err(Failure::Write(e)) => {
            eprintln!("error: the site could not be written: {e}");
            eprintln!("{} is as it was.", out.display());
            ExitCode::FAILURE
        }
    }
}

fn check(project: Project, deny_warnings: bool, output: Output) -> ExitCode {
    match planpress::render_project_with(
        &project.root,
        Options {
            as_of: project.as_of,
        },
    ) {
        Ok(built) => {
            if !output.quiet || deny_warnings {
                print_warnings(&built.warnings, &built.sources);
            }
            let pages = built
                .files
                .iter()
                .filter(|f| f.path.ends_with(".html"))
                .count();
            match (built.warnings.len(), deny_warnings) {
                (0, _) => {
                    if !output.quiet {
                        println!("No problems found: {pages} pages would be built.");
                    }
                    ExitCode::SUCCESS
                }
                (n, true) => {
                    eprintln!(
                        "{} found, and --deny-warnings makes them fail the check.",
                        count(n, "warning")
                    );
                    ExitCode::FAILURE
                }
                (n, false) => {
                    if !output.quiet {
                        println!(
                            "No errors; {}. {pages} pages would be built.",
                            count(n, "warning")
                        );
                    }
                    ExitCode::SUCCESS
                }
            }
        }
        Err(Failure::Content { errors, sources }) => {
            report_failure(&errors, &sources);
            ExitCode::FAILURE
        }
        Err(Failure::Write(e)) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print_warnings(warnings: &[ContentError], sources: &[Source]) {
    if !warnings.is_empty() {
        eprint!("{}", diagnostics::report(warnings, sources));
    }
}

fn report_failure(problems: &[ContentError], sources: &[Source]) {
    eprint!("{}", diagnostics::report(problems, sources));
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    let also = if warnings > 0 {
        format!(" and {}", count(warnings, "warning"))
    } else {
        String::new()
    };
    eprintln!("{}{also} found.", count(errors, "error"));
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
