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

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use planpress::diagnostics::accepted::{Accepted, FILE as ACCEPTED_FILE};
use planpress::diagnostics::{self, ContentError, Source};

/// When to colour what is printed (`--color`).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorWhen {
    /// When standard error is a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

/// Whether reports are coloured; chosen once, in `main`.
static COLOUR: AtomicBool = AtomicBool::new(false);
/// `--quiet`: only errors are printed.
static QUIET: AtomicBool = AtomicBool::new(false);

/// Colour or not: `--color always` or `never` as said; otherwise only on a terminal, and not when
/// `NO_COLOR` is set to anything (no-color.org).
pub fn colour_wanted(when: ColorWhen, no_color: Option<&std::ffi::OsStr>, terminal: bool) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
    }
}

/// Chooses colour for this run, from the flag, `NO_COLOR` and standard error.
pub fn choose_colour(when: ColorWhen) {
    let no_color = std::env::var_os("NO_COLOR");
    let terminal = std::io::stderr().is_terminal();
    let wanted = colour_wanted(when, no_color.as_deref(), terminal);
    COLOUR.store(wanted, Ordering::Relaxed);
}

fn colour() -> bool {
    COLOUR.load(Ordering::Relaxed)
}

/// Prints only errors from now on (`--quiet`).
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// How a command shows the warnings that are not its errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listing {
    /// Each new one with its source line (`check`); accepted ones counted.
    InFull,
    /// A count, and where to read them (`build`, `serve`): the errors are what matter then.
    Counted,
}

/// Every problem as a command shows it: the warnings as `listing` says (none under `--quiet`),
/// then each error in full, last, so no error is buried under warnings.
pub fn problems(
    problems: &[ContentError],
    sources: &[Source],
    listing: Listing,
    accepted: &Accepted,
) -> String {
    let errors: Vec<ContentError> = problems.iter().filter(|p| p.is_error()).cloned().collect();
    let mut shown = warnings_shown(problems, sources, listing, accepted);
    // A blank line between the count of warnings and the first error, as between errors.
    if !shown.is_empty() && !shown.ends_with("\n\n") && !errors.is_empty() {
        shown.push('\n');
    }
    shown.push_str(&diagnostics::report_in(&errors, sources, colour()));
    shown
}

/// The warnings among `problems` as `listing` says; nothing under `--quiet`.
pub fn warnings_shown(
    problems: &[ContentError],
    sources: &[Source],
    listing: Listing,
    accepted: &Accepted,
) -> String {
    if quiet() {
        return String::new();
    }
    let (new, old) = accepted.split(problems, sources);
    match listing {
        Listing::InFull => {
            let new: Vec<ContentError> = new.into_iter().cloned().collect();
            let mut shown = diagnostics::report_in(&new, sources, colour());
            if old > 0 {
                let old = count(old, "accepted warning");
                shown.push_str(&format!("{old} not listed (in {ACCEPTED_FILE}).\n"));
            }
            shown
        }
        Listing::Counted => {
            let read = match new.len() {
                1 => "run `planpress check` to read it",
                _ => "run `planpress check` to read them",
            };
            match (new.len(), old) {
                (0, 0) => String::new(),
                (0, old) => format!("{}.\n", count(old, "accepted warning")),
                (new, 0) => format!("{}: {read}.\n", count(new, "warning")),
                (new, old) => format!(
                    "{} and {old} accepted: {read}.\n",
                    count(new, "new warning")
                ),
            }
        }
    }
}

/// The warnings a project has accepted (`accepted-warnings.toml` beside `content/`); none when
/// there is no such file. A file that cannot be read is said, with what to do.
pub fn accepted(root: &std::path::Path) -> Result<Accepted, String> {
    let path = root.join(ACCEPTED_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Accepted::default()),
        Err(e) => return Err(format!("{} could not be read: {e}", path.display())),
    };
    Accepted::parse(&text).map_err(|e| {
        format!(
            "{} could not be read ({}); delete it and run `planpress check --accept` to write it again",
            path.display(),
            e.message().trim()
        )
    })
}

/// "1 warning", "2 warnings".
pub fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// "1 priority", "4 priorities", in the plan's own words for them.
pub fn priorities(plan: &planpress::model::Plan) -> String {
    let labels = &plan.labels;
    counted(plan.priorities.len(), &labels.priority, &labels.priorities)
}

/// "1 action area", "22 action areas", in the plan's own words for them.
pub fn actions(plan: &planpress::model::Plan) -> String {
    let labels = &plan.labels;
    counted(plan.actions().count(), &labels.action, &labels.actions)
}

/// `n` and the word for one or for more, as a sentence reads it.
fn counted(n: usize, one: &str, many: &str) -> String {
    let word = if n == 1 { one } else { many };
    format!("{n} {}", word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_no_color_unless_the_flag_says() {
        let set = Some(std::ffi::OsStr::new("1"));
        let empty = Some(std::ffi::OsStr::new(""));
        assert!(colour_wanted(ColorWhen::Auto, None, true));
        assert!(colour_wanted(ColorWhen::Auto, empty, true));
        assert!(!colour_wanted(ColorWhen::Auto, set, true));
        assert!(!colour_wanted(ColorWhen::Auto, None, false));
        assert!(colour_wanted(ColorWhen::Always, set, false));
        assert!(!colour_wanted(ColorWhen::Never, None, true));
    }

    #[test]
    fn one_of_a_kind_is_counted_in_the_singular_of_the_plans_own_word() {
        assert_eq!(counted(1, "Priority", "Priorities"), "1 priority");
        assert_eq!(counted(4, "Priority", "Priorities"), "4 priorities");
        assert_eq!(counted(0, "Objective", "Objectives"), "0 objectives");
    }
}
