//! What a run may take from an earlier run instead of rendering it again. A build takes nothing
//! (`pipeline::Fresh`); `serve`'s incremental layer keeps what each run made.

use std::sync::Arc;

use super::theme::{Theme, ThemeFiles};
use super::{Bytes, OutputFile};
use crate::diagnostics::ContentError;
use crate::model::Priority;

/// What a run may take from an earlier run instead of rendering it again, and what `serve` wants
/// of a run besides the site. A build takes nothing; `serve` keeps the theme, each page and each
/// priority's pages between saves, and wants the pages an edit is most likely
/// about as soon as they are made.
pub trait Reuse: Sync {
    /// The theme made from `files`.
    fn theme(&self, files: ThemeFiles) -> Result<Arc<Theme>, Vec<ContentError>> {
        Theme::compile(files).map(Arc::new)
    }

    /// The page (or part of a page) kept under `key`, as `render` makes it; it depends on nothing
    /// but what `fingerprint` fingerprints.
    fn page(
        &self,
        key: &str,
        fingerprint: &dyn Fn() -> u64,
        render: &mut dyn FnMut() -> Option<Bytes>,
    ) -> Option<Bytes> {
        let _ = (key, fingerprint);
        render()
    }

    /// The pages of a priority and its action areas, and its part of the print edition, as
    /// `make` makes them; they depend on nothing but the priority's model and what
    /// `surroundings` fingerprints. `None`: a page could not be made (the problem is reported).
    fn priority(
        &self,
        model: &Arc<Priority>,
        surroundings: &dyn Fn() -> u64,
        make: &mut dyn FnMut() -> Option<PriorityPages>,
    ) -> Option<PriorityPages> {
        let _ = (model, surroundings);
        make()
    }

    /// Whether the run is to hand over the priorities' and action areas' pages as soon as they
    /// are made, before the lists, search index and print edition that take the rest of the time.
    fn shows_early(&self) -> bool {
        false
    }

    /// Takes those pages: already right for the new content, but not yet the whole site.
    fn early(&self, files: &[OutputFile]) {
        let _ = files;
    }

    /// Asked after the early pages, before each later page or job: whether the rest of the site is
    /// no longer wanted (a newer save came in). The files handed over are then not a whole site.
    fn stopped(&self) -> bool {
        false
    }
}

/// The key a priority's part of the print edition is kept under (`Reuse::page`).
pub fn print_part_key(priority: &str) -> String {
    format!("print/index.html#{priority}")
}

/// A priority's pages (its own and its action areas') and its part of the print edition.
#[derive(Clone)]
pub struct PriorityPages {
    pub files: Vec<OutputFile>,
    pub print_part: Bytes,
}
