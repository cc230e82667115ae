//! Stage 1, load: read the files under `content/` (the only I/O of this stage) and parse each into
//! its content-format struct, collecting every syntax and type error with its place in the file.

pub mod format;
mod front_matter;
mod measures;
mod parse;
mod paths;

use std::path::Path;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{ContentError, Source};
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
    let content = root.join("content");
    let mut sources = Vec::new();
    let mut attachments = Vec::new();
    let mut errors = Vec::new();
    if !content.is_dir() {
        errors.push(
            ContentError::in_file(Path::new("content"), "there is no content folder here").hint(
                format!(
                    "run planpress from the project folder, or pass --root with the folder that holds content/ (looked in {})",
                    root.display()
                ),
            ),
        );
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
                found.push(Err(ContentError::in_file(
                    &relative(root, &path),
                    e.to_string(),
                )));
                continue;
            }
        };
        if entry.path_is_symlink() {
            found.push(Err(
                ContentError::in_file(&relative(root, entry.path()), "this is a symbolic link, which planpress does not follow")
                    .hint("copy the file into content/ instead: a link could reach files that must not be published"),
            ));
            continue;
        }
        let attachment = entry.path().starts_with(&files);
        if entry.file_type().is_file() && (attachment || is_content_file(entry.path())) {
            found.push(Ok((entry.into_path(), attachment)));
        }
    }
    let read: Vec<Result<Read, ContentError>> = found
        .into_par_iter()
        .map(|found| found.and_then(|(file, attachment)| read_file(root, &file, attachment)))
        .collect();
    for result in read {
        match result {
            Ok(Read::Source(source)) => sources.push(source),
            Ok(Read::Attachment(attachment)) => attachments.push(attachment),
            Err(error) => errors.push(error),
        }
    }
    (sources, attachments, errors)
}

/// A content file read.
enum Read {
    Source(Source),
    Attachment(Attachment),
}

/// Reads one file: an attachment as bytes, any other as UTF-8 text.
fn read_file(root: &Path, file: &Path, attachment: bool) -> Result<Read, ContentError> {
    let path = relative(root, file);
    let bytes = std::fs::read(file).map_err(|e| {
        ContentError::in_file(&path, format!("the file could not be read: {e}"))
            .hint("check the file's permissions")
    })?;
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
    ContentError::at(
        &source,
        offset..offset,
        "the file is not saved as UTF-8 text",
    )
    .hint("save it again as UTF-8 (in most editors: Save As, then choose the encoding \"UTF-8\")")
}
