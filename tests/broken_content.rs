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

#[test]
fn every_error_is_reported_at_once_with_its_place_and_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, stderr) = broken_build(&dir.path().join("site"));
    assert!(!ok, "a broken build must fail");
    let expected = [
        (
            "content/priorities/2-staff.toml:2:15",
            "invalid basic string",
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
            "content/priorities/1-care.toml:13:6",
            "the action id \"antenatal\" is used twice",
        ),
        (
            "content/priorities/1-care.toml:9:12",
            "unknown recommendation \"bad/1.l\"",
        ),
        (
            "content/registers/bad.toml:15:6",
            "the item id \"1.1\" is used twice",
        ),
        (
            "content/pages/about.md:4:5",
            "this links to content/pages/missing.md, which does not exist",
        ),
    ];
    for (place, message) in expected {
        assert!(stderr.contains(place), "{place} missing from:\n{stderr}");
        assert!(
            stderr.contains(message),
            "{message} missing from:\n{stderr}"
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
    assert!(stderr.contains("7 problems found"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
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
        build_help.contains("--root") && build_help.contains("--out"),
        "{build_help}"
    );
}
