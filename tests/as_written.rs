//! A plan published as it is written: measures stated in words with no figures yet, risks the plan
//! does not rate, registers that hold only the items a plan cites, and priorities that answer
//! recommendations as a whole. Each test copies a fixture, edits it as an editor would, builds
//! it, and reads what a reader gets.

mod common;
use common::*;

use std::path::Path;

fn write(root: &Path, file: &str, text: &str) {
    std::fs::write(root.join("content").join(file), text).unwrap();
}

/// A copy of a fixture to edit, in a folder removed when the test ends.
fn copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(name, dir.path());
    dir
}

const WORDS_ONLY: &str = r#"
[[measures]]
id = "care-plans"
name = "Personalised care plans"
explanation = "Whether every woman is offered a personalised care plan."
target = "All women offered a personalised care plan"
priorities = ["1-safety"]
"#;

#[test]
fn a_measure_in_words_says_its_figures_are_not_yet_published() {
    let project = copy("progress");
    append(project.path(), "measures.toml", WORDS_ONLY);
    let (_dir, out) = build(project.path());
    let html = read(&out, "measures/care-plans.html");
    let page = visible_text(&html);
    assert!(
        page.contains(
            "Target: All women offered a personalised care plan. Figures are not yet published."
        ),
        "{page}"
    );
    assert!(
        page.contains("Figures for this measure are not yet published."),
        "{page}"
    );
    for made_up in [
        "No data yet",
        "Higher is better",
        "Lower is better",
        "Improving",
    ] {
        assert!(!page.contains(made_up), "{made_up} in: {page}");
    }
    assert!(!html.contains("<svg"), "a chart with no figures");
    let priority = visible_text(&read(&out, "priorities/1-safety.html"));
    assert!(
        priority.contains("Personalised care plans: Target: All women offered a personalised care plan. Figures are not yet published."),
        "{priority}"
    );
    let data = read(&out, "data/measures.csv");
    let row = data.lines().find(|l| l.starts_with("care-plans,")).unwrap();
    assert!(
        row.starts_with(
            "care-plans,Personalised care plans,,,All women offered a personalised care plan,"
        ),
        "no unit, no direction, the target in words: {row}"
    );
}

#[test]
fn values_without_a_direction_are_never_called_better_or_worse() {
    let project = copy("progress");
    append(
        project.path(),
        "measures.toml",
        r#"
[[measures]]
id = "feedback"
name = "Families who gave feedback"
explanation = "How many families answered the survey."
unit = "%"
target = 90
range = [0, 100]
values = [{ period = "Q1 2023/24", value = 80 }, { period = "Q2 2023/24", value = 85 }]
"#,
    );
    let (_dir, out) = build(project.path());
    let page = visible_text(&read(&out, "measures/feedback.html"));
    assert!(
        page.contains("85%, target 90%. The plan does not say whether higher or lower is better."),
        "{page}"
    );
    for judged in [
        "below target",
        "meeting the target",
        "Improving",
        "Getting worse",
    ] {
        assert!(!page.contains(judged), "{judged} in: {page}");
    }
    // The values are still checked against what the plan does give: its range.
    append(
        project.path(),
        "measures.toml",
        r#"
[[measures]]
id = "typo"
name = "A typing mistake"
explanation = "A value outside its range."
range = [0, 100]
values = [{ period = "Q1 2023/24", value = 850 }]
"#,
    );
    let (ok, _, stderr) = run_in(project.path(), &["check"]);
    assert!(!ok);
    assert!(
        stderr.contains("850 is outside the range of \"typo\" (0 to 100)"),
        "{stderr}"
    );
}

const UNRATED: &str = r#"
[[risks]]
id = "funding"
title = "Funding is not agreed"
description = "The money for the second year is not yet agreed."
priority = "1-safety"
"#;

