//! A trust that says "Objective" and "Chair", with its own statuses, due dates, leads and a theme
//! that overrides one template: built end to end, checked on the HTML a reader gets.

mod common;
use common::*;

#[test]
fn the_trusts_own_words_are_used_on_every_page() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let home = visible_text(&read(&out, "index.html"));
    assert!(home.contains("Objective 1: Safer births"), "{home}");
    assert!(
        home.contains("Objective chair (Chair) Chair of the Quality Committee"),
        "{home}"
    );
    assert!(
        !home.contains("Priority"),
        "no default label leaks through: {home}"
    );

    let action = visible_text(&read(&out, "actions/fetal-monitoring.html"));
    for heading in ["Our aim", "Our steps", "For you and your baby"] {
        assert!(action.contains(heading), "{heading} missing: {action}");
    }
    assert!(action.contains("Activity 1.1 Fetal monitoring"), "{action}");
}

#[test]
fn the_open_data_page_describes_the_fields_in_the_trusts_words() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let page = read(&out, "data.html");
    let actions = visible_text(element(&page, r#"id="fields-actions""#, "</table>"));
    for described in [
        "title The activity's title.",
        "priority_id The id of the objective it belongs to.",
        "sro_id Who is accountable for it (objective chair), by id: the owners the plan names for it, or else its objective's.",
        "achieve What the trust expects to achieve, headed “Our aim” on its page",
    ] {
        assert!(actions.contains(described), "{described}: {actions}");
    }
    // Field names are the files' stable column names; only the descriptions take the words.
    let descriptions = visible_text(&page.replace("<code>priority_", "<code>"));
    for default in ["action area", "priority", "senior responsible owner"] {
        assert!(
            !descriptions.to_lowercase().contains(default),
            "{default}: {descriptions}"
        );
    }
}

#[test]
fn counts_take_the_trusts_own_plural_and_the_singular_for_one() {
    // "Activity" and the national register's "Policy" do not make their plural with an "s".
    let (_dir, out) = build(&fixture("custom-labels"));
    let page = |path: &str| visible_text(&read(&out, path));

    let home = page("index.html");
    assert!(
        home.contains("The plan has 4 activities across 2 objectives."),
        "{home}"
    );
    let chair = page("sros/chair-of-quality.html");
    assert!(chair.contains("accountable for 2 activities"), "{chair}");
    let behind = page("status/behind.html");
    assert!(behind.contains("1 activity, as at"), "{behind}");

    let national = page("registers/national.html");
    assert!(national.contains("Showing 2 policies."), "{national}");
    assert!(
        national.contains("1 of the 1 policy for trusts"),
        "{national}"
    );
    assert!(
        page("recommendations.html").contains("2 policies."),
        "a register's own plural"
    );
    let cqc = page("registers/cqc.html");
    assert!(
        cqc.contains("Showing 4 requirements."),
        "a register without a plural adds an s: {cqc}"
    );

    for (path, bytes) in tree(&out) {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for wrong in ["activitys", "policys"] {
            assert!(!text.contains(wrong), "{}: {wrong}", path.display());
        }
    }
}

#[test]
fn statuses_are_words_with_colour_as_a_second_signal() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let home = read(&out, "index.html");
    for (count, tone, label) in [
        (1, "good", "Going well"),
        (1, "bad", "Behind"),
        (1, "done", "Done"),
        (1, "neutral", "Planned"),
    ] {
        let tag = format!(
            r#"<span class="counts__number">{count}</span> <strong class="status status--{tone}">{label}</strong>"#
        );
        assert!(home.contains(&tag), "missing {tag}");
    }
    let text = visible_text(&home);
    assert!(
        text.contains("Behind The work is late. We are fixing this."),
        "meanings are shown: {text}"
    );

    let action = visible_text(&read(&out, "actions/triage.html"));
    assert!(
        action.contains("Status: Behind The work is late."),
        "{action}"
    );
    assert!(action.contains("Due 31 March 2025"), "{action}");
    assert!(action.contains("Lead Not named in the plan"), "{action}");
    assert!(
        action.contains("For you and your baby The plan does not say."),
        "{action}"
    );
}

