//! `verify` against forged snapshots: each test takes a real snapshot of a fixture, forges it as
//! someone hiding a change would (recomputing every checksum they can), and checks that `verify`
//! exits non-zero and names the problem in plain words.

mod common;
use common::*;

use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

const LABEL: &str = "2024-Q1";

/// A project with one snapshot taken: (its folder, the bag's folder).
fn snapshot() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let (ok, _, stderr) = run_in(dir.path(), &["snapshot", LABEL]);
    assert!(ok, "{stderr}");
    let bag = dir.path().join("snapshots").join(LABEL);
    (dir, bag)
}

/// `planpress verify` with these arguments: (succeeded, stdout, stderr).
fn verify(args: &[&Path]) -> (bool, String, String) {
    let args: Vec<&str> = args.iter().map(|p| p.to_str().unwrap()).collect();
    let mut all = vec!["verify"];
    all.extend(args);
    let output = planpress(&all);
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Asserts `verify` refuses the bag, and that what it prints mentions each of `words`.
fn refused(args: &[&Path], words: &[&str]) {
    let (ok, stdout, stderr) = verify(args);
    let said = format!("{stdout}{stderr}");
    assert!(!ok, "verify passed a forged snapshot:\n{said}");
    for word in words {
        assert!(said.contains(word), "{word:?} not in:\n{said}");
    }
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What a careful forger does last: recompute the tag manifest, so it matches the tag files as
/// they now are (a line for a file that is gone is dropped).
fn recompute_tag_manifest(bag: &Path) {
    let path = bag.join("tagmanifest-sha256.txt");
    let lines: String = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter_map(|line| {
            let name = line.split_whitespace().nth(1)?;
            let bytes = fs::read(bag.join(name)).ok()?;
            Some(format!("{}  {name}\n", sha256(&bytes)))
        })
        .collect();
    fs::write(path, lines).unwrap();
}

/// Removes the lines of a text file that contain `text`.
fn drop_lines(file: &Path, text: &str) {
    let kept: String = fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter(|l| !l.contains(text))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(file, kept).unwrap();
}

/// Appends a manifest line naming `path` with the checksum of `bytes`.
fn list(bag: &Path, path: &str, bytes: &[u8]) {
    let manifest = bag.join("manifest-sha256.txt");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str(&format!("{}  {path}\n", sha256(bytes)));
    fs::write(manifest, text).unwrap();
}

/// Every file and folder of `bag` as tar entries under `top/`.
fn append_bag(builder: &mut tar::Builder<fs::File>, bag: &Path, top: &str) {
    for entry in walkdir::WalkDir::new(bag).sort_by_file_name() {
        let entry = entry.unwrap();
        let name = Path::new(top).join(entry.path().strip_prefix(bag).unwrap());
        if entry.file_type().is_dir() {
            builder.append_dir(&name, entry.path()).unwrap();
        } else {
            builder.append_path_with_name(entry.path(), &name).unwrap();
        }
    }
}

#[test]
fn an_intact_snapshot_verifies_as_folder_and_archive_and_says_what_was_checked() {
    let (dir, bag) = snapshot();
    let (ok, stdout, stderr) = verify(&[&bag]);
    assert!(ok, "{stdout}{stderr}");
    for checked in [
        "bagit.txt",
        "BagIt 1.0",
        "Payload-Oxum",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "no links",
    ] {
        assert!(stdout.contains(checked), "{checked:?} not in:\n{stdout}");
    }
    let archive = dir.path().join(format!("snapshots/{LABEL}.tar"));
    let (ok, stdout, stderr) = verify(&[&archive]);
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("one bag"), "{stdout}");
}

#[test]
fn an_archive_with_an_intact_decoy_bag_beside_a_tampered_one_is_refused() {
    let (dir, bag) = snapshot();
    let forged = dir.path().join("forged");
    copy_tree(&bag, &forged);
    fs::write(forged.join("data/index.html"), "<p>All is well.</p>").unwrap();
    for (decoy, tampered) in [("a-decoy", "z-real"), ("z-decoy", "a-real")] {
        let archive = dir.path().join(format!("{decoy}.tar"));
        let mut builder = tar::Builder::new(fs::File::create(&archive).unwrap());
        append_bag(&mut builder, &bag, decoy);
        append_bag(&mut builder, &forged, tampered);
        builder.into_inner().unwrap();
        refused(&[&archive], &["one bag", tampered]);
    }
}

#[test]
fn an_emptied_payload_with_emptied_manifests_is_refused() {
    let (_dir, bag) = snapshot();
    fs::remove_dir_all(bag.join("data")).unwrap();
    fs::create_dir(bag.join("data")).unwrap();
    fs::write(bag.join("manifest-sha256.txt"), "").unwrap();
    recompute_tag_manifest(&bag);
    refused(&[&bag], &["no files", "Payload-Oxum"]);
}

#[test]
fn a_bag_without_bagit_txt_is_refused() {
    let (_dir, bag) = snapshot();
    fs::remove_file(bag.join("bagit.txt")).unwrap();
    drop_lines(&bag.join("tagmanifest-sha256.txt"), "bagit.txt");
    refused(&[&bag], &["bagit.txt"]);
}

#[test]
fn a_dropped_file_with_its_manifest_line_removed_is_caught_by_payload_oxum() {
    let (_dir, bag) = snapshot();
    fs::remove_file(bag.join("data/actions/triage.html")).unwrap();
    drop_lines(&bag.join("manifest-sha256.txt"), "data/actions/triage.html");
    recompute_tag_manifest(&bag);
    refused(&[&bag], &["Payload-Oxum", "files"]);
}

#[cfg(unix)]
#[test]
fn an_unlisted_symbolic_link_is_refused() {
    let (_dir, bag) = snapshot();
    std::os::unix::fs::symlink("/etc/passwd", bag.join("data/passwd")).unwrap();
    refused(&[&bag], &["data/passwd", "link"]);
}

#[test]
fn manifest_lines_naming_files_outside_the_bag_are_refused_unread() {
    let (dir, bag) = snapshot();
    let outside = b"a file beside the project";
    fs::write(dir.path().join("x"), outside).unwrap();
    list(&bag, "../../x", outside);
    list(&bag, &dir.path().join("x").display().to_string(), outside);
    recompute_tag_manifest(&bag);
    refused(&[&bag], &["../../x", "outside the bag"]);
}

#[cfg(unix)]
#[test]
fn a_manifest_line_naming_a_device_is_refused_without_reading_it() {
    let (_dir, bag) = snapshot();
    list(&bag, "/dev/zero", b"");
    recompute_tag_manifest(&bag);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(["verify", bag.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed().as_secs() > 20 {
            let _ = child.kill();
            panic!("verify was still reading /dev/zero after 20 seconds");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{stdout}");
    assert!(
        stdout.contains("/dev/zero") && stdout.contains("outside the bag"),
        "{stdout}"
    );
}

#[test]
fn verify_with_the_record_catches_a_bag_forged_consistently() {
    let (dir, bag) = snapshot();
    let record = dir.path().join(format!("content/snapshots/{LABEL}.toml"));
    let (ok, stdout, stderr) = verify(&[&bag, Path::new("--record"), &record]);
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("the record"), "{stdout}");

    // A forgery RFC 8493 cannot see: a page dropped, and every count and checksum made to agree.
    let page = "data/actions/triage.html";
    let size = fs::metadata(bag.join(page)).unwrap().len();
    fs::remove_file(bag.join(page)).unwrap();
    drop_lines(&bag.join("manifest-sha256.txt"), page);
    let info = fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    let oxum = info.lines().next().unwrap();
    let (octets, files) = oxum["Payload-Oxum: ".len()..].split_once('.').unwrap();
    let (octets, files): (u64, u64) = (octets.parse().unwrap(), files.parse().unwrap());
    let forged_oxum = format!("Payload-Oxum: {}.{}", octets - size, files - 1);
    fs::write(bag.join("bag-info.txt"), info.replace(oxum, &forged_oxum)).unwrap();
    recompute_tag_manifest(&bag);
    assert!(verify(&[&bag]).0, "the forgery is a valid bag on its own");
    refused(
        &[&bag, Path::new("--record"), &record],
        &["record", "manifest", "files"],
    );
}

#[test]
fn verify_with_another_snapshots_record_is_refused() {
    let (dir, bag) = snapshot();
    assert!(
        run_in(
            dir.path(),
            &["snapshot", "2023-Q2", "--as-of", "2023-08-01"]
        )
        .0
    );
    let other = dir.path().join("content/snapshots/2023-Q2.toml");
    refused(&[&bag, Path::new("--record"), &other], &["2023-Q2", LABEL]);
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}
