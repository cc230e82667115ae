//! BagIt bags (RFC 8493): the packaging archivists' own tools validate. A bag is a folder with
//! `bagit.txt`, `bag-info.txt`, the payload under `data/`, and SHA-256 manifests of both.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::render::OutputFile;

pub const BAGIT_TXT: &str = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `manifest-sha256.txt` for a payload: one line per file, sorted by path.
pub fn manifest(files: &[OutputFile]) -> String {
    let mut lines: Vec<String> = files
        .iter()
        .map(|f| format!("{}  data/{}", sha256(&f.bytes), f.path))
        .collect();
    lines.sort_by(|a, b| a[66..].cmp(&b[66..]));
    lines.into_iter().map(|l| l + "\n").collect()
}

/// `bag-info.txt`: the payload's size and the provenance, one `Label: value` line each.
pub fn bag_info(files: &[OutputFile], fields: &[(&str, String)]) -> String {
    let octets: usize = files.iter().map(|f| f.bytes.len()).sum();
    let mut text = format!("Payload-Oxum: {octets}.{}\n", files.len());
    for (label, value) in fields {
        text.push_str(&format!("{label}: {}\n", value.replace('\n', " ")));
    }
    text
}

/// Every file of the bag, payload and tag files, as (path in the bag, bytes), sorted.
pub fn bag_files(files: &[OutputFile], info: &str) -> Vec<(String, Vec<u8>)> {
    let manifest = manifest(files);
    let tags = [
        ("bag-info.txt", info.as_bytes().to_vec()),
        ("bagit.txt", BAGIT_TXT.as_bytes().to_vec()),
        ("manifest-sha256.txt", manifest.into_bytes()),
    ];
    let tagmanifest: String = tags
        .iter()
        .map(|(name, bytes)| format!("{}  {name}\n", sha256(bytes)))
        .collect();
    let mut all: Vec<(String, Vec<u8>)> =
        tags.into_iter().map(|(n, b)| (n.to_string(), b)).collect();
    all.push(("tagmanifest-sha256.txt".into(), tagmanifest.into_bytes()));
    all.extend(
        files
            .iter()
            .map(|f| (format!("data/{}", f.path), f.bytes.to_vec())),
    );
    all.sort();
    all
}

/// Writes the bag as a tar archive whose bytes depend only on the files and `epoch`: sorted
/// entries, fixed owners and modes, every time stamp the build epoch.
pub fn write_archive(
    archive: &Path,
    top: &str,
    files: &[(String, Vec<u8>)],
    epoch: i64,
) -> io::Result<()> {
    let mut builder = tar::Builder::new(fs::File::create(archive)?);
    let mut folders: Vec<String> = Vec::new();
    for (path, _) in files {
        let mut parts: Vec<&str> = path.split('/').collect();
        parts.pop();
        for i in 0..parts.len() {
            let folder = parts[..=i].join("/");
            if !folders.contains(&folder) {
                folders.push(folder);
            }
        }
    }
    folders.sort();
    let header = |size: u64, mode: u32, kind: tar::EntryType| {
        let mut header = tar::Header::new_ustar();
        header.set_size(size);
        header.set_mode(mode);
        header.set_entry_type(kind);
        header.set_mtime(epoch.max(0) as u64);
        header.set_uid(0);
        header.set_gid(0);
        header
    };
    builder.append_data(
        &mut header(0, 0o755, tar::EntryType::Directory),
        format!("{top}/"),
        io::empty(),
    )?;
    for folder in &folders {
        builder.append_data(
            &mut header(0, 0o755, tar::EntryType::Directory),
            format!("{top}/{folder}/"),
            io::empty(),
        )?;
    }
    for (path, bytes) in files {
        builder.append_data(
            &mut header(bytes.len() as u64, 0o644, tar::EntryType::Regular),
            format!("{top}/{path}"),
            bytes.as_slice(),
        )?;
    }
    builder.into_inner()?.sync_all()
}

/// What `verify` found: files whose bytes differ from the manifest, files it names that are
/// missing, and payload files it does not name.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Verification {
    pub altered: Vec<String>,
    pub missing: Vec<String>,
    pub extra: Vec<String>,
}

impl Verification {
    pub fn is_intact(&self) -> bool {
        self.altered.is_empty() && self.missing.is_empty() && self.extra.is_empty()
    }
}

/// Recomputes both manifests of the bag in `folder` and compares.
pub fn verify(folder: &Path) -> io::Result<Verification> {
    let mut found = Verification::default();
    let mut listed: BTreeMap<String, String> = BTreeMap::new();
    for manifest in ["manifest-sha256.txt", "tagmanifest-sha256.txt"] {
        let text = fs::read_to_string(folder.join(manifest))
            .map_err(|e| io::Error::new(e.kind(), format!("{manifest} could not be read: {e}")))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let (hash, path) = line
                .split_once(char::is_whitespace)
                .map(|(h, p)| (h, p.trim_start()))
                .unwrap_or((line, ""));
            listed.insert(path.to_string(), hash.to_lowercase());
        }
    }
    for (path, hash) in &listed {
        match fs::read(folder.join(path)) {
            Ok(bytes) if sha256(&bytes) == *hash => {}
            Ok(_) => found.altered.push(path.clone()),
            Err(_) => found.missing.push(path.clone()),
        }
    }
    for entry in walkdir::WalkDir::new(folder.join("data"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_file() {
            let path = entry.path().strip_prefix(folder).unwrap_or(entry.path());
            let name = path
                .iter()
                .map(|p| p.to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if !listed.contains_key(&name) {
                found.extra.push(name);
            }
        }
    }
    Ok(found)
}

/// Unpacks a bag archive into `into` and returns the bag's folder.
pub fn unpack(archive: &Path, into: &Path) -> io::Result<PathBuf> {
    tar::Archive::new(fs::File::open(archive)?).unpack(into)?;
    let top = fs::read_dir(into)?
        .flatten()
        .find(|e| e.path().is_dir())
        .map(|e| e.path());
    top.ok_or_else(|| io::Error::other("the archive holds no bag folder"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_byte_a_missing_file_and_an_extra_file_are_each_named() {
        let dir = tempfile::tempdir().unwrap();
        let bag = dir.path().join("bag");
        let files = [
            OutputFile::text("index.html", "<p>Hello</p>"),
            OutputFile::text("a/b.html", "b"),
            OutputFile::text("c.css", "c"),
        ];
        crate::write::new_folder(&bag, &bag_files(&files, &bag_info(&files, &[]))).unwrap();
        assert!(verify(&bag).unwrap().is_intact());
        fs::write(bag.join("data/index.html"), "<p>Hellp</p>").unwrap();
        fs::remove_file(bag.join("data/c.css")).unwrap();
        fs::write(bag.join("data/new.html"), "x").unwrap();
        let found = verify(&bag).unwrap();
        assert_eq!(found.altered, ["data/index.html"]);
        assert_eq!(found.missing, ["data/c.css"]);
        assert_eq!(found.extra, ["data/new.html"]);
    }

    #[test]
    fn the_manifest_is_sorted_and_says_payload_size() {
        let files = [
            OutputFile::text("b.html", "bb"),
            OutputFile::text("a.html", "a"),
        ];
        let manifest = manifest(&files);
        assert!(
            manifest.lines().next().unwrap().ends_with("  data/a.html"),
            "{manifest}"
        );
        assert!(bag_info(&files, &[("External-Identifier", "q3".into())])
            .starts_with("Payload-Oxum: 3.2\nExternal-Identifier: q3\n"));
    }
}
