//! What several commands print: content warnings that did not stop them, and counts in words;
//! and the two macros every line a command prints goes through, `say!` (standard output) and
//! `tell!` (standard error). Titles, labels and ids in a line may come from the content, and a
//! control character in them (ESC, BEL) would act on the terminal: each is shown as "�" instead
//! (`planpress::controls::for_terminal`). Content errors are rendered the same way by
//! `diagnostics::report`.

/// `println!`, with control characters shown as "�".
macro_rules! say {
    ($($arg:tt)*) => {
        println!("{}", planpress::controls::for_terminal(&format!($($arg)*)))
    };
}

/// `eprintln!`, with control characters shown as "�".
macro_rules! tell {
    ($($arg:tt)*) => {
        eprintln!("{}", planpress::controls::for_terminal(&format!($($arg)*)))
    };
}

pub(crate) use {say, tell};

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
