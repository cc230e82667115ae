//! Kinds of problem with the files in `content/files/`, which are published as they are: only
//! documents, images, data and media may be, never a file that could run script on the site's
//! own address, never a computer's own hidden files, and none over the size limit.

use super::kind::list;

/// Megabytes as a computer shows them (1 MB = 1,048,576 bytes, as Windows counts).
pub const MB: u64 = 1 << 20;

/// A file in `content/files/` that may not be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachmentKind {
    /// A hidden file or folder (`.git/`, `.env`, `.DS_Store`) or a system file (`Thumbs.db`, an
    /// Office lock file `~$report.docx`): left out, with a warning.
    Hidden { folder: bool },
    /// A kind of file not on the list of those published (`extension`, lower case; empty when
    /// the name has none).
    NotAllowed { extension: String },
    /// A web page or script: published, it would run on the site's own address.
    RunsScript { extension: String },
    /// An SVG image that holds script, or something that can run it (`found` says what).
    ScriptInImage { found: String },
    /// An SVG image that is not well-formed XML (in the XML reader's words).
    ImageUnreadable { error: String },
    /// An SVG image too large to be checked for script.
    ImageTooLargeToCheck { size: u64, most: u64 },
    /// A file over the size limit, which is `limit_mb` megabytes.
    TooLarge { size: u64, limit_mb: u64 },
}

/// The kinds of file published from `content/files/`, by extension: documents, images, data,
/// and audio and video with their captions. Anything else, HTML and scripts above all, is
/// refused: a page of its own on the site's address could do whatever the site can.
#[rustfmt::skip]
pub const PUBLISHED: &[&str] = &[
    // Documents.
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "txt",
    // Data.
    "csv", "json",
    // Images (an SVG only when it holds no script).
    "png", "jpg", "jpeg", "gif", "webp", "svg",
    // Audio and video, and captions for them.
    "mp3", "mp4", "vtt",
];

impl AttachmentKind {
    pub fn message(&self) -> String {
        match self {
            AttachmentKind::Hidden { folder: true } => "this hidden folder is not published".into(),
            AttachmentKind::Hidden { folder: false } => {
                "this hidden or system file is not published".into()
            }
            AttachmentKind::NotAllowed { extension } if extension.is_empty() => {
                "a file without a type at the end of its name (such as .pdf) cannot be published"
                    .into()
            }
            AttachmentKind::NotAllowed { extension } => {
                format!("a .{extension} file cannot be published from content/files/")
            }
            AttachmentKind::RunsScript { extension } => format!(
                "a .{extension} file could run script as if it were the site itself, so it is not published"
            ),
            AttachmentKind::ScriptInImage { found } => format!(
                "this SVG image holds {found}, which could run script as if it were the site itself"
            ),
            AttachmentKind::ImageUnreadable { error } => {
                format!("this SVG image could not be read to check it for script: {error}")
            }
            AttachmentKind::ImageTooLargeToCheck { size, most } => format!(
                "this SVG image is {}, too large to check for script (the most is {})",
                megabytes(*size),
                megabytes(*most)
            ),
            AttachmentKind::TooLarge { size, limit_mb } => format!(
                "this file is {}, over the limit of {limit_mb} MB for a published file",
                megabytes(*size)
            ),
        }
    }

    pub fn hint(&self) -> String {
        match self {
            AttachmentKind::Hidden { .. } => "nothing to do: names that start with a dot, Thumbs.db, desktop.ini and Office's ~$ lock files are a computer's own files, not for readers (and may hold passwords); rename it if you meant to publish it".into(),
            AttachmentKind::NotAllowed { .. } => format!(
                "the kinds of file published are: {}. Save it as one of those (a PDF for a document), or move it out of content/files/",
                list(PUBLISHED)
            ),
            AttachmentKind::RunsScript { .. } => "save it as a PDF, or put its words in a page in content/pages/".into(),
            AttachmentKind::ScriptInImage { .. } | AttachmentKind::ImageUnreadable { .. } => "export the image again as a plain SVG (in Inkscape: Save As, Plain SVG) or as a PNG".into(),
            AttachmentKind::ImageTooLargeToCheck { .. } => "export it as a PNG, or simplify the drawing".into(),
            AttachmentKind::TooLarge { size, .. } => format!(
                "make it smaller (save a PDF again with \"reduce file size\", or resize an image or video), or raise the limit in content/plan.toml: under its `[files]` line (add one at the end of the file if there is none), write `largest_mb = {}`",
                size.div_ceil(MB)
            ),
        }
    }
}

/// A size in megabytes, to one decimal place: "48.2 MB".
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / MB as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_too_large_says_its_size_the_limit_and_the_setting_that_raises_it() {
        let kind = AttachmentKind::TooLarge {
            size: 48 * MB + MB / 5,
            limit_mb: 20,
        };
        assert_eq!(
            kind.message(),
            "this file is 48.2 MB, over the limit of 20 MB for a published file"
        );
        assert!(
            kind.hint().ends_with("write `largest_mb = 49`"),
            "{}",
            kind.hint()
        );
    }
}
