//! Stage 1, load: read the files under `content/` (the only I/O of this stage) and parse each into
//! its content-format struct, collecting every syntax and type error with its place in the file.

pub mod format;
mod front_matter;
mod measures;
mod parse;
mod paths;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{ContentError, FileKind, Source};
pub use measures::{from_toml as measure_value, RawValue};
pub use parse::{
    parse, parse_kept, Content, Loaded, MarkdownSource, PageSource, ParseMemo, UpdateSource,
};
pub use paths::{content_target, is_external_or_anchor, resolve};

/// Reads every file under `content/files/` as bytes to publish, and every `.toml`, `.md` and
/// `.csv` file elsewhere under `<root>/content`, sorted by path so the result does not
/// depend on the file system's order. Paths are kept relative to `root` so errors read
/// `content/plan.toml`. Files that cannot be read, or are not UTF-8, become errors.
pub fn read_content(root: &Path) -> (Vec<Source>, Vec<Attachment>, Vec<ContentError>) {
    read_content_kept(root, None)
}

/// Like `read_content`, taking from `memo` the text of each file whose size and modification
/// time are as they were when it was kept, and keeping what was read there for the next.
pub fn read_content_kept(
    root: &Path,
    memo: Option<&ReadMemo>,
) -> (Vec<Source>, Vec<Attachment>, Vec<ContentError>) {
    let content = root.join("content");
    let mut sources = Vec::new();
    let mut attachments = Vec::new();
    let mut errors = Vec::new();
    if !content.is_dir() {
        let root = root.to_path_buf();
        errors.push(ContentError::in_file(
            Path::new("content"),
            FileKind::NoContentFolder { root },
        ));
        return (sources, attachments, errors);
    }
    let files = content.join("files");
    let walker = WalkDir::new(&content)
        .sort_by_file_name()
        .follow_links(false);
    // The folder is walked in order, then the files are read on all cores, keeping that order.
    let mut found: Vec<Result<(std::path::PathBuf, bool), ContentError>> = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(&content).to_path_buf();
                let error = e.to_string();
                found.push(Err(ContentError::in_file(
                    &relative(root, &path),
                    FileKind::Unwalkable { error },
                )));
                continue;
            }
        };
        if entry.path_is_symlink() {
            found.push(Err(ContentError::in_file(
                &relative(root, entry.path()),
                FileKind::SymbolicLink,
            )));
            continue;
        }
        let attachment = entry.path().starts_with(&files);
        if entry.file_type().is_file() && (attachment || is_content_file(entry.path())) {
            found.push(Ok((entry.into_path(), attachment)));
        }
    }
    let kept = memo.map(ReadMemo::take).unwrap_or_default();
    let read: Vec<Result<Read, ContentError>> = found
        .into_par_iter()
        .map(|found| {
            found.and_then(|(file, attachment)| match (memo, attachment) {
                (Some(_), false) => read_text_kept(root, &file, &kept),
                _ => read_file(root, &file, attachment),
            })
        })
        .collect();
    if let Some(memo) = memo {
        memo.keep(&read);
    }
    for result in read {
        match result {
            Ok(Read::Source(source) | Read::Kept(source, _)) => sources.push(source),
            Ok(Read::Attachment(attachment)) => attachments.push(attachment),
            Err(error) => errors.push(error),
        }
    }
    (sources, attachments, errors)
}

/// A content file read.
enum Read {
    Source(Source),
    /// A text file and, for `serve`, its size and modification time just before it was read.
    Kept(Source, Stamp),
    Attachment(Attachment),
}

/// A file's size and modification time.
type Stamp = (u64, SystemTime);

/// Each content file's text as last read, under its size and modification time, so `serve` reads
/// again only the files a save changed. A file modified less than two seconds before it was read
/// is not kept: another save in the same tick of the file system's clock could leave both the
/// same (git's index has the same guard), so it is read again next time.
#[derive(Default)]
pub struct ReadMemo {
    texts: Mutex<HashMap<PathBuf, (Stamp, Arc<String>)>>,
}

impl ReadMemo {
    fn take(&self) -> HashMap<PathBuf, (Stamp, Arc<String>)> {
        std::mem::take(&mut *crate::lock(&self.texts))
    }

