//! `planpress serve`: builds the site in memory, serves it on this computer, watches `content/`
//! and `themes/`, rebuilds on a change and reloads the open page. A change that breaks the content
//! keeps the last good pages and shows the problem in the terminal and as a banner on the page.
//! Nothing is written to disk, so serving can never publish a broken site.
//!
//! The HTTP side is a small GET-only server on std's TcpListener: it must hold a server-sent event
//! stream open and flush each event, which the small HTTP crates buffer away, and it needs nothing
//! else (no keep-alive, no uploads, no TLS: it only ever listens on this computer).

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::diagnostics::{self, ContentError};
use crate::{lock, Failure, Options};

/// The address the live-reload script listens to.
const EVENTS: &str = "/__planpress/events";

/// How long the files must be quiet, in milliseconds, before a burst of changes (an editor
/// saving: write, rename, change of times) is taken as finished and rebuilt once.
const QUIET: u64 = 30;

/// Added to every HTML page served, never to built files: reload when a rebuild finishes.
const RELOAD_SCRIPT: &str = "<script>new EventSource(\"/__planpress/events\").onmessage = () => location.reload();</script>";

/// What is being served: the last good build, and the problems of the latest one if it failed.
#[derive(Default)]
struct Served {
    files: HashMap<String, crate::render::Bytes>,
    problem: Option<String>,
    /// Counts rebuilds, so a waiting page knows when to reload.
    generation: u64,
    /// A fingerprint of the warnings last shown in the terminal.
    warnings: u64,
}

/// What the server threads share: what is served, a signal for each rebuild, and the pages kept
/// between rebuilds (outside the lock, so pages are answered while a rebuild renders).
struct State {
    served: Mutex<Served>,
    changed: Condvar,
    kept: crate::Kept,
    /// Counts the changes seen in the watched folders, so a rebuild knows a newer save came in.
    saves: AtomicU64,
}

type Shared = Arc<State>;

/// Serves the project at `root` on `address` until the process is stopped.
pub fn serve(
    root: &Path,
    address: SocketAddr,
    options: Options,
    ready: impl FnOnce(SocketAddr),
) -> io::Result<()> {
    let shared: Shared = Arc::new(State {
        served: Mutex::new(Served::default()),
        changed: Condvar::new(),
        kept: crate::Kept::default(),
        saves: AtomicU64::new(0),
    });
    rebuild(root, &options, &shared);
    let listener = TcpListener::bind(address)?;
    let bound = listener.local_addr()?;
    let watched = watch(root, options, shared.clone())?;
    ready(bound);
    for stream in listener.incoming().flatten() {
        let shared = shared.clone();
        std::thread::spawn(move || {
            // A browser that goes away mid-answer is not an error worth reporting.
            let _ = answer(stream, &shared);
        });
    }
    drop(watched);
    Ok(())
}

/// Builds the site in memory; on success it replaces what is served, on failure it keeps the last
/// good pages and records the problem for the banner. A build a newer save supersedes stops once
/// its early pages are shown: the next build, of the newer save, follows at once.
fn rebuild(root: &Path, options: &Options, shared: &Shared) {
    let early = |files: &[crate::render::OutputFile]| show_early(shared, files);
    let began = shared.saves.load(Ordering::Relaxed);
    let superseded = || shared.saves.load(Ordering::Relaxed) != began;
    let serving = crate::Serving {
        early: &early,
        superseded: &superseded,
    };
    let Some(result) = crate::render_project_serving(root, options, &shared.kept, &serving) else {
        eprintln!("A newer save came in: building that.");
        return;
    };
    let mut served = lock(&shared.served);
    match result {
        Ok(built) => {
            report_warnings(&built.warnings, &built.sources, &mut served.warnings);
            let pages = built
                .files
                .iter()
                .filter(|f| f.path.ends_with(".html"))
                .count();
            served.files = built.files.into_iter().map(|f| (f.path, f.bytes)).collect();
            served.problem = None;
            eprintln!(
                "Rebuilt {pages} pages ({} rendered again).",
                shared.kept.pages.rendered_last()
            );
        }
        Err(Failure::Content { errors, sources }) => {
            let report = diagnostics::report(&errors, &sources);
            eprint!("{report}");
            eprintln!(
                "The pages served are the last good ones; fix the problems above and save again."
            );
            served.problem = Some(summary(&errors));
        }
        Err(Failure::Write(e)) => served.problem = Some(e.to_string()),
    }
    served.generation += 1;
    shared.changed.notify_all();
}

/// Serves the pages made first (the priorities' and action areas') as soon as they are made, and
/// reloads the open page if any changed: the page being edited shows before the lists, search
/// index and print edition are made again. The rebuild then replaces everything.
fn show_early(shared: &Shared, files: &[crate::render::OutputFile]) {
    let mut served = lock(&shared.served);
    if served.problem.is_some() || served.files.is_empty() {
        // The last build failed or there was none: show the whole site at once, when it is made.
        return;
    }
    let mut changed = false;
    for file in files {
        let same = served
            .files
            .get(&file.path)
            .is_some_and(|kept| crate::same(kept, &file.bytes));
        if !same {
            served.files.insert(file.path.clone(), file.bytes.clone());
            changed = true;
        }
    }
    if changed {
        served.generation += 1;
        shared.changed.notify_all();
    }
}

