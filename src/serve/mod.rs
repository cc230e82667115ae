//! `planpress serve`: builds the site in memory, serves it on this computer (`http`), watches
//! `content/` and `themes/`, rebuilds on a change and reloads the open page. A change that breaks
//! the content keeps the last good pages and shows the problem in the terminal and as a banner on
//! the page. Nothing is written to disk, so serving can never publish a broken site. Each rebuild
//! reuses what the last one made through the incremental layer (`incremental`), the only cache.

mod http;
pub mod incremental;
mod packed;
mod request;

use std::any::Any;
use std::io;
use std::net::{SocketAddr, TcpListener};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::diagnostics::{self, ContentError};
use crate::render::OutputFile;
use crate::{lock, Built, Failure, Options};
pub use incremental::Incremental;

/// The address the live-reload script listens to.
pub(super) const EVENTS: &str = "/__planpress/events";

/// How long the files must be quiet, in milliseconds, before a burst of changes (an editor
/// saving: write, rename, change of times) is taken as finished and rebuilt once.
const QUIET: u64 = 30;

/// Added to every HTML page served, never to built files: reload when a rebuild finishes.
pub(super) const RELOAD_SCRIPT: &str = "<script>new EventSource(\"/__planpress/events\").onmessage = () => location.reload();</script>";

/// What is being served: the last good build, and the problems of the latest one if it failed.
#[derive(Default)]
pub(super) struct Served {
    /// The site's files, packed; shared, so a rebuild packs its files outside the lock.
    pub(super) files: Arc<packed::Files>,
    pub(super) problem: Option<String>,
    /// Counts rebuilds, so a waiting page knows when to reload.
    pub(super) generation: u64,
}

/// What the server threads share: what is served, a signal for each rebuild, and the pages kept
/// between rebuilds (outside the lock, so pages are answered while a rebuild renders).
#[derive(Default)]
pub(super) struct State {
    pub(super) served: Mutex<Served>,
    pub(super) changed: Condvar,
    kept: Incremental,
    /// Counts the changes seen in the watched folders, so a rebuild knows a newer save came in.
    saves: AtomicU64,
}

pub(super) type Shared = Arc<State>;

/// Serves the project at `root` on `address` until the process is stopped.
pub fn serve(
    root: &Path,
    address: SocketAddr,
    options: Options,
    ready: impl FnOnce(SocketAddr),
) -> io::Result<()> {
    let shared = Shared::default();
    rebuild(root, &options, &shared);
    let listener = TcpListener::bind(address)?;
    let bound = listener.local_addr()?;
    let watched = watch(root, options, shared.clone())?;
    ready(bound);
    for stream in listener.incoming().flatten() {
        let shared = shared.clone();
        std::thread::spawn(move || {
            // A browser that goes away mid-answer is not an error worth reporting.
            let _ = http::answer(stream, &shared, bound);
        });
    }
    drop(watched);
    Ok(())
}

/// One run of the pipeline for a rebuild, given where the early pages go and whether a newer save
/// came in: the site or its problems, or `None` if the run stopped short.
type Build<'a> = dyn Fn(
        &(dyn Fn(&[OutputFile]) + Sync),
        &(dyn Fn() -> bool + Sync),
    ) -> Option<Result<Built, Failure>>
    + 'a;

/// Builds the site in memory through the incremental layer; see `rebuild_with`.
fn rebuild(root: &Path, options: &Options, shared: &Shared) {
    rebuild_with(shared, &|early, superseded| {
        shared.kept.run(root, options, early, superseded)
    });
}

