//! The flags several commands share: which project, as at which date, and how much to print.

use std::path::PathBuf;

use planpress::model::Date;
use planpress::Options;

#[derive(clap::Args)]
pub struct Project {
    /// The project folder: the one that holds content/ (and themes/, if any).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Build as at this date (YYYY-MM-DD) instead of the report date in plan.toml: what is
    /// overdue, and which updates count, are worked out against it.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

impl Project {
    pub fn options(&self) -> Options {
        Options {
            as_of: self.as_of,
            ..Options::default()
        }
    }
}

#[derive(clap::Args)]
pub struct Output {
    /// Print only errors.
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also list every file written.
    #[arg(long, short)]
    pub verbose: bool,
}

/// A date given on the command line, as plan.toml writes it.
pub fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse_iso(text).ok_or_else(|| format!("\"{text}\" is not a date: write it as 2024-03-31"))
}

/// Today, by this computer's clock (UTC). Only commands that write content a person is about to
/// fill in (`new`, `import`) read the clock; the build never does.
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch(i64::try_from(seconds / 86_400).unwrap_or(0))
}
