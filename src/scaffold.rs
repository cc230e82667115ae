//! `planpress new`: starts a correctly formed page, update or action area in the right place, with
//! the fields a person must fill in, and never overwrites what is there.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::model::Date;
use crate::placeholders::{
    ACTION_ACHIEVE, ACTION_DOING, ACTION_FAMILIES, PAGE_BODY, PAGE_SUMMARY, UPDATE_AUTHOR,
    UPDATE_BODY, UPDATE_EVIDENCE, UPDATE_NOTE, UPDATE_SUMMARY,
};
use crate::validate::{is_slug, is_too_long, shortened, slugify, LONGEST_NAME};

/// What was created, to tell the person where to look.
#[derive(Debug)]
pub struct Created {
    pub path: PathBuf,
    pub what: String,
}

/// A new Markdown page in `content/pages/`.
pub fn page(root: &Path, slug: &str, title: &str) -> io::Result<Created> {
    check_slug(slug, "page")?;
    let path = root.join("content/pages").join(format!("{slug}.md"));
    let text = format!(
        "+++\ntitle = {}\nsummary = {}\n# order = 9  # a number puts the page in the \"About the plan\" menu\n+++\n{}\n",
        quoted(title),
        PAGE_SUMMARY.written(),
        PAGE_BODY.written(),
    );
    create(&path, &text)?;
    Ok(Created {
        path,
        what: "page".into(),
    })
}

/// A new update in `content/updates/`, named by its date so updates sort in order.
pub fn update(
    root: &Path,
    slug: &str,
    title: &str,
    date: Date,
    first_status: &str,
) -> io::Result<Created> {
    check_slug(slug, "update")?;
    let path = root
        .join("content/updates")
        .join(format!("{}-{slug}.md", date.iso()));
    let text = format!(
        "+++\ndate = {}\ntitle = {}\nauthor = {}\nsummary = {}\n\n# One block for each action area this update moves on. Copy it for more.\n# The id is the action area's id, or its number as the site shows it (\"1.5\").\n[[actions]]\nid = \"the-action-area-id\"\nstatus = \"{first_status}\"\nnote = {}\n# assurance = \"evidence-submitted\"\n# evidence = [{{ title = {}, url = \"https://…\" }}]\n# next_review = {}\n+++\n{}\n",
        date.iso(),
        quoted(title),
        UPDATE_AUTHOR.written(),
        UPDATE_SUMMARY.written(),
        UPDATE_NOTE.written(),
        UPDATE_EVIDENCE.written(),
        date.iso(),
        UPDATE_BODY.written(),
    );
    create(&path, &text)?;
    Ok(Created {
        path,
        what: "update".into(),
    })
}

/// A new action area, added at the end of a priority's register.
pub fn action(
    root: &Path,
    priority: &str,
    id: &str,
    title: &str,
    first_status: &str,
    taken: &[String],
) -> io::Result<Created> {
    check_slug(id, "action area")?;
    check_priority(root, priority)?;
    if taken.iter().any(|t| t == id) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("an action area \"{id}\" already exists; choose another id"),
        ));
    }
    let path = root
        .join("content/priorities")
        .join(format!("{priority}.toml"));
    // Not a symbolic link: it could lead out of content/, and `check` refuses one anyway.
    let plain_file = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
    if !plain_file {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "there is no priority \"{priority}\" (looked for {})",
                path.display()
            ),
        ));
    }
    let block = format!(
        "\n[[actions]]\nid = \"{id}\"\ntitle = {}\nstatus = \"{first_status}\"\nachieve = [\n  {},\n]\ndoing = [\n  {},\n]\nfamilies = [\n  {},\n]\n# due = \"Q4 2024/25\"\n# lead = \"Role of the person leading it\"\n# answers = [\"3ydp/1.1\"]\n",
        quoted(title),
        ACTION_ACHIEVE.written(),
        ACTION_DOING.written(),
        ACTION_FAMILIES.written(),
    );
    fs::OpenOptions::new()
        .append(true)
        .open(&path)?
        .write_all(block.as_bytes())?;
    Ok(Created {
        path,
        what: "action area".into(),
    })
}

/// A new file's name, or an id: a slug, short enough to be a file name, so it can only name a
/// file inside its own folder of `content/`.
fn check_slug(slug: &str, what: &str) -> io::Result<()> {
    let problem = if !is_slug(slug) {
        format!("\"{slug}\" cannot name a {what}: use lower-case letters, digits and hyphens, e.g. \"{}\"", slugify(slug))
    } else if is_too_long(slug) {
        format!("\"{slug}\" is too long to name a {what}: use at most {LONGEST_NAME} characters, e.g. \"{}\"", shortened(slug))
    } else {
        return Ok(());
    };
    Err(io::Error::new(io::ErrorKind::InvalidInput, problem))
}

/// The priority a new action area goes in is named by its file in `content/priorities/`, and by
/// nothing else: never a path, so `new` writes only inside `content/`.
fn check_priority(root: &Path, priority: &str) -> io::Result<()> {
    if is_slug(priority) {
        return Ok(());
    }
    let mut ids: Vec<String> = fs::read_dir(root.join("content/priorities"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".toml").map(str::to_string)
        })
        .collect();
    ids.sort();
    let choose = match ids.is_empty() {
        true => "there are none yet".to_string(),
        false => format!("one of {}", ids.join(", ")),
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("\"{priority}\" is not a priority's id: give the name of its file in content/priorities/ without .toml ({choose})"),
    ))
}

/// Creates a new file, refusing to overwrite one that exists.
pub(crate) fn create(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => io::Error::new(
                e.kind(),
                format!(
                    "{} already exists; planpress will not overwrite it",
                    path.display()
                ),
            ),
            _ => e,
        })?;
    file.write_all(text.as_bytes())
}

/// A TOML basic string: its quote and backslash escaped, and every control character, which a
/// basic string cannot hold as it is (a title with a line break would break the register).
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_files_are_valid_and_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let created = page(dir.path(), "visiting", "Visiting \"the\" ward").unwrap();
        let text = fs::read_to_string(&created.path).unwrap();
        assert!(
            text.contains("title = \"Visiting \\\"the\\\" ward\""),
            "{text}"
        );
        assert!(page(dir.path(), "visiting", "Again")
            .unwrap_err()
            .to_string()
            .contains("will not overwrite"));
        assert!(page(dir.path(), "Visiting Hours", "x")
            .unwrap_err()
            .to_string()
            .contains("\"visiting-hours\""));
        let date = Date {
            year: 2024,
            month: 4,
            day: 10,
        };
        let update = update(dir.path(), "april", "April", date, "not-yet-reported").unwrap();
        assert!(update.path.ends_with("content/updates/2024-04-10-april.md"));
    }
}
