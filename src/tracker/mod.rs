//! The tracker spreadsheet: the plan's action areas as the workbook a communications team keeps
//! (`planpress export`), and the rows they changed made into one dated update (`planpress
//! import`). Everything here is a function of its input; the commands in the binary's `cli/`
//! read and write the files.
//!
//! plan → rows (`rows`) → workbook bytes (`sheet`); file bytes → cells (`read`) → changes, or
//! problems by cell (`compare`) → the update's text (`update`).

mod columns;
pub mod compare;
mod dates;
pub mod read;
pub mod rows;
pub mod sheet;
pub mod update;

pub use columns::{cell_name, sheet_name, Column};
pub use compare::{compare, Change, Outcome, Problem};
pub use dates::parse_date;
pub use read::{Cell, Grid, Kind};
