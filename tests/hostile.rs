//! Hostile and broken input: script in every kind of content never reaches a page as script,
//! `check` says what it removed, paths cannot leave the project, and the dev server holds up.

mod common;
use common::*;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;

/// The real tags of an HTML page (escaped text is not a tag): (name, attribute text).
fn tags(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        let inside = &rest[..end];
        let name: String = inside
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        found.push((name.to_ascii_lowercase(), inside[name.len()..].to_string()));
        rest = &rest[end..];
    }
    found
}

/// (name, value) of each attribute inside a tag, reading quoted values whole.
fn attribute_pairs(inside: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut rest = inside.trim_start_matches('/');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '=' && *c != '>')
            .collect();
        if name.is_empty() {
            return pairs;
        }
        rest = rest[name.len()..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = after[1..].find(q).map_or(after.len(), |e| e + 1);
                    value = after[1..end].to_string();
                    rest = &after[(end + 1).min(after.len())..];
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    value = after[..end].to_string();
                    rest = &after[end..];
                }
            }
        }
        pairs.push((name, value));
    }
}

/// The page without the theme's stylesheet that the not-found page carries in its head.
fn without_theme_style(html: &str) -> String {
    let (head, body) = html.split_at(html.find("</head>").unwrap());
    let start = head.find("<style>:root {").expect("the theme's stylesheet");
    let end = start + head[start..].find("</style>").unwrap() + "</style>".len();
    format!("{}{}{body}", &head[..start], &head[end..])
}

