//! Putting a new site in place of the old, so that a kill at any instant leaves a good site on
//! disk, or one the next build puts back. The swap is two renames: the old site to a saved copy
//! beside it (`.site.planpress-old`), then the new one (`.site.planpress-new`, whole, its marker
//! written last) to `site`. Only then is the saved copy removed.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::manifest;

/// What `recover` found and did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovery {
    /// There was nothing to recover from.
    Nothing,
    /// A build was stopped between its two renames, leaving no site; the saved copy of the last
    /// good site was put back.
    Restored { from: PathBuf },
}

/// The saved copy of the old site during a swap: `site` → `.site.planpress-old`.
pub fn saved_copy(out: &Path) -> io::Result<PathBuf> {
    super::sibling(out, "old")
}

/// Puts right what a build stopped mid-swap left, before anything else is done to `out`:
/// - no site, and a saved copy: the saved copy is put back (it is the only good site);
/// - a finished site, and a saved copy: the swap was done and only its tidying was lost, so the
///   copy goes;
/// - anything else beside a saved copy: nothing is touched, and the user is told.
pub fn recover(out: &Path) -> io::Result<Recovery> {
    let saved = saved_copy(out)?;
    if !fs::symlink_metadata(&saved).is_ok_and(|m| m.is_dir()) {
        return Ok(Recovery::Nothing);
    }
    if fs::symlink_metadata(out).is_err() {
        fs::rename(&saved, out)?;
        return Ok(Recovery::Restored { from: saved });
    }
    if manifest::is_finished_site(out) {
        super::remove_if_present(&saved)?;
        return Ok(Recovery::Nothing);
    }
    Err(io::Error::other(format!(
        "an earlier build was stopped while it replaced {out}: the site it replaced is saved in {saved}, and {out} is not a site planpress finished.\nhint: keep whichever of the two you want as {out}, delete the other, and build again",
        out = out.display(),
        saved = saved.display()
    )))
}

/// Replaces `out` (if there) with the finished site in `new`. On an error, `out` is as it was
/// whenever the system lets it be put back; the error says where the old site is if not.
pub fn replace(new: &Path, out: &Path) -> io::Result<()> {
    let saved = saved_copy(out)?;
    let had_site = fs::symlink_metadata(out).is_ok();
    if had_site {
        fs::rename(out, &saved)?;
    }
    if let Err(e) = fs::rename(new, out) {
        if had_site {
            if let Err(back) = fs::rename(&saved, out) {
                return Err(io::Error::other(format!(
                    "{e}; and the old site could not be put back ({back}): it is safe in {}, and the next build puts it back",
                    saved.display()
                )));
            }
        }
        return Err(e);
    }
    // The new site is in place. A copy left by a failure here is removed by the next build.
    let _ = super::remove_if_present(&saved);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &Path, page: &str) {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join("index.html"), page).unwrap();
        fs::write(
            dir.join(manifest::MARKER),
            manifest::text(&["index.html".into()]),
        )
        .unwrap();
    }

    #[test]
    fn a_site_lost_between_the_two_renames_is_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        site(&saved_copy(&out).unwrap(), "old");
        let recovery = recover(&out).unwrap();
        assert!(
            matches!(recovery, Recovery::Restored { .. }),
            "{recovery:?}"
        );
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert!(!saved_copy(&out).unwrap().exists());
    }

    #[test]
    fn a_copy_left_after_the_swap_is_removed_only_beside_a_finished_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        site(&out, "new");
        site(&saved_copy(&out).unwrap(), "old");
        assert_eq!(recover(&out).unwrap(), Recovery::Nothing);
        assert!(!saved_copy(&out).unwrap().exists());

        fs::remove_file(out.join(manifest::MARKER)).unwrap();
        site(&saved_copy(&out).unwrap(), "old");
        let error = recover(&out).unwrap_err().to_string();
        assert!(error.contains("saved in"), "{error}");
        assert!(saved_copy(&out).unwrap().join("index.html").exists());
    }

    #[test]
    fn a_failed_second_rename_puts_the_old_site_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        site(&out, "old");
        let missing = dir.path().join("no-new-site");
        assert!(replace(&missing, &out).is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert!(!saved_copy(&out).unwrap().exists());
    }
}
