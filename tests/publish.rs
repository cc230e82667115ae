//! `planpress publish --as-of DATE`: it says what readers will see change and, without
//! `--dry-run`, moves the report date in plan.toml (that value only) and builds the site; content
//! wrong at DATE changes nothing. Updates marked `draft = true` are left out of the site and shown,
//! marked, by `serve`. An update dated after the report date is a warning that says how to publish
//! it, and `new update` dates a new update today.

mod common;
use common::*;

use std::path::Path;

/// The progress fixture copied to a temporary folder, with its site built, as a trust has it
/// between two reports: the September update is written, and dated after the report date.
fn published_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let (ok, _, stderr) = run_in(dir.path(), &["build"]);
    assert!(ok, "{stderr}");
    dir
}

fn plan_toml(root: &Path) -> String {
    std::fs::read_to_string(root.join("content/plan.toml")).unwrap()
}

#[test]
fn a_dry_run_names_what_readers_will_see_change_and_writes_nothing() {
    let dir = published_project();
    let before = tree(dir.path());
    let (ok, stdout, stderr) = run_in(
        dir.path(),
        &["publish", "--as-of", "2024-09-01", "--dry-run"],
    );
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("from the site as at 30 June 2024 to the site as at 1 September 2024"),
        "{stdout}"
    );
    assert!(
        stdout.contains("New updates:\n    September 2024 update (1 September 2024)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Status changes:\n    1.1 Maternity triage: At risk → Complete"),
        "{stdout}"
    );
    assert!(stdout.contains("nothing was written"), "{stdout}");
    assert_eq!(
        tree(dir.path()),
        before,
        "plan.toml and site/ are unchanged"
    );

    // Later, bereavement care (due Q3 2024/25) is overdue.
    let (ok, stdout, _) = run_in(
        dir.path(),
        &["publish", "--as-of", "2025-01-15", "--dry-run"],
    );
    assert!(ok);
    assert!(
        stdout.contains("Newly overdue:\n    2.1 Bereavement care (due Q3 2024/25)"),
        "{stdout}"
    );
    assert_eq!(tree(dir.path()), before);
}

#[test]
fn publishing_moves_only_the_report_date_and_builds_the_newly_counted_update() {
    let dir = published_project();
    let root = dir.path();
    let plan_before = plan_toml(root);
    assert!(!root.join("site/updates/2024-09-01-september.html").exists());
    let (ok, stdout, stderr) = run_in(
        root,
        &["publish", "--as-of", "2024-09-01", "--snapshot", "2024-09"],
    );
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("The report date in content/plan.toml is now 2024-09-01."),
        "{stdout}"
    );
    assert_eq!(
        plan_toml(root),
        plan_before.replace("as_of = 2024-06-30", "as_of = 2024-09-01"),
        "every other byte, comments included, is kept"
    );
    let out = root.join("site");
    assert!(says(&out, "updates.html").contains("September 2024 update"));
    assert!(says(&out, "updates/2024-09-01-september.html").contains("The triage room opened."));
    assert!(says(&out, "actions/triage.html").contains("Complete"));
    assert!(says(&out, "index.html").contains("1 September 2024"));
    // The snapshot is taken as `planpress snapshot` takes it, as at the new date.
    let record = std::fs::read_to_string(root.join("content/snapshots/2024-09.toml")).unwrap();
    assert!(record.contains("report_date = \"2024-09-01\""), "{record}");
    assert!(root.join("snapshots/2024-09.tar").is_file());

    // The same date again: nothing changes for readers; an earlier one needs --back.
    let (ok, stdout, _) = run_in(root, &["publish", "--as-of", "2024-09-01", "--dry-run"]);
    assert!(
        ok && stdout.contains("Nothing changes for readers."),
        "{stdout}"
    );
    let before = tree(root);
    let (ok, stdout, stderr) = run_in(root, &["publish", "--as-of", "2024-07-01"]);
    assert!(!ok, "{stdout}");
    assert!(
        stdout.contains("Updates taken away:\n    September 2024 update")
            && stderr.contains("2024-07-01 is before the report date")
            && stderr.contains("--back"),
        "{stdout}\n{stderr}"
    );
    assert_eq!(tree(root), before, "nothing was written");
}

#[test]
fn content_wrong_at_the_new_date_leaves_plan_toml_and_the_site_as_they_were() {
    let dir = published_project();
    let root = dir.path();
    edit(
        root,
        "updates/2024-09-01-september.md",
        "status = \"complete\"",
        "status = \"finished\"",
    );
    let before = tree(root);
    let output = planpress(&[
        "publish",
        "--as-of",
        "2024-09-01",
        "--root",
        root.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/updates/2024-09-01-september.md:")
            && stderr.contains(
                "Nothing was published: content/plan.toml and the site are as they were."
            ),
        "{stderr}"
    );
    assert_eq!(tree(root), before);
}

#[test]
fn a_report_date_missing_from_plan_toml_is_added_at_the_top_level() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_fixture("progress", root);
    edit(root, "plan.toml", "as_of = 2024-06-30\n", "");
    // Labels at the end, where an `as_of` added by hand would fall into the table.
    append(root, "plan.toml", "\n[labels]\npriority = \"Priority\"\n");
    let (ok, stdout, stderr) = run_in(root, &["publish", "--as-of", "2024-09-01"]);
    assert!(ok, "{stdout}\n{stderr}");
    let plan = plan_toml(root);
    assert!(
        plan.contains("# completed and assured one, and an update dated after the report date.\nas_of = 2024-09-01\norganisation ="),
        "{plan}"
    );
    let (ok, _, stderr) = run_in(root, &["check"]);
    assert!(ok, "{stderr}");
}

