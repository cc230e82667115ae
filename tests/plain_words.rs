//! Messages in plain words: each problem a communications officer can make in TOML is said as
//! they would say it, with a hint that shows the content written right (valid as it is shown),
//! and one mistake gives one error, not a cascade. Each test copies the progress fixture, breaks
//! it as a paste from Word or a first try would, and runs `check` end to end.

mod common;
use common::*;

/// The parser's words, which a user should never read.
const PROGRAMMER: [&str; 9] = [
    "TOML datetime",
    "expected a sequence",
    "f64",
    "u32",
    "invalid type",
    "missing field",
    "unknown field",
    "expected one of",
    "string values must be quoted",
];

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    dir
}

/// `check`'s standard error on the project, which must fail.
fn problems(root: &std::path::Path) -> String {
    let (ok, _, stderr) = run_in(root, &["check"]);
    assert!(!ok, "the check should fail:\n{stderr}");
    for word in PROGRAMMER {
        assert!(!stderr.contains(word), "«{word}» in:\n{stderr}");
    }
    stderr
}

/// The block of the report that says `message`, to its blank line.
fn block<'a>(stderr: &'a str, message: &str) -> &'a str {
    let at = stderr
        .find(message)
        .unwrap_or_else(|| panic!("«{message}» missing from:\n{stderr}"));
    let end = stderr[at..].find("\n\n").map_or(stderr.len(), |e| at + e);
    &stderr[at..end]
}

#[test]
fn a_date_a_list_and_a_number_of_the_wrong_kind_are_said_plainly_with_the_line_written_right() {
    let dir = project();
    let root = dir.path();
    edit(
        root,
        "updates/2024-04-10-april.md",
        "date = 2024-04-10",
        "date = \"2024-04-10\"",
    );
    edit(
        root,
        "priorities/2-support.toml",
        "achieve = [\"Support every day of the week.\"]",
        "achieve = \"Support every day of the week.\"",
    );
    edit(root, "measures.toml", "value = 62,", "value = \"62\",");
    let stderr = problems(root);
    for (message, place, shown) in [
        (
            "this should be a date, but it is text in quotes",
            "content/updates/2024-04-10-april.md:2:8",
            "hint: write a date such as 2024-03-01, without quotes: `date = 2024-04-10`",
        ),
        (
            "this should be a list, but it is text in quotes",
            "content/priorities/2-support.toml:",
            "`achieve = [\"Support every day of the week.\"]`",
        ),
        (
            "this should be a number, but it is text in quotes",
            "content/measures.toml:",
            "hint: write a number such as 12.5, without quotes: `value = 62`",
        ),
    ] {
        let said = block(&stderr, message);
        assert!(said.contains(place), "{place}:\n{said}");
        assert!(said.contains(shown), "{shown}:\n{said}");
    }
}

#[test]
fn curly_quotes_pasted_from_word_get_their_own_hint_at_the_first_quote() {
    let dir = project();
    edit(
        dir.path(),
        "priorities/1-safety.toml",
        "title = \"Safer care\"",
        "title = “Safer care”",
    );
    let stderr = problems(dir.path());
    let said = block(&stderr, "this line has curly quotes “…” from Word");
    assert!(
        said.contains("content/priorities/1-safety.toml:2:9"),
        "{said}"
    );
    assert!(
        said.contains("hint: type straight quotes \" instead: `title = \"Safer care\"`"),
        "{said}"
    );
}

#[test]
fn an_impossible_date_says_the_date_does_not_exist_not_to_check_the_quotes() {
    let dir = project();
    let update = "updates/2024-04-10-april.md";
    edit(dir.path(), update, "date = 2024-04-10", "date = 2024-02-30");
    let stderr = problems(dir.path());
    let said = block(&stderr, "there is no such date as 2024-02-30");
    assert!(said.contains("that month has only 29 days"), "{said}");
    assert!(!said.contains("quotes, brackets"), "{said}");
    edit(dir.path(), update, "date = 2024-02-30", "date = 2024-13-01");
    let stderr = problems(dir.path());
    let said = block(&stderr, "there is no such date as 2024-13-01");
    assert!(said.contains("a year has only 12 months"), "{said}");
}

#[test]
fn every_field_missing_from_an_update_is_named_in_plain_words_in_one_run() {
    let dir = project();
    std::fs::write(
        dir.path().join("content/updates/2024-05-01-may.md"),
        "+++\ndate = 2024-05-01\n\n[[actions]]\nid = \"triage\"\n+++\nMay.\n",
    )
    .unwrap();
    let stderr = problems(dir.path());
    for message in [
        "the field title is missing",
        "the field author is missing",
        "the field status is missing from this [[actions]] entry",
        "the field note is missing from this [[actions]] entry",
    ] {
        let said = block(&stderr, message);
        assert!(said.contains("content/updates/2024-05-01-may.md"), "{said}");
        assert!(said.contains("hint: add a line such as `"), "{said}");
    }
}

#[test]
fn a_plan_field_added_at_the_end_of_plan_toml_says_where_it_belongs_and_nothing_follows_from_it() {
    let dir = project();
    let root = dir.path();
    edit(root, "plan.toml", "period_end = 2025-03-31\n", "");
    // Following the old hint ("set period_end in plan.toml") by adding it at the end.
    append(
        root,
        "plan.toml",
        "\n[labels]\npriority = \"Priority\"\nperiod_end = 2025-03-31\n",
    );
    let stderr = problems(root);
    let said = block(
        &stderr,
        "period_end is a field of the whole file, but here it is inside [labels]",
    );
    assert!(said.contains("content/plan.toml:12:1"), "{said}");
    assert!(
        said.contains("hint: period_end belongs at the top of the file, above [labels]"),
        "{said}"
    );
    assert!(
        stderr.contains("1 error and"),
        "one mistake, one error:\n{stderr}"
    );
    assert!(!stderr.contains("assurance level"), "{stderr}");
}

#[test]
fn the_hint_for_an_update_outside_the_period_says_where_in_plan_toml_to_end_it_later() {
    let dir = project();
    edit(dir.path(), "plan.toml", "period_end = 2025-03-31\n", "");
    let stderr = problems(dir.path());
    let said = block(
        &stderr,
        "this update is dated 10 April 2024, outside the plan period",
    );
    assert!(
        said.contains("a line such as `period_end = 2024-04-10` near the top of content/plan.toml, above the first [section] line such as [labels]"),
        "{said}"
    );
}

#[test]
fn a_register_that_does_not_read_gives_one_error_not_one_for_every_update_naming_its_actions() {
    let dir = project();
    let root = dir.path();
    // A quote left open: the whole register cannot be read.
    edit(
        root,
        "priorities/1-safety.toml",
        "title = \"Maternity triage\"",
        "title = \"Maternity triage",
    );
    let stderr = problems(root);
    assert!(
        stderr.contains("content/priorities/1-safety.toml"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("unknown action area"),
        "the updates naming its action areas are not wrong:\n{stderr}"
    );
    assert!(
        stderr.contains("1 error"),
        "one mistake, one error:\n{stderr}"
    );
}
