//! `planpress new`: each scaffold lands in the right place, passes `check` once filled in as asked
//! (and names what to fill when not), and never overwrites a file.

mod common;
use common::*;

#[test]
fn a_new_page_and_action_left_unedited_fail_check_at_each_placeholder_until_filled_in() {
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

    // Left as `new` wrote them, their example words are errors, each at its place.
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(!ok, "{stderr}");
    let register = "priorities/2-support.toml";
    for (place, hint) in [
        (
            "content/pages/visiting.md:3:11",
            "one sentence of your own saying what the page is about",
        ),
        ("content/pages/visiting.md:6:1", "the page's own text"),
        (
            &format!("content/{register}:31:3"),
            "what the plan expects to achieve",
        ),
        (&format!("content/{register}:34:3"), "what is being done"),
        (
            &format!("content/{register}:37:3"),
            "what will change for families",
        ),
    ] {
        assert!(stderr.contains(place), "an error at {place}:\n{stderr}");
        assert!(
            stderr.contains(&format!("hint: replace them with {hint}")),
            "{hint}:\n{stderr}"
        );
    }
    assert_eq!(
        stderr
            .matches("words planpress wrote as an example")
            .count(),
        5,
        "{stderr}"
    );
    let site = tempfile::tempdir().unwrap();
    let output = run_build(dir.path(), &site.path().join("site"));
    assert!(!output.status.success(), "build refuses them too");

    edit(
        dir.path(),
        "pages/visiting.md",
        "One plain sentence saying what this page is about.",
        "When you may visit.",
    );
    edit(
        dir.path(),
        "pages/visiting.md",
        "Write the page here in Markdown. Start sections with ## headings.",
        "Partners may stay at any time.",
    );
    edit(
        dir.path(),
        register,
        "What do we expect to achieve? One bullet per line.",
        "A birth centre beside the labour ward.",
    );
    edit(
        dir.path(),
        register,
        "What actions are we taking? One bullet per line.",
        "Building it.",
    );
    edit(
        dir.path(),
        register,
        "What will this mean for families? Plain words.",
        "A calm place to give birth.",
    );
    let (ok, stdout, stderr) = run_in(dir.path(), &["check"]);
    assert!(
        ok,
        "filled in, the new page and action area pass check:\n{stderr}"
    );
    assert!(stdout.contains("action areas checked"), "{stdout}");
    let (_site, out) = build(dir.path());
    assert!(visible_text(&read(&out, "visiting.html")).contains("Visiting the unit"));
    assert!(visible_text(&read(&out, "actions/birth-centre.html"))
        .contains("Action area 2.3 Birth centre"));
}

#[test]
fn a_new_update_left_unedited_but_for_its_id_fails_check_at_each_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    // Without --date it is dated today (tests/publish.rs).
    let (ok, stdout, _) = run_in(
        dir.path(),
        &["new", "update", "june", "--date", "2024-06-30"],
    );
    assert!(ok, "{stdout}");
    let file = "updates/2024-06-30-june.md";
    let path = dir.path().join("content").join(file);
    assert!(path.is_file(), "named by its date: {stdout}");
    // Until its placeholder id is replaced, check names the line to change.
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(
        !ok && stderr.contains("unknown action area \"the-action-area-id\"")
            && stderr.contains("2024-06-30-june.md:10:6"),
        "{stderr}"
    );
    // The id filled in, as the site shows it, and nothing else: every example left is an error.
    edit(dir.path(), file, "the-action-area-id", "2.2");
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(!ok, "{stderr}");
    for (line, hint) in [
        (3, "the update's title"),
        (4, "the role of the person giving the update"),
        (5, "one sentence saying what changed"),
        (12, "what happened in this action area"),
        (17, "the story of this update"),
    ] {
        let place = format!("content/{file}:{line}:");
        assert!(stderr.contains(&place), "an error at {place}:\n{stderr}");
        assert!(
            stderr.contains(&format!("hint: replace them with {hint}")),
            "{hint}:\n{stderr}"
        );
    }
    let site = tempfile::tempdir().unwrap();
    let output = run_build(dir.path(), &site.path().join("site"));
    assert!(!output.status.success(), "build refuses it too");
    assert!(!site.path().join("site").exists(), "nothing written");

    for (from, to) in [
        ("Title of this update", "June 2024 update"),
        ("Your role, e.g. Head of Midwifery", "Head of Midwifery"),
        (
            "One plain sentence saying what changed.",
            "Leaflets are at risk.",
        ),
        (
            "What happened, in a sentence or two of plain English.",
            "The interpreters left.",
        ),
        ("The story of this update, in Markdown.", "A short month."),
        ("\"not-yet-reported\"", "\"at-risk\""),
    ] {
        edit(dir.path(), file, from, to);
    }
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(ok, "{stderr}");
    assert!(!stderr.contains("planpress wrote"), "{stderr}");
}

#[test]
fn an_update_that_changes_nothing_is_warned_of_and_one_with_news_is_not() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let update = |name: &str, text: &str| {
        let path = dir.path().join("content/updates").join(name);
        std::fs::write(
            path,
            format!(
                "+++\ndate = 2024-05-01\ntitle = \"May\"\nauthor = \"Head of Midwifery\"\n{text}"
            ),
        )
        .unwrap();
    };
    // Nothing at all; the status the leaflets already have, with no note; the same with news.
    update("2024-05-01-empty.md", "+++\n\n");
    update(
        "2024-05-01-same.md",
        "\n[[actions]]\nid = \"2.2\"\nstatus = \"not-yet-reported\"\nnote = \"\"\n+++\n",
    );
    update("2024-05-01-news.md", "\n[[actions]]\nid = \"bereavement\"\nstatus = \"not-yet-reported\"\nnote = \"The interviews are booked.\"\n+++\n");
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(ok, "a warning, not an error: {stderr}");
    assert!(
        stderr.contains("2024-05-01-empty.md:2:8")
            && stderr.contains("this update moves no action area on and has no text"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2024-05-01-same.md:7:6")
            && stderr.contains("this leaves action area 2.2 as it was (\"not-yet-reported\")")
            && stderr.contains("hint: give its new status, or add a note"),
        "{stderr}"
    );
    assert!(!stderr.contains("2024-05-01-news.md"), "{stderr}");
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
    // The register still reads: its only errors are the three bullets still to fill in.
    let (_, _, stderr) = run_in(&root, &["check"]);
    let errors = stderr.matches("error:").count();
    let placeholders = stderr
        .matches("words planpress wrote as an example")
        .count();
    assert!(errors == 3 && placeholders == 3, "{stderr}");
}
