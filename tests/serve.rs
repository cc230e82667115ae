//! `planpress serve`: a page is served, an edit shows up without restarting, a broken edit keeps
//! the last good page and shows the problem, and the build output never gets the reload script.
//! It answers only at its own address, and a request too long to be a browser's is refused.

mod common;
use common::*;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

/// Asks for `path` until its body satisfies `ready`, for at most ten seconds; how long it took.
fn wait_for(address: &str, path: &str, ready: impl Fn(&str) -> bool) -> Duration {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        if ready(&get(address, path).1) {
            return started.elapsed();
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("{path} never changed as expected");
}

#[test]
fn edits_show_up_and_a_broken_edit_keeps_the_last_good_page() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    let (_server, address) = start_server(dir.path());

    let (status, home) = get(&address, "/");
    assert_eq!(status, 200);
    assert!(
        home.contains("Every family in Northshire has safe, kind maternity care."),
        "{home}"
    );
    assert!(
        home.contains("new EventSource(\"/__planpress/events\")"),
        "the reload script is injected"
    );

    // The page's event stream says "reload" once the edit is rebuilt.
    let mut events = TcpStream::connect(&address).unwrap();
    write!(
        events,
        "GET /__planpress/events HTTP/1.1\r\nHost: {address}\r\n\r\n"
    )
    .unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();

    let plan = dir.path().join("content/plan.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(
        &plan,
        text.replace(
            "safe, kind maternity care",
            "safe, kind and listening maternity care",
        ),
    )
    .unwrap();
    let took = wait_for(&address, "/index.html", |page| {
        page.contains("safe, kind and listening maternity care")
    });
    eprintln!("the edit was served after {took:?}");
    let mut stream = String::new();
    let mut buffer = [0u8; 256];
    while !stream.contains("data: reload") {
        let n = events
            .read(&mut buffer)
            .expect("the event stream speaks before the timeout");
        stream.push_str(&String::from_utf8_lossy(&buffer[..n]));
    }

    std::fs::write(&plan, text.replace("vision = \"", "vision = \"unclosed\n")).unwrap();
    wait_for(&address, "/index.html", |page| {
        page.contains("planpress could not rebuild the site")
    });
    let (status, page) = get(&address, "/index.html");
    assert_eq!(status, 200);
    assert!(
        page.contains("safe, kind and listening maternity care"),
        "the last good page is still served"
    );
    assert!(
        page.contains("content/plan.toml:"),
        "the banner names the file and line: {page}"
    );

    let (status, _) = get(&address, "/no-such-page.html");
    assert_eq!(status, 404);
    let (status, _) = get(&address, "/../Cargo.toml");
    assert!(
        status == 400 || status == 404,
        "never serves files outside the site"
    );
}

#[test]
fn built_pages_never_carry_the_reload_script() {
    let (_dir, out) = build(&fixture("custom-labels"));
    for (path, bytes) in tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("EventSource"), "{}", path.display());
    }
}

/// Asks for `path`, saying the client takes gzip or not: the answer's head and its body as sent.
fn fetch(address: &str, path: &str, takes_gzip: bool) -> (String, Vec<u8>) {
    let accepts = if takes_gzip {
        "Accept-Encoding: gzip, br\r\n"
    } else {
        ""
    };
    let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\n{accepts}\r\n");
    let mut stream = TcpStream::connect(address).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let end = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&response[..end]).to_lowercase();
    (head, response[end + 4..].to_vec())
}

