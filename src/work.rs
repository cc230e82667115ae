//! Counts of the steps whose cost could grow faster than the plan: a test builds plans of two
//! sizes and shapes and checks each count grows in proportion (`tests/work.rs`), so a step that
//! costs the square of a register's size cannot come back unnoticed. Counting is one relaxed
//! atomic add per step, far below the work it counts.

use std::sync::atomic::{AtomicUsize, Ordering};

/// A kind of work that is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Bytes of a file scanned to find where its lines start, to say a problem's line.
    LineIndexBytes,
    /// Bytes of Markdown parsed: each text once, whichever stages read it.
    MarkdownBytes,
    /// Template contexts lent to pages: one per page rendered.
    TemplateContexts,
    /// Bytes of HTML rendered into pages: a page that lists its whole register grows with it.
    RenderedBytes,
    /// Comments passed, and places asked about, to tell whether an acronym is in a comment.
    AcronymCommentSteps,
    /// Known ids an id is compared with, to tell whether it names one (a status, a kind).
    KnownIdsCompared,
}

/// Every kind, for a report of them all.
pub const ALL: [Work; 6] = [
    Work::LineIndexBytes,
    Work::MarkdownBytes,
    Work::TemplateContexts,
    Work::RenderedBytes,
    Work::AcronymCommentSteps,
    Work::KnownIdsCompared,
];

const KINDS: usize = ALL.len();

static COUNTS: [AtomicUsize; KINDS] = [const { AtomicUsize::new(0) }; KINDS];

/// Adds `n` to the count of `work`.
pub fn count(work: Work, n: usize) {
    COUNTS[work as usize].fetch_add(n, Ordering::Relaxed);
}

/// The count of `work` since the process started.
pub fn counted(work: Work) -> usize {
    COUNTS[work as usize].load(Ordering::Relaxed)
}