/// Runs `build`; on success it replaces what is served, on failure it keeps the last good pages
/// and records the problem for the banner. A build a newer save supersedes stops once its early
/// pages are shown: the next build, of the newer save, follows at once. A build that panics (a
/// bug in planpress) is a problem like any other: the banner says so and the next save rebuilds.
/// What the incremental layer kept stays sound, as it keeps only what was made whole.
fn rebuild_with(shared: &Shared, build: &Build) {
    let early = |files: &[OutputFile]| show_early(shared, files);
    let began = shared.saves.load(Ordering::Relaxed);
    let superseded = || shared.saves.load(Ordering::Relaxed) != began;
    let result = match panic::catch_unwind(AssertUnwindSafe(|| build(&early, &superseded))) {
        Ok(Some(result)) => Ok(result),
        Ok(None) => {
            eprintln!("A newer save came in: building that.");
            return;
        }
        Err(panic) => Err(bug(panic.as_ref())),
    };
    let mut served = lock(&shared.served);
    match result {
        Ok(Ok(built)) => {
            report_warnings(&built.warnings);
            let pages = built
                .files
                .iter()
                .filter(|f| f.path.ends_with(".html"))
                .count();
            served.files = Arc::new(packed::pack_all(built.files));
            served.problem = None;
            eprintln!(
                "Rebuilt {pages} pages ({} rendered again).",
                shared.kept.rendered_last()
            );
        }
        Ok(Err(Failure::Content { errors, sources })) => {
            // The warnings counted first, then the errors in full, so no error is buried.
            let (errors, warnings): (Vec<_>, Vec<_>) =
                errors.into_iter().partition(|e| e.is_error());
            report_warnings(&warnings);
            eprint!("{}", diagnostics::report(&errors, &sources));
            eprintln!(
                "The pages served are the last good ones; fix the problems above and save again."
            );
            served.problem = Some(summary(&errors));
        }
        Ok(Err(Failure::Write(e))) => served.problem = Some(e.to_string()),
        Err(bug) => {
            // A panic's message may quote content: nothing in it may act on the terminal.
            let shown = crate::controls::for_terminal(&bug);
            eprintln!("{shown}\nThe pages served are the last good ones; save again to rebuild.");
            served.problem = Some(bug);
        }
    }
    served.generation += 1;
    shared.changed.notify_all();
}

/// What to tell the user of a panic in a rebuild: that it is planpress's fault, not theirs.
fn bug(panic: &(dyn Any + Send)) -> String {
    let message = panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message");
    format!("planpress itself went wrong while rebuilding (a bug in planpress, not a problem in your content): {message}. If saving again does not help, please report this message.")
}

/// Serves the pages made first (the priorities' and action areas') as soon as they are made, and
/// reloads the open page if any changed: the page being edited shows before the lists, search
/// index and print edition are made again. The rebuild then replaces everything. Pages come here
/// only from content that checks clean, so the banner of a build that failed before goes with
/// them: a save that mends a problem (or an editor's save read half written, then whole) is
/// shown as soon after as any other.
fn show_early(shared: &Shared, files: &[OutputFile]) {
    let mut served = lock(&shared.served);
    if served.files.is_empty() {
        // There was no good build: show the whole site at once, when it is made.
        return;
    }
    let changed: Vec<&OutputFile> = files
        .iter()
        .filter(|file| {
            !served
                .files
                .get(&file.path)
                .is_some_and(|kept| file.bytes.were_packed_as(kept))
        })
        .collect();
    if !changed.is_empty() || served.problem.is_some() {
        served.problem = None;
        // The run packed them as it made them.
        let served_files = Arc::make_mut(&mut served.files);
        for file in changed {
            served_files.insert(file.path.clone(), file.bytes.packed());
        }
        served.generation += 1;
        shared.changed.notify_all();
    }
}

/// Counts the warnings in the terminal: the list after every save would bury what the save itself
/// did, and `planpress check` lists them.
fn report_warnings(warnings: &[ContentError]) {
    match warnings.len() {
        0 => {}
        1 => eprintln!("1 warning: run `planpress check` to read it."),
        n => eprintln!("{n} warnings: run `planpress check` to read them."),
    }
}

