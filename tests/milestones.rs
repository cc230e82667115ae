//! Milestones with horizons, as a plan writes them: the timeline places each by the range its
//! horizon names and shows the plan's own words beside it, lists done ones as done and the ones
//! it cannot place apart; a report date given as a month is shown as that month.

mod common;
use common::*;

use std::path::{Path, PathBuf};

/// Every form of horizon, one milestone each, on the progress fixture (its plan starts on
/// 1 April 2023 and ends on 31 March 2025).
const MILESTONES: &str = r#"
[[milestones]]
title = "Triage room open"
horizon = "2023-09-30"
priority = "1-safety"
actions = ["triage"]

[[milestones]]
title = "Fetal monitoring audit"
horizon = "March 2024"
priority = "1-safety"
status = "on-track"
text = "The audit covers *every* trace."

[[milestones]]
title = "Quiet room designed"
horizon = "2024-05"

[[milestones]]
title = "Staff survey"
horizon = "Q3 2023/24"

[[milestones]]
title = "Second year's work"
horizon = "2024-25"

[[milestones]]
title = "Calendar year review"
horizon = "2024"

[[milestones]]
title = "Leads named"
horizon = "3 months"

[[milestones]]
title = "Continuity of carer teams"
horizon = "6–12 months"
priority = "2-support"

[[milestones]]
title = "Birth centre reopened"
horizon = "18-24 months"

[[milestones]]
title = "Old audit"
horizon = "2021"

[[milestones]]
title = "Maternity voices partnership set up"
horizon = "completed"

[[milestones]]
title = "New maternity unit"
horizon = "when funding allows"
"#;

/// The progress fixture in a temporary folder with `MILESTONES` and the report date `as_of`.
fn project(as_of: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("project");
    copy_fixture("progress", &root);
    std::fs::write(root.join("content/milestones.toml"), MILESTONES).unwrap();
    let plan = root.join("content/plan.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let text = text.replace("as_of = 2024-06-30", &format!("as_of = {as_of}"));
    std::fs::write(&plan, text).unwrap();
    (dir, root)
}

fn built(root: &Path) -> (tempfile::TempDir, PathBuf) {
    build(root)
}

/// The section of `text` from `from` up to `to`.
fn between<'t>(text: &'t str, from: &str, to: &str) -> &'t str {
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} in {text}"));
    let end = text[start..].find(to).map_or(text.len(), |e| start + e);
    &text[start..end]
}

#[test]
fn the_timeline_places_each_horizon_by_its_range_with_the_plans_words() {
    let (_dir, root) = project("\"June 2024\"");
    let (_out_dir, out) = built(&root);
    let text = visible_text(&read(&out, "timeline.html"));
    let before = between(&text, "Before the plan period", "Q1 2023/24");
    assert!(before.contains("Old audit, due 2021"), "{before}");
    let q1 = between(&text, "Q1 2023/24", "Q2 2023/24");
    assert!(
        q1.contains("Leads named, due 3 months (April 2023 to June 2023)"),
        "{q1}"
    );
    let q2 = between(&text, "Q2 2023/24", "Q3 2023/24");
    assert!(q2.contains("Triage room open, due 2023-09-30"), "{q2}");
    let q3 = between(&text, "Q3 2023/24", "Q4 2023/24");
    assert!(q3.contains("Staff survey, due Q3 2023/24"), "{q3}");
    let q4 = between(&text, "Q4 2023/24", "Q1 2024/25");
    assert!(
        q4.contains(
            "Fetal monitoring audit, due March 2024 On track Overdue The audit covers every trace."
        ),
        "{q4}"
    );
    assert!(
        q4.contains("Continuity of carer teams, due 6–12 months (October 2023 to March 2024)"),
        "{q4}"
    );
    let now = between(&text, "Q1 2024/25", "Q2 2024/25");
    assert!(now.contains("Quiet room designed, due 2024-05"), "{now}");
    let q3_next = between(&text, "Q3 2024/25", "Q4 2024/25");
    assert!(
        q3_next.contains("Calendar year review, due 2024"),
        "{q3_next}"
    );
    let last = between(&text, "Q4 2024/25", "Done");
    assert!(last.contains("Second year's work, due 2024-25"), "{last}");
    assert!(
        last.contains("Birth centre reopened, due 18-24 months (October 2024 to March 2025)"),
        "{last}"
    );
    let done = between(&text, "Done", "Not yet placed on the timeline");
    assert!(
        done.contains("Maternity voices partnership set up: completed"),
        "{done}"
    );
    let unplaced = between(&text, "Not yet placed on the timeline", "No date set");
    assert!(
        unplaced.contains("New maternity unit: when funding allows"),
        "{unplaced}"
    );
    // Action 1.1, milestone 2.1 of an action, and the one milestone of milestones.toml whose
    // status the plan gives: no other is called overdue.
    let flags = read(&out, "timeline.html").matches("flag--overdue").count();
    assert_eq!(flags, 3, "{text}");
}

