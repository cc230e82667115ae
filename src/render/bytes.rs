//! A file's bytes: as rendering makes them, or packed (gzip-compressed) as `serve` holds them
//! between saves. A plan of 50,000 actions makes about 860 MB of pages, data files and print
//! edition; packed, `serve` holds them in a fraction of that, and answers a browser that takes
//! gzip with the packed bytes as they are.

use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::sync::Arc;

use flate2::{read::GzDecoder, write::GzEncoder, Compression, Crc};

/// A file's bytes, shared: `serve` keeps each page and serves it without copying it.
#[derive(Debug, Clone)]
pub enum Bytes {
    Made(Arc<Vec<u8>>),
    Packed(Arc<Packed>),
}

/// Bytes gzip-compressed, with a fingerprint of what they were packed from.
#[derive(Debug)]
pub struct Packed {
    pub gzip: Box<[u8]>,
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
            Bytes::Packed(packed) => Cow::Owned(gunzip(&packed.gzip)),
        }
    }

    /// The bytes as made, without copying them when nothing else holds them.
    pub fn into_made(self) -> Vec<u8> {
        match self {
            Bytes::Made(bytes) => Arc::try_unwrap(bytes).unwrap_or_else(|shared| (*shared).clone()),
            Bytes::Packed(packed) => gunzip(&packed.gzip),
        }
    }

    /// The same bytes, packed: packed bytes as they are (shared, not copied).
    pub fn packed(&self) -> Arc<Packed> {
        match self {
            Bytes::Made(bytes) => Arc::new(Packed::new(bytes)),
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
            gzip: self.encoder.finish().unwrap_or_default().into_boxed_slice(),
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
        assert!(matches!(&packed, Bytes::Packed(p) if p.gzip.len() < text.len() / 4));
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
        assert_eq!(gunzip(&pieces.gzip), text);
        assert_eq!(pieces.made_from, Packed::new(&text).made_from);
    }
}
