//! Plans of other shapes, published as written: narrative at every level, the plan's own columns
//! by kind of row, and no vision, web address or status the plan does not state.

mod common;

use common::{append, build, copy_fixture, edit, read, run_in, says, visible_text};
use std::path::Path;

/// The custom-labels fixture, copied so a test can edit it.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    dir
}

/// A plan whose rows are key steps and key measures, with different columns.
fn with_columns_by_kind(root: &Path) {
    let plan = "\n[[columns]]\nid = \"now\"\nheading = \"Where we are now\"\nkinds = [\"key-step\"]\n\n[[columns]]\nid = \"next\"\nheading = \"Next steps\"\nkinds = [\"key-step\"]\n\n[[columns]]\nid = \"target\"\nheading = \"Target\"\nkinds = [\"key-measure\"]\n";
    edit(root, "plan.toml", "[labels]", &format!("{plan}\n[labels]"));
    let actions = "[[actions]]\nid = \"continuity\"\ntitle = \"Continuity of carer\"\nkind = \"key-step\"\nnarrative = \"Why this step matters to the partnership.\"\ncolumns = { now = [\"Two teams in place.\"], next = [\"A third team by spring.\"] }\n\n[[actions]]\nid = \"smoking\"\ntitle = \"Smoking at delivery\"\nkind = \"key-measure\"\ncolumns = { target = [\"Fewer than 6 in 100 women smoking at delivery.\"] }\n";
    let path = root.join("content/priorities/better-experience.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let cut = text.find("[[actions]]").unwrap();
    std::fs::write(&path, format!("{}{actions}", &text[..cut])).unwrap();
    let path = root.join("content/priorities/safer-births.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: String = text.split("[[actions]]").next().unwrap().to_string();
    std::fs::write(&path, kept).unwrap();
}

#[test]
fn each_row_shows_the_columns_of_its_kind_under_the_plans_headings() {
    let dir = project();
    with_columns_by_kind(dir.path());
    let (_site, out) = build(dir.path());
    let step = visible_text(&read(&out, "actions/continuity.html"));
    assert!(
        step.contains("Where we are now Two teams in place."),
        "{step}"
    );
    assert!(
        step.contains("Next steps A third team by spring."),
        "{step}"
    );
    assert!(step.contains("Why this step matters to the partnership."));
    assert!(
        !step.contains("Target"),
        "a key step has no target column: {step}"
    );
    assert!(
        !step.contains("Our aim"),
        "the built-in columns are not declared: {step}"
    );
    let measure = visible_text(&read(&out, "actions/smoking.html"));
    assert!(measure.contains("Target Fewer than 6 in 100 women smoking at delivery."));
    assert!(!measure.contains("Where we are now"), "{measure}");
    let print = visible_text(&read(&out, "print/index.html"));
    for words in [
        "Two teams in place.",
        "A third team by spring.",
        "Why this step matters",
        "Fewer than 6 in 100",
    ] {
        assert!(print.contains(words), "the print edition lacks {words:?}");
    }
    let csv = read(&out, "data/actions.csv");
    assert!(csv.contains("now: Two teams in place."), "{csv}");
}

#[test]
fn the_families_warning_asks_only_a_plan_that_has_a_column_for_families() {
    let dir = project();
    with_columns_by_kind(dir.path());
    let (_, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(!stderr.contains("says nothing under"), "{stderr}");
}

#[test]
fn text_under_a_column_its_row_does_not_have_is_an_error_at_its_place() {
    let dir = project();
    with_columns_by_kind(dir.path());
    edit(
        dir.path(),
        "priorities/better-experience.toml",
        "columns = { target",
        "columns = { now = [\"Lost words.\"], target",
    );
    edit(
        dir.path(),
        "priorities/better-experience.toml",
        "kind = \"key-step\"",
        "kind = \"key-stp\"",
    );
    append(
        dir.path(),
        "priorities/better-experience.toml",
        "achieve = [\"Not a column of this plan.\"]\n",
    );
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(!ok);
    assert!(
        stderr.contains("rows of kind \"key-measure\" have no column \"now\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("unknown kind of row \"key-stp\""),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean \"key-step\"?"), "{stderr}");
    assert!(stderr.contains("unknown column \"achieve\""), "{stderr}");
}

#[test]
fn narrative_at_every_level_shows_on_its_page_and_in_print() {
    let dir = project();
    let root = dir.path();
    edit(root, "plan.toml", "[labels]", "[[sections]]\nheading = \"How the partnership works\"\ntext = \"Four trusts *together*.\"\n\n[labels]");
    edit(root, "priorities/safer-births.toml", "sro = \"chair-of-quality\"", "sro = \"chair-of-quality\"\nnarrative = \"Births in Northshire are safe, and we want them safer.\"\nsections = [{ heading = \"Where we start\", text = \"Two units, one team.\" }]");
    let (_site, out) = build(root);
    let home = visible_text(&read(&out, "index.html"));
    assert!(
        home.contains("How the partnership works Four trusts together."),
        "{home}"
    );
    let priority = visible_text(&read(&out, "priorities/safer-births.html"));
    assert!(priority.contains("Births in Northshire are safe, and we want them safer."));
    assert!(
        priority.contains("Where we start Two units, one team."),
        "{priority}"
    );
    let print = visible_text(&read(&out, "print/index.html"));
    for words in [
        "Four trusts together.",
        "we want them safer",
        "Two units, one team.",
    ] {
        assert!(print.contains(words), "the print edition lacks {words:?}");
    }
}

#[test]
fn a_plan_without_vision_web_address_or_status_is_published_without_inventing_them() {
    let dir = project();
    let root = dir.path();
    edit(
        root,
        "plan.toml",
        "vision = \"Every family in Northshire has safe, kind maternity care.\"\n",
        "",
    );
    edit(
        root,
        "plan.toml",
        "base_url = \"https://maternity.northshire.example\"\n",
        "",
    );
    edit(
        root,
        "priorities/better-experience.toml",
        "status = \"planned\"\n",
        "",
    );
    let (ok, _, stderr) = run_in(root, &["check"]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("warning: the plan has no base_url"),
        "{stderr}"
    );
    assert!(stderr.contains("content/plan.toml:1:1"), "{stderr}");
    let (_site, out) = build(root);
    assert!(!out.join("sitemap.xml").exists());
    let home = read(&out, "index.html");
    assert!(
        !home.contains("class=\"vision\""),
        "no vision heading without a vision"
    );
    assert!(!home.contains("feed.xml"));
    let print = visible_text(&read(&out, "print/index.html"));
    assert!(
        print.contains("About the plan"),
        "the opening part is named for what it holds"
    );
    let leaflets = visible_text(&read(&out, "actions/leaflets.html"));
    assert!(
        leaflets.contains("Status: Planned"),
        "the vocabulary's first status: {leaflets}"
    );
}

/// The fields whose strings are a plan's own words (not ids, references or settings).
const WORDS: [&str; 17] = [
    "organisation",
    "title",
    "introduction",
    "vision",
    "heading",
    "text",
    "narrative",
    "name",
    "explanation",
    "target",
    "description",
    "mitigation",
    "expansion",
    "meaning",
    "horizon",
    "summary",
    "notes",
];

/// Every string of the plan's own words in a TOML value: under a field named in `WORDS`, or
/// under an action area's `columns`.
fn plan_words(value: &toml::Value, key: &str, found: &mut Vec<String>) {
    match value {
        toml::Value::String(s) if WORDS.contains(&key) || key == "columns" => found.push(s.clone()),
        // An entry of a list of tables has fields of its own.
        toml::Value::Array(items) => items.iter().for_each(|v| match v {
            toml::Value::Table(_) => plan_words(v, "", found),
            _ => plan_words(v, key, found),
        }),
        toml::Value::Table(table) => {
            for (k, v) in table {
                // An action area's column text sits under the column's id, inside `columns`.
                let k = if key == "columns" {
                    "columns"
                } else {
                    k.as_str()
                };
                plan_words(v, k, found);
            }
        }
        _ => {}
    }
}

/// Markdown's marks taken out and white space folded, as a reader sees the words.
fn as_read(text: &str) -> String {
    let text = text.replace(['*', '`'], "");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds the fixture and checks that each string of its plan's own words is in the print edition.
fn every_word_is_in_print(fixture: &str) {
    let root = common::fixture(fixture);
    let (_site, out) = build(&root);
    let print = as_read(&visible_text(&read(&out, "print/index.html")));
    let mut missing = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .flatten()
    {
        if entry.path().extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let mut found = Vec::new();
        let table: toml::Table = toml::from_str(&text).unwrap();
        plan_words(&toml::Value::Table(table), "", &mut found);
        for words in found {
            if !print.contains(&as_read(&words)) {
                missing.push(format!("{}: {words}", entry.path().display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in the print edition:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_word_of_the_partnership_plan_is_in_its_print_edition() {
    every_word_is_in_print("partnership");
}

#[test]
fn every_word_of_the_network_plan_is_in_its_print_edition() {
    every_word_is_in_print("network");
}

#[test]
fn the_partnership_plan_reads_as_written_with_nothing_made_up() {
    let (_site, out) = build(&common::fixture("partnership"));
    let owners = says(&out, "sros.html");
    assert!(owners.contains("Co-chaired by Director of Midwifery at Northmoor Hospitals and Clinical Director for Obstetrics."), "{owners}");
    assert!(
        owners.contains("They answer to the partnership's board"),
        "{owners}"
    );
    let unowned = says(&out, "priorities/personalised-care.html");
    assert!(
        unowned.contains("Not named in the plan"),
        "an objective without an owner says so: {unowned}"
    );
    let risks = says(&out, "risks.html");
    assert_eq!(risks.matches("Rating: Not yet rated").count(), 2, "{risks}");
    assert!(
        !risks.contains("rated for likelihood"),
        "no scale for risks nobody rated: {risks}"
    );
    let timeline = says(&out, "timeline.html");
    assert!(
        timeline.contains("due 6–12 months (October 2021 to March 2022)"),
        "{timeline}"
    );
    assert!(
        timeline
            .contains("Agree an interpreting contract: when the new contract rules are published"),
        "{timeline}"
    );
    assert!(
        timeline.contains("Maternity Voices Partnership set up: completed"),
        "{timeline}"
    );
    let home = says(&out, "index.html");
    assert!(
        home.contains("February 2022") && !home.contains("1 February 2022"),
        "a month, no made-up day: {home}"
    );
    assert!(!home.contains("Our vision"), "{home}");
    let measure = says(&out, "measures/families-listened-to.html");
    assert!(
        measure.contains("told what happened next. Figures are not yet published."),
        "{measure}"
    );
    let coverage = says(&out, "coverage.html");
    assert!(coverage.contains("holds only the 2"), "{coverage}");
    // Abbreviations are spelt out where used as words, never inside a figure or a hyphenated word.
    let step = read(&out, "actions/continuity.html");
    assert!(
        step.contains("1.0WTE") && !step.contains("1.0WTE (whole-time equivalent)"),
        "{step}"
    );
    let focus = read(&out, "actions/escalation.html");
    assert!(
        !focus.contains("<abbr title=\"carbon monoxide\">CO</abbr>-production"),
        "{focus}"
    );
    assert!(!out.join("sitemap.xml").exists(), "no made-up web address");
}

#[test]
fn the_network_plan_reads_as_written_with_nothing_made_up() {
    let (_site, out) = build(&common::fixture("network"));
    let action = says(&out, "actions/cot-capacity.html");
    assert!(
        action.contains("Due 2017-18"),
        "the plan's own timescale: {action}"
    );
    assert!(
        action.contains("Measure of success A capacity review agreed by every unit."),
        "{action}"
    );
    assert!(
        !action.contains("What do we expect to achieve"),
        "only the plan's own column: {action}"
    );
    let unreported = says(&out, "actions/family-integrated-care.html");
    assert!(
        unreported.contains("Status: Not reported"),
        "the plan's first status, not a made-up one: {unreported}"
    );
    let home = says(&out, "index.html");
    assert!(
        home.contains("March 2018") && !home.contains("31 March 2018"),
        "{home}"
    );
    assert!(!home.contains("Our vision"), "{home}");
    let measure = says(&out, "measures/parents-in-care-team.html");
    assert!(
        measure.contains("Figures are not yet published."),
        "{measure}"
    );
    assert!(
        !measure.contains("Higher is better") && !measure.contains("Lower is better"),
        "{measure}"
    );
    let owners = says(&out, "sros.html");
    assert!(
        owners.contains("The plan does not name who is accountable for its aims."),
        "{owners}"
    );
}
