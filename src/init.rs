//! `planpress init`: a new plan to fill in. It writes the smallest plan that builds (the plan's
//! settings, one accountable owner, one priority with one action area) into an empty or new
//! folder, never over anything. Its words are placeholders, listed here, and `check` warns at
//! each one still in the content, so none reaches the public unnoticed.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A placeholder `init` writes: the text as written, and what to put in its place.
pub struct Placeholder {
    pub text: &'static str,
    pub replace_with: &'static str,
}

const fn placeholder(text: &'static str, replace_with: &'static str) -> Placeholder {
    Placeholder { text, replace_with }
}

/// Every placeholder in the files below. A date or period cannot look like a placeholder, so
/// its whole line is one, comment and all: changing the value or deleting the comment ends it.
pub const PLACEHOLDERS: [Placeholder; 9] = [
    placeholder(
        "Name of the organisation publishing the plan",
        "the organisation's full name",
    ),
    placeholder("Title of the plan", "the plan's title, as it is written"),
    placeholder(
        "The plan's vision, in its own words.",
        "the plan's vision, in its own words",
    ),
    placeholder(
        "period = \"2025/26\"  # planpress init: the period the plan covers",
        "the plan's period; then delete the comment",
    ),
    placeholder(
        "as_of = 2026-03-31  # planpress init: the report date",
        "the day the statuses were last checked; then delete the comment",
    ),
    placeholder(
        "https://example.org/your-plan/",
        "where the site will be published",
    ),
    placeholder(
        "Role of the person accountable for the first priority",
        "the role, as the plan names it",
    ),
    placeholder(
        "The first priority, as the plan words it",
        "the priority's title",
    ),
    placeholder(
        "The first action area, as the plan words it",
        "the action area's title",
    ),
];

/// The files `init` writes, from the project folder: its placeholders can only be in these.
pub const PATHS: [&str; 3] = [
    "content/plan.toml",
    "content/sros.toml",
    "content/priorities/1-first-priority.toml",
];

/// The files of a new plan, from the project folder, with their text.
fn files() -> [(&'static str, String); 3] {
    let [organisation, title, vision, period, as_of, base_url, owner, priority, action] =
        PLACEHOLDERS.each_ref().map(|p| p.text);
    let plan = format!(
        "# The plan: who publishes it and what it is. `planpress reference` lists every field a plan\n\
         # may have; `planpress check` warns at each placeholder still to fill in.\n\
         organisation = \"{organisation}\"\n\
         title = \"{title}\"\n\
         vision = \"{vision}\"\n\
         {period}\n\
         {as_of}\n\
         base_url = \"{base_url}\"\n"
    );
    let owners = format!(
        "# The people accountable for the priorities, by role.\n\
         [[sros]]\n\
         id = \"accountable-owner\"\n\
         title = \"{owner}\"\n"
    );
    let register = format!(
        "# One priority and its action areas. Copy this file for each priority; its name is the\n\
         # priority's id. `planpress new action` adds an action area.\n\
         number = 1\n\
         title = \"{priority}\"\n\
         sro = \"accountable-owner\"\n\
         \n\
         [[actions]]\n\
         id = \"first-action-area\"\n\
         title = \"{action}\"\n\
         status = \"not-yet-reported\"\n\
         # The plan's own words under each heading, one string per bullet, where it has them:\n\
         # achieve = [\"…\"]\n\
         # doing = [\"…\"]\n\
         # families = [\"…\"]\n"
    );
    let [plan_path, owners_path, register_path] = PATHS;
    [
        (plan_path, plan),
        (owners_path, owners),
        (register_path, register),
    ]
}

/// Writes a new plan into `dir`, which must be empty or not yet exist. Returns the files written.
pub fn write(dir: &Path) -> io::Result<Vec<PathBuf>> {
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} is not empty; planpress init starts a plan only in an empty or new folder, so it never overwrites anything",
                dir.display()
            ),
        ));
    }
    let mut written = Vec::new();
    for (path, text) in files() {
        let path = dir.join(path);
        crate::scaffold::create(&path, &text)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_in_the_files_it_writes() {
        let text: String = files().iter().map(|(_, text)| text.as_str()).collect();
        for placeholder in &PLACEHOLDERS {
            assert!(text.contains(placeholder.text), "{}", placeholder.text);
        }
    }

    #[test]
    fn refuses_a_folder_that_is_not_empty() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let error = write(dir.path()).unwrap_err();
        assert!(error.to_string().contains("is not empty"), "{error}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert_eq!(
            fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
            "mine"
        );
    }
}