    fn keep(&self, read: &[Result<Read, ContentError>]) {
        let now = SystemTime::now();
        let settled = now.checked_sub(Duration::from_secs(2)).unwrap_or(now);
        let texts = read.iter().filter_map(|r| match r {
            Ok(Read::Kept(source, stamp)) if stamp.1 < settled => {
                Some((source.path.clone(), (*stamp, source.text.clone())))
            }
            _ => None,
        });
        *crate::lock(&self.texts) = texts.collect();
    }
}

/// Reads a text file, or takes its text from `kept` if its size and modification time are the
/// same as when it was kept.
fn read_text_kept(
    root: &Path,
    file: &Path,
    kept: &HashMap<PathBuf, (Stamp, Arc<String>)>,
) -> Result<Read, ContentError> {
    let path = relative(root, file);
    let stamp = std::fs::metadata(file)
        .and_then(|m| Ok((m.len(), m.modified()?)))
        .map_err(|e| unreadable(&path, e))?;
    if let Some((_, text)) = kept.get(&path).filter(|(kept, _)| *kept == stamp) {
        let text = text.clone();
        return Ok(Read::Kept(Source { path, text }, stamp));
    }
    match read_file(root, file, false)? {
        Read::Source(source) => Ok(Read::Kept(source, stamp)),
        other => Ok(other),
    }
}

/// Reads one file: an attachment as bytes, any other as UTF-8 text.
fn read_file(root: &Path, file: &Path, attachment: bool) -> Result<Read, ContentError> {
    let path = relative(root, file);
    let bytes = std::fs::read(file).map_err(|e| unreadable(&path, e))?;
    if attachment {
        return Ok(Read::Attachment((path, bytes)));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Read::Source(Source::new(path, text))),
        Err(e) => Err(not_utf8(&path, e)),
    }
}

/// A file under `content/files/`, published as it is: (path from the project root, bytes).
pub type Attachment = (std::path::PathBuf, Vec<u8>);

fn unreadable(path: &Path, error: std::io::Error) -> ContentError {
    let error = error.to_string();
    ContentError::in_file(path, FileKind::Unreadable { error })
}

fn is_content_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("toml" | "md" | "csv")
    )
}

fn relative(root: &Path, path: &Path) -> std::path::PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

fn not_utf8(path: &Path, error: std::string::FromUtf8Error) -> ContentError {
    let offset = error.utf8_error().valid_up_to();
    let text = String::from_utf8_lossy(&error.into_bytes()[..offset]).into_owned();
    let source = Source::new(path, text);
    ContentError::at(&source, offset..offset, FileKind::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `text` to the file and sets its modification time.
    fn write(file: &Path, text: &str, modified: SystemTime) {
        std::fs::write(file, text).unwrap();
        let file = std::fs::File::options().write(true).open(file).unwrap();
        file.set_modified(modified).unwrap();
    }

    fn plan_text(root: &Path, memo: &ReadMemo) -> Arc<String> {
        let (sources, _, errors) = read_content_kept(root, Some(memo));
        assert!(errors.is_empty(), "{errors:?}");
        sources[0].text.clone()
    }

    #[test]
    fn a_file_is_read_again_only_when_its_size_or_time_changed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let file = dir.path().join("content/plan.toml");
        let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
        write(&file, "title = \"One\"", an_hour_ago);
        let memo = ReadMemo::default();
        let first = plan_text(dir.path(), &memo);
        assert!(Arc::ptr_eq(&first, &plan_text(dir.path(), &memo)), "kept");
        write(
            &file,
            "title = \"Two\"",
            an_hour_ago + Duration::from_secs(1),
        );
        assert_eq!(&*plan_text(dir.path(), &memo), "title = \"Two\"");
    }

    #[test]
    fn a_file_saved_just_before_it_was_read_is_read_again_even_with_the_same_size_and_time() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let file = dir.path().join("content/plan.toml");
        let now = SystemTime::now();
        write(&file, "title = \"One\"", now);
        let memo = ReadMemo::default();
        assert_eq!(&*plan_text(dir.path(), &memo), "title = \"One\"");
        // A second save in the same tick of the clock: same size, same time.
        write(&file, "title = \"Two\"", now);
        assert_eq!(&*plan_text(dir.path(), &memo), "title = \"Two\"");
    }
}
