//! The HTTP side of `serve`: a small GET-only server on std's TcpListener. It must hold a
//! server-sent event stream open and flush each event, which the small HTTP crates buffer away, and
//! it needs nothing else (no keep-alive, no uploads, no TLS: it only ever listens on this computer).

use std::io::{self, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::request::{self, Unread};
use super::{Shared, EVENTS, RELOAD_SCRIPT};
use crate::lock;
use crate::render::bytes::Packed;

const TEXT: &str = "text/plain; charset=utf-8";

/// Bodies made for an answer (a page with its reload script) are packed for a client that takes
/// gzip from this size: packing a few lines of text saves nothing.
const PACKED_FROM: usize = 1024;

/// The page served while no build has worked, for the problem banner to go on.
const NOTHING_BUILT: &[u8] = b"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>planpress serve</title></head><body></body></html>";

/// Reads one request and answers it: a file of the site, or the event stream. `listening` is the
/// address `serve` listens on.
pub(super) fn answer(stream: TcpStream, shared: &Shared, listening: SocketAddr) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::with_capacity(request::MOST, stream.try_clone()?);
    let head = match request::read_head(&mut reader) {
        Ok(head) => head,
        Err(Unread::Closed(error)) => return Err(error),
        Err(Unread::LineTooLong) => {
            return refuse(stream, reader, 414, "The address asked for is too long.")
        }
        Err(Unread::HeadTooLarge) => {
            return refuse(stream, reader, 431, "The request's headers are too long.")
        }
    };
    let arrived_at = stream.local_addr()?;
    if !request::names_this_server(head.host.as_deref(), &[listening, arrived_at]) {
        let hint = format!("This preview answers only at its own address: http://{arrived_at}/");
        return refuse(stream, reader, 421, &hint);
    }
    let path = head.target.split(['?', '#']).next().unwrap_or("/");
    let mut stream = stream;
    if head.method != "GET" && head.method != "HEAD" {
        return respond(&mut stream, 405, TEXT, b"Only GET is served here.", false);
    }
    if path == EVENTS {
        return events(stream, shared);
    }
    let (status, content_type, body) = page(shared, path);
    let head_only = head.method == "HEAD";
    let body = match body {
        Body::Plain(page) if head.takes_gzip && page.len() > PACKED_FROM => {
            Body::Gzip(Arc::new(Packed::new(&page)))
        }
        body => body,
    };
    // A file packed as gzip goes as it is to a client that takes gzip; any other is unpacked.
    let gzip = match &body {
        Body::Gzip(packed) if head.takes_gzip => packed.gzip(),
        _ => None,
    };
    match gzip {
        Some(gzip) => {
            let encoding = "Content-Encoding: gzip\r\n";
            respond_with(&mut stream, status, content_type, encoding, gzip, head_only)
        }
        None => respond(&mut stream, status, content_type, &body.plain(), head_only),
    }
}

/// Answers a request that is not served with a short text, then closes the connection once the
/// client has stopped sending (closing while it still sends could lose the answer), reading what
/// it sends into one small buffer and for a bounded time only.
fn refuse(mut stream: TcpStream, mut reader: impl Read, status: u16, text: &str) -> io::Result<()> {
    respond(&mut stream, status, TEXT, text.as_bytes(), false)?;
    stream.shutdown(Shutdown::Write)?;
    let until = Instant::now() + Duration::from_secs(2);
    let mut discarded = [0u8; 8192];
    let mut left: usize = 4 << 20;
    while left > 0 {
        let Some(wait) = until.checked_duration_since(Instant::now()) else {
            break;
        };
        stream.set_read_timeout(Some(wait.max(Duration::from_millis(1))))?;
        match reader.read(&mut discarded) {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
    Ok(())
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    respond_with(stream, status, content_type, "", body, head_only)
}

/// Answers with `headers` (each ending in CRLF) besides the usual ones. Every answer varies with
/// `Accept-Encoding`, so nothing between keeps a packed page for a client that cannot read it.
fn respond_with(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    headers: &str,
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        _ => "Service Unavailable",
    };
    write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n{headers}Vary: Accept-Encoding\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
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

/// What is sent for a request: bytes as they are, or a file as `serve` holds it, packed.
pub(super) enum Body {
    Plain(Vec<u8>),
    Gzip(Arc<Packed>),
}

impl Body {
    /// The bytes for a client that does not take gzip.
    pub(super) fn plain(self) -> Vec<u8> {
        match self {
            Body::Plain(bytes) => bytes,
            Body::Gzip(packed) => packed.unpack(),
        }
    }
}

/// The status, type and body for a request path; HTML pages carry the reload script and any
/// banner.
pub(super) fn page(shared: &Shared, path: &str) -> (u16, &'static str, Body) {
    let served = lock(&shared.served);
    let Some(name) = site_path(path) else {
        return (400, TEXT, Body::Plain(b"Bad request".to_vec()));
    };
    if let (true, Some(problem)) = (served.files.is_empty(), served.problem.as_deref()) {
        // No build has worked yet: a page of its own carries the banner, and reloads when one does.
        let page = with_banner(with_reload(NOTHING_BUILT), problem);
        return (503, "text/html; charset=utf-8", Body::Plain(page));
    }
    let (status, name) = if served.files.contains_key(&name) {
        (200, name)
    } else {
        (404, "404.html".to_string())
    };
    let Some(file) = served.files.get(&name) else {
        return (404, TEXT, Body::Plain(b"Not found".to_vec()));
    };
    let packed = file.clone();
    let problem = served.problem.clone();
    // Unpacking a page, a large one especially, is no reason to keep others waiting.
    drop(served);
    if !name.ends_with(".html") {
        return (status, content_type(&name), Body::Gzip(packed));
    }
    // Pages are kept as built: the reload script, and any banner, go in as a page is asked for.
    let page = with_reload(&packed.unpack());
    let page = match problem {
        Some(problem) => with_banner(page, &problem),
        None => page,
    };
    (status, content_type(&name), Body::Plain(page))
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

/// The page with the reload script before `</body>`, and the Content-Security-Policy allowing it.
pub(super) fn with_reload(html: &[u8]) -> Vec<u8> {
    let mut page = String::from_utf8_lossy(html).into_owned();
    allow_reload(&mut page);
    match page.rfind("</body>") {
        Some(at) => page.insert_str(at, RELOAD_SCRIPT),
        None => page.push_str(RELOAD_SCRIPT),
    }
    page.into_bytes()
}

/// The problem as a banner after `<body>`.
fn with_banner(mut page: Vec<u8>, problem: &str) -> Vec<u8> {
    let banner = format!(
        "<div role=\"alert\" class=\"planpress-problem\"><strong>planpress could not rebuild the site. This page is the last good version.</strong>\n{}</div>",
        crate::render::theme::escape(problem)
    );
    let body = find(&page, b"<body").and_then(|at| find(&page[at..], b">").map(|end| at + end + 1));
    if let Some(at) = body {
        page.splice(at..at, banner.into_bytes());
    }
    page
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
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
        let page = with_reload(b"<html><body><p>Hi</p></body></html>");
        let page = String::from_utf8(with_banner(page, "a.toml:3: bad <thing>")).unwrap();
        assert!(page.contains("<body><div role=\"alert\""), "{page}");
        assert!(page.contains("a.toml:3: bad &lt;thing&gt;"), "{page}");
        assert!(page.ends_with("</script></body></html>"), "{page}");
    }
}
