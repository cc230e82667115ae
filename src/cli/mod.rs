//! The commands of the `planpress` binary, one file each. A command reads its arguments, calls
//! the library's pipeline, prints what it did to standard output, and returns what stopped it as
//! a [`CommandError`]; `main` prints that and chooses the exit code.

pub mod build;
pub mod check;
pub mod diff;
mod error;
pub mod export;
mod flags;
pub mod import;
pub mod init;
pub mod new;
pub mod pdf;
pub mod print;
pub mod publish;
pub mod reference;
pub mod serve;
pub mod snapshot;
mod spinner;
pub mod verify;

pub use error::CommandError;

/// The process is about to end, and the system takes back its memory at once: freeing a large
/// plan's model piece by piece first would only add a tenth of a second.
fn let_the_system_free(built: planpress::Built) {
    std::mem::forget(built);
}