#[test]
fn a_browser_that_takes_gzip_gets_the_same_pages_packed_and_an_edit_reaches_both() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    let (_server, address) = start_server(dir.path());
    let both = |path: &str| {
        let (packed_head, packed) = fetch(&address, path, true);
        let (plain_head, plain) = fetch(&address, path, false);
        assert!(
            packed_head.contains("content-encoding: gzip"),
            "{packed_head}"
        );
        assert!(!plain_head.contains("content-encoding"), "{plain_head}");
        for head in [&packed_head, &plain_head] {
            assert!(head.contains("vary: accept-encoding"), "{head}");
        }
        assert!(packed_head.contains(&format!("content-length: {}", packed.len())));
        assert!(plain_head.contains(&format!("content-length: {}", plain.len())));
        let mut unpacked = Vec::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_end(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, plain, "{path}: the same bytes, packed or not");
        String::from_utf8(plain).unwrap()
    };
    let home = both("/");
    assert!(
        home.contains(VISION) && home.contains("EventSource"),
        "{home}"
    );
    assert!(both("/style.css").contains('{'));

    let plan = dir.path().join("content/plan.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let edited = "safe, kind and listening maternity care";
    std::fs::write(&plan, text.replace(VISION, edited)).unwrap();
    wait_for(&address, "/index.html", |page| page.contains(edited));
    assert!(both("/").contains(edited), "the edit is served packed too");
}

/// Sends `request` as it is and reads all of the answer, whatever the server does: it may answer
/// and stop reading before everything is sent.
fn send(address: &str, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let _ = stream.write_all(request);
    let _ = stream.shutdown(Shutdown::Write);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

const VISION: &str = "safe, kind maternity care";

#[test]
fn a_request_naming_another_site_is_refused_and_its_own_names_are_served() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    let (_server, address) = start_server(dir.path());
    let port = address.rsplit(':').next().unwrap();
    // A page on attacker.example whose name was pointed at 127.0.0.1 (DNS rebinding).
    for host in [
        "Host: attacker.example\r\n".to_string(),
        format!("Host: attacker.example:{port}\r\n"),
        format!("Host: 127.0.0.1:{}\r\n", port.parse::<u16>().unwrap() ^ 1),
        String::new(),
    ] {
        let response = send(
            &address,
            format!("GET / HTTP/1.1\r\n{host}Connection: close\r\n\r\n").as_bytes(),
        );
        assert!(response.starts_with("HTTP/1.1 421"), "{host}: {response}");
        assert!(!response.contains(VISION), "no page bytes: {response}");
        let events = send(
            &address,
            format!("GET /__planpress/events HTTP/1.1\r\n{host}\r\n").as_bytes(),
        );
        assert!(events.starts_with("HTTP/1.1 421"), "{host}: {events}");
    }
    for host in [
        address.clone(),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let response = send(
            &address,
            format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
        );
        assert!(response.starts_with("HTTP/1.1 200"), "{host}: {response}");
        assert!(response.contains(VISION), "{host}");
    }
}

#[test]
fn a_request_line_or_headers_of_a_megabyte_are_refused_and_the_server_still_serves() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    let (_server, address) = start_server(dir.path());
    let megabyte = "a".repeat(1_000_000);
    let long_line = format!("GET /{megabyte} HTTP/1.1\r\nHost: {address}\r\n\r\n");
    let long_header = format!("GET / HTTP/1.1\r\nHost: {address}\r\nX-Filler: {megabyte}\r\n\r\n");
    for (request, status) in [(long_line, "414"), (long_header, "431")] {
        let response = send(&address, request.as_bytes());
        let start = &response[..response.len().min(200)];
        assert!(start.starts_with(&format!("HTTP/1.1 {status}")), "{start}");
        assert!(response.len() < 1000, "a short text, no page");
    }
    let (status, page) = get(&address, "/");
    assert_eq!(status, 200);
    assert!(page.contains(VISION));
}

/// The most memory the process at `pid` has held, in kB (Linux's `VmHWM`).
#[cfg(target_os = "linux")]
fn peak_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn memory_does_not_grow_with_what_a_client_sends() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    let (server, address) = start_server(dir.path());
    get(&address, "/");
    let before = peak_kb(server.id());
    let mut stream = TcpStream::connect(&address).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    let _ = stream.write_all(b"GET /");
    for _ in 0..96 {
        if stream.write_all(&chunk).is_err() {
            break; // The server stopped reading, as it should.
        }
    }
    drop(stream);
    let (status, _) = get(&address, "/");
    assert_eq!(status, 200);
    let grown = peak_kb(server.id()).saturating_sub(before);
    assert!(
        grown < 16 * 1024,
        "a 96 MB request line grew serve by {grown} kB"
    );
}
