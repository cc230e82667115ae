//! Kinds of problem the load stage finds: files that cannot be read or should not be there, and
//! CSV files of values (TOML that does not parse into its format: `toml_kind`).

use std::path::PathBuf;

use super::kind::list;

/// A content file that cannot be read, should not be there, or is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// `root` has no `content/` folder.
    NoContentFolder {
        root: PathBuf,
    },
    /// The folder could not be walked; the file system's own words say why.
    Unwalkable {
        error: String,
    },
    SymbolicLink,
    Unreadable {
        error: String,
    },
    NotUtf8,
    /// A file in `content/` that is none of the kinds of content.
    Unknown,
    /// A file every plan needs, and what it holds.
    Missing {
        name: &'static str,
        holds: &'static str,
    },
    NoFrontMatter,
    FrontMatterNotClosed,
    /// Raw HTML whose elements are open more than `deepest` deep at this place.
    HtmlNestedTooDeep {
        deepest: usize,
    },
}

impl FileKind {
    pub fn message(&self) -> String {
        match self {
            FileKind::NoContentFolder { .. } => "there is no content folder here".into(),
            FileKind::Unwalkable { error } => error.clone(),
            FileKind::SymbolicLink => {
                "this is a symbolic link, which planpress does not follow".into()
            }
            FileKind::Unreadable { error } => format!("the file could not be read: {error}"),
            FileKind::NotUtf8 => "the file is not saved as UTF-8 text".into(),
            FileKind::HtmlNestedTooDeep { deepest } => {
                format!("the HTML here is nested more than {deepest} elements deep")
            }
            FileKind::Unknown => "planpress does not know what this file is for".into(),
            FileKind::Missing { name, .. } => format!("{name} is missing"),
            FileKind::NoFrontMatter => "this page has no front matter".into(),
            FileKind::FrontMatterNotClosed => "the front matter is never closed".into(),
        }
    }

    pub fn hint(&self) -> Option<String> {
        Some(match self {
            FileKind::NoContentFolder { root } => format!(
                "run planpress from the project folder, or pass --root with the folder that holds content/ (looked in {})",
                root.display()
            ),
            FileKind::Unwalkable { .. } => return None,
            FileKind::SymbolicLink => "copy the file into content/ instead: a link could reach files that must not be published".into(),
            FileKind::Unreadable { .. } => "check the file's permissions".into(),
            FileKind::HtmlNestedTooDeep { .. } => "HTML nested this deep is usually a paste gone wrong, and takes minutes to build: remove the extra <div>s (or other elements) that open here and close far below".into(),
            FileKind::NotUtf8 => "save it again as UTF-8 (in most editors: Save As, then choose the encoding \"UTF-8\")".into(),
            FileKind::Unknown => "content goes in content/plan.toml, sros.toml (or owners.toml), glossary.toml, timeline.toml, measures.toml, risks.toml, priorities/*.toml, registers/*.toml, pages/*.md and updates/*.md, and files to publish as they are in content/files/; move or remove this file".into(),
            FileKind::Missing { holds, .. } => format!("create it: it holds {holds} (`planpress reference` lists its fields)"),
            FileKind::NoFrontMatter => "start the file with a line `+++`, then a line such as `title = \"About us\"`, then another line `+++`".into(),
            FileKind::FrontMatterNotClosed => "add a line \"+++\" after the last front-matter field, before the page text".into(),
        })
    }
}

/// A measure's values in a CSV file (`values_csv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvKind {
    /// The file `values_csv` names is not there.
    NoFile {
        file: String,
        measure: String,
    },
    Unreadable {
        error: String,
    },
    /// A column planpress needs is missing; `reads` are all the columns it reads.
    MissingColumn {
        column: &'static str,
        reads: &'static [&'static str],
    },
    UnknownColumn {
        column: String,
        reads: &'static [&'static str],
    },
    BadRow {
        error: String,
    },
    /// The value on row `row` is not a number.
    NotANumber {
        row: u64,
        text: String,
    },
}

impl CsvKind {
    pub fn message(&self) -> String {
        match self {
            CsvKind::NoFile { file, measure } => {
                format!("there is no file {file} for the values of \"{measure}\"")
            }
            CsvKind::Unreadable { error } => format!("the CSV file could not be read: {error}"),
            CsvKind::MissingColumn { column, .. } => {
                format!("the CSV file has no \"{column}\" column")
            }
            CsvKind::UnknownColumn { column, .. } => {
                format!("the CSV file has a column \"{column}\" planpress does not read")
            }
            CsvKind::BadRow { error } => format!("this row could not be read: {error}"),
            CsvKind::NotANumber { row, text } => format!("row {row}: \"{text}\" is not a number"),
        }
    }

    pub fn hint(&self) -> String {
        match self {
            CsvKind::NoFile { .. } => "the path is relative to content/measures.toml, such as `values_csv = \"measures/booking.csv\"`".into(),
            CsvKind::Unreadable { .. } => "save it again as CSV (comma-separated), UTF-8".into(),
            CsvKind::MissingColumn { reads, .. } => format!(
                "the first row must name the columns; planpress reads {}",
                list(reads)
            ),
            CsvKind::UnknownColumn { reads, .. } => {
                format!("rename or remove it; planpress reads {}", list(reads))
            }
            CsvKind::BadRow { .. } => "check the quotes and commas on this row".into(),
            CsvKind::NotANumber { .. } => "write the value as a plain number, such as 78.5".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_column_hints_list_the_columns_planpress_reads() {
        let kind = CsvKind::UnknownColumn {
            column: "month".into(),
            reads: &["period", "value"],
        };
        assert_eq!(
            kind.hint(),
            "rename or remove it; planpress reads period, value"
        );
    }
}
