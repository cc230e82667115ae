//! The tracker as an Excel workbook (.xlsx): the Tracker sheet, one row for each action area,
//! with the columns a user may change unlocked and the rest locked (sheet protection without a
//! password: it stops slips, not people); drop-down lists of the plan's statuses and assurance
//! levels from the Lists sheet, which says what each means; and a How to use sheet.
//!
//! The same plan gives the same bytes: the workbook's creation date is the report date, and
//! rust_xlsxwriter dates the zip entries at a fixed time.

use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatBorder, Formula,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::rows::{rows, Row, Value};
use super::{sheet_name, Column};
use crate::model::{word, Date, Plan, Words};

/// The workbook's bytes.
pub fn workbook(plan: &Plan, words: &Words) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = excel_date(plan.as_of)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(plan.title.as_str())
            .set_company(plan.organisation.as_str())
            .set_creation_datetime(&created),
    );
    let lists = sheet_name(words, "tracker_lists_sheet");
    let tracker = tracker_sheet(plan, words, &rows(plan), &lists)?;
    book.push_worksheet(tracker);
    book.push_worksheet(help_sheet(plan, words)?);
    book.push_worksheet(lists_sheet(plan, words, &lists)?);
    book.save_to_buffer()
}

fn excel_date(date: Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(date.year, date.month, date.day)
}

/// Locked cells are grey, as the How to use sheet says; the cells to change are white.
fn formats() -> (Format, Format, Format, Format) {
    let cell = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xBFBFBF));
    let heading = cell
        .clone()
        .set_bold()
        .set_background_color(Color::RGB(0xD9D9D9));
    let locked = cell.clone().set_background_color(Color::RGB(0xF2F2F2));
    let open = cell.set_unlocked();
    (
        heading,
        locked,
        open.clone(),
        open.set_num_format("yyyy-mm-dd"),
    )
}

fn tracker_sheet(
    plan: &Plan,
    words: &Words,
    rows: &[Row],
    lists: &str,
) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(sheet_name(words, "tracker_sheet"))?;
    let (heading, locked, open, open_date) = formats();
    for (c, column) in Column::ALL.into_iter().enumerate() {
        let c = c as u16;
        sheet.set_column_width(c, column.width())?;
        sheet.write_string_with_format(0, c, column.heading(plan, words), &heading)?;
        for (r, row) in rows.iter().enumerate() {
            let r = r as u32 + 1;
            let format = if column.editable() { &open } else { &locked };
            match row.value(column) {
                // write_string always writes text: a title starting "=" stays text, never a formula.
                Value::Text(text) => sheet.write_string_with_format(r, c, text, format)?,
                Value::Day(day) => {
                    sheet.write_date_with_format(r, c, excel_date(day)?, &open_date)?
                }
                Value::Blank if column == Column::NextReview => {
                    sheet.write_blank(r, c, &open_date)?
                }
                Value::Blank => sheet.write_blank(r, c, format)?,
            };
        }
    }
    let last = rows.len() as u32;
    if last > 0 {
        let list = |column: &str, n: usize| {
            let range = format!("{}!${column}$2:${column}${}", quoted(lists), n + 1);
            DataValidation::new().allow_list_formula(Formula::new(range))
        };
        let status = Column::ALL
            .iter()
            .position(|c| *c == Column::Status)
            .unwrap_or(0) as u16;
        let assurance = status + 1;
        sheet.add_data_validation(1, status, last, status, &list("A", plan.statuses.len()))?;
        sheet.add_data_validation(
            1,
            assurance,
            last,
            assurance,
            &list("D", plan.assurance.len()),
        )?;
    }
    sheet.autofilter(0, 0, last, Column::ALL.len() as u16 - 1)?;
    sheet.set_freeze_panes(1, 2)?;
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    });
    Ok(sheet)
}

/// A sheet name as a formula writes it: always quoted, any quote in it doubled.
fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// The statuses in column A and the assurance levels in column D, each with what it means.
fn lists_sheet(plan: &Plan, words: &Words, name: &str) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(name)?;
    let (heading, locked, _, _) = formats();
    let meaning = word(words, "tracker_col_meaning");
    let status = Column::Status.heading(plan, words);
    let assurance = Column::Assurance.heading(plan, words);
    let statuses = plan.statuses.iter().map(|s| (&s.label, &s.meaning));
    let levels = plan.assurance.iter().map(|a| (&a.label, &a.meaning));
    for (first, title, entries) in [
        (0u16, status, statuses.collect::<Vec<_>>()),
        (3, assurance, levels.collect()),
    ] {
        sheet.set_column_width(first, 24)?;
        sheet.set_column_width(first + 1, 50)?;
        sheet.write_string_with_format(0, first, title, &heading)?;
        sheet.write_string_with_format(0, first + 1, &meaning, &heading)?;
        for (r, (label, means)) in entries.into_iter().enumerate() {
            let r = r as u32 + 1;
            sheet.write_string_with_format(r, first, label, &locked)?;
            sheet.write_string_with_format(r, first + 1, means, &locked)?;
        }
    }
    sheet.protect();
    Ok(sheet)
}

/// A heading, the report date, and a line for each step.
fn help_sheet(plan: &Plan, words: &Words) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(sheet_name(words, "tracker_help_sheet"))?;
    sheet.set_column_width(0, 100)?;
    let bold = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap();
    sheet.write_string_with_format(0, 0, word(words, "tracker_help_heading"), &bold)?;
    let date = if plan.as_of_month_only {
        crate::render::say::month_year(words, plan.as_of)
    } else {
        crate::render::say::long_date(words, plan.as_of)
    };
    let report = format!("{} {date}", word(words, "tracker_report_date"));
    sheet.write_string_with_format(1, 0, report, &wrap)?;
    for n in 1..=7u32 {
        let line = word(words, &format!("tracker_help_{n}"));
        sheet.write_string_with_format(n + 2, 0, line, &wrap)?;
    }
    sheet.protect();
    Ok(sheet)
}
