//! The values of each measure, from `values` in `measures.toml` and from the CSV file a measure
//! names (`values_csv`), brought to one form that remembers where each number was written.

use std::ops::Range;

use super::format::{MeasureEntry, ValueEntry};
use super::parse::Content;
use crate::diagnostics::{ContentError, CsvKind, Source};
use crate::markdown::links::resolve;

/// One value of a measure and where it was written, so a wrong one can be pointed at.
#[derive(Debug, Clone)]
pub struct RawValue {
    pub period: String,
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub source_note: Option<String>,
    pub note: Option<String>,
    /// The content source it came from, and the spans of its period and value there.
    pub source: usize,
    pub period_span: Range<usize>,
    pub value_span: Range<usize>,
}

/// The CSV columns planpress reads; `period` and `value` are required.
const COLUMNS: [&str; 6] = [
    "period",
    "value",
    "numerator",
    "denominator",
    "source",
    "note",
];

/// The values of every measure, in the order of `content.measures`, and any error reading them.
pub fn values(content: &Content) -> (Vec<Vec<RawValue>>, Vec<ContentError>) {
    let mut errors = Vec::new();
    let Some(file) = &content.measures else {
        return (Vec::new(), errors);
    };
    let values = file
        .value
        .measures
        .iter()
        .map(|measure| {
            let mut values: Vec<RawValue> = measure
                .values
                .iter()
                .map(|v| from_toml(v, file.source))
                .collect();
            if let Some(csv) = &measure.values_csv {
                values.extend(from_csv_file(
                    content,
                    file.source,
                    measure,
                    csv,
                    &mut errors,
                ));
            }
            values
        })
        .collect();
    (values, errors)
}

pub fn from_toml(entry: &ValueEntry, source: usize) -> RawValue {
    RawValue {
        period: entry.period.get_ref().clone(),
        value: *entry.value.get_ref(),
        numerator: entry.numerator,
        denominator: entry.denominator,
        source_note: entry.source.clone(),
        note: entry.note.clone(),
        source,
        period_span: entry.period.span(),
        value_span: entry.value.span(),
    }
}

fn from_csv_file(
    content: &Content,
    measures_source: usize,
    measure: &MeasureEntry,
    csv: &toml::Spanned<String>,
    errors: &mut Vec<ContentError>,
) -> Vec<RawValue> {
    let from = &content.sources[measures_source];
    let target = resolve(&from.path, csv.get_ref());
    let found = content.sources.iter().position(|s| s.path == target);
    let Some(index) = found else {
        let file = csv.get_ref().clone();
        let measure = measure.id.get_ref().clone();
        errors.push(ContentError::at(
            from,
            csv.span(),
            CsvKind::NoFile { file, measure },
        ));
        return Vec::new();
    };
    from_csv(&content.sources[index], index, errors)
}

/// Reads a CSV export: a header row naming the columns, then one value per row.
pub fn from_csv(source: &Source, index: usize, errors: &mut Vec<ContentError>) -> Vec<RawValue> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(source.text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => {
            let error = e.to_string();
            errors.push(ContentError::at(
                source,
                0..0,
                CsvKind::Unreadable { error },
            ));
            return Vec::new();
        }
    };
    let column = |name: &str| header.iter().position(|c| c == name);
    let first_line = 0..source.text.find('\n').unwrap_or(source.text.len());
    for required in ["period", "value"] {
        if column(required).is_none() {
            let kind = CsvKind::MissingColumn {
                column: required,
                reads: &COLUMNS,
            };
            errors.push(ContentError::at(source, first_line.clone(), kind));
        }
    }
    if let Some(unknown) = header.iter().find(|c| !COLUMNS.contains(&c.as_str())) {
        let kind = CsvKind::UnknownColumn {
            column: unknown.clone(),
            reads: &COLUMNS,
        };
        errors.push(ContentError::at(source, first_line.clone(), kind));
    }
    let (Some(period_at), Some(value_at)) = (column("period"), column("value")) else {
        return Vec::new();
    };
    let mut values = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let at = e.position().map_or(0, |p| p.byte() as usize);
                let error = e.to_string();
                errors.push(ContentError::at(source, at..at, CsvKind::BadRow { error }));
                continue;
            }
        };
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let cell = |i: usize| record.get(i).map(str::trim).filter(|c| !c.is_empty());
        let span = |i: usize| cell_span(&source.text, start, &record, i);
        let number = |i: Option<usize>| {
            i.and_then(cell)
                .and_then(|c| c.replace(',', "").parse::<f64>().ok())
        };
        let Some(value) = cell(value_at).and_then(|c| c.trim_end_matches('%').parse::<f64>().ok())
        else {
            let kind = CsvKind::NotANumber {
                row: record.position().map_or(0, |p| p.line()),
                text: cell(value_at).unwrap_or("").to_string(),
            };
            errors.push(ContentError::at(source, span(value_at), kind));
            continue;
        };
        values.push(RawValue {
            period: cell(period_at).unwrap_or_default().to_string(),
            value,
            numerator: number(column("numerator")),
            denominator: number(column("denominator")),
            source_note: column("source").and_then(cell).map(str::to_string),
            note: column("note").and_then(cell).map(str::to_string),
            source: index,
            period_span: span(period_at),
            value_span: span(value_at),
        });
    }
    values
}

