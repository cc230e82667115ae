//! Links between content files go by one rule, which `check` and `build` share: every link `check`
//! accepts reaches a file of the built site, from every page it is shown on, and a link `check`
//! refuses stops `build` too, at the same place.

mod common;
use common::*;

use std::path::{Component, Path, PathBuf};

/// Every local address (`href` and `src`) in the site's pages: (the page, the address).
fn local_addresses(site: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(site).into_iter().flatten() {
        let page = entry.path();
        if page.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(page).unwrap();
        for attribute in [" href=\"", " src=\""] {
            for (at, _) in html.match_indices(attribute) {
                let value = &html[at + attribute.len()..];
                let value = &value[..value.find('"').unwrap()];
                let outside = value.starts_with("//")
                    || value
                        .split_once(':')
                        .is_some_and(|(scheme, _)| !scheme.contains('/'));
                if !(outside || value.is_empty() || value.starts_with('#')) {
                    let page = page.strip_prefix(site).unwrap().to_path_buf();
                    found.push((page, value.replace("&amp;", "&")));
                }
            }
        }
    }
    found
}

/// The file an address on `page` names, if it stays inside the site.
fn reached(site: &Path, page: &Path, address: &str) -> Option<PathBuf> {
    let path = &address[..address.find(['?', '#']).unwrap_or(address.len())];
    let mut inside = PathBuf::new();
    for part in page.parent().unwrap().join(path).components() {
        match part {
            Component::ParentDir if !inside.pop() => return None,
            Component::Normal(part) => inside.push(part),
            _ => {}
        }
    }
    let file = site.join(inside);
    Some(if file.is_dir() {
        file.join("index.html")
    } else {
        file
    })
}

/// Checks the project at `root`, builds it, and says which local addresses lead nowhere.
fn dead_links(root: &Path) -> Vec<String> {
    let (checked, _, problems) = run_in(root, &["check"]);
    assert!(checked, "check refused {}:\n{problems}", root.display());
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let built = run_build(root, &site);
    assert!(built.status.success(), "{built:?}");
    let mut dead = Vec::new();
    for (page, address) in local_addresses(&site) {
        match reached(&site, &page, &address) {
            None => dead.push(format!(
                "{}: {address} is above the site root",
                page.display()
            )),
            Some(file) if !file.is_file() => {
                dead.push(format!("{}: {address} is not a file", page.display()));
            }
            Some(_) => {}
        }
    }
    dead
}

/// Every fixture that builds, and the real plan. Links written as raw HTML go by the same rule
/// (the `links` fixture has some; `hostile` has raw HTML of every kind). The `links` fixture links from
/// an SRO's summary, which shows both on the owners' page at the top of the site and on the
/// SRO's own page one folder down.
#[test]
fn every_link_check_accepts_reaches_a_file_of_the_built_site() {
    let real_plan = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    let names = [
        "links",
        "hostile",
        "custom-labels",
        "progress",
        "theme-extends",
        "welsh",
    ];
    for root in names.map(fixture).into_iter().chain([real_plan]) {
        let dead = dead_links(&root);
        assert!(dead.is_empty(), "{}:\n{}", root.display(), dead.join("\n"));
    }
}

