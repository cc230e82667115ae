//! Owners as the plan states them: none, one or several for a priority or an action area, each a
//! person, a role or a group (perhaps with co-chairs). Each test copies the progress fixture,
//! edits its TOML to the shape a plan takes, builds it end to end and reads what a reader gets.

mod common;
use common::*;

use std::path::Path;

/// The progress fixture with no owner anywhere: no sros.toml, no `sro` in a priority.
fn no_owner(root: &Path) {
    copy_fixture("progress", root);
    std::fs::remove_file(root.join("content/sros.toml")).unwrap();
    edit(
        root,
        "priorities/1-safety.toml",
        "sro = \"medical-director\"\n",
        "",
    );
    edit(
        root,
        "priorities/2-support.toml",
        "sro = \"chief-nurse\"\n",
        "",
    );
}

#[test]
fn a_plan_that_names_no_owner_says_so_and_invents_none() {
    let project = tempfile::tempdir().unwrap();
    no_owner(project.path());
    let (_dir, out) = build(project.path());

    let priority = says(&out, "priorities/1-safety.html");
    assert!(
        priority.contains("Senior responsible owner (SRO) Not named in the plan"),
        "{priority}"
    );
    let action = says(&out, "actions/triage.html");
    assert!(action.contains("(SRO) Not named in the plan"), "{action}");
    let home = says(&out, "index.html");
    assert!(home.contains("Not named in the plan"), "{home}");
    assert!(
        !home.contains("by SRO"),
        "no owners to see progress by: {home}"
    );

    let owners = says(&out, "sros.html");
    assert!(
        owners.contains("The plan does not name who is accountable for its priorities."),
        "{owners}"
    );
    assert!(!owners.contains("They answer"), "{owners}");
    assert!(!out.join("sros").exists(), "no owner, no owner's page");

    let dashboard = read(&out, "dashboard.html");
    assert!(!dashboard.contains("id=\"sros\""), "no table by owner");
    assert!(
        !dashboard.contains("and by SRO"),
        "the description promises no table by owner"
    );
    let print = says(&out, "print/index.html");
    assert!(print.contains("(SRO) Not named in the plan"), "{print}");

    let json = read(&out, "data/actions.json");
    assert!(json.contains("\"sro_id\": []"), "{json}");
    let csv = read(&out, "data/actions.csv");
    assert!(!csv.contains("medical-director"), "{csv}");
}

/// The progress fixture with a priority owned by two roles, a group with co-chairs owning an
/// action area of the other priority, a person owning another, and a role owning nothing.
fn several_owners(root: &Path) {
    copy_fixture("progress", root);
    let owners = r#"
[[sros]]
id = "safety-board"
title = "Maternity Safety Board"
kind = "group"
chairs = ["Head of Midwifery", "Clinical Director for Obstetrics"]

[[sros]]
id = "jane-okafor"
title = "Dr Jane Okafor"
kind = "person"

[[sros]]
id = "director-of-midwifery"
title = "Director of Midwifery"
kind = "role"
"#;
    let path = root.join("content/sros.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text + owners).unwrap();
    edit(
        root,
        "priorities/1-safety.toml",
        "sro = \"medical-director\"",
        "owners = [\"medical-director\", \"chief-nurse\"]",
    );
    let support = "priorities/2-support.toml";
    edit(
        root,
        support,
        "title = \"Bereavement care\"\n",
        "title = \"Bereavement care\"\nowners = [\"safety-board\"]\n",
    );
    edit(
        root,
        support,
        "title = \"Leaflets in other languages\"\n",
        "title = \"Leaflets in other languages\"\nowners = [\"jane-okafor\"]\n",
    );
}

#[test]
fn several_owners_and_co_chairs_read_as_whole_sentences() {
    let project = tempfile::tempdir().unwrap();
    several_owners(project.path());
    let (_dir, out) = build(project.path());

    let priority = says(&out, "priorities/1-safety.html");
    assert!(
        priority.contains("SROs Medical Director Chief Nurse"),
        "both owners, under the plural label: {priority}"
    );
    let board = says(&out, "sros/safety-board.html");
    assert!(
        board.contains("Co-chaired by Head of Midwifery and Clinical Director for Obstetrics."),
        "{board}"
    );
    assert!(
        board.contains("The Maternity Safety Board is accountable for 1 action area:"),
        "{board}"
    );
    assert!(board.contains("Bereavement care"), "{board}");
    assert!(!board.contains("Leaflets"), "only what it owns: {board}");
    let person = read(&out, "sros/jane-okafor.html");
    assert!(
        visible_text(&person).contains("Dr Jane Okafor is accountable for 1 action area:"),
        "a person is named without an article: {person}"
    );
    assert!(
        person.contains("What Dr Jane Okafor is accountable for in the"),
        "{person}"
    );
    let idle = says(&out, "sros/director-of-midwifery.html");
    assert!(
        idle.contains("The plan does not name the Director of Midwifery as accountable for any priority or action area."),
        "{idle}"
    );
    // The Chief Nurse owns priority 1's two action areas with the Medical Director; priority 2's
    // two each have owners of their own.
    let nurse = says(&out, "sros/chief-nurse.html");
    assert!(
        nurse.contains("The Chief Nurse is accountable for 2 action areas:"),
        "{nurse}"
    );

    let action = says(&out, "actions/bereavement.html");
    assert!(
        action.contains("Senior responsible owner (SRO) Maternity Safety Board"),
        "an action area's own owner: {action}"
    );
    let owners = says(&out, "sros.html");
    assert!(
        owners.contains("Who the plan names as accountable for its priorities and action areas."),
        "{owners}"
    );
    assert!(
        owners.contains("Action area 2.2: Leaflets in other languages"),
        "an owner of only action areas is listed with them: {owners}"
    );
    let print = says(&out, "print/index.html");
    assert!(
        print.contains("Accountable: Maternity Safety Board."),
        "{print}"
    );
    let csv = read(&out, "data/actions.csv");
    assert!(csv.contains("medical-director;chief-nurse"), "{csv}");
    let dashboard = says(&out, "dashboard.html");
    assert!(dashboard.contains("Maternity Safety Board"), "{dashboard}");
}

#[test]
fn an_action_area_without_owners_counts_on_the_dashboard_as_not_named() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    copy_fixture("progress", root);
    edit(
        root,
        "priorities/2-support.toml",
        "sro = \"chief-nurse\"\n",
        "",
    );
    let (_dir, out) = build(root);
    let dashboard = read(&out, "dashboard.html");
    let table = dashboard
        .split("id=\"sros\"")
        .nth(1)
        .expect("a table by owner");
    assert!(
        table.contains("<th scope=\"row\">Not named in the plan</th>"),
        "{table}"
    );
    let nurse = says(&out, "sros/chief-nurse.html");
    assert!(
        nurse.contains("The plan does not name the Chief Nurse as accountable for any priority or action area."),
        "{nurse}"
    );
}

