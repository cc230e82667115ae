//! A file's bytes: as rendering makes them, or packed (deflate-compressed) as `serve` holds them
//! between saves. A plan of 50,000 actions makes about 860 MB of pages, data files and print
//! edition; packed, `serve` holds them in a fraction of that, and answers a browser that takes
//! gzip with a data file's packed bytes as they are.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::sync::{Arc, Mutex};

use flate2::{read::GzDecoder, write::GzEncoder, Compression, Crc};
use flate2::{read::ZlibDecoder, write::ZlibEncoder, Compress, Decompress};

use crate::lock;

/// A file's bytes, shared: `serve` keeps each page and serves it without copying it.
#[derive(Debug, Clone)]
pub enum Bytes {
    Made(Arc<Vec<u8>>),
    Packed(Arc<Packed>),
}

/// Bytes compressed, with a fingerprint of what they were packed from.
#[derive(Debug)]
pub struct Packed {
    /// A gzip stream; or, with a primer, a raw deflate stream primed with it.
    packed: Box<[u8]>,
    primer: Option<Primer>,
    /// The bytes' CRC-32 and length (gzip's own check): a rebuild that makes a page again with
    /// the same bytes does not reload it early. Two texts that share both only keep a page from
    /// showing early: the whole site made next replaces every file.
    pub made_from: u64,
}

impl Default for Bytes {
    fn default() -> Bytes {
        Bytes::Made(Arc::default())
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(bytes: Vec<u8>) -> Bytes {
        Bytes::Made(Arc::new(bytes))
    }
}

/// The same bytes, however they are held.
impl PartialEq for Bytes {
    fn eq(&self, other: &Bytes) -> bool {
        self.made() == other.made()
    }
}

impl Eq for Bytes {}

impl Bytes {
    /// The bytes as made, unpacked if they are packed.
    pub fn made(&self) -> Cow<'_, [u8]> {
        match self {
            Bytes::Made(bytes) => Cow::Borrowed(bytes),
            Bytes::Packed(packed) => Cow::Owned(packed.unpack()),
        }
    }

    /// The bytes as made, without copying them when nothing else holds them.
    pub fn into_made(self) -> Vec<u8> {
        match self {
            Bytes::Made(bytes) => Arc::try_unwrap(bytes).unwrap_or_else(|shared| (*shared).clone()),
            Bytes::Packed(packed) => packed.unpack(),
        }
    }

    /// The same bytes, packed: packed bytes as they are (shared, not copied).
    pub fn packed(&self) -> Arc<Packed> {
        match self {
            Bytes::Made(bytes) => Arc::new(Packed::new(bytes)),
            Bytes::Packed(packed) => packed.clone(),
        }
    }

    /// The same bytes, packed as `primers` packs the file at `path`: packed bytes as they are.
    pub fn packed_as(&self, path: &str, primers: &Primers) -> Arc<Packed> {
        match self {
            Bytes::Made(bytes) => Arc::new(primers.pack(path, bytes)),
            Bytes::Packed(packed) => packed.clone(),
        }
    }

    /// Whether these are the bytes `packed` was packed from: the same shared packing, or bytes
    /// with the same fingerprint.
    pub fn were_packed_as(&self, packed: &Arc<Packed>) -> bool {
        match self {
            Bytes::Packed(mine) => Arc::ptr_eq(mine, packed) || mine.made_from == packed.made_from,
            Bytes::Made(bytes) => fingerprint(bytes) == packed.made_from,
        }
    }
}

impl Packed {
    /// Packs `bytes` at a fast level: a rebuild packs every page it renders again, and the whole
    /// print edition of a large plan changes with any title.
    pub fn new(bytes: &[u8]) -> Packed {
        let mut packing = Packing::new();
        // Writing into memory cannot fail.
        let _ = packing.write_all(bytes);
        packing.finish()
    }

    /// Packs `bytes` primed with `primer`: what they share with it costs almost nothing.
    fn primed(bytes: &[u8], primer: Primer) -> Packed {
        let mut deflate = Compress::new(Compression::fast(), false);
        // A primer is at most deflate's window, which is all `set_dictionary` refuses.
        let _ = deflate.set_dictionary(&primer);
        // flate2's encoder drives any `Compress`: this one writes raw deflate, no zlib header.
        let mut encoder = ZlibEncoder::new_with_compress(Vec::new(), deflate);
        // Writing into memory cannot fail.
        let _ = encoder.write_all(bytes);
        Packed {
            packed: encoder.finish().unwrap_or_default().into_boxed_slice(),
            primer: Some(primer),
            made_from: fingerprint(bytes),
        }
    }

    /// The bytes as they were made.
    pub fn unpack(&self) -> Vec<u8> {
        let Some(primer) = &self.primer else {
            return gunzip(&self.packed);
        };
        let mut inflate = Decompress::new(false);
        let _ = inflate.set_dictionary(primer);
        let mut bytes = Vec::with_capacity(self.packed.len() * 4);
        // Only whole streams packed here come here; one cut short gives what it holds.
        let decoder = ZlibDecoder::new_with_decompress(&self.packed[..], inflate);
        let _ = { decoder }.read_to_end(&mut bytes);
        bytes
    }

    /// The bytes as a gzip stream, which a browser that takes gzip reads as they are; `None`
    /// when they were packed primed, which only `unpack` reads.
    pub fn gzip(&self) -> Option<&[u8]> {
        self.primer.is_none().then_some(&*self.packed)
    }
}

/// The start of a page that the pages packed after it from its folder are primed with.
type Primer = Arc<[u8]>;

