//! What `serve` keeps between rebuilds so a save costs what it changed, not the whole plan:
//! - each page's bytes, under a fingerprint of everything the page is made from (its template,
//!   the theme, and the data the template is given); a page whose fingerprint did not change is
//!   not rendered again;
//! - each piece of Markdown's HTML, under its text, its file and where it is shown from;
//! - the parsed theme, while its files stay the same.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::markdown::MarkdownProblem;
use super::theme::{Theme, ThemeFiles};
use crate::diagnostics::ContentError;

#[derive(Default)]
pub struct PageCache {
    pages: Mutex<HashMap<String, (u64, Vec<u8>)>>,
    markdown: Mutex<Memo<(String, Vec<MarkdownProblem>)>>,
    theme: Mutex<Option<Arc<Theme>>>,
    rendered: AtomicUsize,
}

/// Values kept for the builds that use them: one not used by a build is gone after the next, so
/// a long editing session does not keep every version of every text.
struct Memo<V> {
    current: HashMap<u64, V>,
    previous: HashMap<u64, V>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            current: HashMap::new(),
            previous: HashMap::new(),
        }
    }
}

impl PageCache {
    pub fn new() -> PageCache {
        PageCache::default()
    }

    /// How many pages the last build had to render (the rest came from the cache).
    pub fn rendered_last(&self) -> usize {
        self.rendered.load(Ordering::Relaxed)
    }

    pub(super) fn start(&self) {
        self.rendered.store(0, Ordering::Relaxed);
        let mut memo = lock(&self.markdown);
        memo.previous = std::mem::take(&mut memo.current);
    }

    /// The theme made from `files`: the one kept, if its files are the same.
    pub fn theme(&self, files: ThemeFiles) -> Result<Arc<Theme>, Vec<ContentError>> {
        let mut kept = lock(&self.theme);
        if let Some(theme) = kept.as_ref().filter(|t| t.fingerprint == files.fingerprint) {
            return Ok(theme.clone());
        }
        let theme = Arc::new(Theme::compile(files)?);
        *kept = Some(theme.clone());
        Ok(theme)
    }

    /// The page at `path` for this fingerprint: from the cache, or made by `render` and kept.
    pub(super) fn page(
        &self,
        path: &str,
        fingerprint: u64,
        render: impl FnOnce() -> Option<Vec<u8>>,
    ) -> Option<Vec<u8>> {
        if let Some((kept, bytes)) = lock(&self.pages).get(path) {
            if *kept == fingerprint {
                return Some(bytes.clone());
            }
        }
        let bytes = render()?;
        self.rendered.fetch_add(1, Ordering::Relaxed);
        lock(&self.pages).insert(path.to_string(), (fingerprint, bytes.clone()));
        Some(bytes)
    }

    /// Markdown rendered to HTML (with the problems found in it), kept under `key`.
    pub(super) fn markdown(
        &self,
        key: u64,
        render: impl FnOnce() -> (String, Vec<MarkdownProblem>),
    ) -> (String, Vec<MarkdownProblem>) {
        {
            let mut memo = lock(&self.markdown);
            if let Some(kept) = memo.current.get(&key) {
                return kept.clone();
            }
            if let Some(kept) = memo.previous.remove(&key) {
                memo.current.insert(key, kept.clone());
                return kept;
            }
        }
        let made = render();
        lock(&self.markdown).current.insert(key, made.clone());
        made
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// A fingerprint of the parts a page is made from.
pub fn fingerprint<T: Hash + ?Sized>(parts: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

/// Feeds what is written to it into a hasher: a value's fingerprint without its text in memory.
pub struct HashWriter<'h>(pub &'h mut DefaultHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