#[test]
fn owner_mistakes_are_each_reported_at_their_place_with_a_hint() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    copy_fixture("progress", root);
    edit(
        root,
        "sros.toml",
        "title = \"Chief Nurse\"\n",
        "title = \"Chief Nurse\"\nkind = \"persn\"\n",
    );
    edit(
        root,
        "sros.toml",
        "title = \"Medical Director\"\n",
        "title = \"Medical Director\"\nchairs = [\"Someone\"]\n",
    );
    edit(
        root,
        "priorities/1-safety.toml",
        "sro = \"medical-director\"",
        "sro = \"medical-director\"\nowners = [\"medical-directer\", \"medical-directer\"]",
    );
    let (ok, _, stderr) = run_in(
        root,
        &["build", "--out", root.join("site").to_str().unwrap()],
    );
    assert!(!ok, "{stderr}");
    for (place, said) in [
        ("content/sros.toml:4:8", "unknown kind of owner \"persn\""),
        (
            "content/sros.toml:7:6",
            "chairs are given for a role, not a group",
        ),
        (
            "content/priorities/1-safety.toml:3:7",
            "both sro and owners are given",
        ),
        (
            "content/priorities/1-safety.toml:4:11",
            "unknown SRO \"medical-directer\"",
        ),
        (
            "content/priorities/1-safety.toml:4:31",
            "the owner \"medical-directer\" is named twice",
        ),
    ] {
        let reported = stderr
            .split("error: ")
            .any(|report| report.starts_with(said) && report.contains(place));
        assert!(reported, "{place} {said}:\n{stderr}");
    }
    assert!(
        stderr.contains("person"),
        "the hint offers the kind meant: {stderr}"
    );
    assert!(
        stderr.contains("medical-director"),
        "did you mean: {stderr}"
    );
}

#[test]
fn a_plan_that_does_not_say_sro_lists_its_owners_in_owners_toml() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    copy_fixture("progress", root);
    let sros = std::fs::read_to_string(root.join("content/sros.toml")).unwrap();
    std::fs::remove_file(root.join("content/sros.toml")).unwrap();
    let owners = sros.replace("[[sros]]", "[[owners]]")
        + "\n[[owners]]\nid = \"lmns-board\"\ntitle = \"LMNS Board\"\nkind = \"group\"\n";
    std::fs::write(root.join("content/owners.toml"), &owners).unwrap();
    edit(
        root,
        "priorities/2-support.toml",
        "sro = \"chief-nurse\"",
        "owners = [\"lmns-board\"]",
    );
    let (_dir, out) = build(root);
    let board = says(&out, "sros/lmns-board.html");
    assert!(
        board.contains("The LMNS Board is accountable for 2 action areas:"),
        "{board}"
    );

    // Two files of owners are one too many; an unknown owner's hint names the file in use.
    std::fs::write(root.join("content/sros.toml"), sros).unwrap();
    let (ok, _, stderr) = run_in(root, &["check"]);
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains("the owners are in both content/sros.toml and content/owners.toml"),
        "{stderr}"
    );
    std::fs::remove_file(root.join("content/sros.toml")).unwrap();
    edit(root, "priorities/2-support.toml", "lmns-board", "lmns-bord");
    let (ok, _, stderr) = run_in(root, &["check"]);
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains("did you mean \"lmns-board\"? The SROs defined in content/owners.toml"),
        "{stderr}"
    );
}
