//! The `planpress` command line: a thin layer over the library's pipeline.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use planpress::diagnostics::{self, ContentError, Source};
use planpress::model::Date;
use planpress::{Failure, Options};

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
    /// Serve the site on this computer while you edit: it rebuilds and reloads the page when you
    /// save. Nothing is written to disk.
    Serve {
        #[command(flatten)]
        project: Project,
        /// The port to serve on (0 picks a free one).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// The address to listen on. Anything but 127.0.0.1 lets other computers read the draft.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
    },
    /// Print the whole report (print/index.html) to a PDF with the Chromium on this computer.
    Pdf {
        #[command(flatten)]
        project: Project,
        /// The PDF to write.
        #[arg(long, default_value = "report.pdf")]
        out: PathBuf,
        /// The Chromium to print with [default: $CHROMIUM_PATH, or chromium on PATH].
        #[arg(long)]
        chromium: Option<PathBuf>,
    },
    /// Publish a snapshot: the site as at its report date, packed as a BagIt bag (a folder and a
    /// .tar archive under snapshots/) with its record kept in content/snapshots/.
    Snapshot {
        /// Its name, e.g. 2023-24-Q3. A label is never reused.
        label: String,
        #[command(flatten)]
        project: Project,
        /// Also print the whole report to report.pdf inside the snapshot (needs Chromium).
        #[arg(long)]
        pdf: bool,
        /// The Chromium to print with [default: $CHROMIUM_PATH, or chromium on PATH].
        #[arg(long)]
        chromium: Option<PathBuf>,
    },
    /// Check a snapshot folder or .tar archive against its manifests; exit 0 only if every file
    /// matches.
    Verify {
        /// The snapshot's folder or .tar archive.
        path: PathBuf,
    },
    /// Say what changed between two snapshots.
    Diff {
        /// The earlier snapshot's label.
        from: String,
        /// The later snapshot's label.
        to: String,
        /// The project folder: the one that holds content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Print the changes as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Start a new page, update or action area, ready to fill in. Never overwrites a file.
    New {
        #[command(subcommand)]
        what: New,
        /// The project folder: the one that holds content/.
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
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

#[derive(Subcommand)]
enum New {
    /// A Markdown page in content/pages/.
    Page {
        /// Its address: lower-case words joined by hyphens ("visiting-the-unit").
        slug: String,
        #[arg(long, default_value = "New page")]
        title: String,
    },
    /// A dated progress update in content/updates/.
    Update {
        /// A short name for its file ("april-2024").
        slug: String,
        #[arg(long, default_value = "Progress update")]
        title: String,
        /// Its date [default: the report date in plan.toml].
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
    },
    /// An action area at the end of a priority's register.
    Action {
        /// The priority's id: its file name in content/priorities/ without .toml.
        priority: String,
        /// The new action area's id, unique in the plan ("birth-centre").
        id: String,
        #[arg(long, default_value = "New action area")]
        title: String,
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

impl Project {
    fn options(&self) -> Options {
        Options {
            as_of: self.as_of,
            snapshot: None,
        }
    }
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
        Command::Serve {
            project,
            port,
            bind,
        } => serve(project, bind, port),
        Command::New { what, root } => new(what, &root),
        Command::Snapshot {
            label,
            project,
            pdf,
            chromium,
        } => snapshot(&label, project, pdf, chromium.as_deref()),
        Command::Verify { path } => verify(&path),
        Command::Diff {
            from,
            to,
            root,
            json,
        } => diff(&root, &from, &to, json),
        Command::Pdf {
            project,
            out,
            chromium,
        } => pdf(project, &out, chromium.as_deref()),
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse_iso(text).ok_or_else(|| format!("\"{text}\" is not a date: write it as 2024-03-31"))
}

/// A spinner on the terminal while a build takes more than a moment: it appears after 300 ms,
/// only when standard error is a terminal and `--quiet` was not given, and clears itself.
struct Spinner {
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Spinner {
    fn start(what: &'static str, quiet: bool) -> Spinner {
        use std::io::IsTerminal;
        use std::sync::atomic::Ordering;
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let thread = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let done = done.clone();
            std::thread::spawn(move || {
                let started = Instant::now();
                let frames = ['|', '/', '-', '\\'];
                let mut shown = false;
                for frame in frames.iter().cycle() {
                    if done.load(Ordering::Relaxed) {
                        break;
                    }
                    if started.elapsed() > std::time::Duration::from_millis(300) {
                        eprint!(
                            "\r{frame} {what}… {:.1} s ",
                            started.elapsed().as_secs_f32()
                        );
                        shown = true;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                if shown {
                    eprint!("\r{}\r", " ".repeat(what.len() + 16));
                }
            })
        });
        Spinner { done, thread }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn build(project: Project, out: Option<PathBuf>, output: Output) -> ExitCode {
    let out = out.unwrap_or_else(|| project.root.join("site"));
    let started = Instant::now();
    let spinner = Spinner::start("Building", output.quiet);
    let result = planpress::build(&project.root, &out, &project.options());
    drop(spinner);
    match result {
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
                for path in &built.paths {
                    println!("  {path}");
                }
            }
            if !output.quiet {
                let pages = built.paths.iter().filter(|p| p.ends_with(".html")).count();
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
            let_the_system_free(built);
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

/// The process is about to end, and the system takes back its memory at once: freeing a large
/// plan's model piece by piece first would only add a tenth of a second.
fn let_the_system_free(built: planpress::Built) {
    std::mem::forget(built);
}

fn check(project: Project, deny_warnings: bool, output: Output) -> ExitCode {
    match planpress::check_project(&project.root, &project.options()) {
        Ok(built) => {
            if !output.quiet || deny_warnings {
                print_warnings(&built.warnings, &built.sources);
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
            match (warnings, deny_warnings) {
                (0, _) => {
                    if !output.quiet {
                        println!("No problems found: {checked}.");
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
                        println!("No errors; {}. {checked}.", count(n, "warning"));
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

fn new(what: New, root: &std::path::Path) -> ExitCode {
    // What the new entry needs from the plan: the report date, the first status, the ids in use.
    let (sources, _, _) = planpress::load::read_content(root);
    let (content, _) = planpress::load::parse(sources);
    let plan = content.plan.as_ref().map(|p| &p.value);
    let first_status = plan
        .and_then(|p| p.statuses.first().map(|s| s.id.get_ref().clone()))
        .unwrap_or_else(|| "not-yet-reported".into());
    let created = match what {
        New::Page { slug, title } => planpress::scaffold::page(root, &slug, &title),
        New::Update { slug, title, date } => {
            let as_of = plan.and_then(|p| Date::from_toml(p.as_of.get_ref()));
            match date.or(as_of) {
                Some(date) => planpress::scaffold::update(root, &slug, &title, date, &first_status),
                None => Err(std::io::Error::other("the report date could not be read from content/plan.toml; give the date with --date 2024-04-10")),
            }
        }
        New::Action {
            priority,
            id,
            title,
        } => {
            let taken: Vec<String> = content
                .priorities
                .iter()
                .flat_map(|p| p.value.actions.iter().map(|a| a.id.get_ref().clone()))
                .collect();
            planpress::scaffold::action(root, &priority, &id, &title, &first_status, &taken)
        }
    };
    match created {
        Ok(created) => {
            println!(
                "Created a new {} in {}.",
                created.what,
                created.path.display()
            );
            println!("Fill in the fields it asks for, then run `planpress check` to see that all is well.");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn pdf(project: Project, out: &std::path::Path, chromium: Option<&std::path::Path>) -> ExitCode {
    let chromium = match planpress::pdf::find_chromium(chromium) {
        Ok(path) => path,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let built = match planpress::render_project_with(&project.root, &project.options()) {
        Ok(built) => built,
        Err(Failure::Content { errors, sources }) => {
            report_failure(&errors, &sources);
            return ExitCode::FAILURE;
        }
        Err(Failure::Write(e)) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match planpress::pdf::print(&built.files, &chromium, out) {
        Ok(()) => {
            println!("Wrote the whole report to {}.", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn snapshot(
    label: &str,
    project: Project,
    pdf: bool,
    chromium: Option<&std::path::Path>,
) -> ExitCode {
    if let Err(message) = planpress::snapshot::check_label(label) {
        eprintln!("error: {message}");
        return ExitCode::FAILURE;
    }
    let chromium = match pdf.then(|| planpress::pdf::find_chromium(chromium)) {
        Some(Err(message)) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
        Some(Ok(path)) => Some(path),
        None => None,
    };
    let options = Options {
        as_of: project.as_of,
        snapshot: Some(label.to_string()),
    };
    let mut built = match planpress::render_project_with(&project.root, &options) {
        Ok(built) => built,
        Err(Failure::Content { errors, sources }) => {
            report_failure(&errors, &sources);
            eprintln!("No snapshot was taken.");
            return ExitCode::FAILURE;
        }
        Err(Failure::Write(e)) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(chromium) = chromium {
        let scratch =
            std::env::temp_dir().join(format!("planpress-snapshot-{}.pdf", std::process::id()));
        let printed = planpress::pdf::print(&built.files, &chromium, &scratch)
            .and_then(|()| std::fs::read(&scratch));
        let _ = std::fs::remove_file(&scratch);
        match printed {
            Ok(bytes) => built.files.push(planpress::render::OutputFile {
                path: "report.pdf".into(),
                bytes: bytes.into(),
            }),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    match planpress::snapshot::take(&project.root, label, &built) {
        Ok(taken) => {
            println!(
                "Snapshot {label}: {} files, manifest SHA-256 {}.",
                taken.files, taken.manifest_sha256
            );
            println!("  bag:     {}", taken.folder.display());
            println!("  archive: {}", taken.archive.display());
            println!(
                "  record:  {} (commit this file: later builds list the snapshot and what changed)",
                taken.record.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn verify(path: &std::path::Path) -> ExitCode {
    match planpress::snapshot::verify(path) {
        Ok(found) if found.is_intact() => {
            println!("{}: every file matches its manifest.", path.display());
            ExitCode::SUCCESS
        }
        Ok(found) => {
            for (what, files) in [
                ("altered", &found.altered),
                ("missing", &found.missing),
                ("extra", &found.extra),
            ] {
                for file in files {
                    println!("{what}: {file}");
                }
            }
            eprintln!(
                "{}: {} altered, {} missing, {} extra.",
                path.display(),
                found.altered.len(),
                found.missing.len(),
                found.extra.len()
            );
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {} could not be verified: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

fn diff(root: &std::path::Path, from: &str, to: &str, json: bool) -> ExitCode {
    let load = |label: &str| -> Result<planpress::load::format::SnapshotRecord, String> {
        let (record, _, _) = planpress::snapshot::paths(root, label);
        let text = std::fs::read_to_string(&record).map_err(|e| {
            format!(
                "there is no snapshot \"{label}\" ({}: {e})",
                record.display()
            )
        })?;
        toml::from_str(&text).map_err(|e| format!("{} could not be read: {e}", record.display()))
    };
    let (a, b) = match (load(from), load(to)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let report = planpress::snapshot::changes::compare(&a, &b);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    }
    println!(
        "Changes from {from} ({}) to {to} ({}):",
        a.report_date, b.report_date
    );
    if report.is_empty() {
        println!("  nothing changed.");
    }
    for c in &report.status_changes {
        println!(
            "  {} {}: status {} -> {}",
            c.reference, c.title, c.from, c.to
        );
    }
    for a in &report.added {
        println!("  added {} {}", a.reference, a.title);
    }
    for a in &report.removed {
        println!("  removed {} {}", a.reference, a.title);
    }
    for t in &report.text_changes {
        let words: String = t
            .words
            .iter()
            .map(|w| match w.kind {
                "removed" => format!("[-{}-]", w.text),
                "added" => format!("{{+{}+}}", w.text),
                _ => w.text.clone(),
            })
            .collect();
        println!(
            "  {} {} ({}): {}",
            t.reference,
            t.title,
            t.column,
            words.replace('\n', " / ")
        );
    }
    ExitCode::SUCCESS
}

fn serve(project: Project, bind: std::net::IpAddr, port: u16) -> ExitCode {
    let address = std::net::SocketAddr::new(bind, port);
    if !bind.is_loopback() {
        eprintln!("warning: serving on {bind}, so other computers that can reach it can read this draft site; the default, 127.0.0.1, keeps it to this computer");
    }
    let ready = |bound: std::net::SocketAddr| {
        println!(
            "Serving on http://{bound}/ (only this computer can see it). Press Ctrl+C to stop."
        );
    };
    match planpress::serve::serve(&project.root, address, project.options(), ready) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not serve on {address}: {e}");
            eprintln!("hint: another program may be using that port; try --port 8001, or --port 0 for any free port");
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
