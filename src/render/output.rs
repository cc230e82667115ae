//! The site's files as rendering makes them, and where they go: into memory, or to disk as each
//! is made.

use std::sync::Mutex;

use super::bytes::{Bytes, Packing, Primers};
use crate::diagnostics::{ContentError, FileKind};
use crate::load::Attachment;
use crate::lock;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// '/'-separated path under the site root (`actions/antenatal-care.html`).
    pub path: String,
    pub bytes: Bytes,
}

#[cfg(test)]
impl OutputFile {
    /// A file of text, as tests write them.
    pub fn text(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec().into(),
        }
    }
}

/// Where rendered files go as they are made (from many threads): into memory, or straight to disk.
pub trait Sink: Sync {
    /// Takes a whole file.
    fn put(&self, file: OutputFile);
    /// Takes a file that `write` writes in pieces: a national plan's data files and print edition
    /// are each over 100 MB, and on disk they are never held whole.
    fn put_written(&self, path: &str, write: &mut Written);
    /// Takes a file from `content/files/` as it is, to be copied to `path`: on disk, file to
    /// file, never read whole.
    fn copy(&self, path: &str, from: &Attachment);
}

/// Writes a file's bytes in pieces to the writer it is given.
pub type Written<'w> = dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()> + 'w;

/// The site's files, kept in memory, and any file from `content/files/` that could not be read.
#[derive(Default)]
pub struct Collect {
    files: Mutex<Vec<OutputFile>>,
    unread: Mutex<Vec<ContentError>>,
    /// Packs each file as it comes (`serve`'s way), when there: a file written in pieces, the
    /// print edition or a data file of a national plan, is then never held whole.
    packs: Option<Primers>,
}

impl Collect {
    /// Packs each file as it comes.
    pub fn packing() -> Collect {
        Collect {
            packs: Some(Primers::default()),
            ..Collect::default()
        }
    }

    /// The files, sorted by path; or the problem with each file that could not be read.
    pub fn sorted(self) -> Result<Vec<OutputFile>, Vec<ContentError>> {
        let unread = self.unread.into_inner().unwrap_or_else(|e| e.into_inner());
        if !unread.is_empty() {
            return Err(unread);
        }
        let mut files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }
}

impl Sink for Collect {
    fn put(&self, mut file: OutputFile) {
        if let Some(primers) = &self.packs {
            file.bytes = Bytes::Packed(file.bytes.packed_as(&file.path, primers));
        }
        lock(&self.files).push(file);
    }

    /// Reads the file into memory: no more than its size when found, which the size limit
    /// bounds.
    fn copy(&self, path: &str, from: &Attachment) {
        match from.bytes() {
            Ok(bytes) => self.put(OutputFile {
                path: path.into(),
                bytes: bytes.into(),
            }),
            Err(e) => {
                let error = e.to_string();
                let problem = ContentError::in_file(&from.path, FileKind::Unreadable { error });
                lock(&self.unread).push(problem);
            }
        }
    }

    fn put_written(&self, path: &str, write: &mut Written) {
        // Writing into memory cannot fail.
        let bytes = if self.packs.is_some() {
            let mut packing = Packing::new();
            let _ = write(&mut packing);
            Bytes::Packed(packing.finish().into())
        } else {
            let mut bytes = Vec::new();
            let _ = write(&mut bytes);
            bytes.into()
        };
        lock(&self.files).push(OutputFile {
            path: path.into(),
            bytes,
        });
    }
}
