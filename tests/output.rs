//! `build --out`: planpress replaces only a folder it wrote itself, and a build stopped at any
//! instant never loses the last good site. Each test runs the real binary.

mod common;

use std::fs;
use std::path::Path;

use common::{copy_fixture, fixture, run_build, tree};

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A site built from the `custom-labels` fixture into `DIR/site`.
fn built_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let output = run_build(&fixture("custom-labels"), &out);
    assert!(output.status.success(), "{}", stderr(&output));
    (dir, out)
}

#[test]
fn a_web_root_planpress_did_not_build_is_refused_and_nothing_in_it_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pages-checkout");
    write(&out.join("index.html"), "<h1>Our blog</h1>");
    write(&out.join("sitemap.xml"), "<urlset/>");
    write(&out.join(".git/config"), "[core]");
    write(&out.join("board-paper.docx"), "precious");
    write(&out.join("blog/2024/first.html"), "a post");
    let before = tree(&out);

    let output = run_build(&fixture("custom-labels"), &out);

    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    assert!(said.contains("will not replace"), "{said}");
    assert!(
        said.contains(".git/"),
        "names a file it did not write: {said}"
    );
    assert!(said.contains("hint: "), "{said}");
    assert!(said.contains("is as it was"), "{said}");
    assert_eq!(tree(&out), before, "not one file changed");
}

#[test]
fn a_site_planpress_built_is_replaced_its_stale_pages_go_and_its_readme_stays() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("custom-labels", dir.path());
    let out = dir.path().join("site");
    // A clean clone: the committed README.md is all there is in site/.
    write(&out.join("README.md"), "# site/\nThe built website.");
    let extra = dir.path().join("content/pages/extra.md");
    write(
        &extra,
        "+++\ntitle = \"Extra\"\nsummary = \"For a while.\"\n+++\nSoon gone.\n",
    );
    assert!(run_build(dir.path(), &out).status.success());
    assert!(out.join("extra.html").is_file());
    let marker = fs::read_to_string(out.join(".planpress-manifest")).unwrap();
    assert!(marker.lines().any(|l| l == "index.html"), "{marker}");

    fs::remove_file(extra).unwrap();
    let output = run_build(dir.path(), &out);

    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        !out.join("extra.html").exists(),
        "the page the content no longer has is gone"
    );
    assert!(out.join("index.html").is_file());
    assert_eq!(
        fs::read_to_string(out.join("README.md")).unwrap(),
        "# site/\nThe built website."
    );
}

#[test]
fn a_file_dropped_into_a_built_site_is_kept_and_the_build_refused() {
    let (_dir, out) = built_site();
    write(&out.join("actions/minutes.docx"), "the minutes");
    let before = tree(&out);

    let output = run_build(&fixture("custom-labels"), &out);

    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    assert!(said.contains("actions/minutes.docx"), "{said}");
    assert_eq!(tree(&out), before, "the site and the file are as they were");
}

#[test]
fn a_build_stopped_between_its_two_renames_leaves_a_site_the_next_build_puts_back() {
    let (dir, out) = built_site();
    let before = tree(&out);
    let saved = dir.path().join(".site.planpress-old");
    // The state a kill between the renames leaves: the old site saved, the new one whole beside it.
    fs::rename(&out, &saved).unwrap();
    write(&dir.path().join(".site.planpress-new/index.html"), "new");

    // A build that then finds problems in the content puts the old site back and says so truly.
    let output = run_build(&fixture("broken"), &out);
    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    assert!(said.contains("the last good site is back"), "{said}");
    assert!(said.contains("is as it was"), "{said}");
    assert_eq!(tree(&out), before, "the old site, whole, back in its place");
    assert!(!saved.exists());

    // The same state again, and a good build: the new site replaces the old.
    fs::rename(&out, &saved).unwrap();
    let output = run_build(&fixture("custom-labels"), &out);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(tree(&out), before, "the same content builds the same site");
    assert!(!saved.exists() && !dir.path().join(".site.planpress-new").exists());
}

#[test]
fn a_build_stopped_after_both_renames_leaves_the_new_site_and_the_copy_goes() {
    let (dir, out) = built_site();
    let before = tree(&out);
    let saved = dir.path().join(".site.planpress-old");
    write(&saved.join("index.html"), "the site before");

    let output = run_build(&fixture("custom-labels"), &out);

    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(tree(&out), before);
    assert!(!saved.exists());
}

#[test]
fn a_failure_says_what_is_on_disk_when_there_is_no_site_yet() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let output = run_build(&fixture("broken"), &out);
    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    assert!(said.contains("There is no site at"), "{said}");
    assert!(!said.contains("is as it was"), "{said}");
    assert!(!out.exists());
}
