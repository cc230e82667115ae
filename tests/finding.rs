//! Finding an action area in two taps: the home page names every action area under its priority,
//! with its status in words, the search box is at the top of the home page, and the A to Z is in
//! every page's menu. And the not-found page works at whatever depth a host serves it.

mod common;
use common::*;

use std::path::Path;

/// The real plan's `base_url`, as content/plan.toml gives it.
const BASE_URL: &str = "https://example.nhs.uk/maternity-improvement-plan/";

#[path = "../benches/synthetic/corpus.rs"]
mod corpus;

/// Each action area the A to Z lists: its address, title and status, as the reader sees them.
fn a_to_z(out: &Path) -> Vec<(String, String, String)> {
    read(out, "a-z.html")
        .split("<li><a href=\"")
        .skip(1)
        .filter(|entry| entry.starts_with("actions/"))
        .map(|entry| {
            let (href, rest) = entry.split_once("\">").unwrap();
            let (title, rest) = rest.split_once("</a>").unwrap();
            let status = rest.split("</strong>").next().unwrap();
            (href.into(), visible_text(title), visible_text(status))
        })
        .collect()
}

#[test]
fn the_home_page_names_every_action_area_with_its_status_in_words() {
    // The progress fixture's action areas have several statuses after its updates.
    let (_dir, out) = build(&fixture("progress"));
    let home = read(&out, "index.html");
    let text = visible_text(&home);
    let listed = a_to_z(&out);
    assert!(listed.len() >= 4, "{listed:?}");
    let statuses: std::collections::BTreeSet<_> = listed.iter().map(|l| &l.2).collect();
    assert!(statuses.len() > 1, "{statuses:?}");
    for (href, title, status) in &listed {
        assert!(hrefs(&home).contains(href), "the home page links to {href}");
        assert!(
            text.contains(&format!("{title} {status}")),
            "the home page names {title:?} with its status {status:?}"
        );
    }
}

#[test]
fn the_real_plans_home_page_says_bereavement_and_searches_before_its_story() {
    let (_dir, out) = build(Path::new(env!("CARGO_MANIFEST_DIR")));
    let home = read(&out, "index.html");
    assert!(visible_text(&home).contains("Bereavement Care Not yet reported"));
    let search = home.find("id=\"search-input\"").expect("a search box");
    let first_section = home.find("<h2").unwrap();
    assert!(
        search < first_section,
        "the search box comes before the first section, on a phone's first screen"
    );
    let form = &home[home.find("<form id=\"search\"").unwrap()..];
    assert!(
        form.starts_with(
            "<form id=\"search\" class=\"search\" role=\"search\" action=\"a-z.html\""
        ),
        "without JavaScript the search leads to the A to Z"
    );
}

#[test]
fn a_plan_of_thousands_links_its_priorities_and_a_to_z_instead_of_naming_each() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("region");
    corpus::write_corpus(&project, 301, 3).unwrap();
    let (_site, out) = build(&project);
    let home = read(&out, "index.html");
    assert!(!home.contains("class=\"areas\""), "no list of action areas");
    let named = hrefs(&home)
        .iter()
        .filter(|h| h.starts_with("actions/"))
        .count();
    assert!(named < 20, "{named} action areas named on the home page");
    assert!(hrefs(&home).iter().any(|h| h == "a-z.html"));
    assert!(hrefs(&home).iter().any(|h| h.starts_with("priorities/")));
}

#[test]
fn every_pages_menu_has_the_a_to_z() {
    let (_dir, out) = build(&fixture("progress"));
    let menu = |page: &str| {
        let html = read(&out, page);
        let start = html.find("<nav class=\"site-nav\"").unwrap();
        let end = start + html[start..].find("</nav>").unwrap();
        html[start..end].to_string()
    };
    assert!(menu("index.html").contains("<a href=\"a-z.html\">A to Z</a>"));
    assert!(menu("a-z.html").contains("<a href=\"a-z.html\" aria-current=\"page\">A to Z</a>"));
    let action = a_to_z(&out)[0].0.clone();
    assert!(menu(&action).contains("<a href=\"../a-z.html\">A to Z</a>"));
}

#[test]
fn the_not_found_page_links_by_the_sites_whole_address_so_it_works_at_any_depth() {
    let (_dir, out) = build(Path::new(env!("CARGO_MANIFEST_DIR")));
    let page = read(&out, "404.html");
    assert!(
        page.contains("<style>:root {") && page.contains("style-src 'self' 'sha256-"),
        "the page carries its stylesheet, allowed by its hash"
    );
    assert!(!page.contains("href=\"style.css\""));
    assert!(page.contains(&format!("<script src=\"{BASE_URL}search.js\" defer>")));
    assert!(page.contains(&format!("action=\"{BASE_URL}a-z.html\"")));
    let links = hrefs(&page);
    assert!(
        links.contains(&format!("{BASE_URL}index.html")),
        "{links:?}"
    );
    for link in links.iter().filter(|l| !l.starts_with('#')) {
        let local = link
            .strip_prefix(BASE_URL)
            .unwrap_or_else(|| panic!("{link} is not rooted at base_url"));
        let file = local.split('#').next().unwrap();
        assert!(
            out.join(file).is_file(),
            "{link} leads to a page the site has"
        );
    }
}

#[test]
fn without_base_url_the_not_found_page_links_from_the_top_and_check_says_so() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    edit(
        dir.path(),
        "plan.toml",
        "base_url = \"https://maternity.eastmere.example/plan/\"\n",
        "",
    );
    let out = dir.path().join("site");
    let output = run_build(dir.path(), &out);
    assert!(output.status.success());
    let page = read(&out, "404.html");
    assert!(
        page.contains("<style>:root {"),
        "styled at any depth all the same"
    );
    assert!(hrefs(&page).contains(&"index.html".to_string()));
    // The build counts it among the warnings; `check` says it.
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("3 warnings: run `planpress check`"),
        "{stderr}"
    );
    let (_, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(
        stderr.contains("not-found page (404.html) works only at the top of the site"),
        "{stderr}"
    );
}
