//! RFC 8493's rules for a complete and valid bag, checked against an [`Inventory`]: `bagit.txt`,
//! `Payload-Oxum`, every payload and tag manifest, every payload file in every payload manifest,
//! and no path leaving the bag. Pure: what was found, and what was checked, in plain words.

use std::collections::BTreeSet;
use std::fmt;

use super::inventory::{Held, Inventory, TAG_TEXT_LIMIT};
use super::tagfile::{self, Algorithm};

/// One thing wrong with a bag: a short kind ("altered", "missing"), the file or entry, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: &'static str,
    pub subject: String,
    pub why: String,
}

impl Problem {
    pub fn new(kind: &'static str, subject: &str, why: &str) -> Problem {
        Problem {
            kind,
            subject: subject.to_string(),
            why: why.to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {} ({})", self.kind, self.subject, self.why)
    }
}

/// What `verify` found wrong, and what it checked, one sentence each.
#[derive(Debug, Default)]
pub struct Verification {
    pub problems: Vec<Problem>,
    pub checked: Vec<String>,
}

impl Verification {
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }

    pub(crate) fn problem(&mut self, kind: &'static str, subject: &str, why: &str) {
        self.problems.push(Problem::new(kind, subject, why));
    }
}

/// Checks every rule of RFC 8493 that a complete, valid bag keeps, and planpress's own: a
/// snapshot has a payload, a `Payload-Oxum`, and a tag manifest that fixes its tag files.
pub fn check(bag: &Inventory) -> Verification {
    let mut found = Verification {
        problems: bag.problems.clone(),
        checked: Vec::new(),
    };
    if let Some(top) = &bag.archive_top {
        found.checked.push(format!(
            "the archive holds one bag, {top}/, and nothing else"
        ));
    }
    declaration(bag, &mut found);
    if bag.files.contains_key("fetch.txt") {
        found.problem(
            "not complete",
            "fetch.txt",
            "it lists files to download into the bag; a snapshot holds every file itself",
        );
    }
    payload_size(bag, &mut found);
    manifests(bag, &mut found);
    if bag.problems.is_empty() {
        found
            .checked
            .push("no links, devices or other special files; no path leaves the bag".to_string());
    }
    found
}

/// "1 file", "3 files".
fn files_n(n: u64) -> String {
    format!("{n} file{}", if n == 1 { "" } else { "s" })
}

/// The payload: every file under `data/`.
fn payload(bag: &Inventory) -> impl Iterator<Item = (&String, &Held)> {
    bag.files
        .iter()
        .filter(|(path, _)| path.starts_with("data/"))
}

/// The text of a tag file the checks read, or the problem that it is not there.
fn text<'a>(bag: &'a Inventory, name: &str, found: &mut Verification) -> Option<&'a str> {
    let held = bag.files.get(name)?;
    let Some(bytes) = held.text.as_deref() else {
        found.problem(
            "too large",
            name,
            &format!(
                "over {} MB; planpress reads tag files whole",
                TAG_TEXT_LIMIT >> 20
            ),
        );
        return None;
    };
    let text = std::str::from_utf8(bytes).ok();
    if text.is_none() {
        found.problem("invalid", name, "it is not UTF-8 text");
    }
    text
}

/// `bagit.txt`: there, and exactly the version and encoding lines.
fn declaration(bag: &Inventory, found: &mut Verification) {
    if !bag.files.contains_key("bagit.txt") {
        found.problem(
            "missing",
            "bagit.txt",
            "every BagIt bag has it; without it this is not a bag",
        );
        return;
    }
    let Some(text) = text(bag, "bagit.txt", found) else {
        return;
    };
    match tagfile::bagit_declaration(text.as_bytes()) {
        Ok(version) => found
            .checked
            .push(format!("bagit.txt: BagIt {version}, tag files in UTF-8")),
        Err(why) => found.problem("invalid", "bagit.txt", &why),
    }
}

