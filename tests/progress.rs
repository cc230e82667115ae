//! Progress over time, on a fixture two years into its plan: history newest first, overdue marked
//! against the report date (never the clock), the dashboard's numbers, the timeline, the Atom feed,
//! and the errors an update can have.

mod common;
use common::*;

use std::path::Path;

fn build_as_of(as_of: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let root = fixture("progress");
    let output = planpress(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--as-of",
        as_of,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        dir,
        out,
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn an_action_page_shows_its_history_newest_first() {
    let (_dir, out) = build(&fixture("progress"));
    let page = visible_text(&read(&out, "actions/fetal-monitoring.html"));
    let april = page
        .find("10 April 2024 Complete Assured The committee checked the audit")
        .expect(&page);
    let january = page
        .find("20 January 2024 Complete Evidence submitted Every midwife")
        .expect(&page);
    let july = page
        .find("15 July 2023 On track Not evidenced Training has begun.")
        .expect(&page);
    assert!(april < january && january < july, "newest first: {page}");
    assert!(
        page.contains("Accepted by the Maternity Governance Committee on 5 April 2024."),
        "{page}"
    );
    assert!(
        page.contains("Evidence: Fetal monitoring audit, March 2024"),
        "{page}"
    );
    assert!(
        page.contains("Last updated 10 April 2024. Next review 1 October 2024."),
        "{page}"
    );
    assert!(page.contains("Assurance: Assured."), "{page}");
    let untouched = visible_text(&read(&out, "actions/leaflets.html"));
    assert!(
        untouched.contains("Not updated since the plan was published."),
        "{untouched}"
    );
}

#[test]
fn overdue_is_measured_against_the_report_date() {
    let (_dir, out) = build(&fixture("progress"));
    let triage = visible_text(&read(&out, "actions/triage.html"));
    assert!(
        triage.contains("Status: At risk Overdue"),
        "due Q2 2023/24, at risk on 30 June 2024: {triage}"
    );
    let fetal = visible_text(&read(&out, "actions/fetal-monitoring.html"));
    assert!(
        !fetal.contains("Overdue"),
        "complete is never overdue: {fetal}"
    );
    let bereavement = visible_text(&read(&out, "actions/bereavement.html"));
    assert!(
        bereavement.contains("Recruit a second bereavement midwife, due 2024-05-31 Overdue"),
        "{bereavement}"
    );
    assert!(
        !bereavement.contains("Status: On track Overdue"),
        "the action itself is due later: {bereavement}"
    );

    // A year earlier, triage was on track and not yet due; the later updates did not exist.
    let (_early, early, stdout) = build_as_of("2023-08-01");
    let triage = visible_text(&read(&early, "actions/triage.html"));
    assert!(
        triage.contains("Status: On track") && !triage.contains("Overdue"),
        "{triage}"
    );
    assert!(!early.join("updates/2023-10-20-october.html").exists());
    assert!(
        stdout.contains("Left out 4 update(s) dated after the report date 1 August 2023."),
        "{stdout}"
    );
}

#[test]
fn only_the_report_date_changes_the_output_not_the_clock() {
    let (_a, first) = build(&fixture("progress"));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let (_b, second) = build(&fixture("progress"));
    assert_eq!(
        tree(&first),
        tree(&second),
        "two builds a second apart are byte-identical"
    );
    let (_c, later, _) = build_as_of("2024-12-31");
    assert_ne!(
        read(&first, "actions/bereavement.html"),
        read(&later, "actions/bereavement.html")
    );
}

#[test]
fn the_dashboard_counts_by_priority_and_owner() {
    let (_dir, out) = build(&fixture("progress"));
    let page = read(&out, "dashboard.html");
    let text = visible_text(&page);
    assert!(text.contains("1 action area is overdue"), "{text}");
    // Columns: not yet reported, not started, on track, at risk, off track, complete, overdue, total.
    assert!(
        text.contains("Priority 1 0 (0%) 0 (0%) 0 (0%) 1 (50%) 0 (0%) 1 (50%) 1 2"),
        "{text}"
    );
    assert!(
        text.contains("Priority 2 1 (50%) 0 (0%) 1 (50%) 0 (0%) 0 (0%) 0 (0%) 0 2"),
        "{text}"
    );
    assert!(
        text.contains("Medical Director 0 (0%) 0 (0%) 0 (0%) 1 (50%) 0 (0%) 1 (50%) 1 2"),
        "{text}"
    );
    assert!(text.contains("1 Assured"), "{text}");
    assert_eq!(
        page.matches(r#"<svg class="chart""#).count(),
        2,
        "a chart for each table"
    );
    assert!(page.contains(r#"role="img" aria-labelledby="chart-priorities-title""#));
}

#[test]
fn the_timeline_places_each_due_date_in_its_quarter() {
    let (_dir, out) = build(&fixture("progress"));
    let text = visible_text(&read(&out, "timeline.html"));
    let q2 = text
        .find("Q2 2023/24 1.1 Maternity triage, due Q2 2023/24 At risk Overdue")
        .expect(&text);
    let q4 = text.find("Q4 2023/24 1.2 Fetal monitoring, due 2024-03-31 Complete Board review of the whole plan, due Q4 2023/24").expect(&text);
    let now = text.find("Q1 2024/25 (this quarter) 2.1: Recruit a second bereavement midwife, due 2024-05-31 On track Overdue").expect(&text);
    assert!(q2 < q4 && q4 < now, "{text}");
    assert!(
        text.contains("Agree goals: 1 April 2023 to 30 June 2023"),
        "{text}"
    );
    assert!(
        text.contains("No date set") && text.contains("2.2 Leaflets in other languages"),
        "{text}"
    );
}

#[test]
fn the_home_page_says_what_changed_in_the_latest_update() {
    let (_dir, out) = build(&fixture("progress"));
    let text = visible_text(&read(&out, "index.html"));
    assert!(text.contains("What changed in the latest update April 2024 update, 10 April 2024. Fetal monitoring is assured."), "{text}");
    assert!(
        text.contains("1.2 Fetal monitoring Still Complete Assurance: Assured"),
        "{text}"
    );
    let october = visible_text(&read(&out, "updates/2023-10-20-october.html"));
    assert!(
        october.contains("1.1 Maternity triage From On track to At risk Building work is late"),
        "{october}"
    );
}

#[test]
fn the_atom_feed_lists_the_published_updates_with_absolute_links() {
    let (_dir, out) = build(&fixture("progress"));
    let xml = read(&out, "feed.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the feed is well-formed XML");
    let feed = doc.root_element();
    let atom = "http://www.w3.org/2005/Atom";
    assert_eq!(feed.tag_name().namespace(), Some(atom));
    assert_eq!(feed.tag_name().name(), "feed");
    let child = |node: roxmltree::Node, name: &str| {
        node.children()
            .find(|c| c.has_tag_name((atom, name)))
            .map(|c| c.text().unwrap_or_default().to_string())
    };
    assert_eq!(
        child(feed, "updated").as_deref(),
        Some("2024-04-10T00:00:00Z")
    );
    assert!(child(feed, "id").is_some() && child(feed, "title").is_some());
    let entries: Vec<_> = feed
        .children()
        .filter(|c| c.has_tag_name((atom, "entry")))
        .collect();
    let titles: Vec<String> = entries.iter().filter_map(|e| child(*e, "title")).collect();
    assert_eq!(
        titles,
        [
            "April 2024 update",
            "January 2024 update",
            "October 2023 update",
            "July 2023 update"
        ]
    );
    for entry in &entries {
        for required in ["id", "title", "updated"] {
            assert!(
                child(*entry, required).is_some(),
                "every entry has {required}"
            );
        }
        let link = entry
            .children()
            .find(|c| c.has_tag_name((atom, "link")))
            .unwrap();
        assert!(link
            .attribute("href")
            .unwrap()
            .starts_with("https://maternity.eastmere.example/plan/updates/"));
    }
    assert!(
        read(&out, "updates.html").contains(r#"<link rel="alternate" type="application/atom+xml""#)
    );
}

#[test]
fn update_errors_are_reported_with_their_place() {
    let root = fixture("broken-updates");
    let out = tempfile::tempdir().unwrap();
    let output = run_build(&root, &out.path().join("site"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let july = "content/updates/2023-07-15-july.md";
    let late = "content/updates/2025-06-01-too-late.md";
    for (place, message) in [
        (
            format!("{july}:12:6"),
            "unknown action area \"fetal-monitorng\"",
        ),
        (format!("{july}:13:10"), "unknown status \"on-trak\""),
        (
            format!("{july}:17:6"),
            "\"triage\" is already updated on 15 July 2023",
        ),
        (
            format!("{late}:2:8"),
            "outside the plan period (1 April 2023 to 31 March 2025)",
        ),
        (format!("{late}:9:13"), "\"assured\" needs proof"),
    ] {
        assert!(stderr.contains(&place), "{place} missing:\n{stderr}");
        assert!(stderr.contains(message), "{message} missing:\n{stderr}");
    }
    assert!(
        stderr.contains("did you mean \"fetal-monitoring\"?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("add `evidence = [{ title = \"…\", url = \"…\" }]`, and `accepted_by"),
        "{stderr}"
    );
    assert!(!Path::new(&out.path().join("site")).exists());
}

#[test]
fn the_real_plan_says_plainly_that_no_update_is_published_yet() {
    let (_dir, out) = build(Path::new(env!("CARGO_MANIFEST_DIR")));
    let home = visible_text(&read(&out, "index.html"));
    assert!(
        home.contains("No updates have been published yet."),
        "{home}"
    );
    assert!(!out.join("feed.xml").exists() && !out.join("updates.html").exists());
    let timeline = visible_text(&read(&out, "timeline.html"));
    assert!(
        timeline.contains("Agree Improvement Plan Goals (the plan gives no dates)"),
        "{timeline}"
    );
    assert!(
        timeline.contains("The plan does not give a due date for 22 action areas"),
        "{timeline}"
    );
}
