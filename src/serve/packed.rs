//! The site as `serve` holds it for answering: each file packed (gzip-compressed), as most
//! browsers take it, so a plan of 50,000 actions (860 MB of pages, data files and print edition)
//! is held in a fraction of that. The run packs each file as it is made, and a page the
//! incremental layer kept is handed over packed as it was kept: packed once, held once.
//! An HTML page gets its reload script when it is asked for.

use std::collections::HashMap;
use std::sync::Arc;

use crate::render::bytes::Packed;
use crate::render::OutputFile;

/// The files served, by their path in the site.
pub(crate) type Files = HashMap<String, Arc<Packed>>;

/// The files of a new build, packed (the run packed them as they came).
pub(super) fn pack_all(files: Vec<OutputFile>) -> Files {
    let packed = files
        .into_iter()
        .map(|file| (file.path, file.bytes.packed()));
    packed.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Bytes;

    #[test]
    fn a_page_kept_packed_is_served_as_the_same_packing() {
        let kept = Bytes::Packed(Bytes::from(b"<p>One</p>".to_vec()).packed());
        let Bytes::Packed(packing) = &kept else {
            unreachable!()
        };
        let files = vec![
            OutputFile {
                path: "a.html".into(),
                bytes: kept.clone(),
            },
            OutputFile {
                path: "b.css".into(),
                bytes: b"b".to_vec().into(),
            },
        ];
        let served = pack_all(files);
        assert!(Arc::ptr_eq(&served["a.html"], packing));
        assert_eq!(served["b.css"].unpack(), b"b");
    }
}
