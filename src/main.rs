//! The `planpress` command line: it reads the arguments and hands them to their command in
//! `cli/`, which does the work over the library's pipeline. Every failure is printed here.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Rendering makes and drops many small strings on every core at once; mimalloc handles that
/// with less contention and less time than the system allocator (see the README's benchmarks).
/// It is built without transparent huge pages (`no_thp`): zeroing whole 2 MiB pages on first use
/// cost a national build time and 100 MiB of peak memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Publish a maternity improvement plan as an accessible progress report.
#[derive(Parser)]
#[command(name = "planpress", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Colour the problems: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value = "auto"
    )]
    color: cli::print::ColorWhen,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from content/ and themes/ into site/.
    Build(cli::build::Build),
    /// Serve the site on this computer while you edit: it rebuilds and reloads the page when you
    /// save. Nothing is written to disk.
    Serve(cli::serve::Serve),
    /// Print the whole report (print/index.html) to a PDF with the Chromium on this computer.
    Pdf(cli::pdf::Pdf),
    /// Publish a snapshot: the site as at its report date, packed as a BagIt bag (a folder and a
    /// .tar archive under snapshots/) with its record kept in content/snapshots/.
    Snapshot(cli::snapshot::Snapshot),
    /// Check a snapshot folder or .tar archive as RFC 8493 says, and with --record against its
    /// committed record; exit 0 only if all is well.
    Verify(cli::verify::Verify),
    /// Say what changed between two snapshots.
    Diff(cli::diff::Diff),
    /// Move the report date in content/plan.toml on to --as-of DATE, show what readers will see
    /// change, and build the site (--dry-run: only show). Updates marked draft = true stay out.
    Publish(cli::publish::Publish),
    /// Start a new plan to fill in, in an empty or new folder [default: this one].
    Init(cli::init::Init),
    /// Start a new page, update or action area, ready to fill in. Never overwrites a file.
    New(cli::new::New),
    /// Check the content and report every problem, without writing anything.
    Check(cli::check::Check),
    /// Write the action areas as a tracker spreadsheet (.xlsx) to fill in.
    Export(cli::export::Export),
    /// Read a filled-in tracker (.xlsx, .ods or .csv) and write its changes as one dated update.
    Import(cli::import::Import),
    /// Print the content-format reference: every file, every field, an example each (Markdown;
    /// content/FORMAT.md is its copy).
    Reference(cli::reference::Reference),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    cli::print::choose_colour(cli.color);
    let done = match cli.command {
        Command::Build(build) => build.run(),
        Command::Serve(serve) => serve.run(),
        Command::Pdf(pdf) => pdf.run(),
        Command::Snapshot(snapshot) => snapshot.run(),
        Command::Verify(verify) => verify.run(),
        Command::Diff(diff) => diff.run(),
        Command::Publish(publish) => publish.run(),
        Command::Init(init) => init.run(),
        Command::New(new) => new.run(),
        Command::Check(check) => check.run(),
        Command::Export(export) => export.run(),
        Command::Import(import) => import.run(),
        Command::Reference(reference) => reference.run(),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprint!("{}", error.report());
            cli::print::tell!("{error}");
            ExitCode::FAILURE
        }
    }
}