#[test]
fn an_unrated_risk_says_so_and_is_never_given_a_score() {
    let project = copy("progress");
    write(project.path(), "risks.toml", UNRATED);
    let (_dir, out) = build(project.path());
    let html = read(&out, "risks.html");
    let risks = visible_text(&html);
    assert!(risks.contains("Rating: Not yet rated"), "{risks}");
    assert!(html.contains(r#"id="risk-funding""#), "its own anchor");
    for made_up in [
        "rated for likelihood",
        "score",
        "Owner",
        "How it is being reduced",
    ] {
        assert!(!risks.contains(made_up), "{made_up} in: {risks}");
    }
    let priority_html = read(&out, "priorities/1-safety.html");
    let priority = visible_text(&priority_html);
    assert!(
        priority.contains("Funding is not agreed (not yet rated)."),
        "{priority}"
    );
    assert!(
        priority_html.contains(r#"href="../risks.html#risk-funding""#),
        "the priority's page links to the risk"
    );
    let print = visible_text(&read(&out, "print/index.html"));
    assert!(
        print.contains("The money for the second year is not yet agreed."),
        "the print edition has every word"
    );
}

#[test]
fn the_scale_is_explained_once_a_risk_is_rated_and_rated_risks_come_first() {
    let project = copy("progress");
    append(project.path(), "risks.toml", UNRATED);
    let (_dir, out) = build(project.path());
    let risks = visible_text(&read(&out, "risks.html"));
    assert!(risks.contains("rated for likelihood (1 to 5)"), "{risks}");
    let rated = risks.find("Not enough midwives on each shift").unwrap();
    let unrated = risks.find("Funding is not agreed").unwrap();
    assert!(rated < unrated, "rated risks first, highest first");
}

const CITED: &str = r#"title = "National maternity plan"
short_title = "NMP"
holds = "cited"

[[items]]
id = "1"
text = "Answer every call."

[[items]]
id = "7"
"#;

#[test]
fn a_register_that_holds_only_cited_items_says_so_plainly() {
    let project = copy("links");
    write(project.path(), "registers/national.toml", CITED);
    let priority = project.path().join("content/priorities/1-safety.toml");
    let text = std::fs::read_to_string(&priority).unwrap();
    let text = text.replace(
        "sro = \"chief-nurse\"",
        "sro = \"chief-nurse\"\nanswers = [\"national/7\"]",
    );
    std::fs::write(&priority, text).unwrap();
    let (_dir, out) = build(project.path());
    let coverage = visible_text(&read(&out, "coverage.html"));
    assert!(
        coverage.contains("This site holds only the 2 recommendations of this register that this plan cites, not the whole register"),
        "{coverage}"
    );
    assert!(
        coverage.contains("2 of 2 have an answer in this plan."),
        "{coverage}"
    );
    assert!(
        !coverage.contains('%'),
        "no share of a whole it does not hold"
    );
    let register = visible_text(&read(&out, "registers/national.html"));
    assert!(
        register.contains("This site holds only the items of this register that this plan cites"),
        "{register}"
    );
    assert!(
        register.contains("The plan cites this by reference only."),
        "{register}"
    );
    let item = visible_text(&read(&out, "recommendations/national.7.html"));
    assert!(
        item.contains("The plan cites this by reference only."),
        "{item}"
    );
    assert!(!item.contains("Who it is for"), "{item}");
    let print = visible_text(&read(&out, "print/index.html"));
    assert!(
        print.contains(
            "National maternity plan (only the items this plan cites) 2 of 2 have an answer in this plan."
        ),
        "{print}"
    );
    let listing = visible_text(&read(&out, "recommendations.html"));
    assert!(
        listing.contains("2 recommendations cited by this plan (this site holds only those)."),
        "{listing}"
    );
}

#[test]
fn a_priority_answers_recommendations_as_an_action_area_does() {
    let project = copy("links");
    let priority = project.path().join("content/priorities/1-safety.toml");
    let text = std::fs::read_to_string(&priority).unwrap();
    let answering = text.replace(
        "sro = \"chief-nurse\"",
        "sro = \"chief-nurse\"\nanswers = [\"national/1\"]",
    );
    std::fs::write(&priority, &answering).unwrap();
    let (_dir, out) = build(project.path());
    let item = visible_text(&read(&out, "recommendations/national.1.html"));
    assert!(
        item.contains("Answered as a whole by: Priority 1: Safe care"),
        "{item}"
    );
    let page = visible_text(&read(&out, "priorities/1-safety.html"));
    assert!(
        page.contains("National recommendations this answers NMP 1: Answer every call"),
        "{page}"
    );
    let data = read(&out, "data/recommendations.csv");
    assert!(data
        .lines()
        .next()
        .unwrap()
        .contains("answered_by_priorities"));
    assert!(data.contains(",triage,1-safety,"), "{data}");

    let wrong = text.replace(
        "sro = \"chief-nurse\"",
        "sro = \"chief-nurse\"\nanswers = [\"national/2\"]",
    );
    std::fs::write(&priority, wrong).unwrap();
    let (ok, _, stderr) = run_in(project.path(), &["check"]);
    assert!(!ok);
    assert!(
        stderr.contains("unknown recommendation \"national/2\""),
        "{stderr}"
    );
    assert!(stderr.contains("1-safety.toml:4:"), "{stderr}");
}

#[test]
fn a_link_to_a_risk_goes_to_its_anchor_and_a_wrong_one_is_refused() {
    let project = copy("links");
    append(
        project.path(),
        "pages/why.md",
        "\nSee [the staffing risk](../risks.toml#risk-vacancies).\n",
    );
    let (_dir, out) = build(project.path());
    assert!(read(&out, "why.html").contains(r#"href="risks.html#risk-vacancies""#));
    assert!(read(&out, "risks.html").contains(r#"id="risk-vacancies""#));

    append(
        project.path(),
        "pages/why.md",
        "\nAnd [the same risk, misnamed](../risks.toml#vacancies).\n",
    );
    let (ok, _, stderr) = run_in(project.path(), &["check"]);
    assert!(!ok);
    assert!(
        stderr.contains("this links to #vacancies on the risks page, which has no such risk"),
        "{stderr}"
    );
    assert!(stderr.contains("#risk-vacancies"), "{stderr}");
}