/// Pages of one folder look alike: the same head, menus and footer around different words.
/// Each page is packed primed with the first page packed from its folder (deflate's preset
/// dictionary), so what they share is held about once: the benchmark plan's action pages pack
/// to about a quarter of what gzip alone makes of them. Files other than pages stay gzip, served
/// as they are.
#[derive(Default)]
pub struct Primers(Mutex<HashMap<String, Primer>>);

/// Deflate looks back this far, so a longer primer is no use.
const WINDOW: usize = 32 * 1024;

impl Primers {
    /// Packs the file at `path` (a page, or a part of one after `#`), primed when it is a page.
    pub fn pack(&self, path: &str, bytes: &[u8]) -> Packed {
        let file = path.split('#').next().unwrap_or(path);
        if !file.ends_with(".html") {
            return Packed::new(bytes);
        }
        let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
        let primer = lock(&self.0)
            .entry(folder.to_string())
            .or_insert_with(|| bytes[..bytes.len().min(WINDOW)].into())
            .clone();
        Packed::primed(bytes, primer)
    }
}

/// Packs bytes written to it in pieces, never holding them whole.
pub struct Packing {
    encoder: GzEncoder<Vec<u8>>,
    crc: Crc,
}

impl Packing {
    pub fn new() -> Packing {
        Packing {
            encoder: GzEncoder::new(Vec::new(), Compression::fast()),
            crc: Crc::new(),
        }
    }

    pub fn finish(self) -> Packed {
        Packed {
            made_from: fingerprint_of(&self.crc),
            packed: self.encoder.finish().unwrap_or_default().into_boxed_slice(),
            primer: None,
        }
    }
}

impl Default for Packing {
    fn default() -> Packing {
        Packing::new()
    }
}

impl Write for Packing {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.encoder.write(bytes)?;
        self.crc.update(&bytes[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.encoder.flush()
    }
}

/// What `Packed::made_from` would be for `bytes`.
fn fingerprint(bytes: &[u8]) -> u64 {
    let mut crc = Crc::new();
    crc.update(bytes);
    fingerprint_of(&crc)
}

fn fingerprint_of(crc: &Crc) -> u64 {
    u64::from(crc.sum()) << 32 | u64::from(crc.amount())
}

/// The bytes `Packed` packed.
pub fn gunzip(packed: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(packed.len() * 4);
    // Only bytes packed here come here: they unpack.
    let _ = GzDecoder::new(packed).read_to_end(&mut bytes);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_bytes_unpack_to_what_was_made_and_compare_equal_to_it() {
        let text = b"<p>One</p>".repeat(100);
        let made = Bytes::from(text.clone());
        let packed = Bytes::Packed(made.packed());
        assert!(matches!(&packed, Bytes::Packed(p) if p.packed.len() < text.len() / 4));
        assert_eq!(packed.made(), &text[..]);
        assert_eq!(packed, made);
        assert_eq!(packed.clone().into_made(), text);
    }

    #[test]
    fn bytes_know_the_packing_made_from_them_and_not_another() {
        let one = Bytes::from(b"<p>One</p>".to_vec());
        let packing = one.packed();
        assert!(one.were_packed_as(&packing));
        assert!(Bytes::Packed(packing.clone()).were_packed_as(&packing));
        assert!(!Bytes::from(b"<p>Two</p>".to_vec()).were_packed_as(&packing));
    }

    #[test]
    fn bytes_packed_in_pieces_are_packed_as_if_whole() {
        let text = b"line one\nline two\n".repeat(1000);
        let mut packing = Packing::new();
        for piece in text.chunks(7) {
            packing.write_all(piece).unwrap();
        }
        let pieces = packing.finish();
        assert_eq!(pieces.unpack(), text);
        assert_eq!(pieces.made_from, Packed::new(&text).made_from);
    }

    #[test]
    fn pages_of_one_folder_are_primed_with_the_first_and_hold_what_they_share_once() {
        let page = |words: &str| {
            let links = (0..80).map(|i| format!("<li><a href=\"../p{i}.html\">Priority {i}</a>"));
            let scaffold = links.collect::<String>();
            format!("<html>{scaffold}<main><p>{words}</p></main>{scaffold}</html>").into_bytes()
        };
        let primers = Primers::default();
        let first = primers.pack("actions/a.html", &page("Triage within 15 minutes"));
        let second_words = page("Continuity of carer for families");
        let second = primers.pack("actions/b.html", &second_words);
        assert_eq!(second.unpack(), second_words);
        assert_eq!(first.unpack(), page("Triage within 15 minutes"));
        let alone = Packed::new(&second_words);
        assert!(
            second.packed.len() * 2 < alone.packed.len(),
            "primed packing is smaller"
        );
        assert_eq!(
            second.made_from, alone.made_from,
            "the same fingerprint however packed"
        );
        assert!(second.gzip().is_none(), "a primed page is not gzip");
        let cut = Packed {
            packed: second.packed[..second.packed.len() / 2].into(),
            ..second
        };
        assert!(
            cut.unpack().len() < second_words.len(),
            "a stream cut short ends"
        );
    }

    #[test]
    fn files_other_than_pages_are_packed_as_gzip_a_browser_reads() {
        let primers = Primers::default();
        let style = b"body { margin: 0 }".repeat(50);
        let packed = primers.pack("style.css", &style);
        assert_eq!(gunzip(packed.gzip().unwrap()), style);
        let part = primers.pack("print/index.html#p1", b"<section>One</section>");
        assert_eq!(part.unpack(), b"<section>One</section>");
    }
}
