//! What a bag holds, read once, safely: every regular file's size and checksums, the text of the
//! tag files, and every entry that has no place in a bag (a link, a device, a second bag in an
//! archive). The checks in `check.rs` then look only at this, so no path a manifest names is
//! ever opened: a file that is not in the inventory is simply missing.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

use sha2::{Digest, Sha256, Sha512};

use super::check::Problem;
use super::tagfile::Algorithm;

/// The most of a tag file planpress reads into memory; a real plan's manifest is a few hundred
/// kilobytes. Payload files are only streamed through the checksums, whatever their size.
pub const TAG_TEXT_LIMIT: u64 = 64 * 1024 * 1024;

/// One regular file of the bag.
#[derive(Debug, Clone)]
pub struct Held {
    pub size: u64,
    pub sha256: String,
    pub sha512: String,
    /// The bytes of a tag file planpress reads (`bagit.txt`, `bag-info.txt`, manifests), when
    /// under [`TAG_TEXT_LIMIT`].
    pub text: Option<Vec<u8>>,
}

impl Held {
    pub fn checksum(&self, algorithm: Algorithm) -> &str {
        match algorithm {
            Algorithm::Sha256 => &self.sha256,
            Algorithm::Sha512 => &self.sha512,
        }
    }
}

/// A bag as read: its files by path inside the bag ("data/index.html", "bagit.txt").
#[derive(Debug, Default)]
pub struct Inventory {
    pub files: BTreeMap<String, Held>,
    /// What has no place in a bag, found while reading it.
    pub problems: Vec<Problem>,
    /// The folder an archive holds the bag in; none for a bag folder.
    pub archive_top: Option<String>,
}

/// A tag file at the bag's top whose text the checks read.
fn is_read_as_text(path: &str) -> bool {
    !path.contains('/')
        && (matches!(path, "bagit.txt" | "bag-info.txt" | "fetch.txt")
            || (path.ends_with(".txt")
                && (path.starts_with("manifest-") || path.starts_with("tagmanifest-"))))
}

/// Streams `reader` through both checksums, keeping the bytes of a tag file.
fn hold(mut reader: impl Read, size: u64, path: &str) -> io::Result<Held> {
    let keep = is_read_as_text(path) && size <= TAG_TEXT_LIMIT;
    let (mut sha256, mut sha512) = (Sha256::new(), Sha512::new());
    let mut text = keep.then(Vec::new);
    let mut buffer = vec![0; 64 * 1024];
    let mut read: u64 = 0;
    loop {
        let n = reader.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        read += n as u64;
        if read > size {
            break;
        }
        sha256.update(&buffer[..n]);
        sha512.update(&buffer[..n]);
        if let Some(text) = text.as_mut() {
            text.extend_from_slice(&buffer[..n]);
        }
    }
    if read != size {
        return Err(io::Error::other(format!(
            "{path} changed while it was read ({size} bytes expected)"
        )));
    }
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(Held {
        size,
        sha256: hex(&sha256.finalize()),
        sha512: hex(&sha512.finalize()),
        text,
    })
}

fn problem(kind: &'static str, subject: &str, why: &str) -> Problem {
    Problem::new(kind, subject, why)
}

/// The bag in `folder`. Every entry is looked at without following links; only regular files
/// are opened, and each is read no further than the size it had when looked at.
pub fn of_folder(folder: &Path) -> io::Result<Inventory> {
    if !fs::metadata(folder)?.is_dir() {
        return Err(io::Error::other("it is not a folder"));
    }
    let mut bag = Inventory::default();
    for entry in walkdir::WalkDir::new(folder)
        .min_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(io::Error::other)?;
        let relative = entry.path().strip_prefix(folder).unwrap_or(entry.path());
        let Some(name) = relative.to_str().map(|n| n.replace('\\', "/")) else {
            let shown = relative.display().to_string();
            bag.problems
                .push(problem("name", &shown, "a file name that is not UTF-8"));
            continue;
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        } else if kind.is_symlink() {
            bag.problems.push(problem(
                "link",
                &name,
                "a symbolic link; a bag holds only files and folders, and links are never followed",
            ));
        } else if kind.is_file() {
            let held = open_regular(entry.path(), &name)?;
            bag.files.insert(name, held);
        } else {
            bag.problems.push(problem(
                "special file",
                &name,
                "a device, pipe or socket; a bag holds only files and folders",
            ));
        }
    }
    Ok(bag)
}

