//! Light pages for families on phones: every page of the real plan, with the stylesheets and
//! scripts it loads, stays within 100 KB uncompressed, loads no web fonts, blocks on no script,
//! and gives every image its size.

mod common;
use common::*;

use std::path::Path;

const BUDGET: usize = 100 * 1024;

/// The real plan's `base_url`, as content/plan.toml gives it.
const BASE_URL: &str = "https://example.nhs.uk/maternity-improvement-plan/";

/// The local stylesheets and scripts a page loads, by their address in the page.
fn loads(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in html
        .split('<')
        .filter(|t| t.starts_with("link ") || t.starts_with("script "))
    {
        let attribute = if tag.starts_with("link ") {
            "href=\""
        } else {
            "src=\""
        };
        if tag.starts_with("link ") && !tag.contains("stylesheet") {
            continue;
        }
        if let Some(address) = tag
            .split(attribute)
            .nth(1)
            .and_then(|r| r.split('"').next())
        {
            found.push(address.to_string());
        }
    }
    found
}

#[test]
fn every_page_of_the_real_plan_is_light() {
    let (_dir, out) = build(Path::new(env!("CARGO_MANIFEST_DIR")));
    let mut heaviest = (0, String::new());
    for (path, bytes) in tree(&out) {
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let folder = out.join(path.parent().unwrap());
        let mut total = html.len();
        for address in loads(&html) {
            // The not-found page loads by the site's whole address, from any depth.
            let file = match address.strip_prefix(BASE_URL) {
                Some(local) => out.join(local),
                None => folder.join(&address),
            };
            let text = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: {address}: {e}", path.display()));
            assert!(!text.contains("@font-face"), "{address} loads a web font");
            total += text.len();
        }
        assert!(
            total <= BUDGET,
            "{} weighs {} KB with what it loads",
            path.display(),
            total / 1024
        );
        if total > heaviest.0 {
            heaviest = (total, path.display().to_string());
        }
        for script in html.split("<script").skip(1) {
            let tag = script.split('>').next().unwrap();
            assert!(
                tag.contains("defer") || tag.contains("async") || tag.contains("module"),
                "{}: a script blocks rendering",
                path.display()
            );
        }
        for image in html.split("<img").skip(1) {
            let tag = image.split('>').next().unwrap();
            assert!(
                tag.contains("width=") && tag.contains("height="),
                "{}: an image without its size",
                path.display()
            );
        }
        assert!(
            !html.contains("fonts.googleapis")
                && !html.contains("<link rel=\"preload\" as=\"font\""),
            "{}",
            path.display()
        );
    }
    eprintln!("heaviest page: {} at {} KB", heaviest.1, heaviest.0 / 1024);
}