/// A draft update of the progress fixture: it would put leaflets on track.
const DRAFT: &str = "+++\ndate = 2024-06-01\ntitle = \"Leaflets update\"\nauthor = \"Head of Midwifery\"\ndraft = true\n\n[[actions]]\nid = \"leaflets\"\nstatus = \"on-track\"\nnote = \"The first two leaflets are translated.\"\n+++\nLeaflets are on their way.\n";

#[test]
fn a_draft_update_is_not_built_or_published_but_is_still_checked() {
    let dir = published_project();
    let root = dir.path();
    std::fs::write(root.join("content/updates/2024-06-01-leaflets.md"), DRAFT).unwrap();
    let (ok, _, stderr) = run_in(root, &["check"]);
    assert!(ok, "{stderr}");
    let (ok, _, stderr) = run_in(root, &["build"]);
    assert!(ok, "{stderr}");
    let out = root.join("site");
    assert!(!out.join("updates/2024-06-01-leaflets.html").exists());
    assert!(!says(&out, "updates.html").contains("Leaflets update"));
    let leaflets = says(&out, "actions/leaflets.html");
    assert!(
        !leaflets.contains("On track") && !leaflets.contains("translated"),
        "the draft's status change is not applied: {leaflets}"
    );
    let (ok, stdout, _) = run_in(root, &["publish", "--as-of", "2024-06-30", "--dry-run"]);
    assert!(
        ok && stdout.contains("Nothing changes for readers."),
        "{stdout}"
    );

    // Checked all the same, so it is ready once un-drafted.
    edit(
        root,
        "updates/2024-06-01-leaflets.md",
        "id = \"leaflets\"",
        "id = \"leaflet\"",
    );
    let (ok, _, stderr) = run_in(root, &["check"]);
    assert!(
        !ok && stderr.contains("unknown action area \"leaflet\"")
            && stderr.contains("2024-06-01-leaflets.md:"),
        "{stderr}"
    );
}

#[test]
fn serve_shows_a_draft_update_marked_as_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    std::fs::write(
        dir.path().join("content/updates/2024-06-01-leaflets.md"),
        DRAFT,
    )
    .unwrap();
    let (_server, address) = start_server(dir.path());
    let (status, page) = get(&address, "/updates/2024-06-01-leaflets.html");
    assert_eq!(status, 200, "{page}");
    let draft = "<strong class=\"status status--warning\">Draft</strong>";
    assert!(
        visible_text(&page).contains("Leaflets update Draft") && page.contains(draft),
        "{page}"
    );
    let (_, list) = get(&address, "/updates.html");
    assert!(
        visible_text(&list).contains("Leaflets update Draft"),
        "{list}"
    );
    assert_eq!(list.matches(draft).count(), 1, "only the draft is marked");
    let (_, action) = get(&address, "/actions/leaflets.html");
    assert!(
        action.contains(draft) && action.contains("On track"),
        "{action}"
    );
}

#[test]
fn an_update_dated_after_the_report_date_is_a_warning_saying_how_to_publish_it() {
    let (ok, _, stderr) = run_in(&fixture("progress"), &["check"]);
    assert!(ok, "a warning, not an error: {stderr}");
    assert!(
        stderr.contains("warning: this update is dated 2024-09-01, after the report date 2024-06-30 in content/plan.toml, so readers will not see it yet")
            && stderr.contains("content/updates/2024-09-01-september.md:2:8")
            && stderr.contains("hint: publish it with `planpress publish --as-of 2024-09-01`"),
        "{stderr}"
    );
}

#[test]
fn a_new_update_is_dated_today_unless_given_a_date() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let today = || {
        let out = std::process::Command::new("date")
            .args(["-u", "+%F"])
            .output();
        String::from_utf8(out.unwrap().stdout)
            .unwrap()
            .trim()
            .to_string()
    };
    let first = today();
    let (ok, stdout, stderr) = run_in(dir.path(), &["new", "update", "news"]);
    assert!(ok, "{stderr}");
    let dated = [first, today()].into_iter().any(|day| {
        dir.path()
            .join(format!("content/updates/{day}-news.md"))
            .is_file()
    });
    assert!(dated, "named by today's date: {stdout}");
    let (ok, _, _) = run_in(
        dir.path(),
        &["new", "update", "june", "--date", "2024-06-15"],
    );
    assert!(ok);
    let text = std::fs::read_to_string(dir.path().join("content/updates/2024-06-15-june.md"));
    assert!(text.unwrap().contains("date = 2024-06-15"));
}
