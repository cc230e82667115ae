//! The marker planpress leaves in every site it writes: the list of the files it wrote. A folder is
//! replaced only while it holds nothing else, so a mistyped `--out`, a web root or a GitHub Pages
//! checkout (with its `.git/`) is never deleted, and a file dropped into a built site is kept.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::Path;

use super::KEPT;

/// The marker's name, inside the site. Written last, so a site holding it is whole.
pub const MARKER: &str = ".planpress-manifest";

/// The marker's first line: a folder whose marker does not start so is not planpress's.
const FIRST_LINE: &str = "planpress site manifest 1";

/// How many of the files planpress did not write a refusal names.
const NAMED: usize = 3;

/// The marker's text for a site of these files: one path a line, sorted, so the same site gives
/// the same bytes.
pub fn text(paths: &[String]) -> String {
    let mut sorted: Vec<&str> = paths.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut text = format!(
        "{FIRST_LINE}\n# planpress wrote the files below. It replaces this folder only while it holds\n# these files alone (and {}).\n",
        KEPT.join(", ")
    );
    for path in sorted {
        text.push_str(path);
        text.push('\n');
    }
    text
}

/// The paths a marker lists, or `None` when the text is not a marker of planpress's.
fn listed(text: &str) -> Option<HashSet<&str>> {
    let mut lines = text.lines();
    if lines.next()? != FIRST_LINE {
        return None;
    }
    Some(
        lines
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect(),
    )
}

/// Whether `out` is a site planpress finished writing (its marker is there and is planpress's).
pub fn is_finished_site(out: &Path) -> bool {
    fs::read_to_string(out.join(MARKER)).is_ok_and(|text| listed(&text).is_some())
}

/// Refuses to replace a folder that holds anything planpress did not write. Replaceable: no
/// folder; an empty one; one holding only the kept files; or one whose marker lists every file
/// in it but the kept ones.
pub fn check_replaceable(out: &Path) -> io::Result<()> {
    let metadata = match fs::symlink_metadata(out) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    if !metadata.is_dir() {
        return Err(refusal(out, "it is a file, not a folder", HINT));
    }
    let marker = fs::read_to_string(out.join(MARKER)).ok();
    let listed = marker.as_deref().and_then(listed).unwrap_or_default();
    let strangers = not_written(out, &listed)?;
    if strangers.is_empty() {
        return Ok(());
    }
    let hint = if marker.is_none() && looks_like_a_site(out) {
        "it looks like a website, but one planpress did not build (or built before it marked \
         what it writes). Empty the folder first if it is an old planpress site, or choose \
         another --out folder"
    } else {
        HINT
    };
    Err(refusal(out, &holds(&strangers), hint))
}

const HINT: &str = "Choose another --out folder, or move those files out of it first";

fn looks_like_a_site(out: &Path) -> bool {
    out.join("index.html").is_file() && out.join("sitemap.xml").is_file()
}

/// "it holds files planpress did not write: a, b, c and more".
fn holds(strangers: &[String]) -> String {
    let mut named = strangers[..strangers.len().min(NAMED)].join(", ");
    if strangers.len() > NAMED {
        named.push_str(" and more");
    }
    format!("it holds files planpress did not write: {named}")
}

/// Up to one more than `NAMED` of the entries in `out` that are neither listed, kept, the
/// marker, nor a folder on the way to a listed file, in a steady order. Stops early, so a
/// mistyped `--out ~` is not walked whole.
fn not_written(out: &Path, listed: &HashSet<&str>) -> io::Result<Vec<String>> {
    let folders: HashSet<&str> = listed
        .iter()
        .flat_map(|path| path.match_indices('/').map(move |(at, _)| &path[..at]))
        .collect();
    let mut strangers = Vec::new();
    let mut walk = walkdir::WalkDir::new(out)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.map_err(io::Error::other)?;
        let relative = entry.path().strip_prefix(out).unwrap_or(entry.path());
        let name = relative.to_string_lossy().replace('\\', "/");
        let ours = if entry.file_type().is_dir() {
            folders.contains(name.as_str())
        } else {
            listed.contains(name.as_str())
                || name == MARKER
                || (entry.depth() == 1 && KEPT.contains(&name.as_str()))
        };
        if !ours {
            if entry.file_type().is_dir() {
                // A folder planpress did not write is named once, as a folder.
                walk.skip_current_dir();
                strangers.push(name + "/");
            } else {
                strangers.push(name);
            }
            if strangers.len() > NAMED {
                break;
            }
        }
    }
    Ok(strangers)
}

fn refusal(out: &Path, why: &str, hint: &str) -> io::Error {
    io::Error::other(format!(
        "will not replace {}: {why}.\nhint: {hint}",
        out.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        dir
    }

    fn marker(paths: &[&str]) -> String {
        text(&paths.iter().map(|p| p.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn the_marker_is_the_same_whatever_order_the_files_came_in() {
        let a = marker(&["b.html", "a/c.html", "index.html"]);
        let b = marker(&["index.html", "b.html", "a/c.html", "b.html"]);
        assert_eq!(a, b);
        assert!(a.ends_with("a/c.html\nb.html\nindex.html\n"), "{a}");
    }

    #[test]
    fn a_folder_holding_only_what_planpress_wrote_may_be_replaced() {
        let dir = folder(&[
            ("index.html", ""),
            ("actions/a.html", ""),
            ("README.md", "kept"),
            (MARKER, &marker(&["index.html", "actions/a.html"])),
        ]);
        check_replaceable(dir.path()).unwrap();
        check_replaceable(&dir.path().join("not-there")).unwrap();
        check_replaceable(folder(&[("README.md", "")]).path()).unwrap();
        check_replaceable(folder(&[]).path()).unwrap();
    }

    #[test]
    fn a_file_or_folder_planpress_did_not_write_is_named_and_the_folder_refused() {
        let dir = folder(&[
            ("index.html", ""),
            ("notes.txt", "mine"),
            ("actions/mine.docx", ""),
            (MARKER, &marker(&["index.html"])),
        ]);
        let error = check_replaceable(dir.path()).unwrap_err().to_string();
        assert!(error.contains("actions/"), "{error}");
        assert!(error.contains("notes.txt"), "{error}");
        assert!(error.contains("hint:"), "{error}");
    }

    #[test]
    fn a_site_without_a_marker_is_refused_however_much_it_looks_like_one() {
        let dir = folder(&[("index.html", ""), ("sitemap.xml", ""), (".git/HEAD", "")]);
        let error = check_replaceable(dir.path()).unwrap_err().to_string();
        assert!(error.contains(".git/"), "{error}");
        assert!(error.contains("Empty the folder"), "{error}");
        let forged = folder(&[("index.html", ""), (MARKER, "index.html\n")]);
        assert!(check_replaceable(forged.path()).is_err(), "not our marker");
    }

    #[test]
    fn a_refusal_names_a_few_files_not_thousands() {
        let many: Vec<(String, &str)> = (0..50).map(|i| (format!("f{i:02}"), "")).collect();
        let refs: Vec<(&str, &str)> = many.iter().map(|(p, t)| (p.as_str(), *t)).collect();
        let error = check_replaceable(folder(&refs).path())
            .unwrap_err()
            .to_string();
        assert!(error.contains("f00, f01, f02 and more"), "{error}");
        assert!(!error.contains("f03"), "{error}");
    }
}
