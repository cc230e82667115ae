//! Trust signals: an accessibility statement after the GOV.UK model statement, the service's
//! contact details (from `plan.toml`, never made up) in every page's footer, a banner once the
//! plan period has ended and the next update's date, and a favicon and Open Graph tags of the
//! site's own. Every date comes from the content: the build never reads the clock.

mod common;
use common::*;

use std::path::{Path, PathBuf};

/// Every HTML page of a built site, by its path under the site's root.
fn pages(out: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let path = e.path().strip_prefix(out).unwrap();
            let path = path.to_string_lossy().replace('\\', "/");
            (path, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// The footer's text, as a reader reads it.
fn footer(html: &str) -> String {
    let start = html.find("<footer").expect("a footer");
    visible_text(&html[start..])
}

/// The progress fixture, copied so a test may edit it.
fn progress() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("project");
    copy_fixture("progress", &root);
    (dir, root)
}

const CONTACT: &str = "
[contact]
email = \"maternity.plan@eastmere.example\"
phone = \"01234 567890\"
response_days = 5

[accessibility]
prepared = 2024-04-02
reviewed = 2024-06-15
known_issues = [\"The timeline chart has no text equivalent yet.\"]
";

#[test]
fn the_accessibility_statement_has_every_part_of_the_model_statement() {
    let (_dir, out) = build(&fixture("progress"));
    let text = says(&out, "accessibility.html");
    for part in [
        "Accessibility statement",
        "How accessible this website is",
        "We do not know of any part of this website that is not accessible.",
        "Feedback and contact information",
        "Other formats",
        "Enforcement procedure",
        "Equality and Human Rights Commission (EHRC)",
        "Equality Advisory and Support Service (EASS)",
        "Technical information about this website",
        "Compliance status",
        "fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard",
        "Non-accessible content None known.",
        "How we tested this website",
        // Neither date is given: both are the report date, never the day of the build.
        "This statement was prepared on 30 June 2024. It was last reviewed on 30 June 2024.",
    ] {
        assert!(text.contains(part), "«{part}» missing from: {text}");
    }
    let html = read(&out, "accessibility.html");
    assert!(
        html.contains(r#"<a href="print/index.html">"#),
        "print edition offered"
    );
    assert!(html.contains(r#"<a href="https://www.equalityadvisoryservice.com/">"#));
}

#[test]
fn without_contact_details_the_pages_say_so_and_make_none_up() {
    let (_dir, out) = build(&fixture("progress"));
    let text = says(&out, "accessibility.html");
    for missing in [
        "The organisation has not given an email address for this website.",
        "The organisation has not given a telephone number for this website.",
        "The organisation has not given a postal address for this website.",
        "The organisation has not said how soon it replies.",
    ] {
        assert!(text.contains(missing), "«{missing}» missing from: {text}");
    }
    for (page, html) in pages(&out) {
        says_no_contact_is_given(&page, &html);
        assert!(
            !html.contains("mailto:") && !html.contains("tel:"),
            "{page}"
        );
    }
}

/// The page's footer says plainly that the organisation has given no contact details.
fn says_no_contact_is_given(page: &str, html: &str) {
    let footer = footer(html);
    assert!(
        footer.contains("has not yet given contact details"),
        "{page}: {footer}"
    );
}

#[test]
fn contact_details_from_plan_toml_are_in_every_footer_and_the_statement() {
    let (_dir, root) = progress();
    append(&root, "plan.toml", CONTACT);
    let (_site, out) = build(&root);
    let all = pages(&out);
    assert!(all.len() > 30, "{} pages", all.len());
    for (page, html) in &all {
        let footer = footer(html);
        assert!(
            footer.contains("Email: maternity.plan@eastmere.example")
                && footer.contains("Phone: 01234 567890")
                && footer.contains("Accessibility statement"),
            "{page}: {footer}"
        );
        assert!(!footer.contains("Post:"), "{page}: no address was given");
        assert!(html.contains(r#"href="mailto:maternity.plan@eastmere.example""#));
        assert!(html.contains(r#"href="tel:01234567890""#), "{page}");
    }
    let nested = read(&out, "actions/bereavement.html");
    assert!(nested.contains(r#"<a href="../accessibility.html">Accessibility statement</a>"#));
    let text = says(&out, "accessibility.html");
    for part in [
        "Email: maternity.plan@eastmere.example",
        "Phone: 01234 567890",
        "The organisation has not given a postal address for this website.",
        "get back to you within 5 working days.",
        "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA",
        "Non-accessible content The timeline chart has no text equivalent yet.",
        "prepared on 2 April 2024. It was last reviewed on 15 June 2024.",
    ] {
        assert!(text.contains(part), "«{part}» missing from: {text}");
    }
}

#[test]
fn a_banner_says_when_the_plan_period_has_ended_and_when_the_next_update_is_due() {
    // The fixture reports inside its period (to 31 March 2025) and sets no review cycle.
    let (_dir, out) = build(&fixture("progress"));
    for (page, html) in pages(&out) {
        assert!(
            !html.contains(r#"class="notice-banner""#),
            "{page}: no banner yet"
        );
    }
    let (_dir, root) = progress();
    edit(
        &root,
        "plan.toml",
        "as_of = 2024-06-30",
        "as_of = 2025-05-31\nreview_every_months = 3",
    );
    let (_site, out) = build(&root);
    for (page, html) in pages(&out) {
        let text = visible_text(&html);
        assert!(
            text.contains("The period this plan covers ended on 31 March 2025."),
            "{page}: {text}"
        );
        assert!(
            text.contains("The next update is due by 31 August 2025."),
            "{page}: {text}"
        );
    }
}

#[test]
fn every_page_has_a_favicon_and_open_graph_tags_of_its_own_and_fetches_nothing_elsewhere() {
    let (_dir, out) = build(&fixture("progress"));
    let icon = read(&out, "favicon.svg");
    assert!(icon.starts_with("<svg") && !icon.contains("href"), "{icon}");
    let base = "https://maternity.eastmere.example/plan/";
    for (page, html) in pages(&out) {
        let head = &html[..html.find("</head>").unwrap()];
        let title = head
            .split("<title>")
            .nth(1)
            .unwrap()
            .split("</title>")
            .next()
            .unwrap();
        assert!(
            head.contains(&format!(r#"<meta property="og:title" content="{title}">"#)),
            "{page}: {head}"
        );
        assert!(
            head.contains(r#"<meta property="og:description" content=""#),
            "{page}"
        );
        assert!(
            head.contains(r#"<meta property="og:type" content="website">"#),
            "{page}"
        );
        assert!(
            head.contains(&format!(
                r#"<meta property="og:url" content="{base}{page}">"#
            )),
            "{page}: {head}"
        );
        // The not-found page may be served at any depth, so it links by the site's whole address.
        let root = match page.as_str() {
            "404.html" => base.to_string(),
            _ => "../".repeat(page.matches('/').count()),
        };
        assert!(
            head.contains(&format!(r#"<link rel="icon" href="{root}favicon.svg""#)),
            "{page}"
        );
        assert!(
            !head.contains("og:image"),
            "{page}: the theme ships no image"
        );
        for link in hrefs(head) {
            let own = link.starts_with(base);
            assert!(
                own || (!link.starts_with("http") && !link.starts_with("//")),
                "{page}: {link}"
            );
        }
        assert!(!head.contains("src=\"http"), "{page}");
    }
}

#[test]
fn without_a_base_url_there_is_no_og_url() {
    let (_dir, root) = progress();
    edit(
        &root,
        "plan.toml",
        "base_url = \"https://maternity.eastmere.example/plan/\"",
        "",
    );
    let (_site, out) = build(&root);
    for (page, html) in pages(&out) {
        assert!(!html.contains("og:url"), "{page}");
        assert!(html.contains("og:title"), "{page}");
    }
}

#[test]
fn the_real_plans_statement_and_footer_give_no_contact_it_does_not_state_and_say_its_period_ended()
{
    // The source documents give no contact for the site, so none is set in content/plan.toml.
    let (_dir, out) = build(Path::new(env!("CARGO_MANIFEST_DIR")));
    let text = says(&out, "accessibility.html");
    for part in [
        "This website is run by James Paget University Hospitals NHS Foundation Trust.",
        "About this website",
        "Your privacy",
        "The organisation has not given an email address for this website.",
        "Enforcement procedure",
        "Compliance status",
        "This statement was prepared on 22 November 2026.",
    ] {
        assert!(text.contains(part), "«{part}» missing from: {text}");
    }
    for (page, html) in pages(&out) {
        says_no_contact_is_given(&page, &html);
        assert!(
            visible_text(&html).contains("The period this plan covers ended on 31 March 2024."),
            "{page}"
        );
    }
    assert_eq!(
        pages(&out)
            .iter()
            .filter(|(_, html)| html.contains("<h1>Accessibility statement</h1>"))
            .count(),
        1,
        "one statement, at accessibility.html"
    );
}
