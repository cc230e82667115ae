//! `planpress serve`: a page is served, an edit shows up without restarting, a broken edit keeps
//! the last good page and shows the problem, and the build output never gets the reload script.

mod common;
use common::*;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn get(address: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, response)
}

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
