//! `planpress init`: a new plan to fill in. It writes the smallest plan that builds (the plan's
//! settings, one accountable owner, one priority with one action area) into an empty or new
//! folder, never over anything. Its words are placeholders (`crate::placeholders`), and each one
//! still in the content is an error, so none reaches the public.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The files of a new plan, from the project folder, with their text.
fn files() -> [(&'static str, String); 3] {
    use crate::placeholders::*;
    let [organisation, title, vision, period, as_of, base_url, owner, priority, action] = [
        ORGANISATION,
        PLAN_TITLE,
        VISION,
        PERIOD,
        AS_OF,
        BASE_URL,
        OWNER,
        PRIORITY_TITLE,
        FIRST_ACTION_TITLE,
    ]
    .map(|p| p.written());
    let plan = format!(
        "# The plan: who publishes it and what it is. `planpress reference` lists every field a plan\n\
         # may have; `planpress check` points at each placeholder still to fill in.\n\
         organisation = {organisation}\n\
         title = {title}\n\
         vision = {vision}\n\
         {period}\n\
         {as_of}\n\
         base_url = {base_url}\n"
    );
    let owners = format!(
        "# The people accountable for the priorities, by role.\n\
         [[sros]]\n\
         id = \"accountable-owner\"\n\
         title = {owner}\n"
    );
    let register = format!(
        "# One priority and its action areas. Copy this file for each priority; its name is the\n\
         # priority's id. `planpress new action` adds an action area.\n\
         number = 1\n\
         title = {priority}\n\
         sro = \"accountable-owner\"\n\
         \n\
         [[actions]]\n\
         id = \"first-action-area\"\n\
         title = {action}\n\
         status = \"not-yet-reported\"\n\
         # The plan's own words under each heading, one string per bullet, where it has them:\n\
         # achieve = [\"…\"]\n\
         # doing = [\"…\"]\n\
         # families = [\"…\"]\n"
    );
    [
        ("content/plan.toml", plan),
        ("content/sros.toml", owners),
        ("content/priorities/1-first-priority.toml", register),
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
