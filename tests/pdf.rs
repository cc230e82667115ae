//! `planpress pdf`: the whole report printed by Chromium is an A4 PDF with the report's title and
//! every action area in it. Skipped, saying so, only where Chromium or poppler is not installed;
//! CI installs both, and there a missing tool fails the test instead.

mod common;
use common::*;

use std::process::Command;

fn installed(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

/// `planpress pdf` of the progress fixture, in a scratch folder; `None` (saying so) where
/// Chromium or poppler is not installed.
fn printed() -> Option<(tempfile::TempDir, std::path::PathBuf)> {
    if planpress::pdf::find_chromium(None).is_err() || !installed("pdfinfo") {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Chromium and poppler-utils (../shared/tools/install-tools.sh)"
        );
        eprintln!("SKIPPED: Chromium or pdfinfo is not installed here; run ../shared/tools/install-tools.sh");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    let root = fixture("progress");
    let output = planpress(&[
        "pdf",
        "--root",
        root.to_str().unwrap(),
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some((dir, pdf))
}

/// The text of page `page` of `pdf`, laid out as printed.
fn page_text(pdf: &std::path::Path, page: usize) -> String {
    let page = page.to_string();
    let output = Command::new("pdftotext")
        .args(["-layout", "-f", &page, "-l", &page])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_whole_report_prints_to_an_a4_pdf_with_every_action_area() {
    let Some((_dir, pdf)) = printed() else { return };

    let info =
        String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    assert!(info.contains("(A4)"), "{info}");
    assert!(
        info.lines().any(|l| l.starts_with("Title:")
            && l.contains("Maternity Improvement Plan: the whole report")),
        "{info}"
    );
    let text = String::from_utf8(
        Command::new("pdftotext")
            .args([pdf.to_str().unwrap(), "-"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let text = fold(&text);
    for title in [
        "Maternity triage",
        "Fetal monitoring",
        "Bereavement care",
        "Leaflets in other languages",
    ] {
        assert!(text.contains(title), "«{title}» missing from the PDF");
    }
    assert!(text.contains("Page 1 of"), "page numbers in the footer");
}

#[test]
fn the_contents_page_gives_the_page_each_part_starts_on() {
    let Some((_dir, pdf)) = printed() else { return };
    let contents = page_text(&pdf, 2);
    assert!(contents.contains("Contents"), "{contents}");
    let mut numbered = 0;
    for (title, heading) in [
        ("Our vision", "Our vision"),
        ("Priority 1: Safer care", "Safer care"),
        ("Priority 2: Support for families", "Support for families"),
        ("Key risks", "Key risks"),
        ("Timeline", "Timeline"),
    ] {
        let line = contents
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title} in the contents: {contents}"));
        let page: usize = line
            .split_whitespace()
            .last()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("a page number ends «{line}»"));
        let text = page_text(&pdf, page);
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(heading)),
            "«{heading}» begins a line of page {page}: {text}"
        );
        numbered += 1;
    }
    assert_eq!(numbered, 5);
    assert!(
        !contents.contains(" 000"),
        "no stand-in is left: {contents}"
    );
}

#[test]
fn without_chromium_the_error_says_what_to_install() {
    let root = fixture("progress");
    let output = planpress(&[
        "pdf",
        "--root",
        root.to_str().unwrap(),
        "--chromium",
        "/no/such/chromium",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("there is no Chromium at /no/such/chromium"));
}

#[test]
fn the_print_edition_has_a_cover_contents_and_every_part() {
    let (_dir, out) = build(&fixture("progress"));
    let html = read(&out, "print/index.html");
    let text = visible_text(&html);
    let cover = text
        .find("Maternity Improvement Plan Progress report as at 30 June 2024")
        .expect(&text);
    let contents = text.find("Contents Our vision Progress at a glance Priority 1: Safer care Priority 2: Support for families SROs Measures Key risks").expect(&text);
    assert!(cover < contents);
    for part in [
        "<h2 id=\"priority-1-safety\">",
        "<h2 id=\"owners\">",
        "<h2 id=\"measures\">",
        "<h2 id=\"risks\">",
        "<h2 id=\"timeline\">",
    ] {
        assert!(html.contains(part), "{part}");
    }
    assert!(
        text.contains("1.1 Maternity triage Status: At risk Overdue"),
        "{text}"
    );
    let css = read(&out, "print.css");
    assert!(
        css.contains("@top-left { content: \"Maternity Improvement Plan\""),
        "{css}"
    );
    assert!(css.contains("counter(page)"), "{css}");
    let style = read(&out, "style.css");
    assert!(
        style.contains(".part--chapter { break-before: page;"),
        "each priority starts a new page"
    );
}

#[test]
fn the_print_edition_holds_every_priority_once_in_order_and_code_as_written() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let html = read(&out, "print/index.html");
    let main = &html[html.find("<main").unwrap()..html.find("</main>").expect(&html)];
    let first = main.find(r#"<h2 id="priority-safer-births">"#);
    let second = main.find(r#"<h2 id="priority-better-experience">"#);
    assert!(
        first.is_some() && first < second,
        "in order, inside the page"
    );
    let parts = |html: &str| html.matches(r#"<section class="part"#).count();
    assert_eq!(
        parts(main),
        parts(&html),
        "every part is inside the page's main"
    );
    assert_eq!(html.matches("<h2 id=\"priority-").count(), 2, "each once");
    // A code block on a page of the plan keeps its lines exactly as on the page itself.
    let code = |page: &str| {
        let at = page.find("<pre").expect("a code block");
        page[at..at + page[at..].find("</pre>").unwrap()].to_string()
    };
    assert!(html.contains(&code(&read(&out, "how-we-work.html"))));
    // So does an action area's notes, which print with the action area.
    assert!(html.contains(&code(&read(&out, "actions/fetal-monitoring.html"))));
}

#[test]
fn a_theme_whose_print_edition_leaves_out_the_priorities_is_an_error_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("theme-extends", dir.path());
    let print = dir.path().join("themes/riverside/templates/print.html");
    std::fs::write(
        &print,
        "{% extends \"default/print.html\" %}\n{% block content %}<h1>Our report</h1>{% endblock content %}\n",
    )
    .unwrap();
    for command in ["check", "build"] {
        let (ok, _, stderr) = run_in(dir.path(), &[command]);
        assert!(!ok, "{command} fails");
        assert!(
            stderr.contains("themes/riverside/templates/print.html")
                && stderr.contains("never shows the priorities")
                && stderr.contains("{% for part in priority_parts %}"),
            "{command}: {stderr}"
        );
    }
}

/// The section of `html` from `start` to the first `end` after it.
fn between<'h>(html: &'h str, start: &str, end: &str) -> &'h str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("{start} in {html}"));
    let rest = &html[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

#[test]
fn the_print_edition_names_and_glossary_are_as_written_each_term_once() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("partnership", dir.path());
    edit(
        dir.path(),
        "plan.toml",
        "organisation = \"Northmoor Local Maternity and Neonatal System\"",
        "organisation = \"Northmoor NHS Maternity System\"",
    );
    edit(
        dir.path(),
        "owners.toml",
        "\"Director of Midwifery at Northmoor Hospitals\"",
        "\"Director of Midwifery at Northmoor NHS Hospitals\"",
    );
    append(
        dir.path(),
        "glossary.toml",
        "\n[[terms]]\nterm = \"NHS\"\nexpansion = \"National Health Service\"\n\
         meaning = \"The publicly funded health service. Its MVP groups listen to families.\"\n",
    );
    let (_site, out) = build(dir.path());
    let html = read(&out, "print/index.html");

    let cover = between(&html, "<section class=\"cover\"", "</section>");
    assert!(
        visible_text(cover)
            .contains("Northmoor NHS Maternity System Maternity Transformation Plan"),
        "{cover}"
    );
    assert!(!cover.contains("National Health Service"), "{cover}");
    let owners = between(&html, "<h2 id=\"owners\"", "</section>");
    assert!(
        owners.contains("Director of Midwifery at Northmoor NHS Hospitals")
            && !owners.contains("National Health Service"),
        "{owners}"
    );

    let list = between(&html, "<dl class=\"glossary\">", "</dl>");
    assert!(
        !list.contains("<abbr"),
        "nothing spelt out inside the glossary: {list}"
    );
    let text = visible_text(list);
    for (term, expansion) in [
        ("NHS", "National Health Service"),
        ("MVP", "Maternity Voices Partnership"),
        ("WTE", "whole-time equivalent"),
    ] {
        assert_eq!(
            list.matches(&format!("<dt>{term}</dt>")).count(),
            1,
            "{term} once: {list}"
        );
        assert_eq!(
            text.matches(expansion).count(),
            1,
            "{expansion} once: {text}"
        );
    }
    assert!(
        text.contains("National Health Service: The publicly funded health service. Its MVP groups listen to families."),
        "the meaning in plain words beside the expansion: {text}"
    );
}
