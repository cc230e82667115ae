//! A filled-in tracker read back: the cells of one sheet of an .xlsx or .ods workbook (with
//! calamine), or of a .csv file (with the csv crate), each with where it sits. Any bytes give
//! cells or a reason in plain words, never a panic.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use crate::model::Date;

/// The kinds of file `import` reads, by the end of the file's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Ods,
    Csv,
}

impl Kind {
    /// The kind a file name ends in (`.xlsx`, `.ods`, `.csv`, in any case).
    pub fn of(path: &std::path::Path) -> Option<Kind> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "xlsx" => Some(Kind::Xlsx),
            "ods" => Some(Kind::Ods),
            "csv" => Some(Kind::Csv),
            _ => None,
        }
    }
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell the spreadsheet holds as a date.
    Day(Date),
}

impl Cell {
    /// Its text as a person sees it: a whole number without ".0", a day as 2024-03-01.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Day(day) => day.iso(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }
}

/// One sheet's cells, row by row, and where the first of them sits.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    /// The sheet's name, as cells are named (`Tracker!D7`).
    pub sheet: String,
    /// The row and column of `rows[0][0]`, counted from 0: a sheet may start lower down.
    pub origin: (u32, u32),
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// The cell at row `r`, column `c` of `rows`, or empty past the end of a short row.
    pub fn cell(&self, r: usize, c: usize) -> &Cell {
        self.rows
            .get(r)
            .and_then(|row| row.get(c))
            .unwrap_or(&Cell::Empty)
    }
}

/// The cells of `bytes`, a file of `kind`. From a workbook, the sheet called `sheet` (in any
/// case), or its first sheet if none is; a CSV file is one sheet, named `csv_sheet` (Excel names
/// it after the file).
pub fn grid(bytes: &[u8], kind: Kind, sheet: &str, csv_sheet: &str) -> Result<Grid, String> {
    match kind {
        Kind::Csv => Ok(csv_grid(bytes, csv_sheet)),
        Kind::Xlsx | Kind::Ods => workbook_grid(bytes, sheet),
    }
}

fn workbook_grid(bytes: &[u8], wanted: &str) -> Result<Grid, String> {
    let unreadable = |e: calamine::Error| {
        format!("it could not be read as a spreadsheet ({e}): save it again from Excel or LibreOffice as .xlsx, .ods or .csv")
    };
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let names = book.sheet_names();
    let name = names
        .iter()
        .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
        .or(names.first())
        .cloned()
        .ok_or("it has no sheets")?;
    let range = book.worksheet_range(&name).map_err(unreadable)?;
    let origin = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .map(|row| row.iter().map(cell).collect())
        .collect();
    Ok(Grid {
        sheet: name,
        origin,
        rows,
    })
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        // calamine knows the workbook's epoch (1900, or 1904 from an old Mac Excel).
        Data::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, ..) = dt.to_ymd_hms_milli();
            Date::checked(year, month, day)
                .map_or_else(|| Cell::Text(dt.as_f64().to_string()), Cell::Day)
        }
        Data::DateTime(dt) => Cell::Text(dt.as_f64().to_string()),
        Data::DateTimeIso(text) => super::parse_date(text)
            .filter(|_| text.len() >= 10 && text.as_bytes().get(4) == Some(&b'-'))
            .map_or_else(|| Cell::Text(text.clone()), Cell::Day),
        Data::DurationIso(text) => Cell::Text(text.clone()),
        Data::Error(error) => Cell::Text(format!("#{error:?}")),
    }
}

