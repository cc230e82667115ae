//! What `serve` keeps between rebuilds so a save re-renders only the pages it affects: each page's
//! bytes, under a fingerprint of everything the page is made from (its template, the theme, and
//! the data the template is given). A page whose fingerprint did not change is not rendered again.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

#[derive(Default)]
pub struct PageCache {
    pages: Mutex<HashMap<String, (u64, Vec<u8>)>>,
    rendered: AtomicUsize,
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
    }

    /// The page at `path` for this fingerprint: from the cache, or made by `render` and kept.
    pub(super) fn page(
        &self,
        path: &str,
        fingerprint: u64,
        render: impl FnOnce() -> Option<Vec<u8>>,
    ) -> Option<Vec<u8>> {
        if let Some((kept, bytes)) = self
            .pages
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
        {
            if *kept == fingerprint {
                return Some(bytes.clone());
            }
        }
        let bytes = render()?;
        self.rendered.fetch_add(1, Ordering::Relaxed);
        self.pages
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), (fingerprint, bytes.clone()));
        Some(bytes)
    }
}

/// A fingerprint of the parts a page is made from.
pub fn fingerprint(parts: &[&str]) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}