/// Opens a file seen as regular and checks it is still that file, then reads it.
fn open_regular(path: &Path, name: &str) -> io::Result<Held> {
    let seen = fs::symlink_metadata(path)?;
    let file = fs::File::open(path)?;
    let opened = file.metadata()?;
    if !opened.is_file() || !same_file(&seen, &opened) {
        return Err(io::Error::other(format!(
            "{name} was replaced while it was read"
        )));
    }
    hold(file.take(opened.len() + 1), opened.len(), name)
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    a.len() == b.len()
}

/// The bag in a tar archive, read entry by entry without unpacking: it must be one folder
/// holding only folders and regular files, with plain relative names.
pub fn of_archive(archive: &Path) -> io::Result<Inventory> {
    if !fs::metadata(archive)?.is_file() {
        return Err(io::Error::other("it is neither a folder nor a file"));
    }
    let mut bag = Inventory::default();
    let mut tar = tar::Archive::new(fs::File::open(archive)?);
    for entry in tar.entries()? {
        let entry = entry?;
        let raw = entry.path()?.to_string_lossy().into_owned();
        let Some((top, inside)) = archive_name(&raw) else {
            bag.problems.push(problem(
                "outside the bag",
                &raw,
                "an archive entry with an absolute name or `..`, which could write outside the folder it is unpacked in",
            ));
            continue;
        };
        let top_entry = inside.is_empty();
        let kind = entry.header().entry_type();
        if !in_the_one_folder(&mut bag, top, top_entry && !kind.is_dir(), &raw) {
            continue;
        }
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() || top_entry {
            bag.problems.push(problem(
                "link",
                &raw,
                "an archive entry that is a link, device or other special file; a bag holds only files and folders",
            ));
            continue;
        }
        if bag.files.contains_key(inside) {
            bag.problems.push(problem(
                "twice",
                &raw,
                "the archive holds two entries with this name; unpacking would keep only the last",
            ));
            continue;
        }
        let size = entry.size();
        let held = hold(entry, size, inside)?;
        bag.files.insert(inside.to_string(), held);
    }
    Ok(bag)
}

/// Whether an entry under `top` is inside the archive's one bag folder (the first folder it
/// holds); a second folder, or a file beside the folder, is named once as a problem.
fn in_the_one_folder(bag: &mut Inventory, top: &str, a_top_file: bool, raw: &str) -> bool {
    let first = match bag.archive_top.as_deref() {
        Some(first) => first.to_string(),
        None if !a_top_file => {
            bag.archive_top = Some(top.to_string());
            return true;
        }
        None => {
            let why = "the archive must hold one bag in one folder; this entry is outside it";
            bag.problems.push(problem("not one bag", raw, why));
            return false;
        }
    };
    let second = format!("{top}/");
    if first == top {
        return true;
    }
    if !bag.problems.iter().any(|p| p.subject == second) {
        let why =
            format!("the archive must hold one bag in one folder, {first}/, and nothing else");
        bag.problems.push(problem("not one bag", &second, &why));
    }
    false
}

/// An archive entry's (top folder, path inside it), or none when the name could leave the folder
/// it is unpacked in.
fn archive_name(raw: &str) -> Option<(&str, &str)> {
    let name = raw.strip_suffix('/').unwrap_or(raw);
    if name.is_empty() || super::tagfile::leaves_the_bag(name) {
        return None;
    }
    Some(name.split_once('/').unwrap_or((name, "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_names_that_could_leave_the_folder_are_refused() {
        assert_eq!(archive_name("q1/"), Some(("q1", "")));
        assert_eq!(archive_name("q1/data/a.html"), Some(("q1", "data/a.html")));
        for bad in ["/etc/passwd", "../x", "q1/../../x", "q1/./x", "q1//x", ""] {
            assert_eq!(archive_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_file_read_is_held_only_to_the_size_it_had() {
        let held = hold(&b"abc"[..], 3, "data/a").unwrap();
        assert_eq!(held.size, 3);
        assert!(held.text.is_none(), "payload bytes are not kept");
        assert!(hold(&b"abcd"[..], 3, "data/a").is_err(), "it grew");
        assert!(hold(&b"ab"[..], 3, "data/a").is_err(), "it shrank");
        let held = hold(&b"x"[..], 1, "bagit.txt").unwrap();
        assert_eq!(held.text.as_deref(), Some(&b"x"[..]));
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_in_a_bag_is_named_and_never_opened() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("data")).unwrap();
        let pipe = dir.path().join("data/pipe");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to test with
        }
        let bag = of_folder(dir.path()).unwrap();
        assert_eq!(bag.problems[0].kind, "special file");
        assert_eq!(bag.problems[0].subject, "data/pipe");
    }
}
