//! `planpress new`: each scaffold lands in the right place, passes `check` once filled in as asked
//! (and names what to fill when not), and never overwrites a file.

mod common;
use common::*;

#[test]
fn new_page_and_action_build_straight_away_and_never_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let (ok, stdout, _) = run_in(
        dir.path(),
        &["new", "page", "visiting", "--title", "Visiting the unit"],
    );
    assert!(
        ok && stdout.contains("content/pages/visiting.md"),
        "{stdout}"
    );
    let (ok, _, stderr) = run_in(dir.path(), &["new", "page", "visiting"]);
    assert!(!ok && stderr.contains("will not overwrite"), "{stderr}");
    assert!(
        std::fs::read_to_string(dir.path().join("content/pages/visiting.md"))
            .unwrap()
            .contains("Visiting the unit")
    );

    let (ok, _, _) = run_in(
        dir.path(),
        &[
            "new",
            "action",
            "2-support",
            "birth-centre",
            "--title",
            "Birth centre",
        ],
    );
    assert!(ok);
    let (ok, _, stderr) = run_in(dir.path(), &["new", "action", "2-support", "triage"]);
    assert!(!ok && stderr.contains("already exists"), "{stderr}");

    let (ok, stdout, stderr) = run_in(dir.path(), &["check"]);
    assert!(ok, "the new page and action area pass check:\n{stderr}");
    assert!(stdout.contains("action areas checked"), "{stdout}");
    let (_site, out) = build(dir.path());
    assert!(visible_text(&read(&out, "visiting.html")).contains("Visiting the unit"));
    assert!(visible_text(&read(&out, "actions/birth-centre.html"))
        .contains("Action area 2.3 Birth centre"));
}

#[test]
fn a_new_update_is_named_by_its_date_and_says_what_to_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    // Without --date it is dated today (tests/publish.rs).
    let (ok, stdout, _) = run_in(
        dir.path(),
        &["new", "update", "june", "--date", "2024-06-30"],
    );
    assert!(ok, "{stdout}");
    let path = dir.path().join("content/updates/2024-06-30-june.md");
    assert!(path.is_file(), "named by its date: {stdout}");
    // Until its placeholder id is replaced, check names the line to change.
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(
        !ok && stderr.contains("unknown action area \"the-action-area-id\"")
            && stderr.contains("2024-06-30-june.md:9:6"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("the-action-area-id", "leaflets");
    std::fs::write(&path, text).unwrap();
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(ok, "{stderr}");
}

#[test]
fn new_writes_only_inside_content_whatever_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("plan");
    copy_fixture("progress", &root);
    // A file beside the project, and a priority file that is a link to it.
    let victim = dir.path().join("victim.toml");
    std::fs::write(&victim, "# not planpress's\n").unwrap();
    std::os::unix::fs::symlink(&victim, root.join("content/priorities/3-linked.toml")).unwrap();
    let before = std::fs::read_to_string(&victim).unwrap();
    for args in [
        &["new", "action", "../../../victim", "x"][..],
        &["new", "action", "../../../victim.toml/..", "x"],
        &["new", "action", "/tmp/victim", "x"],
        &["new", "action", "3-linked", "x"],
        &["new", "action", "2-support", "../../x"],
        &["new", "page", "../../../victim"],
        &["new", "update", "../../../victim"],
    ] {
        let (ok, _, stderr) = run_in(&root, args);
        assert!(!ok, "{args:?} was allowed");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(
            std::fs::read_to_string(&victim).unwrap(),
            before,
            "{args:?}"
        );
    }
    let (_, _, stderr) = run_in(&root, &["new", "action", "../../../victim", "x"]);
    assert!(
        stderr.contains("\"../../../victim\" is not a priority's id")
            && stderr.contains(
                "content/priorities/ without .toml (one of 1-safety, 2-support, 3-linked)"
            ),
        "{stderr}"
    );
    assert!(!dir.path().join("x.md").exists() && !dir.path().join("victim.md").exists());

    // A title with a line break and a control character stays one TOML string.
    std::fs::remove_file(root.join("content/priorities/3-linked.toml")).unwrap();
    let (ok, _, stderr) = run_in(
        &root,
        &[
            "new",
            "action",
            "2-support",
            "doulas",
            "--title",
            "Doulas\n[[actions]]\u{7}",
        ],
    );
    assert!(ok, "{stderr}");
    let (ok, _, stderr) = run_in(&root, &["check"]);
    assert!(ok, "{stderr}");
}
