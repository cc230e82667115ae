//! Words for any organisation: the plan's kind of organisation, labels with their article, and
//! abbreviations spelt out only where they are a use of the term. Each test copies the
//! custom-labels fixture, edits its words, builds it end to end and reads the pages.

mod common;
use common::*;

use std::path::Path;

/// The custom-labels fixture in a temporary folder, with `edit` applied to its plan.toml.
fn plan_with(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    let path = dir.path().join("content/plan.toml");
    let plan = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(plan)).unwrap();
    dir
}

#[test]
fn a_label_with_its_article_is_said_with_it() {
    let dir = plan_with(|plan| {
        plan.replace("action = \"Activity\"", "action = \"Key step\"")
            .replace("actions = \"Activities\"", "actions = \"Key steps\"")
            .replace("an_action = \"an activity\"", "an_action = \"a key step\"")
    });
    let (_site, out) = build(dir.path());
    let home = says(&out, "index.html");
    assert!(home.contains("Find a key step"), "{home}");
    let dashboard = says(&out, "dashboard.html");
    assert!(
        dashboard.contains("check the evidence before a key step counts as assured."),
        "{dashboard}"
    );
    let sros = says(&out, "sros.html");
    assert!(
        sros.contains("Each objective has an objective chair (Chair)."),
        "{sros}"
    );
}

#[test]
fn a_label_without_its_article_is_warned_about_and_worded_around() {
    let dir = plan_with(|plan| {
        plan.replace("action = \"Activity\"", "action = \"Key step\"")
            .replace("actions = \"Activities\"", "actions = \"Key steps\"")
            .replace("an_action = \"an activity\"", "")
            .replace("an_sro_long = \"an objective chair\"", "")
    });
    let (_ok, _out, err) = run_in(dir.path(), &["check"]);
    let line = std::fs::read_to_string(dir.path().join("content/plan.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("action = "))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("content/plan.toml:{line}:")) && err.contains("\"Key step\""),
        "{err}"
    );
    assert!(err.contains("add an_action under [labels]"), "{err}");
    assert!(err.contains("add an_sro_long under [labels]"), "{err}");

    let (_site, out) = build(dir.path());
    let home = says(&out, "index.html");
    assert!(home.contains("Find one of the key steps"), "{home}");
    for page_path in [
        "index.html",
        "dashboard.html",
        "sros.html",
        "recommendations.html",
    ] {
        let text = says(&out, page_path);
        for guess in [
            "an key step",
            "a key step",
            "a objective chair",
            "an objective chair",
        ] {
            assert!(!text.contains(guess), "{page_path} guessed {guess}: {text}");
        }
    }
    let sros = says(&out, "sros.html");
    assert!(
        sros.contains("Each objective has its objective chair (Chair)."),
        "{sros}"
    );
}

#[test]
fn the_organisation_is_called_by_its_kind() {
    let dir = plan_with(|plan| {
        plan.replace(
            "[labels]",
            "[labels]\norganisation_kind = \"partnership\"\norganisation_kinds = \"partnerships\"",
        )
    });
    let (_site, out) = build(dir.path());
    let sros = says(&out, "sros.html");
    assert!(
        sros.contains("They answer to the partnership's board"),
        "{sros}"
    );
    let recommendations = read(&out, "recommendations.html");
    assert!(
        recommendations.contains("and how far the partnership has got."),
        "{recommendations}"
    );
    let coverage = read(&out, "coverage.html");
    assert!(
        coverage.contains("for partnerships this plan answers"),
        "{coverage}"
    );
    let data = says(&out, "data.html");
    assert!(
        data.contains("What the partnership expects to achieve"),
        "{data}"
    );
    // The registers' own audiences ("the trust") are the plan's words, and stay.
    for (path, theirs) in [
        ("sros.html", "the trust's board"),
        ("recommendations.html", "how far the trust"),
        ("coverage.html", "for trusts this plan answers"),
        ("data.html", "What the trust"),
    ] {
        let text = says(&out, path);
        assert!(!text.contains(theirs), "{path} still says {theirs}: {text}");
    }
}

#[test]
fn the_kind_without_its_plural_is_warned_about() {
    let dir =
        plan_with(|plan| plan.replace("[labels]", "[labels]\norganisation_kind = \"network\""));
    let (_ok, _out, err) = run_in(dir.path(), &["check"]);
    assert!(err.contains("content/plan.toml:13:"), "{err}");
    assert!(
        err.contains("add organisation_kinds under [labels]"),
        "{err}"
    );
}

/// A glossary and a page that uses its terms in the places a term must not be spelt out.
fn with_glossary(dir: &Path) {
    let glossary = r#"
[[terms]]
term = "NHS"
expansion = "National Health Service"

[[terms]]
term = "WTE"
expansion = "whole-time equivalent"

[[terms]]
term = "CO"
expansion = "Chief Officer"

[[terms]]
term = "CSV"
expansion = "comma-separated values"

[[terms]]
term = "GP"
expansion = "General Practitioner"
expand = false
"#;
    std::fs::write(dir.join("content/glossary.toml"), glossary).unwrap();
    let page = "+++\ntitle = \"Staffing\"\norder = 2\n+++\nNorthshire Community Health NHS Trust funds 1.0WTE \
                of co-production and CO-production work. The table is a spreadsheet (CSV) for \
                each GP. The NHS pays for 2 WTE. The CO signs it off.\n";
    std::fs::write(dir.join("content/pages/staffing.md"), page).unwrap();
}

#[test]
fn abbreviations_are_spelt_out_only_where_they_are_used_as_words() {
    let dir = plan_with(|plan| plan);
    with_glossary(dir.path());
    let (_site, out) = build(dir.path());
    let html = read(&out, "staffing.html");
    let text = visible_text(&html);
    assert!(
        text.contains("Northshire Community Health NHS Trust funds 1.0WTE of co-production and CO-production work."),
        "not inside the organisation's name, a number or a hyphenated word: {text}"
    );
    assert!(
        text.contains("a spreadsheet (CSV, comma-separated values) for each GP."),
        "inside brackets after a comma; GP opts out: {text}"
    );
    assert!(
        html.contains(r#"<abbr title="General Practitioner">GP</abbr>."#),
        "{html}"
    );
    assert!(
        text.contains("The NHS (National Health Service) pays for 2 WTE (whole-time equivalent)."),
        "{text}"
    );
    assert!(
        text.contains("The CO (Chief Officer) signs it off."),
        "{text}"
    );
}

#[test]
fn the_print_cover_and_the_organisations_name_are_left_as_written() {
    let dir = plan_with(|plan| plan);
    with_glossary(dir.path());
    let (_site, out) = build(dir.path());
    let print = read(&out, "print/index.html");
    let cover = &print[print.find("class=\"cover\"").unwrap()..];
    let cover = &cover[..cover.find("</section>").unwrap()];
    assert!(!cover.contains("<abbr"), "{cover}");
    assert!(
        print.contains(r#"The <abbr title="National Health Service">NHS</abbr> (<a"#),
        "the first use after the cover is spelt out: {print}"
    );
}

#[test]
fn a_note_after_a_value_in_toml_is_not_checked_for_acronyms() {
    let dir = plan_with(|plan| {
        plan.replace(
            "title = \"Maternity Safety Objectives\"",
            "title = \"Maternity Safety Objectives\"  # agreed with the LMNS board",
        )
    });
    let (_ok, _out, err) = run_in(dir.path(), &["check"]);
    assert!(!err.contains("\"LMNS\" is not in the glossary"), "{err}");
}
