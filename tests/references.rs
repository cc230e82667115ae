//! An action area may be named by the reference the site shows beside its title ("2.2"), wherever
//! content names one by its id: an update, a milestone, a link. An unknown name gets a hint of
//! names of the same kind, nearest to what was typed.

mod common;
use common::*;

/// An update of the progress fixture moving one action area on, as named by `id`.
fn update(id: &str) -> String {
    format!(
        "+++\ndate = 2024-05-01\ntitle = \"May 2024 update\"\nauthor = \"Head of Midwifery\"\n\n[[actions]]\nid = \"{id}\"\nstatus = \"at-risk\"\nnote = \"The interpreters' contract has ended.\"\n+++\n"
    )
}

#[test]
fn an_update_naming_an_action_area_by_its_reference_moves_that_action_area_on() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let path = dir.path().join("content/updates/2024-05-01-may.md");
    std::fs::write(&path, update("2.2")).unwrap();
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(ok, "\"2.2\" names the leaflets: {stderr}");
    let (_site, out) = build(dir.path());
    let page = visible_text(&read(&out, "actions/leaflets.html"));
    assert!(page.contains("Action area 2.2"), "{page}");
    assert!(page.contains("At risk"), "its status moved on: {page}");
    assert!(
        page.contains("The interpreters' contract has ended."),
        "{page}"
    );
}

#[test]
fn an_unknown_reference_is_told_apart_from_another_with_the_nearest_of_its_kind() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let path = dir.path().join("content/updates/2024-05-01-may.md");
    let hint_for = |id: &str| {
        std::fs::write(&path, update(id)).unwrap();
        let (ok, _, stderr) = run_in(dir.path(), &["check"]);
        assert!(!ok, "{stderr}");
        assert!(
            stderr.contains(&format!("unknown action area \"{id}\"")),
            "{stderr}"
        );
        // The error's own hint: warnings are listed before it.
        let error = stderr.find("unknown action area").unwrap_or(0);
        let hint = stderr[error..].lines().find(|l| l.contains("hint:"));
        hint.unwrap_or("").to_string()
    };
    let one_nine = hint_for("1.9");
    let three_one = hint_for("3.1");
    let slug = hint_for("leaflet");
    assert!(one_nine.contains("did you mean \"1.2\""), "{one_nine}");
    assert!(
        one_nine.contains("2.1"),
        "the references to choose from: {one_nine}"
    );
    assert!(
        !three_one.contains("did you mean"),
        "no priority 3: {three_one}"
    );
    assert_ne!(one_nine, three_one);
    assert!(slug.contains("did you mean \"leaflets\""), "{slug}");
    assert!(!slug.contains("2.2"), "a slug gets slugs: {slug}");
}

#[test]
fn a_link_to_a_reference_opens_the_action_areas_page_and_one_to_no_such_reference_stops_check() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let path = dir.path().join("content/updates/2024-05-01-may.md");
    let text = update("leaflets") + "Read about [the leaflets](2.2).\n";
    std::fs::write(&path, &text).unwrap();
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(ok, "{stderr}");
    let (_site, out) = build(dir.path());
    // Every page showing the update's story links to the leaflets' page, from wherever it is.
    let mut shown = 0;
    for entry in walkdir::WalkDir::new(&out).into_iter().flatten() {
        let page = entry.path();
        let html = std::fs::read_to_string(page).unwrap_or_default();
        let Some(at) = html.find(">the leaflets</a>") else {
            continue;
        };
        let start = html[..at].rfind("href=\"").unwrap() + 6;
        let href = &html[start..html[start..].find('"').unwrap() + start];
        let opened = page.parent().unwrap().join(href).canonicalize().unwrap();
        let leaflets = out.join("actions/leaflets.html").canonicalize().unwrap();
        assert_eq!(opened, leaflets, "{} links {href}", page.display());
        shown += 1;
    }
    assert!(shown >= 1, "the update's story is shown on its page");

    std::fs::write(&path, text.replace("](2.2)", "](9.9)")).unwrap();
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains("unknown action area \"9.9\"")
            && stderr.contains("2024-05-01-may.md:11:")
            && stderr.contains("content/priorities/: 1.1, 1.2, 2.1, 2.2"),
        "{stderr}"
    );
}

#[test]
fn a_measure_and_a_link_in_raw_html_may_name_an_action_area_by_its_reference() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    edit(
        dir.path(),
        "measures.toml",
        "actions = [\"triage\"]",
        "actions = [\"1.1\"]",
    );
    let path = dir.path().join("content/updates/2024-05-01-may.md");
    let text = update("leaflets") + "Read about <a href=\"1.1\">triage</a>.\n";
    std::fs::write(&path, text).unwrap();
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(ok, "{stderr}");
    let (_site, out) = build(dir.path());
    let triage = visible_text(&read(&out, "actions/triage.html"));
    assert!(triage.contains("Booked before 10 weeks"), "{triage}");
    let update = read(&out, "updates/2024-05-01-may.html");
    assert!(
        hrefs(&update).contains(&"../actions/triage.html".to_string()),
        "{:?}",
        hrefs(&update)
    );

    edit(
        dir.path(),
        "measures.toml",
        "actions = [\"1.1\"]",
        "actions = [\"1.3\"]",
    );
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(
        !ok && stderr.contains("unknown action area \"1.3\"")
            && stderr.contains("did you mean \"1.2\"?"),
        "{stderr}"
    );
}

#[test]
fn a_milestone_may_name_its_action_areas_by_their_references() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let milestones = dir.path().join("content/milestones.toml");
    let text = "[[milestones]]\ntitle = \"Leaflets printed in five languages\"\nhorizon = \"Q4 2024/25\"\npriority = \"2-support\"\nactions = [\"2.2\"]\n";
    std::fs::write(&milestones, text).unwrap();
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(ok, "{stderr}");
    std::fs::write(&milestones, text.replace("2.2", "2.9")).unwrap();
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(
        !ok && stderr.contains("content/milestones.toml:5:12")
            && stderr.contains("did you mean \"2.2\"?"),
        "{stderr}"
    );
}
