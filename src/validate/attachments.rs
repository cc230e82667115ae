//! The size limit on the files published from `content/files/`: `[files] largest_mb` in
//! plan.toml, or 20 MB. The other rules for those files (which kinds, no script, no hidden
//! files) need only the file itself, and the load stage applies them.

use crate::diagnostics::{AttachmentKind, ContentError, MB};
use crate::load::Content;

/// The limit when plan.toml sets none: large enough for a board paper or a short video, small
/// enough for a site read on phones.
pub const DEFAULT_LARGEST_MB: u64 = 20;

/// An error for each file over the limit, naming its size and the limit.
pub fn check(content: &Content, errors: &mut Vec<ContentError>) {
    let limit_mb = content
        .plan
        .as_ref()
        .and_then(|plan| plan.value.files.largest_mb.as_ref())
        .map_or(DEFAULT_LARGEST_MB, |mb| *mb.get_ref());
    for attachment in &content.attachments {
        if attachment.size > limit_mb.saturating_mul(MB) {
            let kind = AttachmentKind::TooLarge {
                size: attachment.size,
                limit_mb,
            };
            errors.push(ContentError::in_file(&attachment.path, kind));
        }
    }
}