#[test]
fn a_report_date_given_as_a_month_is_shown_as_that_month() {
    let (_dir, root) = project("\"June 2024\"");
    let (_out_dir, out) = built(&root);
    let home = read(&out, "index.html");
    let footer = visible_text(between(&home, "<footer", "</footer>"));
    assert!(
        footer.contains("Progress shown as at June 2024."),
        "{footer}"
    );
    assert!(home.contains(r#"<time datetime="2024-06">June 2024</time>"#));
    assert!(
        !home.contains("30 June 2024"),
        "no day the plan did not give"
    );
    let timeline = visible_text(&read(&out, "timeline.html"));
    assert!(
        timeline
            .contains("so overdue means past its date at the end of June 2024 and not complete"),
        "{timeline}"
    );
    // Overdue is worked out at the end of the month: as for 30 June 2024.
    let (_d, same_day) = project("2024-06-30");
    let (_o, day_out) = built(&same_day);
    let timeline = |out: &Path| read(out, "timeline.html").matches("flag--overdue").count();
    assert_eq!(timeline(&out), timeline(&day_out));
    let numeric = project("\"2024-06\"");
    let (_o2, numeric_out) = built(&numeric.1);
    assert!(
        read(&numeric_out, "index.html").contains(r#"<time datetime="2024-06">June 2024</time>"#)
    );
}

#[test]
fn a_priority_shows_its_milestones_on_its_page_and_in_print() {
    let (_dir, root) = project("2024-06-30");
    let (_out_dir, out) = built(&root);
    let page = visible_text(&read(&out, "priorities/1-safety.html"));
    let milestones = between(&page, "Milestones", "Measures");
    assert!(
        milestones.contains("Triage room open: 2023-09-30")
            && milestones.contains("Fetal monitoring audit: March 2024 On track Overdue"),
        "{milestones}"
    );
    assert!(!milestones.contains("Continuity of carer"), "{milestones}");
    let support = visible_text(&read(&out, "priorities/2-support.html"));
    assert!(
        support.contains("Continuity of carer teams: 6–12 months (October 2023 to March 2024)"),
        "{support}"
    );
    let print = visible_text(&read(&out, "print/index.html"));
    for words in [
        "Continuity of carer teams: 6–12 months",
        "New maternity unit: when funding allows",
        "Maternity voices partnership set up: completed",
    ] {
        assert!(print.contains(words), "{words} in {print}");
    }
}

#[test]
fn check_warns_of_a_horizon_it_cannot_place_and_still_builds() {
    let (_dir, root) = project("2024-06-30");
    let (ok, _, stderr) = run_in(&root, &["check"]);
    assert!(ok, "a warning does not stop the build: {stderr}");
    assert!(
        stderr.contains("content/milestones.toml:54:11")
            && stderr.contains("the timeline cannot place \"when funding allows\"")
            && stderr.contains("months from the plan's start \"3 months\" or \"6–12 months\""),
        "{stderr}"
    );
}

#[test]
fn a_milestone_naming_what_does_not_exist_is_an_error() {
    let (_dir, root) = project("2024-06-30");
    let file = root.join("content/milestones.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text
        .replace("priority = \"2-support\"", "priority = \"2-suport\"")
        .replace("status = \"on-track\"", "status = \"on-trak\"");
    std::fs::write(&file, text).unwrap();
    let (ok, _, stderr) = run_in(&root, &["check"]);
    assert!(!ok);
    assert!(
        stderr.contains("2-suport") && stderr.contains("on-trak"),
        "{stderr}"
    );
}

#[test]
fn a_report_date_that_is_no_month_is_an_error_with_a_hint() {
    let (_dir, root) = project("\"Spring 2024\"");
    let (ok, _, stderr) = run_in(&root, &["check"]);
    assert!(!ok);
    assert!(
        stderr.contains("content/plan.toml:")
            && stderr.contains("the report date \"Spring 2024\" is not a day or a month")
            && stderr.contains("as_of = \"February 2018\""),
        "{stderr}"
    );
}

#[test]
fn a_period_written_as_a_hyphenated_financial_year_gives_the_plans_dates() {
    let (_dir, root) = project("2024-06-30");
    let plan = root.join("content/plan.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let text = text
        .replace("period = \"2023/24\"", "period = \"2023-24\"")
        .replace("period_end = 2025-03-31\n", "");
    std::fs::write(&plan, text).unwrap();
    let output = run_build(&root, &root.join("site"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The fixture's updates after March 2024 now fall outside the period: the period was read.
    assert!(
        stderr.contains("outside the plan period (1 April 2023 to 31 March 2024)"),
        "{stderr}"
    );
}

#[test]
fn a_snapshot_of_a_month_names_the_month_not_a_day() {
    let (_dir, root) = project("\"June 2024\"");
    let (ok, _, stderr) = run_in(&root, &["snapshot", "june"]);
    assert!(ok, "{stderr}");
    let record = std::fs::read_to_string(root.join("content/snapshots/june.toml")).unwrap();
    assert!(record.contains("report_date = \"2024-06\""), "{record}");
    let (_out_dir, out) = built(&root);
    let versions = read(&out, "versions.html");
    assert!(
        versions.contains(r#"<time datetime="2024-06">June 2024</time>"#),
        "{versions}"
    );
}
