//! `planpress publish --as-of DATE`: move the report date on and say what readers will see change.
//! Two pure parts, the command's I/O left to the CLI: the edit that sets `as_of` in plan.toml's
//! text, keeping every other byte (`report_date`), and the comparison of the site as at the old
//! report date with the site as at the new one (`preview`).

pub mod preview;
pub mod report_date;