/// A CSV file's cells, all text. Excel may save it with a byte-order mark, in its Windows code
/// page rather than UTF-8, and with semicolons where a comma is the decimal mark: each is read.
fn csv_grid(bytes: &[u8], sheet: &str) -> Grid {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let count = |d: u8| first_line.iter().filter(|&&b| b == d).count();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count(d), d == b','))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    // The reader skips blank lines, which a spreadsheet shows as empty rows: each is put back,
    // so a cell is named by the row a person sees it on. A record's row is the line of its first
    // byte, less the line breaks inside the cells before it (a cell over two lines is one row).
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let (mut counted, mut lines, mut inside) = (0, 0, 0);
    for record in reader.byte_records().map_while(Result::ok) {
        let from = record.position().map_or(counted, |p| p.byte() as usize);
        let start = (from.max(counted)..bytes.len())
            .find(|&i| !matches!(bytes[i], b'\r' | b'\n'))
            .unwrap_or(bytes.len());
        lines += newlines(&bytes[counted..start]);
        counted = start;
        rows.resize(rows.len().max(lines.saturating_sub(inside)), Vec::new());
        inside += record.iter().map(newlines).sum::<usize>();
        rows.push(record.iter().map(text_cell).collect());
    }
    Grid {
        sheet: sheet.to_string(),
        origin: (0, 0),
        rows,
    }
}

fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// A CSV field: UTF-8, or else Windows-1252 (what Excel's plain "CSV" writes in the UK).
fn text_cell(field: &[u8]) -> Cell {
    let text = match std::str::from_utf8(field) {
        Ok(text) => text.to_string(),
        Err(_) => field.iter().map(|&b| windows_1252(b)).collect(),
    };
    if text.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text)
    }
}

/// A byte of Windows-1252 as a character: Latin-1, with its own signs in 0x80 to 0x9F (the
/// curly quotes, dashes and "€" that Word and Excel write).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(grid: &Grid) -> Vec<Vec<String>> {
        grid.rows
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect()
    }

    #[test]
    fn reads_csv_as_excel_saves_it() {
        let utf8 = csv_grid(
            "\u{feff}Reference,Status\r\n1.1,On track\r\n".as_bytes(),
            "t",
        );
        assert_eq!(texts(&utf8), [["Reference", "Status"], ["1.1", "On track"]]);
        let semicolons = csv_grid(b"Reference;Status\n1.1;\"At risk, late\"\n", "t");
        assert_eq!(texts(&semicolons)[1], ["1.1", "At risk, late"]);
        let windows = csv_grid(b"Note\n\x93Done\x94 \xa325\n", "t");
        assert_eq!(texts(&windows)[1], ["\u{201c}Done\u{201d} \u{a3}25"]);
        // Blank lines are empty rows, and a cell over two lines is one row.
        let gaps = csv_grid(b"A\n\n\"two\nlines\"\r\n\r\nB\n", "t");
        assert_eq!(
            texts(&gaps),
            [vec!["A"], vec![], vec!["two\nlines"], vec![], vec!["B"]]
        );
    }

    #[test]
    fn a_cell_shows_as_a_person_reads_it() {
        assert_eq!(Cell::Number(2.0).text(), "2");
        assert_eq!(Cell::Number(1.5).text(), "1.5");
        assert_eq!(Cell::Text("  x ".into()).text(), "x");
        assert!(Cell::Text("   ".into()).is_empty());
    }

    #[test]
    fn a_date_cell_is_a_day_in_either_epoch() {
        use calamine::{ExcelDateTime, ExcelDateTimeType::DateTime};
        let day = |serial, is_1904| {
            cell(&Data::DateTime(ExcelDateTime::new(
                serial, DateTime, is_1904,
            )))
        };
        assert_eq!(day(45352.5, false).text(), "2024-03-01");
        assert_eq!(day(43890.0, true).text(), "2024-03-01");
        assert_eq!(
            cell(&Data::DateTimeIso("2024-03-01T00:00:00".into())).text(),
            "2024-03-01"
        );
    }

    #[test]
    fn bytes_that_are_no_workbook_give_a_reason() {
        let error = grid(b"not a zip", Kind::Xlsx, "Tracker", "t").unwrap_err();
        assert!(error.contains("save it again"), "{error}");
    }
}
