//! Fingerprints of what pages are made from, for `serve` (`serve::incremental`) to know when a page
//! it kept is still right: a page's template, the theme, and the values the template is given;
//! for a priority's pages, everything in the content besides the priority's own register.

use std::hash::{DefaultHasher, Hash, Hasher};

use crate::diagnostics::Source;
use crate::load::Attachment;
use crate::model::Plan;

/// A fingerprint of the parts a page is made from.
pub fn fingerprint<T: Hash + ?Sized>(parts: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

/// A value's fingerprint, from its JSON.
pub fn json_fingerprint<T: serde::Serialize + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    // Writing into a hasher cannot fail.
    let _ = serde_json::to_writer(HashWriter(&mut hasher), value);
    hasher.finish()
}

/// Feeds what is written to it into a hasher: a value's fingerprint without its text in memory.
struct HashWriter<'h>(&'h mut DefaultHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A fingerprint of everything a priority's pages may show besides its own actions: the text of
/// every content file but the priorities' registers (the plan's settings, the owners, the
/// national registers, updates, pages, measures, risks, glossary, snapshots), the files a link may
/// reach, the report date and snapshot the plan is built for, and every priority's heading (its
/// neighbours link to it). A priority's own register is not in it: its model says what that holds.
pub(super) fn around_priorities(
    plan: &Plan,
    sources: &[Source],
    attachments: &[Attachment],
) -> u64 {
    let mut hasher = DefaultHasher::new();
    for source in sources {
        source.path.hash(&mut hasher);
        let register = source.path.parent() == Some(std::path::Path::new("content/priorities"))
            && source.path.extension().is_some_and(|e| e == "toml");
        if !register {
            source.text.hash(&mut hasher);
        }
    }
    for attachment in attachments {
        attachment.path.hash(&mut hasher);
    }
    (plan.as_of, &plan.snapshot).hash(&mut hasher);
    for p in &plan.priorities {
        (
            &p.id,
            p.number,
            &p.title,
            &p.workstream,
            &p.trust_priority,
            &p.owners,
        )
            .hash(&mut hasher);
    }
    hasher.finish()
}
