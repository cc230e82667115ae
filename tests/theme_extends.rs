//! A trust's theme that builds on the built-in templates instead of copying them: its action page
//! extends `default/action.html` and adds to one block, its `base.html` extends
//! `default/base.html`. Built end to end, checked on the HTML a reader gets; and the mistakes a
//! trust is likely to make are errors that name the template, not a crash.

mod common;
use common::*;

use std::path::Path;

const THEME: &str = "themes/riverside/templates";

#[test]
fn an_action_page_is_the_built_in_one_with_the_trusts_block_added() {
    let (_dir, out) = build(&fixture("theme-extends"));
    let action = visible_text(&read(&out, "actions/triage.html"));
    // The built-in page, whole: breadcrumbs, status, the three columns, history.
    for default in [
        "Home Priority 1 Action area 1.1",
        "Action area 1.1 Maternity triage",
        "Status: On track",
        "Women are seen within 15 minutes of arriving.",
        "No update has changed this action area yet.",
    ] {
        assert!(action.contains(default), "{default}: {action}");
    }
    // Then the trust's own words, after the built-in content and inside the page's main.
    let history = action.find("No update has changed").unwrap();
    let talk = action
        .find("Talk to us about this work Riverside Maternity Voices meets")
        .unwrap_or_else(|| panic!("the trust's block is missing: {action}"));
    assert!(history < talk, "{action}");
    let main = read(&out, "actions/triage.html");
    let main = &main[main.find("<main").unwrap()..main.find("</main>").unwrap()];
    assert!(main.contains(r#"<h2 id="talk-to-us">"#), "{main}");

    // Pages the trust did not touch stay the built-in ones.
    let priority = visible_text(&read(&out, "priorities/1-safer-care.html"));
    assert!(priority.contains("Priority 1 Safer care"), "{priority}");
    assert!(!priority.contains("Talk to us"), "{priority}");
}

#[test]
fn every_page_takes_the_trusts_base_even_through_a_built_in_template() {
    // The action page goes action.html → default/action.html → breadcrumbs.html → base.html:
    // the trust's base.html, which extends default/base.html to add its icon.
    let (_dir, out) = build(&fixture("theme-extends"));
    for (page, root) in [
        ("index.html", ""),
        ("actions/triage.html", "../"),
        ("priorities/1-safer-care.html", "../"),
        ("print/index.html", "../"),
        // A host serves the not-found page at any depth: it links by the plan's base_url.
        ("404.html", "https://maternity.riverside.example/"),
    ] {
        let html = read(&out, page);
        let icon = format!(r#"<link rel="icon" href="{root}riverside.svg" type="image/svg+xml">"#);
        assert!(html.contains(&icon), "{page}: {html}");
        assert_eq!(html.matches("<title>").count(), 1, "{page}");
    }
    assert!(out.join("riverside.svg").is_file());
}

#[test]
fn a_built_in_template_imports_the_trusts_own_macros() {
    // The trust replaces macros.html (here: the built-in one with a class added to each status);
    // the built-in action page it extends imports "macros.html" and so gets the trust's.
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("theme-extends", dir.path());
    let built_in = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/macros.html"),
    )
    .unwrap();
    let from = r#"{% macro status(status) %}<strong class="status status--{{ status.tone }}">"#;
    assert!(built_in.contains(from));
    let macros = built_in.replace(
        from,
        r#"{% macro status(status) %}<strong class="status status--{{ status.tone }} riverside">"#,
    );
    std::fs::write(dir.path().join(THEME).join("macros.html"), macros).unwrap();
    let (_out_dir, out) = build(dir.path());
    let action = read(&out, "actions/triage.html");
    assert!(
        action.contains(r#"<strong class="status status--good riverside">On track</strong>"#),
        "{action}"
    );
}

/// Builds the fixture with `template` of its theme replaced by `text`: (succeeded, stderr).
fn build_with(template: &str, text: &str) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("theme-extends", dir.path());
    std::fs::write(dir.path().join(THEME).join(template), text).unwrap();
    let output = run_build(dir.path(), &dir.path().join("site"));
    assert!(
        output.status.code().is_some(),
        "the build ended by a signal, not an error"
    );
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_misspelt_built_in_template_is_an_error_naming_the_file() {
    let (built, stderr) = build_with(
        "action.html",
        "{% extends \"default/acton.html\" %}\n{% block content %}{{ super() }}{% endblock content %}\n",
    );
    assert!(!built);
    assert!(
        stderr.contains("there is no built-in template \"acton.html\"")
            && stderr.contains("themes/riverside/templates/action.html")
            && stderr.contains("did you mean \"default/action.html\"?"),
        "{stderr}"
    );
}

#[test]
fn a_base_that_extends_itself_is_an_error_with_the_way_to_extend_the_built_in_one() {
    // The likeliest mistake: extending "base.html" from base.html, meaning the built-in one.
    let (built, stderr) = build_with("base.html", "{% extends \"base.html\" %}\n");
    assert!(!built);
    assert!(
        stderr.contains("\"base.html\" extends itself")
            && stderr.contains("themes/riverside/templates/base.html")
            && stderr.contains("extend \"default/base.html\""),
        "{stderr}"
    );

    // A circle through the built-in templates: base.html → default/action.html →
    // breadcrumbs.html → base.html.
    let (built, stderr) = build_with("base.html", "{% extends \"default/action.html\" %}\n");
    assert!(!built);
    assert!(
        stderr.contains(
            "these templates extend one another in a circle: base.html → default/action.html → breadcrumbs.html → base.html"
        ),
        "{stderr}"
    );
}

#[test]
fn a_template_that_fails_on_an_action_area_names_the_page_and_the_content_behind_it() {
    // The trust's action page shows each action area's lead in capitals; this one names none.
    let (built, stderr) = build_with(
        "action.html",
        "{% extends \"default/action.html\" %}\n{% block content %}{{ super() }}<p>{{ action.lead | upper }}</p>{% endblock content %}\n",
    );
    assert!(!built, "{stderr}");
    assert!(
        stderr.contains("content/priorities/1-safer-care.toml:6:6"),
        "at the action area's id: {stderr}"
    );
    assert!(
        stderr
            .contains("themes/riverside/templates/action.html could not make actions/triage.html"),
        "{stderr}"
    );
    assert!(stderr.contains("1 error found"), "once: {stderr}");
}
