//! Stage 5, write: put the rendered files on disk without ever leaving a half-built site, and
//! without deleting anything planpress did not write. Files go into a fresh folder beside the
//! output, which ends with a marker listing them (`manifest`) and then replaces the output in two
//! renames (`swap`); a failure before that leaves the last good site as it was.

mod manifest;
mod swap;

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::load::Attachment;
use crate::render::{OutputFile, Sink, Written};
pub use manifest::MARKER;
pub use swap::{recover, saved_copy, Recovery};

/// Files in the output folder that are not build output and survive a rebuild (the committed
/// `site/README.md` that explains the folder).
const KEPT: &[&str] = &["README.md"];

/// Replaces `out` with exactly `files` (plus any kept file already there).
pub fn write_site(out: &Path, files: &[OutputFile]) -> io::Result<()> {
    let staging = Staging::begin(out)?;
    files.par_iter().try_for_each(|file| staging.put(file))?;
    staging.commit()
}

/// A site being written: files go into a fresh folder beside the output as they are rendered (so
/// a large site never has to sit in memory), and `commit` swaps it in. Dropped without `commit`,
/// it removes the folder and the output stays as it was.
pub struct Staging {
    out: PathBuf,
    folder: PathBuf,
    /// Folders already made, so each file costs one system call, not a walk up the tree.
    made: Mutex<HashSet<PathBuf>>,
    /// Every file written, for the marker.
    written: Mutex<Vec<String>>,
    committed: bool,
}

impl Staging {
    /// Starts a site for `out`, once what a stopped build left is put right and `out` is known to
    /// hold nothing but an earlier site of planpress's. A staging folder left by a stopped build
    /// is planpress's own, and goes.
    pub fn begin(out: &Path) -> io::Result<Staging> {
        recover(out)?;
        manifest::check_replaceable(out)?;
        let folder = sibling(out, "new")?;
        remove_if_present(&folder)?;
        fs::create_dir_all(&folder)?;
        Ok(Staging {
            out: out.to_path_buf(),
            folder,
            made: Mutex::new(HashSet::new()),
            written: Mutex::new(Vec::new()),
            committed: false,
        })
    }

    /// Writes one file; safe to call from many threads at once.
    pub fn put(&self, file: &OutputFile) -> io::Result<()> {
        fs::write(self.place(&file.path)?, &file.bytes.made()[..])
    }

    /// Writes one file in the pieces `write` gives, through a buffer.
    pub fn put_written(&self, path: &str, write: &mut Written) -> io::Result<()> {
        let mut file = io::BufWriter::with_capacity(1 << 18, fs::File::create(self.place(path)?)?);
        write(&mut file)?;
        file.flush()
    }

    /// Copies a file from `content/files/` to `path`, file to file (the system copies it in the
    /// kernel where it can), never more than its size when found.
    pub fn copy(&self, path: &str, from: &Attachment) -> io::Result<()> {
        let named =
            |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", from.path.display()));
        let mut source = fs::File::open(&from.file).map_err(named)?.take(from.size);
        let mut target = fs::File::create(self.place(path)?)?;
        io::copy(&mut source, &mut target).map_err(named)?;
        Ok(())
    }

    /// Where the file at `path` goes, its folder made, and the file noted for the marker.
    fn place(&self, path: &str) -> io::Result<PathBuf> {
        crate::lock(&self.written).push(path.to_string());
        let path = self.folder.join(path);
        if let Some(parent) = path.parent() {
            let mut made = crate::lock(&self.made);
            if !made.contains(parent) {
                fs::create_dir_all(parent)?;
                made.insert(parent.to_path_buf());
            }
        }
        Ok(path)
    }

    /// Copies the kept files over, writes the marker last (a site with it is whole), and puts the
    /// new site in place of the old.
    pub fn commit(mut self) -> io::Result<()> {
        for name in KEPT {
            let kept = self.out.join(name);
            if kept.is_file() && !self.folder.join(name).exists() {
                fs::copy(&kept, self.folder.join(name))?;
            }
        }
        let written = std::mem::take(&mut *crate::lock(&self.written));
        fs::write(self.folder.join(MARKER), manifest::text(&written))?;
        swap::replace(&self.folder, &self.out)?;
        self.committed = true;
        Ok(())
    }
}

