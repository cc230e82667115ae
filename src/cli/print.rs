//! What several commands print: content warnings that did not stop them, and counts in words.

use planpress::diagnostics::{self, ContentError, Source};

/// The warnings, each with its source line, on standard error (nothing if there are none).
pub fn warnings(warnings: &[ContentError], sources: &[Source]) {
    if !warnings.is_empty() {
        eprint!("{}", diagnostics::report(warnings, sources));
    }
}

/// "1 warning", "2 warnings".
pub fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