#[test]
fn content_links_are_written_for_the_page_they_are_shown_on() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    assert!(run_build(&fixture("links"), &site).status.success());
    let page = |path: &str| std::fs::read_to_string(site.join(path)).unwrap();
    // A page at the top of the site, and the same body in the print edition one folder down,
    // where its heading ids and the links to them take the page's prefix.
    let why = page("why.html");
    assert!(why.contains(r#"href="priorities/1-safety.html""#), "{why}");
    assert!(why.contains(r#"src="files/triage-room.png""#), "{why}");
    assert!(why.contains(r##"href="#what-families-told-us""##), "{why}");
    let print = page("print/index.html");
    assert!(
        print.contains(r#"id="page-why-what-families-told-us""#),
        "{print}"
    );
    assert!(
        print.contains(r##"href="#page-why-what-families-told-us""##),
        "{print}"
    );
    assert!(
        print.contains(r#"src="../files/triage-room.png""#),
        "{print}"
    );
    // A bullet and a note of an action area, on its page one folder down.
    let action = page("actions/triage.html");
    for address in [
        r#"href="../index.html""#,
        r#"href="../files/triage-guide.pdf""#,
        r#"href="../why.html#what-families-told-us""#,
        r#"href="../files/booking.csv""#,
        r#"src="../files/triage-room.png""#,
    ] {
        assert!(action.contains(address), "{address} in {action}");
    }
    // The plan's introduction on the home page.
    let home = page("index.html");
    assert!(home.contains(r#"href="files/audit.pdf""#), "{home}");
    assert!(site.join("files/audit.pdf").is_file());
}

/// Each error said: (its place, its message).
fn errors(said: &str) -> Vec<(String, String)> {
    said.split("\n\n")
        .filter_map(|block| {
            let message = block.lines().next()?.strip_prefix("error: ")?;
            let place = block.split("┌─ ").nth(1)?.lines().next()?;
            Some((place.to_string(), message.to_string()))
        })
        .collect()
}

#[test]
fn a_link_to_a_file_that_is_not_on_the_site_stops_check_and_build_at_its_place() {
    let root = fixture("broken-links");
    let (checked, _, check_says) = run_in(&root, &["check"]);
    let out = tempfile::tempdir().unwrap();
    let built = run_build(&root, &out.path().join("site"));
    let build_says = String::from_utf8_lossy(&built.stderr);
    assert!(!checked && !built.status.success());
    assert!(!out.path().join("site").exists(), "nothing is written");
    let expected: Vec<(String, String)> = [
        ("content/pages/about.md:4:5", "content/measures/booking.csv"),
        (
            "content/pages/about.md:6:6",
            "content/registers/national.toml",
        ),
        (
            "content/pages/about.md:6:58",
            "content/updates/2024-01-15-january.md",
        ),
        (
            "content/priorities/1-safety.toml:10:34",
            "content/measures/booking.csv",
        ),
    ]
    .map(|(place, file)| {
        let message = format!("this links to {file}, which is not published");
        (place.to_string(), message)
    })
    .into();
    assert_eq!(errors(&check_says), expected, "{check_says}");
    assert_eq!(errors(&build_says), expected, "{build_says}");
    assert!(
        check_says.contains("hint: files to publish as they are go in content/files/"),
        "{check_says}"
    );
}

#[test]
fn links_and_images_written_as_html_go_by_the_link_rule_like_markdown_ones() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    assert!(run_build(&fixture("links"), &site).status.success());
    let page = |path: &str| std::fs::read_to_string(site.join(path)).unwrap();
    let why = page("why.html");
    assert!(why.contains(r#"<a href="files/audit.pdf?v=2""#), "{why}");
    assert!(
        why.contains(r##"<a href="#what-families-told-us""##),
        "{why}"
    );
    let print = page("print/index.html");
    for address in [
        r#"<a href="../files/audit.pdf?v=2""#,
        r##"<a href="#page-why-what-families-told-us""##,
        r#"<img src="../files/triage-room.png" alt="The triage room again">"#,
    ] {
        assert!(print.contains(address), "{address} in {print}");
    }
}

#[test]
fn a_link_written_as_html_that_leaves_content_or_leads_nowhere_stops_check_and_build_at_its_place()
{
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("links", dir.path());
    let page = "+++\ntitle = \"Raw\"\n+++\n<a href=\"../../etc/passwd\">secrets</a> and <a href='missing.md'>gone</a>\n\n<div>\n<img\n  src=\"&#46;&#46;/&#46;&#46;/&#46;&#46;/etc/hosts\" alt=\"hosts\">\n</div>\n";
    std::fs::write(dir.path().join("content/pages/raw.md"), page).unwrap();
    let (checked, _, check_says) = run_in(dir.path(), &["check"]);
    let built = run_build(dir.path(), &dir.path().join("site"));
    let build_says = String::from_utf8_lossy(&built.stderr);
    assert!(!checked && !built.status.success());
    let expected: Vec<(String, String)> = [
        (
            "content/pages/raw.md:4:10",
            "the link \"../../etc/passwd\" leads out of the content folder",
        ),
        (
            "content/pages/raw.md:4:53",
            "this links to content/pages/missing.md, which does not exist",
        ),
        (
            "content/pages/raw.md:8:8",
            "the link \"../../../etc/hosts\" leads out of the content folder",
        ),
    ]
    .map(|(place, message)| (place.to_string(), message.to_string()))
    .into();
    assert_eq!(errors(&check_says), expected, "{check_says}");
    assert_eq!(errors(&build_says), expected, "{build_says}");
}
