//! Broken content: every problem reported at once with file, line, column and a hint; exit 1; no
//! panic; the last good site left exactly as it was.

mod common;
use common::*;

fn broken_build(out: &std::path::Path) -> (bool, String) {
    let output = run_build(&fixture("broken"), out);
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Every broken input in tests/fixtures/broken, the place it is reported at, and what is said.
const EXPECTED: [(&str, &str); 19] = [
    (
        "content/notes.toml:1:1",
        "planpress does not know what this file is for",
    ),
    ("content/plan.toml:5:9", "as_of must be a date"),
    ("content/plan.toml:6:12", "base_url must be a web address"),
    (
        "content/pages/no-front-matter.md:1:1",
        "this page has no front matter",
    ),
    (
        "content/pages/typo.md:2:1",
        "planpress does not know a field called \"titel\" here",
    ),
    (
        "content/pages/index.md:1:1",
        "a page may not be called \"index\"",
    ),
    (
        "content/pages/about.md:4:5",
        "this links to content/pages/missing.md, which does not exist",
    ),
    ("content/pages/about.md:6:1", "this image has no alt text"),
    (
        "content/pages/about.md:8:4",
        "the link \"/index.html\" starts with /",
    ),
    (
        "content/priorities/1-care.toml:3:7",
        "unknown SRO \"chief-nures\"",
    ),
    (
        "content/priorities/1-care.toml:8:10",
        "unknown status \"on-trak\"",
    ),
    (
        "content/priorities/1-care.toml:9:12",
        "unknown recommendation \"bad/1.l\"",
    ),
    (
        "content/priorities/1-care.toml:13:6",
        "the action id \"antenatal\" is used twice",
    ),
    (
        "content/priorities/2-staff.toml:2:15",
        "this text has no closing quote",
    ),
    (
        "content/priorities/3-missing.toml:1:1",
        "the field title is missing",
    ),
    (
        "content/priorities/4-type.toml:1:10",
        "this should be a whole number, but it is text in quotes",
    ),
    (
        "content/priorities/5-again.toml:1:10",
        "priority number 1 is used twice",
    ),
    (
        "content/priorities/5-again.toml:9:7",
        "\"next spring\" is not a date, a quarter or another time the plan can be placed at",
    ),
    (
        "content/registers/bad.toml:15:6",
        "the item id \"1.1\" is used twice",
    ),
];

/// A warning beside them: `build` counts it, `check` lists it.
const WARNED: (&str, &str) = (
    "content/priorities/5-again.toml:6:6",
    "\"late\" says nothing under \"What will this mean for our families\"",
);

#[test]
fn every_error_is_reported_at_once_with_its_place_and_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, stderr) = broken_build(&dir.path().join("site"));
    assert!(!ok, "a broken build must fail");
    for (place, message) in EXPECTED {
        let at = stderr
            .find(message)
            .unwrap_or_else(|| panic!("«{message}» missing from:\n{stderr}"));
        let block = &stderr[at..stderr[at..].find("\n\n").map_or(stderr.len(), |e| at + e)];
        assert!(
            block.contains(place),
            "«{message}» should be at {place}:\n{block}"
        );
        assert!(
            block.contains("hint: "),
            "«{message}» has no hint:\n{block}"
        );
    }
    assert!(
        stderr.contains("hint: did you mean \"chief-nurse\"?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: did you mean \"on-track\"?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: did you mean \"bad/1.1\"?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("first used at content/priorities/1-care.toml:6"),
        "{stderr}"
    );
    assert!(
        stderr.contains("4 warnings: run `planpress check` to read them."),
        "{stderr}"
    );
    assert!(!stderr.contains(WARNED.1), "{stderr}");
    assert!(
        stderr.contains("19 errors and 4 warnings found."),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn check_reports_the_same_problems_without_writing() {
    let root = fixture("broken");
    let output = planpress(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (place, _) in EXPECTED.into_iter().chain([WARNED]) {
        assert!(stderr.contains(place), "{place} missing:\n{stderr}");
    }
    assert!(stderr.contains(WARNED.1), "{stderr}");
    assert!(!root.join("site").exists(), "check writes nothing");
}

#[test]
fn a_failed_build_leaves_the_last_good_site_as_it_was() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let before = tree(&out);
    let (ok, _) = broken_build(&out);
    assert!(!ok);
    assert_eq!(
        tree(&out),
        before,
        "not one byte of the previous site changed"
    );
}

#[test]
fn a_write_that_fails_midway_leaves_the_last_good_site_as_it_was() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let before = tree(&out);
    // A file stands where the staging folder goes, so the build fails while writing, after
    // rendering succeeded: the failure a full disk or a killed process would cause midway.
    let blocker = out.parent().unwrap().join(".site.planpress-new");
    std::fs::write(&blocker, "in the way").unwrap();
    let output = run_build(&fixture("custom-labels"), &out);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("could not be written"), "{stderr}");
    assert_eq!(
        tree(&out),
        before,
        "not one byte of the previous site changed"
    );
}

#[test]
fn a_missing_content_folder_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    let output = planpress(&["build", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("there is no content folder here"),
        "{stderr}"
    );
    assert!(stderr.contains("--root"), "{stderr}");
    assert!(!dir.path().join("site").exists(), "nothing is written");
}

#[test]
fn the_command_line_explains_itself() {
    let help = planpress(&["--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("build"));
    let version = planpress(&["--version"]);
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("planpress {}", env!("CARGO_PKG_VERSION"))
    );
    let build_help = String::from_utf8_lossy(&planpress(&["build", "--help"]).stdout).into_owned();
    assert!(
        build_help.contains("--root")
            && build_help.contains("--out")
            && build_help.contains("--as-of"),
        "{build_help}"
    );
}