/// Shows the warnings in the terminal, in full when they changed since the last build; the same
/// list again after every save would bury what the save itself did.
fn report_warnings(warnings: &[ContentError], sources: &[diagnostics::Source], shown: &mut u64) {
    let messages: Vec<_> = warnings
        .iter()
        .map(|w| (&w.path, w.line, w.column, w.message()))
        .collect();
    let fingerprint = crate::render::cache::fingerprint(&messages);
    if fingerprint == *shown {
        if !warnings.is_empty() {
            eprintln!("The same {} warnings as before.", warnings.len());
        }
        return;
    }
    *shown = fingerprint;
    eprint!("{}", diagnostics::report(warnings, sources));
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

/// Reads one request and answers it: a file of the site, or the event stream.
fn answer(stream: TcpStream, shared: &Shared) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // The rest of the head, up to the blank line; nothing in it changes the answer.
    let mut line = String::new();
    let mut head = 0;
    while reader.read_line(&mut line)? > 2 && head < 100 {
        line.clear();
        head += 1;
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut stream = stream;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            405,
            "text/plain; charset=utf-8",
            b"Only GET is served here.",
            false,
        );
    }
    if path == EVENTS {
        return events(stream, shared);
    }
    let (status, content_type, body) = page(shared, path);
    respond(&mut stream, status, content_type, &body, method == "HEAD")
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// A server-sent event stream: each finished rebuild tells the page to reload.
fn events(mut stream: TcpStream, shared: &Shared) -> io::Result<()> {
    stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n")?;
    stream.flush()?;
    let changed = &shared.changed;
    let mut seen = lock(&shared.served).generation;
    loop {
        let mut served = lock(&shared.served);
        while served.generation == seen {
            served = changed.wait(served).unwrap_or_else(|e| e.into_inner());
        }
        seen = served.generation;
        drop(served);
        stream.write_all(b"data: reload\n\n")?;
        stream.flush()?;
    }
}

/// The status, type and body for a request path; HTML pages get the reload script and any banner.
fn page(shared: &Shared, path: &str) -> (u16, &'static str, Vec<u8>) {
    let served = lock(&shared.served);
    let Some(name) = site_path(path) else {
        return (400, "text/plain; charset=utf-8", b"Bad request".to_vec());
    };
    let (status, name) = if served.files.contains_key(&name) {
        (200, name)
    } else {
        (404, "404.html".to_string())
    };
    let Some(bytes) = served.files.get(&name) else {
        return (404, "text/plain; charset=utf-8", b"Not found".to_vec());
    };
    let body = if name.ends_with(".html") {
        inject(bytes, served.problem.as_deref())
    } else {
        bytes.to_vec()
    };
    (status, content_type(&name), body)
}

/// The site file a request path names: percent-decoded, `/` meaning `index.html`, and refused if
/// it tries to climb out of the site (`..`).
fn site_path(path: &str) -> Option<String> {
    let decoded = percent_decode(path)?;
    let trimmed = decoded.trim_start_matches('/');
    if trimmed.split(['/', '\\']).any(|part| part == "..") {
        return None;
    }
    if trimmed.is_empty() || trimmed.ends_with('/') {
        Some(format!("{trimmed}index.html"))
    } else {
        Some(trimmed.to_string())
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The page's Content-Security-Policy, widened for serving only: the reload script by its hash,
/// and the event stream it listens to.
fn allow_reload(page: &mut String) {
    let script = RELOAD_SCRIPT
        .trim_start_matches("<script>")
        .trim_end_matches("</script>");
    let hash = base64(&<sha2::Sha256 as sha2::Digest>::digest(script.as_bytes()));
    *page = page.replacen(
        "script-src 'self'",
        &format!("script-src 'self' 'sha256-{hash}'"),
        1,
    );
}

/// Standard base64 with padding, as CSP hashes are written.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(if i <= chunk.len() {
                ALPHABET[index as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

/// The reload script before `</body>`, and the problem banner after `<body>` when there is one.
fn inject(html: &[u8], problem: Option<&str>) -> Vec<u8> {
    let mut page = String::from_utf8_lossy(html).into_owned();
    allow_reload(&mut page);
    if let Some(problem) = problem {
        let banner = format!(
            "<div role=\"alert\" class=\"planpress-problem\"><strong>planpress could not rebuild the site. This page is the last good version.</strong>\n{}</div>",
            crate::render::theme::escape(problem)
        );
        let body = page
            .find("<body")
            .and_then(|at| page[at..].find('>').map(|end| at + end + 1));
        if let Some(at) = body {
            page.insert_str(at, &banner);
        }
    }
    match page.rfind("</body>") {
        Some(at) => page.insert_str(at, RELOAD_SCRIPT),
        None => page.push_str(RELOAD_SCRIPT),
    }
    page.into_bytes()
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_stay_inside_the_site() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            site_path("/actions/a.html").as_deref(),
            Some("actions/a.html")
        );
        assert_eq!(
            site_path("/priorities/").as_deref(),
            Some("priorities/index.html")
        );
        assert_eq!(site_path("/a%20b.html").as_deref(), Some("a b.html"));
        assert_eq!(site_path("/../etc/passwd"), None);
        assert_eq!(site_path("/%2e%2e/etc/passwd"), None);
        assert_eq!(site_path("/a/..%5c..%5cx"), None);
        assert_eq!(site_path("/%zz"), None);
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
    }

    #[test]
    fn pages_get_the_reload_script_and_any_problem_as_a_banner() {
        let page = String::from_utf8(inject(
            b"<html><body><p>Hi</p></body></html>",
            Some("a.toml:3: bad <thing>"),
        ))
        .unwrap();
        assert!(page.contains("<body><div role=\"alert\""), "{page}");
        assert!(page.contains("a.toml:3: bad &lt;thing&gt;"), "{page}");
        assert!(page.ends_with("</script></body></html>"), "{page}");
    }
}
