//! `planpress init` and the content-format reference: `check` and `build` stop at each placeholder
//! a new plan still has, and pass once all are replaced, `init` never writes over anything, and an entry missing several
//! fields is told of them all in one run.

mod common;
use common::*;

use std::fs;

#[test]
fn a_new_plan_fails_check_and_build_at_each_placeholder_until_all_are_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("our-plan");
    let output = planpress(&["init", root.to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");

    let (ok, _, stderr) = run_in(&root, &["check"]);
    assert!(!ok, "placeholders are errors: {stderr}");
    let placeholders = [
        "content/plan.toml:3:16",
        "content/plan.toml:4:9",
        "content/plan.toml:5:10",
        "content/plan.toml:6:1",
        "content/plan.toml:7:1",
        "content/plan.toml:8:12",
        "content/sros.toml:4:9",
        "content/priorities/1-first-priority.toml:4:9",
        "content/priorities/1-first-priority.toml:9:9",
    ];
    for place in placeholders {
        assert!(stderr.contains(place), "an error at {place}:\n{stderr}");
    }
    assert_eq!(
        stderr.matches("error:").count(),
        placeholders.len(),
        "{stderr}"
    );
    assert!(stderr.contains("words planpress wrote as an example, not yet replaced"));
    assert!(stderr.contains("hint: replace them with the plan's title"));
    let site = dir.path().join("site");
    assert!(!run_build(&root, &site).status.success());
    assert!(!site.exists(), "nothing published");

    for (file, from, to) in [
        (
            "plan.toml",
            "Name of the organisation publishing the plan",
            "Riverside Maternity Partnership",
        ),
        (
            "plan.toml",
            "Title of the plan",
            "Better Births in Riverside",
        ),
        (
            "plan.toml",
            "The plan's vision, in its own words.",
            "Safe, kind care for every family.",
        ),
        (
            "plan.toml",
            "  # planpress init: the period the plan covers",
            "",
        ),
        ("plan.toml", "  # planpress init: the report date", ""),
        (
            "plan.toml",
            "https://example.org/your-plan/",
            "https://riverside.example/plan/",
        ),
        (
            "sros.toml",
            "Role of the person accountable for the first priority",
            "Director of Midwifery",
        ),
        (
            "priorities/1-first-priority.toml",
            "The first priority, as the plan words it",
            "Safer births",
        ),
        (
            "priorities/1-first-priority.toml",
            "The first action area, as the plan words it",
            "Fetal monitoring",
        ),
    ] {
        edit(&root, file, from, to);
    }
    let (ok, _, stderr) = run_in(&root, &["check"]);
    assert!(ok, "{stderr}");
    let (_site, out) = build(&root);
    assert!(visible_text(&read(&out, "index.html")).contains("Better Births in Riverside"));
    assert!(out.join("actions/first-action-area.html").is_file());
}

#[test]
fn each_placeholder_replaced_is_no_longer_an_error_and_the_rest_still_are() {
    let dir = tempfile::tempdir().unwrap();
    assert!(planpress(&["init", dir.path().to_str().unwrap()])
        .status
        .success());
    let plan = dir.path().join("content/plan.toml");
    let text = fs::read_to_string(&plan)
        .unwrap()
        .replace(
            "Name of the organisation publishing the plan",
            "Riverside Maternity Partnership",
        )
        .replace(
            "as_of = 2026-03-31  # planpress init: the report date",
            "as_of = 2026-02-28",
        );
    fs::write(&plan, text).unwrap();
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(!ok, "{stderr}");
    assert!(!stderr.contains("content/plan.toml:3:"), "{stderr}");
    assert!(!stderr.contains("content/plan.toml:7:"), "{stderr}");
    assert!(
        stderr.contains("content/plan.toml:4:9"),
        "the title is still to do: {stderr}"
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_and_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let before = tree(dir.path());
    let output = planpress(&["init", dir.path().to_str().unwrap()]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is not empty"), "{stderr}");
    assert_eq!(tree(dir.path()), before, "nothing written or removed");
}

#[test]
fn an_entry_missing_three_fields_is_told_of_all_three_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let measures = dir.path().join("content/measures.toml");
    let mut text = fs::read_to_string(&measures).unwrap();
    let line = text.lines().count() + 2;
    text.push_str("\n[[measures]]\npriorities = []\n");
    fs::write(&measures, text).unwrap();

    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(!ok);
    for (field, example) in [
        ("id", "id = \"booking-before-10-weeks\""),
        ("name", "name = \"Booked before 10 weeks\""),
        (
            "explanation",
            "explanation = \"How many pregnant women book before 10 weeks.\"",
        ),
    ] {
        assert!(
            stderr.contains(&format!(
                "the field {field} is missing from this [[measures]] entry"
            )),
            "{field}:\n{stderr}"
        );
        assert!(
            stderr.contains(example),
            "an example for {field}:\n{stderr}"
        );
    }
    let place = format!("content/measures.toml:{line}:1");
    assert_eq!(
        stderr.matches(&place).count(),
        3,
        "each at the entry, {place}:\n{stderr}"
    );
    assert_eq!(stderr.matches("is missing from").count(), 3, "{stderr}");
}

#[test]
fn the_reference_command_prints_every_file_and_its_fields() {
    let output = planpress(&["reference"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        text,
        fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/FORMAT.md")
        )
        .unwrap(),
        "content/FORMAT.md is out of date: run `cargo run -q -- reference > content/FORMAT.md`"
    );
    for file in [
        "`content/plan.toml`",
        "`content/priorities/<id>.toml`",
        "`content/pages/<slug>.md`",
    ] {
        assert!(text.contains(&format!("## {file}")), "{file}");
    }
    assert!(text.contains("| `status` | required | text |"));
}