/// One line per problem, for the banner: file, line and what is wrong.
fn summary(errors: &[ContentError]) -> String {
    errors
        .iter()
        .filter(|e| e.is_error())
        .map(|e| format!("{}:{}: {}", e.path.display(), e.line, e.message()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Watches `content/` and `themes/`; a burst of changes (an editor saving) becomes one rebuild.
fn watch(root: &Path, options: Options, shared: Shared) -> io::Result<notify::RecommendedWatcher> {
    let (tx, rx) = mpsc::channel();
    let seen = shared.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !e.kind.is_access()) {
            seen.saves.fetch_add(1, Ordering::Relaxed);
            let _ = tx.send(());
        }
    })
    .map_err(io::Error::other)?;
    for folder in ["content", "themes"] {
        let path = root.join(folder);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(io::Error::other)?;
        }
    }
    let root: PathBuf = root.to_path_buf();
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            while rx.recv_timeout(Duration::from_millis(QUIET)).is_ok() {}
            rebuild(&root, &options, &shared);
        }
    });
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/custom-labels");
    const BANNER: &str = "planpress could not rebuild the site";

    fn home(shared: &Shared) -> (u16, String) {
        let (status, _, body) = http::page(shared, "/");
        (status, String::from_utf8(body.plain()).unwrap())
    }

    #[test]
    fn after_a_failed_build_a_good_saves_early_pages_are_shown_at_once_without_the_banner() {
        let shared = Shared::default();
        let options = Options::default();
        rebuild_with(&shared, &|early, superseded| {
            shared
                .kept
                .run(Path::new(FIXTURE), &options, early, superseded)
        });
        rebuild_with(&shared, &|_, _| panic!("a save read half written"));
        assert!(home(&shared).1.contains(BANNER));
        let mended = OutputFile {
            path: "index.html".into(),
            bytes: b"<html><body><p>Mended</p></body></html>".to_vec().into(),
        };
        // The next save's early pages, then a newer save stops it before the rest is made.
        rebuild_with(&shared, &|early, _| {
            early(std::slice::from_ref(&mended));
            None
        });
        let (status, page) = home(&shared);
        assert_eq!(status, 200);
        assert!(page.contains("Mended"), "{page}");
        assert!(!page.contains(BANNER), "{page}");
    }

    #[test]
    fn a_rebuild_that_panics_shows_a_banner_and_the_next_save_rebuilds() {
        let shared = Shared::default();
        let options = Options::default();
        let real: &Build = &|early, superseded| {
            shared
                .kept
                .run(Path::new(FIXTURE), &options, early, superseded)
        };
        rebuild_with(&shared, real);
        let (status, page) = home(&shared);
        assert_eq!(status, 200);
        assert!(!page.contains(BANNER), "{page}");

        let generation = lock(&shared.served).generation;
        rebuild_with(&shared, &|_, _| panic!("an index out of bounds"));
        assert!(
            lock(&shared.served).generation > generation,
            "the page reloads"
        );
        let (status, page) = home(&shared);
        assert_eq!(status, 200, "the last good page is still served");
        assert!(page.contains("safe, kind maternity care"), "{page}");
        assert!(page.contains(BANNER), "{page}");
        assert!(page.contains("a bug in planpress"), "{page}");
        assert!(page.contains("an index out of bounds"), "{page}");

        rebuild_with(&shared, real);
        let (status, page) = home(&shared);
        assert_eq!(status, 200);
        assert!(!page.contains(BANNER), "the next save rebuilt: {page}");
    }

    #[test]
    fn a_first_build_that_panics_shows_the_banner_on_a_page_of_its_own() {
        let shared = Shared::default();
        rebuild_with(&shared, &|_, _| {
            panic!("{}", String::from("a bug at the start"))
        });
        let (status, page) = home(&shared);
        assert_eq!(status, 503);
        assert!(page.contains(BANNER), "{page}");
        assert!(page.contains("a bug at the start"), "{page}");
        assert!(
            page.contains("EventSource"),
            "it reloads once a build works"
        );
    }
}
