//! Snapshots: a BagIt bag and archive with fixed bytes, `verify` naming an altered file, the
//! previous-versions page and `diff --json` after an update between two snapshots.

mod common;
use common::*;

use std::path::Path;

#[test]
fn a_snapshot_is_a_bag_that_verify_checks_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let (ok, stdout, stderr) = run_in(dir.path(), &["snapshot", "2024-Q1"]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("manifest SHA-256"), "{stdout}");
    let bag = dir.path().join("snapshots/2024-Q1");
    for tag in [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "data/index.html",
        "data/print/index.html",
    ] {
        assert!(bag.join(tag).is_file(), "{tag}");
    }
    let info = std::fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    for field in [
        "External-Identifier: 2024-Q1",
        "Planpress-Report-Date: 2024-06-30",
        "Planpress-Build-Epoch: 1719705600",
        "Planpress-Version: ",
        "Planpress-Content-Commit: ",
        "Planpress-Uncommitted-Changes: ",
        "Payload-Oxum: ",
    ] {
        assert!(info.contains(field), "{field} missing from:\n{info}");
    }
    assert!(read(&bag.join("data"), "index.html")
        .contains("This is snapshot 2024-Q1, kept as published."));
    assert!(
        dir.path().join("content/snapshots/2024-Q1.toml").is_file(),
        "the record stays with the content"
    );

    let verify = |path: &Path| planpress(&["verify", path.to_str().unwrap()]);
    assert!(verify(&bag).status.success());
    assert!(
        verify(&dir.path().join("snapshots/2024-Q1.tar"))
            .status
            .success(),
        "the archive verifies too"
    );

    let page = bag.join("data/actions/triage.html");
    let mut bytes = std::fs::read(&page).unwrap();
    let last = bytes.len() - 2;
    bytes[last] ^= 1;
    std::fs::write(&page, bytes).unwrap();
    let output = verify(&bag);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "altered: data/actions/triage.html (its SHA-256 is not the one manifest-sha256.txt gives)"
    );

    let (ok, _, stderr) = run_in(dir.path(), &["snapshot", "2024-Q1"]);
    assert!(
        !ok && stderr.contains("already exists") && stderr.contains("never replaced"),
        "{stderr}"
    );
}

#[test]
fn the_same_content_gives_a_byte_identical_archive_anywhere_and_any_time() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    copy_fixture("progress", a.path());
    copy_fixture("progress", b.path());
    assert!(run_in(a.path(), &["snapshot", "q1"]).0);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(run_in(b.path(), &["snapshot", "q1"]).0);
    let archive = |dir: &Path| std::fs::read(dir.join("snapshots/q1.tar")).unwrap();
    assert!(
        archive(a.path()) == archive(b.path()),
        "the two archives differ"
    );
    assert_eq!(
        tree(&a.path().join("snapshots/q1")),
        tree(&b.path().join("snapshots/q1"))
    );
}

#[test]
fn two_snapshots_with_an_update_between_them_are_compared() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    assert!(
        run_in(
            dir.path(),
            &["snapshot", "2023-Q2", "--as-of", "2023-08-01"]
        )
        .0
    );
    // Between the two: the October and later updates are published, and a bullet is reworded.
    let register = dir.path().join("content/priorities/1-safety.toml");
    let text = std::fs::read_to_string(&register)
        .unwrap()
        .replace("Opening a triage room.", "Opening two triage rooms.");
    std::fs::write(&register, text).unwrap();
    assert!(run_in(dir.path(), &["snapshot", "2024-Q1"]).0);

    let (ok, json, _) = run_in(dir.path(), &["diff", "2023-Q2", "2024-Q1", "--json"]);
    assert!(ok);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let changes = report["status_changes"].as_array().unwrap();
    let triage = changes.iter().find(|c| c["id"] == "triage").expect(&json);
    assert_eq!(
        (triage["from"].as_str(), triage["to"].as_str()),
        (Some("on-track"), Some("at-risk"))
    );
    assert!(changes
        .iter()
        .any(|c| c["id"] == "fetal-monitoring" && c["to"] == "complete"));
    let words = &report["text_changes"][0];
    assert_eq!(words["id"], "triage");
    assert_eq!(words["column"], "doing");
    assert!(
        words["words"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["kind"] == "added" && w["text"] == "two"),
        "{json}"
    );

    let (_site, out) = build(dir.path());
    let page = visible_text(&read(&out, "versions.html"));
    let newest = page.find("2024-Q1 30 June 2024").expect(&page);
    let older = page.find("2023-Q2 1 August 2023").expect(&page);
    assert!(newest < older, "newest first");
    assert!(
        page.contains("What changed from 2023-Q2 to 2024-Q1"),
        "{page}"
    );
    assert!(
        page.contains("1.1 Maternity triage: from On track to At risk"),
        "{page}"
    );
    assert!(
        page.contains("Opening [removed: a][added: two] triage [removed: room.][added: rooms.]"),
        "{page}"
    );
}