/// A staging folder as the renderer's sink: the first failure to write is kept, to be reported
/// once rendering ends.
pub struct StagingSink<'s> {
    pub staging: &'s Staging,
    pub failed: Mutex<Option<io::Error>>,
}

impl StagingSink<'_> {
    fn keep(&self, result: io::Result<()>) {
        if let Err(e) = result {
            crate::lock(&self.failed).get_or_insert(e);
        }
    }
}

impl Sink for StagingSink<'_> {
    fn put(&self, file: OutputFile) {
        self.keep(self.staging.put(&file));
    }

    fn put_written(&self, path: &str, write: &mut Written) {
        self.keep(self.staging.put_written(path, write));
    }

    fn copy(&self, path: &str, from: &Attachment) {
        self.keep(self.staging.copy(path, from));
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_if_present(&self.folder);
        }
    }
}

/// Writes `files` (path under the folder, bytes) into a folder that must not exist yet: for
/// what is never overwritten, such as a snapshot's bag or a benchmark's plan.
pub fn new_folder<P: AsRef<Path>, B: AsRef<[u8]>>(
    folder: &Path,
    files: &[(P, B)],
) -> io::Result<()> {
    if folder.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} already exists", folder.display()),
        ));
    }
    for (path, bytes) in files {
        let target = folder.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(target, bytes)?;
    }
    Ok(())
}

/// `site` → `.site.planpress-new`, in the same folder so the final rename stays on one file system.
fn sibling(out: &Path, suffix: &str) -> io::Result<PathBuf> {
    let name = out
        .file_name()
        .ok_or_else(|| io::Error::other(format!("{} is not a folder name", out.display())))?;
    let parent = out.parent().unwrap_or(Path::new("."));
    Ok(parent.join(format!(".{}.planpress-{suffix}", name.to_string_lossy())))
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_site_and_keeps_the_readme() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("README.md"), "about").unwrap();
        write_site(
            &out,
            &[
                OutputFile::text("index.html", "one"),
                OutputFile::text("sitemap.xml", ""),
                OutputFile::text("a/b.html", "b"),
            ],
        )
        .unwrap();
        write_site(
            &out,
            &[
                OutputFile::text("index.html", "two"),
                OutputFile::text("sitemap.xml", ""),
            ],
        )
        .unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "two");
        assert_eq!(fs::read_to_string(out.join("README.md")).unwrap(), "about");
        assert!(!out.join("a/b.html").exists(), "stale pages are removed");
        assert!(!dir.path().join(".site.planpress-old").exists());
    }

    #[test]
    fn an_attachment_is_copied_file_to_file_no_further_than_its_size_when_found() {
        let dir = tempfile::tempdir().unwrap();
        let from = dir.path().join("report.pdf");
        fs::write(&from, "%PDF the report").unwrap();
        let attachment = Attachment {
            path: "content/files/report.pdf".into(),
            file: from.clone(),
            size: 15,
        };
        fs::write(&from, "%PDF the report, and more written since").unwrap();
        let out = dir.path().join("site");
        let staging = Staging::begin(&out).unwrap();
        staging.copy("files/report.pdf", &attachment).unwrap();
        staging.commit().unwrap();
        assert_eq!(
            fs::read(out.join("files/report.pdf")).unwrap(),
            b"%PDF the report"
        );

        fs::remove_file(&from).unwrap();
        let staging = Staging::begin(&out).unwrap();
        let error = staging.copy("files/report.pdf", &attachment).unwrap_err();
        assert!(
            error.to_string().starts_with("content/files/report.pdf: "),
            "{error}"
        );
    }

    #[test]
    fn refuses_to_replace_a_folder_of_other_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("thesis.docx"), "precious").unwrap();
        let error = write_site(dir.path(), &[OutputFile::text("index.html", "x")]).unwrap_err();
        assert!(error.to_string().contains("did not write"), "{error}");
        assert!(dir.path().join("thesis.docx").exists());
    }
}