/// The byte range of cell `i` of a record that starts at `start`: found by its text in the
/// record's lines (as many as its cells' line breaks make), which is exact for the unquoted cells
/// a dashboard export writes. Never a panic: a cell whose text is not found as written (a quoted
/// one with doubled quotes) is placed at the record's start, and the search goes on after the
/// last cell that was found.
fn cell_span(text: &str, start: usize, record: &csv::StringRecord, i: usize) -> Range<usize> {
    let Some(rest) = text.get(start..) else {
        return 0..0;
    };
    // A record's position may be at the line break before it (CRLF, a blank line).
    let rest = rest.trim_start_matches(['\r', '\n']);
    let start = text.len() - rest.len();
    let breaks = record
        .iter()
        .map(|f| f.matches('\n').count())
        .sum::<usize>();
    let end = rest
        .match_indices('\n')
        .nth(breaks)
        .map_or(rest.len(), |(e, _)| e);
    let lines = &rest[..end];
    let mut offset = 0;
    for (n, field) in record.iter().enumerate() {
        let found = lines.get(offset..).and_then(|after| after.find(field));
        match (found, n == i) {
            (Some(f), true) => return start + offset + f..start + offset + f + field.len(),
            (Some(f), false) => offset += f + field.len(),
            (None, true) => break,
            (None, false) => {}
        }
    }
    start..start
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str) -> (Vec<RawValue>, Vec<ContentError>) {
        let source = Source::new("content/measures/booking.csv", text);
        let mut errors = Vec::new();
        (from_csv(&source, 0, &mut errors), errors)
    }

    #[test]
    fn a_spreadsheet_saved_on_windows_with_a_blank_line_and_a_cell_over_two_lines_is_read() {
        let text =
            "period,value,note\r\n\r\nQ1 2023/24,70,\"first\r\nquarter\"\r\nQ2 2023/24,75,\r\n";
        let (values, errors) = read(text);
        assert!(errors.is_empty(), "{errors:?}");
        let read: Vec<(&str, f64)> = values
            .iter()
            .map(|v| (v.period.as_str(), v.value))
            .collect();
        assert_eq!(read, [("Q1 2023/24", 70.0), ("Q2 2023/24", 75.0)]);
        assert_eq!(&text[values[1].value_span.clone()], "75");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Any text, CSV-shaped or not, gives values or errors at places inside the file.
        #[test]
        fn any_csv_gives_values_or_errors_never_a_panic(
            rows in proptest::collection::vec("[a-zA-Z0-9 ,.%\"\r\n/-]{0,40}", 0..8)
        ) {
            let text = format!("period,value,note\n{}", rows.join("\n"));
            let (values, errors) = read(&text);
            for v in &values {
                prop_assert!(text.get(v.value_span.clone()).is_some());
                prop_assert!(text.get(v.period_span.clone()).is_some());
            }
            for e in &errors {
                prop_assert!(e.span.clone().is_none_or(|s| text.get(s).is_some()));
            }
        }
    }
}
