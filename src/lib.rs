//! planpress publishes an NHS trust's maternity improvement plan (Markdown pages and TOML action
//! registers) as an accessible static website. The pipeline (`pipeline`), one module per stage:
//! load → validate → model → render → write. Only `load`, `render::theme::ThemeFiles::read` and
//! `write` touch the disk; everything between is a function of its input. `serve` rebuilds through
//! one incremental layer of its own (`serve::incremental`) around those stages.

pub mod controls;
pub mod diagnostics;
pub mod init;
pub mod load;
pub mod markdown;
pub mod model;
pub mod pdf;
pub mod pipeline;
pub mod placeholders;
pub mod publish;
pub mod raw_html;
pub mod reference;
pub mod render;
pub mod safe_html;
pub mod scaffold;
pub mod serve;
pub mod snapshot;
pub mod tracker;
pub mod validate;
pub mod work;
pub mod write;

use std::sync::Mutex;

pub use pipeline::{run, Built, Failure, Options, Output};

/// Says whether the rest of a piece of work is no longer wanted (in `serve`, a newer save came in).
pub type Stop<'s> = dyn Fn() -> bool + Sync + 's;

/// A stop that never comes: a build from the command line, and `check`, always run whole.
pub const NEVER: &Stop<'static> = &|| false;

/// The value behind a lock, even if a thread panicked while holding it: every value shared
/// between threads here stays whole between steps.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
