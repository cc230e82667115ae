//! Stage 1, load: read the files under `content/` (the only I/O of this stage) and parse each into
//! its content-format struct, collecting every syntax and type error with its place in the file.

mod attachments;
pub mod format;
mod front_matter;
mod large_register;
mod measures;
mod missing;
mod parse;
mod texts;
mod toml_error;
mod toml_scan;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{ContentError, FileKind, Source};
pub use attachments::Attachment;
pub use measures::{from_toml as measure_value, RawValue};
pub use parse::{
    parse, Content, LastRead, Loaded, MarkdownSource, PageSource, Register, RegisterParse,
    UpdateSource,
};
pub use texts::{
    register_texts, string_start, texts_outside_registers, Kind, Markdown, Piece, TextAt,
};
pub use toml_scan::toml_comments;

/// What reading `content/` found: the text files, the files to publish as they are, and the
/// files that could not be read.
#[derive(Debug, Default)]
pub struct Files {
    pub sources: Vec<Source>,
    pub attachments: Vec<Attachment>,
    pub problems: Vec<ContentError>,
}

/// What a run may take from an earlier run instead of reading or parsing it again. A build takes
/// nothing; `serve` keeps the texts, the registers' parses and every file's Markdown between
/// saves.
pub trait Reuse: Sync {
    /// The content file at `file` (on disk), as `read` reads it.
    fn text(
        &self,
        file: &Path,
        read: &dyn Fn() -> Result<Source, ContentError>,
    ) -> Result<Source, ContentError> {
        let _ = file;
        read()
    }

    /// The priority register in `source`, as `parse` parses it: most of a large plan's parsing.
    /// `parse` may be given the register as it was last read, and then parses again only what
    /// changed.
    fn register(&self, source: &Source, parse: &dyn Fn(Option<&LastRead>) -> Register) -> Register {
        let _ = source;
        parse(None)
    }

    /// The Markdown of the file `source` (not a priority's register), as `parse` parses it.
    fn markdown(&self, source: &Source, parse: &dyn Fn() -> Markdown) -> Markdown {
        let _ = source;
        parse()
    }
}

/// Finds every file under `content/files/` to publish as it is (where it is and its size: it is
/// copied when the site is written), and reads every `.toml`, `.md` and `.csv` file elsewhere
/// under `<root>/content`, sorted by path so the result does not depend on the file system's
/// order. Paths are kept relative to `root` so errors read `content/plan.toml`. Files that
/// cannot be read, are not UTF-8, or may not be published become problems.
pub fn read(root: &Path, reuse: &dyn Reuse) -> Files {
    let content = root.join("content");
    let mut files = Files::default();
    if !content.is_dir() {
        let root = root.to_path_buf();
        files.problems.push(ContentError::in_file(
            Path::new("content"),
            FileKind::NoContentFolder { root },
        ));
        return files;
    }
    // The folder is walked in order, then the files are read on all cores, keeping that order.
    let read: Vec<Result<Read, ContentError>> = walk(root, &content)
        .into_par_iter()
        .map(|found| {
            found.and_then(|(file, attachment)| match attachment {
                true => attachments::examine(relative(root, &file), file)
                    .map(|(attachment, refused)| Read::Attachment(attachment, refused)),
                false => reuse
                    .text(&file, &|| read_text(root, &file))
                    .map(Read::Source),
            })
        })
        .collect();
    for result in read {
        match result {
            Ok(Read::Source(source)) => files.sources.push(source),
            Ok(Read::Attachment(attachment, refused)) => {
                files.attachments.push(attachment);
                files.problems.extend(refused);
            }
            Err(error) => files.problems.push(error),
        }
    }
    files
}

/// Every file under `content` to read, in order: (its path, whether it is published as it is),
/// or a problem found walking (a hidden file under `content/files/` is left out with a warning).
fn walk(root: &Path, content: &Path) -> Vec<Result<(PathBuf, bool), ContentError>> {
    let published = content.join("files");
    let mut walker = WalkDir::new(content)
        .sort_by_file_name()
        .follow_links(false)
        .into_iter();
    let mut found = Vec::new();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(content).to_path_buf();
                let error = e.to_string();
                found.push(Err(ContentError::in_file(
                    &relative(root, &path),
                    FileKind::Unwalkable { error },
                )));
                continue;
            }
        };
        let attachment = entry.path().starts_with(&published);
        if attachment && attachments::is_hidden(&entry.file_name().to_string_lossy()) {
            let folder = entry.file_type().is_dir();
            if folder {
                walker.skip_current_dir();
            }
            found.push(Err(attachments::hidden(
                &relative(root, entry.path()),
                folder,
            )));
            continue;
        }
        if entry.path_is_symlink() {
            found.push(Err(ContentError::in_file(
                &relative(root, entry.path()),
                FileKind::SymbolicLink,
            )));
            continue;
        }
        if entry.file_type().is_file()
            && (attachment || is_content_file(entry.path()))
            && !crate::reference::is_reference(&relative(root, entry.path()))
        {
            found.push(Ok((entry.into_path(), attachment)));
        }
    }
    found
}

/// A content file read, or a file to publish found (with why it may not be, if it may not).
enum Read {
    Source(Source),
    Attachment(Attachment, Option<ContentError>),
}

/// Reads a content file as UTF-8 text.
pub fn read_text(root: &Path, file: &Path) -> Result<Source, ContentError> {
    let path = relative(root, file);
    let bytes = std::fs::read(file).map_err(|e| unreadable(&path, e))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source::new(path, text)),
        Err(e) => Err(not_utf8(&path, e)),
    }
}

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

pub fn relative(root: &Path, path: &Path) -> std::path::PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

fn not_utf8(path: &Path, error: std::string::FromUtf8Error) -> ContentError {
    let offset = error.utf8_error().valid_up_to();
    let text = String::from_utf8_lossy(&error.into_bytes()[..offset]).into_owned();
    let source = Source::new(path, text);
    ContentError::at(&source, offset..offset, FileKind::NotUtf8)
}