/// `bag-info.txt`'s Payload-Oxum against the payload's bytes and files, and a payload there.
fn payload_size(bag: &Inventory, found: &mut Verification) {
    let (octets, files) = payload(bag).fold((0, 0), |(o, n), (_, held)| (o + held.size, n + 1));
    if files == 0 {
        found.problem(
            "empty",
            "data/",
            "the payload has no files; a snapshot always holds its site",
        );
    }
    if !bag.files.contains_key("bag-info.txt") {
        found.problem(
            "missing",
            "bag-info.txt",
            "it gives the Payload-Oxum, the payload's size, which planpress snapshots always have",
        );
        return;
    }
    let Some(info) = text(bag, "bag-info.txt", found) else {
        return;
    };
    let fields = match tagfile::bag_info_fields(info) {
        Ok(fields) => fields,
        Err(why) => return found.problem("invalid", "bag-info.txt", &why),
    };
    let oxums: Vec<&String> = fields
        .iter()
        .filter(|(label, _)| label == "Payload-Oxum")
        .map(|(_, value)| value)
        .collect();
    let [oxum] = oxums.as_slice() else {
        return found.problem(
            "invalid",
            "bag-info.txt",
            "it should give one Payload-Oxum, the payload's size as bytes.files",
        );
    };
    match tagfile::payload_oxum(oxum) {
        Some(said) if said == (octets, files) => found.checked.push(format!(
            "bag-info.txt: Payload-Oxum {oxum} matches the {} ({octets} bytes) in data/", files_n(files)
        )),
        Some((said_octets, said_files)) => found.problem(
            "size",
            "data/",
            &format!("bag-info.txt's Payload-Oxum says {said_octets} bytes in {said_files} files; data/ holds {octets} bytes in {files} files"),
        ),
        None => found.problem("invalid", "bag-info.txt", &format!("Payload-Oxum \"{oxum}\" should be bytes.files, e.g. 5120.12")),
    }
}

/// Whether a manifest lists the payload (`manifest-ALG.txt`) or tag files (`tagmanifest-ALG.txt`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lists {
    Payload,
    Tags,
}

/// A manifest file's kind and algorithm name, from its file name at the bag's top.
fn manifest_kind(path: &str) -> Option<(Lists, &str)> {
    let stem = path.strip_suffix(".txt").filter(|_| !path.contains('/'))?;
    if let Some(name) = stem.strip_prefix("tagmanifest-") {
        Some((Lists::Tags, name))
    } else {
        stem.strip_prefix("manifest-")
            .map(|name| (Lists::Payload, name))
    }
}

/// Every manifest checked line by line, then each kind for completeness.
fn manifests(bag: &Inventory, found: &mut Verification) {
    let mut seen = [false, false];
    for (name, lists, algorithm) in bag
        .files
        .keys()
        .filter_map(|path| manifest_kind(path).map(|(lists, alg)| (path, lists, alg)))
    {
        seen[lists as usize] = true;
        let Some(algorithm) = Algorithm::named(algorithm) else {
            found.problem("unknown algorithm", name, &format!("planpress checks sha256 and sha512 manifests; {algorithm} could not be checked"));
            continue;
        };
        if let Some(text) = text(bag, name, found) {
            manifest(bag, name, text, lists, algorithm, found);
        }
    }
    if !seen[Lists::Payload as usize] {
        found.problem(
            "missing",
            "manifest-sha256.txt",
            "a bag needs at least one payload manifest, the checksum of every file in data/",
        );
    }
    if !seen[Lists::Tags as usize] {
        found.problem("missing", "tagmanifest-sha256.txt", "without a tag manifest, bagit.txt, bag-info.txt and the manifests themselves are not checked; planpress snapshots always have one");
    }
}

