//! A quiet terminal: `build` counts the warnings and `check` lists them, warnings accepted with
//! `check --accept` are counted and only new ones listed, `-q` prints errors only, errors come
//! last so they are never buried, and colour only on a terminal or when asked.

mod common;
use common::*;

/// The progress fixture, whose one warning is then "NHS" not in the glossary: its update dated
/// after the report date (a warning of its own) is taken out.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let later = dir.path().join("content/updates/2024-09-01-september.md");
    std::fs::remove_file(later).unwrap();
    dir
}

/// Makes one error: a misspelt status.
fn break_a_status(root: &std::path::Path) {
    let (from, to) = ("status = \"not-started\"", "status = \"on-trak\"");
    edit(root, "priorities/1-safety.toml", from, to);
}

const NHS: &str = "\"NHS\" is not in the glossary";
const CQC: &str = "\"CQC\" is not in the glossary";

fn build_in(root: &std::path::Path, more: &[&str]) -> (bool, String, String) {
    let out = root.join("site");
    let mut args = vec!["build", "--out", out.to_str().unwrap()];
    args.extend(more);
    run_in(root, &args)
}

#[test]
fn build_counts_the_warnings_and_check_lists_them() {
    let dir = project();
    let (ok, _, stderr) = build_in(dir.path(), &[]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("1 warning: run `planpress check` to read it."),
        "{stderr}"
    );
    assert!(!stderr.contains(NHS), "{stderr}");
    let (ok, _, stderr) = run_in(dir.path(), &["check"]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains(&format!("warning: {NHS}")), "{stderr}");
}

#[test]
fn quiet_prints_errors_only() {
    let dir = project();
    let root = dir.path();
    for command in [&["check", "-q"][..], &["build", "-q"][..]] {
        let (ok, stdout, stderr) = match command[0] {
            "build" => build_in(root, &command[1..]),
            _ => run_in(root, command),
        };
        assert!(ok, "{stderr}");
        assert_eq!(stderr, "", "{command:?} is quiet");
        assert_eq!(stdout, "", "{command:?} is quiet");
    }
    break_a_status(root);
    for command in ["check", "build"] {
        let (ok, _, stderr) = match command {
            "build" => build_in(root, &["-q"]),
            _ => run_in(root, &["check", "-q"]),
        };
        assert!(!ok);
        assert!(
            stderr.contains("error: unknown status \"on-trak\""),
            "{stderr}"
        );
        assert!(
            !stderr.contains("warning"),
            "{command} -q shows no warning:\n{stderr}"
        );
    }
}

#[test]
fn errors_are_printed_after_the_warnings_so_they_are_not_buried() {
    let dir = project();
    let root = dir.path();
    break_a_status(root);
    let (_, _, built) = build_in(root, &[]);
    let count = built
        .find("1 warning: run `planpress check`")
        .expect(&built);
    let error = built.find("error: unknown status").expect(&built);
    assert!(count < error, "{built}");
    assert!(!built.contains(NHS), "{built}");
    let (_, _, checked) = run_in(root, &["check"]);
    let warning = checked.find(NHS).expect(&checked);
    let error = checked.find("error: unknown status").expect(&checked);
    assert!(warning < error, "{checked}");
}

#[test]
fn accepted_warnings_are_counted_and_only_new_ones_listed() {
    let dir = project();
    let root = dir.path();
    let (ok, stdout, _) = run_in(root, &["check", "--accept"]);
    assert!(ok);
    assert!(stdout.contains("Accepted 1 warning into"), "{stdout}");
    let file = std::fs::read_to_string(root.join("accepted-warnings.toml")).unwrap();
    let read: toml::Table = toml::from_str(&file).unwrap();
    let entry = read["accepted"][0].as_table().unwrap();
    assert_eq!(entry["file"].as_str(), Some("content/plan.toml"));
    assert_eq!(entry["warning"].as_str(), Some(NHS));
    assert_eq!(
        entry["text"].as_str(),
        Some("organisation = \"Eastmere Hospitals NHS Trust\""),
        "the line it is at, as written"
    );
    assert!(!file.contains("line ="), "no line numbers:\n{file}");

    // Lines added above the accepted warning, and a new warning.
    edit(
        root,
        "plan.toml",
        "organisation =",
        "# Checked by the board.\n\norganisation =",
    );
    edit(
        root,
        "plan.toml",
        "Safe, kind care",
        "Safe, kind care, as the CQC asks,",
    );
    let (ok, stdout, stderr) = run_in(root, &["check"]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains(&format!("warning: {CQC}")), "{stderr}");
    assert!(
        !stderr.contains(NHS),
        "the accepted one is not listed:\n{stderr}"
    );
    assert!(
        stderr.contains("1 accepted warning not listed (in accepted-warnings.toml)."),
        "{stderr}"
    );
    assert!(
        stdout.contains("No errors; 1 new warning and 1 accepted."),
        "{stdout}"
    );
    let (_, _, built) = build_in(root, &[]);
    assert!(
        built.contains("1 new warning and 1 accepted: run `planpress check` to read it."),
        "{built}"
    );

    // The accepted warning goes away: the next accept drops it.
    edit(
        root,
        "plan.toml",
        "Eastmere Hospitals NHS Trust",
        "Eastmere Hospitals Trust",
    );
    run_in(root, &["check", "--accept"]);
    let file = std::fs::read_to_string(root.join("accepted-warnings.toml")).unwrap();
    assert!(!file.contains("NHS"), "{file}");
    assert!(file.contains("CQC"), "{file}");
    let (_, _, built) = build_in(root, &[]);
    assert!(built.contains("1 accepted warning."), "{built}");
}

#[test]
fn colour_only_when_asked_and_never_with_no_color_or_into_a_pipe() {
    let dir = project();
    let root = dir.path();
    break_a_status(root);
    let escape = "\u{1b}[";
    // The test reads through a pipe, which is not a terminal.
    let (_, _, piped) = run_in(root, &["check"]);
    assert!(!piped.contains(escape), "{piped:?}");
    let (_, _, always) = run_in(root, &["check", "--color", "always"]);
    assert!(always.contains(escape), "{always:?}");
    assert!(always.contains("unknown status"), "{always:?}");
    let (_, _, never) = run_in(root, &["--color", "never", "check"]);
    assert!(!never.contains(escape), "{never:?}");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(["check", "--root", root.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains(escape));
    // On a terminal (a pseudo-terminal `script` makes): colour, unless NO_COLOR is set.
    if let Some(shown) = on_a_terminal(root, None) {
        assert!(shown.contains(escape), "{shown:?}");
        let shown = on_a_terminal(root, Some("1")).unwrap();
        assert!(!shown.contains(escape), "{shown:?}");
        assert!(shown.contains("unknown status"), "{shown:?}");
    }
}

/// What `planpress check` shows on a terminal, with `NO_COLOR` as given; `None` where there is no
/// `script` to make one (it comes with util-linux).
fn on_a_terminal(root: &std::path::Path, no_color: Option<&str>) -> Option<String> {
    let bin = env!("CARGO_BIN_EXE_planpress");
    let command = format!("{bin} check --root {}", root.display());
    let mut script = std::process::Command::new("script");
    script
        .args(["-qec", &command, "/dev/null"])
        .env_remove("NO_COLOR");
    if let Some(value) = no_color {
        script.env("NO_COLOR", value);
    }
    let output = script.output().ok()?;
    let shown = String::from_utf8_lossy(&output.stdout).into_owned();
    shown.contains("unknown status").then_some(shown)
}
