//! The files in `content/files/` are published by a policy: documents, images, data and media
//! only, never a web page, a script or an SVG holding script, never a hidden file, and none over
//! the size limit. Each test builds a project with the real binary.

mod common;

use std::fs;
use std::path::Path;

use common::{append, copy_fixture, run_build, run_in, tree};

const SCRIPTED_SVG: &str =
    r#"<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(document.cookie)"/></svg>"#;
const CLEAN_SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><title>A square</title><rect width="4" height="4"/></svg>"#;

/// A small project with these files in `content/files/`.
fn project_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    for (path, bytes) in files {
        let path = dir.path().join("content/files").join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}

fn build(root: &Path) -> (bool, String, std::path::PathBuf) {
    let out = root.join("site");
    let output = run_build(root, &out);
    let said = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    (output.status.success(), said, out)
}

#[test]
fn only_documents_images_and_data_are_published_and_never_hidden_files() {
    let dir = project_with(&[
        ("leaflet.html", b"<script>alert(document.cookie)</script>"),
        ("chart.svg", SCRIPTED_SVG.as_bytes()),
        ("square.svg", CLEAN_SVG.as_bytes()),
        ("report.pdf", b"%PDF-1.7 the board report"),
        (".git/config", b"[remote \"origin\"]"),
        (".env", b"PASSWORD=hunter2"),
        ("photos/.DS_Store", b"\0\0\0\x01Bud1"),
    ]);

    let (ok, said, out) = build(dir.path());

    assert!(!ok, "a web page and an SVG with script stop the build");
    assert!(!out.exists(), "nothing is written");
    for expected in [
        "error: a .html file could run script as if it were the site itself, so it is not published\n = in content/files/leaflet.html\n = hint: save it as a PDF",
        "error: this SVG image holds an event-handler attribute (onload), which could run script as if it were the site itself\n = in content/files/chart.svg\n = hint: export the image again",
        // A build counts the warnings; `check` lists them.
        "warnings: run `planpress check` to read them.",
    ] {
        assert!(said.contains(expected), "{expected}\n{said}");
    }
    let (_, _, listed) = run_in(dir.path(), &["check"]);
    for expected in [
        "warning: this hidden folder is not published\n = in content/files/.git\n",
        "warning: this hidden or system file is not published\n = in content/files/.env\n",
        "warning: this hidden or system file is not published\n = in content/files/photos/.DS_Store\n",
    ] {
        assert!(listed.contains(expected), "{expected}\n{listed}");
    }
    assert!(!said.contains("square.svg"), "a clean SVG passes: {said}");
    assert!(!said.contains("report.pdf"), "{said}");

    fs::remove_file(dir.path().join("content/files/leaflet.html")).unwrap();
    fs::remove_file(dir.path().join("content/files/chart.svg")).unwrap();
    let (ok, said, out) = build(dir.path());

    assert!(ok, "{said}");
    assert!(
        said.contains("warnings: run `planpress check` to read them."),
        "{said}"
    );
    let published: Vec<String> = tree(&out)
        .into_iter()
        .map(|(path, _)| path.to_string_lossy().replace('\\', "/"))
        .filter(|path| path.starts_with("files/"))
        .collect();
    assert_eq!(published, ["files/report.pdf", "files/square.svg"]);
    assert_eq!(
        fs::read(out.join("files/report.pdf")).unwrap(),
        b"%PDF-1.7 the board report"
    );
}

#[test]
fn a_link_to_a_refused_file_is_not_also_called_missing() {
    let dir = project_with(&[("leaflet.html", b"<p>hi</p>")]);
    append(
        dir.path(),
        "pages/how-we-work.md",
        "\nRead [the leaflet](../files/leaflet.html).\n",
    );
    let (ok, said, _) = build(dir.path());
    assert!(!ok);
    assert!(said.contains("a .html file could run script"), "{said}");
    assert!(!said.contains("does not exist"), "{said}");
}

#[test]
fn a_file_over_the_size_limit_is_named_with_its_size_the_limit_and_how_to_raise_it() {
    let video = vec![0u8; 1_572_864]; // 1.5 MB
    let dir = project_with(&[("video.mp4", &video), ("small.pdf", b"%PDF")]);
    append(dir.path(), "plan.toml", "\n[files]\nlargest_mb = 1\n");

    let (ok, said, out) = build(dir.path());

    assert!(!ok);
    assert!(!out.exists());
    assert!(
        said.contains("error: this file is 1.5 MB, over the limit of 1 MB for a published file\n = in content/files/video.mp4\n"),
        "{said}"
    );
    assert!(
        said.contains("raise the limit in content/plan.toml: under its `[files]` line (add one at the end of the file if there is none), write `largest_mb = 2`"),
        "{said}"
    );
    assert!(!said.contains("small.pdf"), "{said}");

    common::edit(dir.path(), "plan.toml", "largest_mb = 1", "largest_mb = 2");
    let (ok, said, out) = build(dir.path());
    assert!(ok, "{said}");
    assert_eq!(fs::read(out.join("files/video.mp4")).unwrap(), video);
}

#[test]
fn the_default_limit_is_twenty_megabytes() {
    let dir = project_with(&[("big.pdf", b"")]);
    // A sparse file: 21 MB long, and nothing written to the disk.
    let big = dir.path().join("content/files/big.pdf");
    let file = fs::OpenOptions::new().write(true).open(big).unwrap();
    file.set_len(21 * 1_048_576).unwrap();
    let (ok, said, _) = build(dir.path());
    assert!(!ok);
    assert!(
        said.contains("this file is 21.0 MB, over the limit of 20 MB"),
        "{said}"
    );
}