#[test]
fn no_script_from_content_reaches_a_page() {
    let (_dir, out) = build(&fixture("hostile"));
    let mut pages = 0;
    for (path, bytes) in tree(&out) {
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8(bytes).unwrap();
        let name = path.display();
        // The not-found page carries the theme's own stylesheet in its head, as it may be served
        // at any depth; content never reaches the head.
        let html = match path.to_str() {
            Some("404.html") => without_theme_style(&html),
            _ => html,
        };
        for (tag, attributes) in tags(&html) {
            assert!(
                !["iframe", "object", "embed", "style", "math", "base"].contains(&tag.as_str()),
                "{name}: <{tag}>"
            );
            if tag == "script" {
                assert!(
                    attributes.contains("search.js\" defer"),
                    "{name}: only the site's own search script: <script{attributes}>"
                );
            }
            if tag == "form" || tag == "input" {
                assert!(
                    attributes.contains("search"),
                    "{name}: only the site's own search form: <{tag}{attributes}>"
                );
            }
            let lower = attributes.to_ascii_lowercase();
            for (attribute, value) in attribute_pairs(&lower) {
                assert!(
                    !attribute.starts_with("on") && attribute != "style",
                    "{name}: <{tag} {attributes}>"
                );
                let address = [
                    "href",
                    "src",
                    "action",
                    "formaction",
                    "xlink:href",
                    "data",
                    "poster",
                ]
                .contains(&attribute.as_str());
                let script = value.trim_start().starts_with("javascript:")
                    || value.trim_start().starts_with("vbscript:")
                    || value.trim_start().starts_with("data:text");
                assert!(!(address && script), "{name}: <{tag} {attributes}>");
            }
            if tag == "meta" {
                assert!(!lower.contains("refresh"), "{name}: <meta {attributes}>");
            }
        }
        assert!(
            html.contains("script-src 'self';"),
            "{name} has no Content-Security-Policy"
        );
    }
    assert!(pages > 10);
    let action = visible_text(&read(&out, "actions/xss.html"));
    assert!(
        action.contains("hidden text shown"),
        "text a style tried to hide is shown: {action}"
    );
    assert!(read(&out, "actions/xss.html").contains(r#"rel="noopener noreferrer""#));
}

#[test]
fn check_says_what_it_removes() {
    let root = fixture("hostile");
    let output = planpress(&["check", "--root", root.to_str().unwrap()]);
    assert!(output.status.success(), "removals are warnings, not errors");
    let stderr = String::from_utf8_lossy(&output.stderr);
    for removed in [
        "the <script> element is removed when the site is built",
        "the <iframe> element is removed",
        "the style attribute of <span> is removed",
        "the address \"javascript:alert('md-link')\" is removed",
        "the address \"JaVaScRiPt:alert('mixed')\" of <a> is removed",
        "the onerror attribute of <img> is removed",
        "the onmouseover attribute of <b> is removed",
    ] {
        assert!(stderr.contains(removed), "«{removed}» missing:\n{stderr}");
    }
}

fn broken_copy(edit: impl Fn(&Path)) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    edit(dir.path());
    let output = run_build(dir.path(), &dir.path().join("site"));
    assert_eq!(output.status.code(), Some(1));
    (dir, String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn paths_cannot_leave_the_project() {
    let (_d, stderr) = broken_copy(|root| {
        std::fs::write(root.join("content/pages/escape.md"), "+++\ntitle = \"Escape\"\n+++\n[secrets](../../../../etc/passwd) ![x](../../../../etc/hosts)\n").unwrap();
    });
    assert!(
        stderr.contains("the link \"../../../../etc/passwd\" leads out of the content folder"),
        "{stderr}"
    );
    assert!(stderr.contains("content/pages/escape.md:4:1"), "{stderr}");

    let (_d, stderr) = broken_copy(|root| {
        std::os::unix::fs::symlink("/etc/hostname", root.join("content/pages/linked.md")).unwrap()
    });
    assert!(
        stderr.contains("content/pages/linked.md") && stderr.contains("symbolic link"),
        "{stderr}"
    );

    let (_d, stderr) = broken_copy(|root| {
        let plan = root.join("content/plan.toml");
        let text = std::fs::read_to_string(&plan)
            .unwrap()
            .replace("theme = \"northshire\"", "theme = \"../../etc\"");
        std::fs::write(plan, text).unwrap();
    });
    assert!(
        stderr.contains("the theme name must be a plain folder name"),
        "{stderr}"
    );
}

#[test]
fn the_site_is_never_written_over_the_project() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    for out in [
        dir.path().to_path_buf(),
        dir.path().join("content"),
        dir.path().join("content/pages"),
    ] {
        let output = run_build(dir.path(), &out);
        assert_eq!(output.status.code(), Some(1), "{}", out.display());
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("will not write the site"),
            "{}",
            out.display()
        );
    }
    assert!(
        dir.path().join("content/plan.toml").is_file(),
        "nothing was deleted"
    );
}

#[test]
fn very_large_and_deeply_nested_content_gives_a_clear_result() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    let pages = dir.path().join("content/pages");
    let paragraph =
        "A long page about maternity care, written again and again. ".repeat(20) + "\n\n";
    std::fs::write(
        pages.join("huge.md"),
        format!(
            "+++\ntitle = \"Huge\"\n+++\n{}",
            paragraph.repeat(20_000_000 / paragraph.len())
        ),
    )
    .unwrap();
    // Ten thousand lists, each inside the one before, on one line ("- - - - … deep").
    let nested = format!("{}deep\n", "- ".repeat(10_000));
    std::fs::write(
        pages.join("nested.md"),
        format!("+++\ntitle = \"Nested\"\n+++\n{nested}"),
    )
    .unwrap();
    std::fs::write(
        pages.join("line.md"),
        format!("+++\ntitle = \"Line\"\n+++\n{}\n", "word ".repeat(200_000)),
    )
    .unwrap();
    std::fs::write(pages.join("binary.md"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let output = run_build(dir.path(), &dir.path().join("site"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the file that is not UTF-8 fails the build"
    );
    assert!(
        stderr.contains("content/pages/binary.md") && stderr.contains("not saved as UTF-8"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    std::fs::remove_file(pages.join("binary.md")).unwrap();
    let output = run_build(dir.path(), &dir.path().join("site"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        std::fs::metadata(dir.path().join("site/huge.html"))
            .unwrap()
            .len()
            > 20_000_000
    );
}

#[test]
fn the_dev_server_holds_up_under_many_clients_and_rude_ones() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    let (_server, address) = start_server(dir.path());
    // Clients that leave mid-answer.
    for _ in 0..20 {
        let mut rude = TcpStream::connect(&address).unwrap();
        write!(rude, "GET /index.html HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
        drop(rude);
    }
    // 200 clients at once, each asking for a page and reading all of it.
    let clients: Vec<_> = (0..200)
        .map(|i| {
            let address = address.clone();
            std::thread::spawn(move || {
                let mut stream = TcpStream::connect(&address).unwrap();
                stream
                    .set_read_timeout(Some(std::time::Duration::from_secs(20)))
                    .unwrap();
                let path = if i % 2 == 0 {
                    "/index.html"
                } else {
                    "/%2e%2e/%2e%2e/etc/passwd"
                };
                write!(
                    stream,
                    "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
                )
                .unwrap();
                let mut response = String::new();
                stream.read_to_string(&mut response).unwrap();
                (i, response)
            })
        })
        .collect();
    for client in clients {
        let (i, response) = client.join().unwrap();
        if i % 2 == 0 {
            assert!(
                response.starts_with("HTTP/1.1 200"),
                "{}",
                &response[..response.len().min(80)]
            );
        } else {
            assert!(
                response.starts_with("HTTP/1.1 400"),
                "traversal refused: {}",
                &response[..response.len().min(80)]
            );
        }
    }
    let mut last = TcpStream::connect(&address).unwrap();
    write!(
        last,
        "GET / HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    last.read_to_string(&mut response).unwrap();
    assert!(
        response.starts_with("HTTP/1.1 200"),
        "still serving afterwards"
    );
}

#[test]
fn a_title_written_as_a_formula_opens_as_text_in_a_spreadsheet() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    let formula = "=HYPERLINK(\"https://example.org\",\"Click\")";
    let title = "title = \"Listening to families\"";
    let toml_formula = formula.replace('"', "\\\"");
    edit(
        dir.path(),
        "priorities/better-experience.toml",
        title,
        &format!("title = \"{toml_formula}\""),
    );
    let (_site, out) = build(dir.path());
    let csv = read(&out, "data/actions.csv");
    let mut rows = ::csv::Reader::from_reader(csv.as_bytes());
    let titles: Vec<String> = rows.records().map(|r| r.unwrap()[2].to_string()).collect();
    assert!(titles.contains(&format!("'{formula}")), "{titles:?}");
    assert!(!titles.contains(&formula.to_string()));
}

/// The value of the first CSS string in `css` after `after`, read as CSS Syntax 3 reads a string
/// token (§4.3.5); `None` if the string is broken by a raw line break or never ends.
fn css_string_after(css: &str, after: &str) -> Option<String> {
    let start = css.find(after)? + after.len();
    let mut chars = css[start..].trim_start().chars().peekable();
    let quote = chars.next().filter(|q| *q == '"' || *q == '\'')?;
    let mut value = String::new();
    while let Some(c) = chars.next() {
        match c {
            c if c == quote => return Some(value),
            '\n' | '\r' | '\u{c}' => return None,
            '\\' => {
                let mut hex = String::new();
                while hex.len() < 6 && chars.peek().is_some_and(|h| h.is_ascii_hexdigit()) {
                    hex.extend(chars.next());
                }
                if hex.is_empty() {
                    value.extend(chars.next());
                    continue;
                }
                if chars.peek().is_some_and(|w| w.is_whitespace()) {
                    chars.next();
                }
                let code = u32::from_str_radix(&hex, 16).unwrap();
                value.push(
                    char::from_u32(code)
                        .filter(|c| *c != '\0')
                        .unwrap_or('\u{fffd}'),
                );
            }
            c => value.push(c),
        }
    }
    None
}

#[test]
fn control_characters_in_a_title_stay_inside_the_print_css_string_and_the_xml_parses() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    // As a TOML basic string writes them: a carriage return, a line break, a quote, a backslash,
    // a closing style tag, and controls that XML 1.0 cannot hold.
    let toml_title = r#"Maternity\rImprovement \"Plan\" \\ </style>\n\u0001\u001b[2J end"#;
    let title = "Maternity\rImprovement \"Plan\" \\ </style>\n\u{1}\u{1b}[2J end";
    edit(
        dir.path(),
        "plan.toml",
        "title = \"Maternity Improvement Plan\"",
        &format!("title = \"{toml_title}\""),
    );
    edit(
        dir.path(),
        "updates/2024-01-20-january.md",
        "title = \"January 2024 update\"",
        &format!("title = \"January\\u0002 {toml_title}\""),
    );
    let (_site, out) = build(dir.path());
    let css = read(&out, "print.css");
    assert_eq!(
        css_string_after(&css, "@top-left { content:").as_deref(),
        Some(title),
        "the running header is one CSS string holding the whole title:\n{css}"
    );
    assert!(!css.contains("</style>"), "{css}");
    for xml in ["sitemap.xml", "feed.xml"] {
        let text = read(&out, xml);
        if let Err(e) = roxmltree::Document::parse(&text) {
            panic!("{xml} does not parse: {e}\n{text}");
        }
    }
    let feed = read(&out, "feed.xml");
    assert!(feed.contains("January\u{fffd} Maternity"), "{feed}");
}

#[test]
fn an_id_or_file_name_too_long_for_a_file_name_stops_check_and_build_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    // 251 characters: it passed `check`, and `build` failed with "File name too long".
    let id = "feedback-".repeat(27) + "feedback";
    assert_eq!(id.len(), 251);
    edit(
        dir.path(),
        "priorities/better-experience.toml",
        "id = \"feedback\"",
        &format!("id = \"{id}\""),
    );
    let page = "about-".repeat(40) + "us";
    std::fs::write(
        dir.path().join(format!("content/pages/{page}.md")),
        "+++\ntitle = \"About us\"\n+++\nAbout us.\n",
    )
    .unwrap();
    let (checked, _, check_says) = run_in(dir.path(), &["check"]);
    let built = run_build(dir.path(), &dir.path().join("site"));
    let build_says = String::from_utf8_lossy(&built.stderr);
    assert!(!checked && !built.status.success());
    for said in [&check_says, build_says.as_ref()] {
        assert!(
            said.contains("error: the action id \"feedback-feedback-feedback-feedback-feed…\" is too long (251 characters)")
                && said.contains("content/priorities/better-experience.toml:6:6"),
            "{said}"
        );
        assert!(
            said.contains(&format!(
                "error: the file name \"{}…\" is too long (242 characters)",
                &page[..40]
            )) && said.contains(&format!("content/pages/{page}.md")),
            "{said}"
        );
        assert!(
            said.contains("use at most 100 characters, e.g. \"feedback-feedback"),
            "{said}"
        );
        assert!(!said.contains("File name too long"), "{said}");
    }
}

#[test]
fn html_nested_two_hundred_thousand_deep_stops_check_and_build_at_its_place_at_once() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    let deep = "<div>".repeat(200_000) + "deep" + &"</div>".repeat(200_000);
    std::fs::write(
        dir.path().join("content/pages/deep.md"),
        format!("+++\ntitle = \"Deep\"\n+++\n{deep}\n"),
    )
    .unwrap();
    let (checked, _, check_says) = run_in(dir.path(), &["check"]);
    assert!(!checked, "{check_says}");
    // Before, `build` took minutes here: the sanitiser's parser is quadratic in the depth.
    let built = run_build(dir.path(), &dir.path().join("site"));
    let build_says = String::from_utf8_lossy(&built.stderr);
    assert!(!built.status.success());
    for said in [&check_says, build_says.as_ref()] {
        assert!(
            said.contains("error: the HTML here is nested more than 100 elements deep")
                && said.contains("content/pages/deep.md:4:501"),
            "{}",
            &said[..said.len().min(2000)]
        );
    }
}

/// Whether text holds a byte a terminal would act on: ESC, BEL, a carriage return, or the C1
/// control U+009B (CSI on some terminals).
fn holds_terminal_controls(text: &[u8]) -> bool {
    text.iter().any(|b| matches!(b, 0x1b | 0x07 | b'\r'))
        || String::from_utf8_lossy(text).contains('\u{9b}')
}

#[test]
fn terminal_escapes_in_content_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    let escapes = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m";
    // As TOML escapes: in a label printed in the build's summary.
    edit(
        dir.path(),
        "plan.toml",
        "priorities = \"Objectives\"",
        "priorities = \"Objectives\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\"",
    );
    // As they are, in a page: on the line of a warning ("click here"), echoed under it.
    std::fs::write(
        dir.path().join("content/pages/escapes.md"),
        format!("+++\ntitle = \"Escapes\"\n+++\nRead [click here](how-we-work.md) {escapes}\r\n"),
    )
    .unwrap();
    let build = run_build(dir.path(), &dir.path().join("site"));
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let stdout = String::from_utf8_lossy(&build.stdout);
    assert!(stdout.contains("objectives\u{fffd}]0;pwned"), "{stdout}");
    assert!(!holds_terminal_controls(&build.stdout) && !holds_terminal_controls(&build.stderr));
    // `build` counts the warnings; `check` lists them, the line echoed, in colour or not.
    let root = dir.path().to_str().unwrap();
    let check = planpress(&["check", "--root", root]);
    assert!(!holds_terminal_controls(&check.stdout) && !holds_terminal_controls(&check.stderr));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(stderr.contains("escapes.md:4:6"), "{stderr}");
    let coloured = planpress(&["check", "--color", "always", "--root", root]);
    let stderr = String::from_utf8_lossy(&coloured.stderr);
    assert!(stderr.contains("\u{1b}["), "coloured: {stderr:?}");
    for raw in ["\u{1b}]0;pwned", "\u{1b}[2J", "\u{7}", "\u{9b}"] {
        assert!(!stderr.contains(raw), "{raw:?} in {stderr:?}");
    }
    // And in an error: an unknown status, the escapes in its message.
    edit(
        dir.path(),
        "priorities/safer-births.toml",
        "status = \"going-well\"",
        "status = \"\\u001b]0;pwned\\u0007\\u001b[2J\"",
    );
    let check = planpress(&["check", "--root", dir.path().to_str().unwrap()]);
    let build = run_build(dir.path(), &dir.path().join("site"));
    for output in [&check, &build] {
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("unknown status \"\u{fffd}]0;pwned"),
            "{stderr}"
        );
        for said in [&output.stdout, &output.stderr] {
            assert!(
                !holds_terminal_controls(said),
                "{}",
                String::from_utf8_lossy(said).escape_debug()
            );
        }
    }
}
