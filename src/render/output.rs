//! The site's files as rendering makes them, and where they go: into memory, or to disk as each
//! is made.

use std::sync::Mutex;

use crate::lock;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// '/'-separated path under the site root (`actions/antenatal-care.html`).
    pub path: String,
    pub bytes: Bytes,
}

/// A file's bytes, shared: `serve` keeps each page and serves it without copying it.
pub type Bytes = std::sync::Arc<Vec<u8>>;

#[cfg(test)]
impl OutputFile {
    /// A file of text, as tests write them.
    pub fn text(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: Bytes::new(text.as_bytes().to_vec()),
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
}

/// Writes a file's bytes in pieces to the writer it is given.
pub type Written<'w> = dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()> + 'w;

/// The site's files, kept in memory.
#[derive(Default)]
pub struct Collect(Mutex<Vec<OutputFile>>);

impl Collect {
    /// The files, sorted by path.
    pub fn sorted(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Collect {
    fn put(&self, file: OutputFile) {
        lock(&self.0).push(file);
    }

    fn put_written(&self, path: &str, write: &mut Written) {
        let mut bytes = Vec::new();
        // Writing into memory cannot fail.
        let _ = write(&mut bytes);
        self.put(OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        });
    }
}
