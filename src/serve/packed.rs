//! The site as `serve` holds it for answering: each file gzip-compressed, as most browsers take
//! it, so a plan of 50,000 actions (860 MB of pages, data files and print edition) is held in a
//! fraction of that. HTML pages are packed with the reload script already in, so the usual answer
//! is the packed bytes as they are; a client that does not take gzip gets them unpacked.
//!
//! Each file remembers the hash of the bytes it was packed from and, without keeping them alive,
//! which shared bytes they were: a rebuild hands over the pages it kept from the last run (the
//! incremental layer's) as the same bytes, so an unchanged page is neither hashed nor packed again.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::sync::{Arc, Weak};

use flate2::{read::GzDecoder, write::GzEncoder, Compression};
use rayon::prelude::*;

use super::http;
use super::incremental::hash;
use crate::render::{Bytes, OutputFile};

/// The files served, by their path in the site.
pub(crate) type Files = HashMap<String, Packed>;

/// One file of the site, packed for serving.
#[derive(Clone)]
pub(crate) struct Packed {
    /// The file gzip-compressed; an HTML page with the reload script in.
    pub(super) gzip: Arc<[u8]>,
    /// The hash of the bytes the build made, to tell whether a newer build changed the file.
    made_from: u64,
    /// The bytes the build made, while anything else keeps them, so the same bytes handed over
    /// again are known without hashing them.
    built: Weak<Vec<u8>>,
}

impl Packed {
    /// Packs `file` (with the reload script, if it is a page) at a fast level: a rebuild packs every
    /// file it changed, and the whole print edition of a large plan changes with any title.
    pub(super) fn new(file: &OutputFile) -> Packed {
        let bytes: &[u8] = &file.bytes;
        let page;
        let shown = if file.path.ends_with(".html") {
            page = http::with_reload(bytes);
            &page[..]
        } else {
            bytes
        };
        Packed {
            gzip: gzip(shown).into(),
            made_from: hash(&bytes),
            built: Arc::downgrade(&file.bytes),
        }
    }

    /// Whether `bytes` are what this file was packed from.
    pub(super) fn is_of(&self, bytes: &Bytes) -> bool {
        let same_bytes = self.built.upgrade().is_some_and(|b| Arc::ptr_eq(&b, bytes));
        same_bytes || self.made_from == hash(&&bytes[..])
    }
}

/// The files of a new build, packed; a file the build did not change keeps its packing from
/// `served`.
pub(super) fn pack_all(served: &Files, files: Vec<OutputFile>) -> Files {
    files
        .into_par_iter()
        .map(|file| {
            let packed = match served.get(&file.path) {
                Some(kept) if kept.is_of(&file.bytes) => kept.clone(),
                _ => Packed::new(&file),
            };
            (file.path, packed)
        })
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 4), Compression::fast());
    // Writing into memory cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// The bytes `gzip` packed.
pub(super) fn gunzip(packed: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(packed.len() * 4);
    // Only bytes this module packed come here: they unpack.
    let _ = GzDecoder::new(packed).read_to_end(&mut bytes);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: Bytes::new(text.as_bytes().to_vec()),
        }
    }

    #[test]
    fn a_file_unpacks_to_its_bytes_and_a_page_gets_the_reload_script() {
        let css = Packed::new(&file("style.css", "body { color: black }"));
        assert_eq!(gunzip(&css.gzip), b"body { color: black }");
        let page = Packed::new(&file("a.html", "<html><body><p>Hi</p></body></html>"));
        let page = String::from_utf8(gunzip(&page.gzip)).unwrap();
        assert!(page.starts_with("<html><body><p>Hi</p><script>"), "{page}");
        assert!(page.contains("EventSource"), "{page}");
    }

    #[test]
    fn a_file_a_rebuild_did_not_change_keeps_its_packing_and_a_changed_one_is_packed_again() {
        let kept = file("a.html", "<p>One</p>");
        let served = pack_all(&Files::new(), vec![kept.clone(), file("b.css", "b")]);
        let same_text = file("b.css", "b");
        let changed = file("a.html", "<p>Two</p>");
        let again = pack_all(&served, vec![kept.clone(), same_text]);
        assert!(Arc::ptr_eq(&again["a.html"].gzip, &served["a.html"].gzip));
        assert!(Arc::ptr_eq(&again["b.css"].gzip, &served["b.css"].gzip));
        let next = pack_all(&again, vec![changed]);
        assert!(String::from_utf8(gunzip(&next["a.html"].gzip))
            .unwrap()
            .starts_with("<p>Two</p>"));
        assert!(!next["a.html"].is_of(&kept.bytes));
    }
}