#[test]
fn each_owner_has_a_page_listing_what_they_answer_for() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let chair = visible_text(&read(&out, "sros/chair-of-quality.html"));
    assert!(
        chair.contains("Chairs the committee that checks safety objectives."),
        "{chair}"
    );
    assert!(chair.contains("1.1 Fetal monitoring Going well"), "{chair}");
    assert!(chair.contains("1.2 Maternity triage Behind"), "{chair}");
    assert!(
        !chair.contains("Listening to families"),
        "another owner's action: {chair}"
    );
}

#[test]
fn markdown_gets_heading_ids_highlighting_and_links_to_pages() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let page = read(&out, "how-we-work.html");
    assert!(
        page.contains(r#"<h2 id="who-checks">"#) && page.contains(r#"<h2 id="who-checks-2">"#),
        "{page}"
    );
    assert!(
        page.contains(r#"href="priorities/safer-births.html""#),
        "content links become page links"
    );
    assert!(
        page.contains(r#"<pre class="code" tabindex="0" data-lang="rust">"#)
            && page.contains("hl-"),
        "{page}"
    );

    let action = read(&out, "actions/feedback.html");
    assert!(
        action.contains(r#"href="../sros.html""#),
        "links from a register resolve relative to it"
    );
    let home = read(&out, "index.html");
    assert!(
        home.contains(r#"href="how-we-work.html""#),
        "the introduction's link is rewritten"
    );
}

#[test]
fn every_link_is_relative_so_the_site_opens_from_disk() {
    let (_dir, out) = build(&fixture("custom-labels"));
    for (path, bytes) in tree(&out) {
        if path.extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8(bytes).unwrap();
            // Addresses of other sites (the statement's enforcement bodies) are not files on disk.
            let own = hrefs(&html).into_iter().filter(|h| !h.contains(':'));
            for href in own {
                assert!(
                    !href.starts_with('/') && !href.ends_with('/'),
                    "{}: {href}",
                    path.display()
                );
            }
        }
    }
    let sitemap = read(&out, "sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://maternity.northshire.example/actions/triage.html</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("404.html"));
}

#[test]
fn a_theme_overrides_one_template_and_keeps_the_rest() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let not_found = visible_text(&read(&out, "404.html"));
    assert!(
        not_found.contains("Northshire: this page is not here"),
        "{not_found}"
    );
    assert!(
        not_found.contains("Skip to main content"),
        "the default base template still wraps it"
    );
    assert!(
        read(&out, "style.css").contains("@media print"),
        "the default stylesheet is published"
    );
}

/// The part of a page between `start` and the end of that element.
fn element<'p>(page: &'p str, start: &str, end: &str) -> &'p str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("{start} in the page"));
    let to = from
        + page[from..]
            .find(end)
            .unwrap_or_else(|| panic!("{end} in the page"));
    &page[from..to]
}

#[test]
fn the_header_and_footer_mark_the_page_the_reader_is_on_and_only_there() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let nav =
        |page: &str| element(&read(&out, page), "<nav class=\"site-nav\"", "</nav>").to_string();
    let footer = |page: &str| element(&read(&out, page), "<footer", "</footer>").to_string();
    let current = |html: &str| html.matches("aria-current=\"page\"").count();

    let dashboard = nav("dashboard.html");
    assert!(
        dashboard.contains(r#"href="dashboard.html" aria-current="page""#),
        "{dashboard}"
    );
    assert_eq!(current(&dashboard), 1, "{dashboard}");
    let home = nav("index.html");
    assert!(
        home.contains(r#"href="index.html" aria-current="page""#),
        "{home}"
    );
    assert_eq!(current(&home), 1, "{home}");
    let about = footer("how-we-work.html");
    assert!(
        about.contains(r#"href="how-we-work.html" aria-current="page""#),
        "{about}"
    );

    // A page in a folder shares one header and footer, with its links one folder up and nothing
    // marked as current.
    for page in ["actions/triage.html", "sros.html", "dashboard.html"] {
        assert_eq!(current(&footer(page)), 0, "{page}");
    }
    let action = nav("actions/triage.html");
    assert!(action.contains(r#"href="../dashboard.html""#), "{action}");
    assert_eq!(current(&action), 0, "{action}");
}

#[test]
fn the_same_content_gives_byte_identical_sites() {
    let (_a, first) = build(&fixture("custom-labels"));
    let (_b, second) = build(&fixture("custom-labels"));
    assert_eq!(tree(&first), tree(&second));
}
