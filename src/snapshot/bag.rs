//! BagIt bags (RFC 8493): the packaging archivists' own tools validate. A bag is a folder with
//! `bagit.txt`, `bag-info.txt`, the payload under `data/`, and SHA-256 manifests of both. This
//! file writes them; `inventory.rs` and `check.rs` read and check them.

use std::fs;
use std::io;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::staging::Disk;
use super::tagfile::encode_path;
use crate::render::OutputFile;

pub const BAGIT_TXT: &str = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `manifest-sha256.txt` for a payload: one line per file, sorted by path, each path encoded as
/// RFC 8493 says (a `%` or line break in a file name would otherwise break the line).
pub fn manifest(files: &[OutputFile]) -> String {
    let mut lines: Vec<String> = files
        .iter()
        .map(|f| format!("{}  data/{}", sha256(&f.bytes.made()), encode_path(&f.path)))
        .collect();
    lines.sort_by(|a, b| a[66..].cmp(&b[66..]));
    lines.into_iter().map(|l| l + "\n").collect()
}

/// `bag-info.txt`: the payload's size and the provenance, one `Label: value` line each.
pub fn bag_info(files: &[OutputFile], fields: &[(&str, String)]) -> String {
    let octets: usize = files.iter().map(|f| f.bytes.made().len()).sum();
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
            .map(|f| (format!("data/{}", f.path), f.bytes.made().to_vec())),
    );
    all.sort();
    all
}

/// Writes the bag's files into a new folder, each through `disk`.
pub fn write_folder(disk: &dyn Disk, folder: &Path, files: &[(String, Vec<u8>)]) -> io::Result<()> {
    fs::create_dir(folder)?;
    for (path, bytes) in files {
        let target = folder.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        disk.write(&target, &mut |out| out.write_all(bytes))?;
    }
    Ok(())
}

/// Writes the bag as a tar archive whose bytes depend only on the files and `epoch`: sorted
/// entries, fixed owners and modes, every time stamp the build epoch.
pub fn write_archive(
    disk: &dyn Disk,
    archive: &Path,
    top: &str,
    files: &[(String, Vec<u8>)],
    epoch: i64,
) -> io::Result<()> {
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
    disk.write(archive, &mut |out| {
        let mut builder = tar::Builder::new(out);
        let top_folder = std::iter::once(format!("{top}/"));
        for folder in top_folder.chain(folders.iter().map(|f| format!("{top}/{f}/"))) {
            builder.append_data(
                &mut header(0, 0o755, tar::EntryType::Directory),
                folder,
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
        builder.finish()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