/// One manifest: each line's file there with that checksum, and every file it should list listed.
fn manifest(
    bag: &Inventory,
    name: &str,
    text: &str,
    lists: Lists,
    algorithm: Algorithm,
    found: &mut Verification,
) {
    let before = found.problems.len();
    let (listed, errors) = tagfile::manifest_lines(text, algorithm);
    for error in errors {
        let kind = if error.contains("outside the bag") {
            "outside the bag"
        } else {
            "invalid"
        };
        found.problem(kind, name, &error);
    }
    let mut paths = BTreeSet::new();
    for line in &listed {
        let at = format!("line {} of {name}", line.line);
        if (lists == Lists::Payload) != line.path.starts_with("data/") {
            let why = match lists {
                Lists::Payload => format!(
                    "{at} names a file outside data/; a payload manifest lists only the payload"
                ),
                Lists::Tags => {
                    format!("{at} names a payload file; a tag manifest lists only tag files")
                }
            };
            found.problem("misplaced", &line.path, &why);
        } else if !paths.insert(line.path.as_str()) {
            found.problem("twice", &line.path, &format!("{at} lists it a second time"));
        } else {
            match bag.files.get(&line.path) {
                None => found.problem(
                    "missing",
                    &line.path,
                    &format!("{at} lists it, and it is not in the bag"),
                ),
                Some(held) if held.checksum(algorithm) != line.checksum => found.problem(
                    "altered",
                    &line.path,
                    &format!("its {} is not the one {name} gives", algorithm.label()),
                ),
                Some(_) => {}
            }
        }
    }
    let should_list = |path: &&String| match lists {
        Lists::Payload => path.starts_with("data/"),
        Lists::Tags => {
            !path.starts_with("data/")
                && manifest_kind(path).is_none_or(|(l, _)| l == Lists::Payload)
        }
    };
    for path in bag.files.keys().filter(should_list) {
        if !paths.contains(path.as_str()) {
            found.problem("extra", path, &format!("{name} does not list it"));
        }
    }
    if found.problems.len() == before {
        let what = match lists {
            Lists::Payload => "every file in data/",
            Lists::Tags => "every tag file",
        };
        found.checked.push(format!(
            "{name}: {}, each matches; it lists {what}",
            files_n(listed.len() as u64)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::{bag, inventory, staging::RealDisk};
    use super::*;
    use crate::render::OutputFile;
    use std::fs;
    use std::path::Path;

    /// A bag of three pages written to `folder`.
    fn write_bag(folder: &Path) {
        let files = [
            OutputFile::text("index.html", "<p>Hello</p>"),
            OutputFile::text("a/b.html", "b"),
            OutputFile::text("c.css", "c"),
        ];
        let all = bag::bag_files(&files, &bag::bag_info(&files, &[]));
        bag::write_folder(&RealDisk, folder, &all).unwrap();
    }

    fn problems(folder: &Path) -> Vec<(&'static str, String)> {
        let found = check(&inventory::of_folder(folder).unwrap());
        found
            .problems
            .into_iter()
            .map(|p| (p.kind, p.subject))
            .collect()
    }

    /// Asserts that checking the bag in `folder` names each of these (kind, file).
    fn names(folder: &Path, expected: &[(&str, &str)]) {
        let found = problems(folder);
        for (kind, file) in expected {
            let named = found.iter().any(|(k, f)| k == kind && f == file);
            assert!(named, "{kind}: {file} not in {found:?}");
        }
    }

    #[test]
    fn a_changed_byte_a_missing_file_and_an_extra_file_are_each_named() {
        let dir = tempfile::tempdir().unwrap();
        let bag = dir.path().join("bag");
        write_bag(&bag);
        assert_eq!(problems(&bag), []);
        fs::write(bag.join("data/index.html"), "<p>Hellp</p>").unwrap();
        fs::remove_file(bag.join("data/c.css")).unwrap();
        fs::write(bag.join("data/new.html"), "x").unwrap();
        names(
            &bag,
            &[
                ("altered", "data/index.html"),
                ("missing", "data/c.css"),
                ("extra", "data/new.html"),
            ],
        );
    }

    #[test]
    fn a_second_manifest_is_checked_too_and_one_planpress_cannot_check_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let bag = dir.path().join("bag");
        write_bag(&bag);
        let wrong = format!("{}  data/index.html\n", "0".repeat(128));
        fs::write(bag.join("manifest-sha512.txt"), wrong).unwrap();
        fs::write(bag.join("manifest-md5.txt"), "").unwrap();
        names(
            &bag,
            &[
                ("altered", "data/index.html"),
                ("extra", "data/c.css"),
                ("unknown algorithm", "manifest-md5.txt"),
                ("extra", "manifest-sha512.txt"),
            ],
        );
    }

    #[test]
    fn a_manifest_line_outside_its_part_of_the_bag_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let bag = dir.path().join("bag");
        write_bag(&bag);
        let tag = fs::read_to_string(bag.join("tagmanifest-sha256.txt")).unwrap();
        let payload = fs::read_to_string(bag.join("manifest-sha256.txt")).unwrap();
        fs::write(bag.join("manifest-sha256.txt"), format!("{payload}{tag}")).unwrap();
        names(&bag, &[("misplaced", "bagit.txt")]);
    }
}
