//! Kinds of problem the load stage finds: files that cannot be read or should not be there, TOML
//! that does not parse into its format, and CSV files of values.

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
            FileKind::NoFrontMatter => "start the file with a line \"+++\", then title = \"…\", then another line \"+++\"".into(),
            FileKind::FrontMatterNotClosed => "add a line \"+++\" after the last front-matter field, before the page text".into(),
        })
    }
}

/// A TOML file, or a page's front matter, that does not parse into its format. Each carries the
/// TOML parser's own explanation, which names the field and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TomlKind {
    UnknownField(String),
    MissingField(String),
    WrongType(String),
    DuplicateKey(String),
    /// A required field left out of an entry (`entry`, as TOML names it: `[[actions]]`; empty for
    /// the file itself); `table` when the field is a table or list of tables.
    Required {
        field: String,
        entry: String,
        example: Option<String>,
        table: bool,
    },
    /// Anything else: the text is not TOML.
    Syntax(String),
}

impl TomlKind {
    /// The kind of a TOML parser's error. The parser gives only words, so they are read here,
    /// once; everything after goes by the kind.
    pub fn of(error: &toml::de::Error) -> TomlKind {
        let explanation = error.message().trim().to_string();
        if explanation.starts_with("unknown field") {
            TomlKind::UnknownField(explanation)
        } else if explanation.starts_with("missing field") {
            TomlKind::MissingField(explanation)
        } else if explanation.starts_with("invalid type") {
            TomlKind::WrongType(explanation)
        } else if explanation.contains("duplicate key") {
            TomlKind::DuplicateKey(explanation)
        } else {
            TomlKind::Syntax(explanation)
        }
    }

    pub fn message(&self) -> String {
        match self {
            TomlKind::UnknownField(explanation)
            | TomlKind::MissingField(explanation)
            | TomlKind::WrongType(explanation)
            | TomlKind::DuplicateKey(explanation)
            | TomlKind::Syntax(explanation) => explanation.clone(),
            TomlKind::Required { field, entry, .. } if entry.is_empty() => {
                format!("missing field `{field}`")
            }
            TomlKind::Required { field, entry, .. } => {
                format!("missing field `{field}` in this `{entry}` entry")
            }
        }
    }

    pub fn hint(&self) -> String {
        match self {
            TomlKind::UnknownField(_) => "check the spelling of this field; the fields allowed here are listed above, and `planpress reference` lists every field of every file".into(),
            TomlKind::MissingField(_) => "add this field; `planpress reference` lists every field of every file, with an example".into(),
            TomlKind::WrongType(_) => "text goes in double quotes (\"like this\"), lists in square brackets, numbers and dates without quotes".into(),
            TomlKind::DuplicateKey(_) => "each field may appear once in a table: remove or rename the second one".into(),
            TomlKind::Syntax(_) => "check the quotes, brackets and = signs on this line; every text value needs a double quote at each end".into(),
            TomlKind::Required { field, example, table, .. } => {
                let add = match (example, table) {
                    (Some(example), _) => format!("add a line such as `{field} = {example}`"),
                    (None, true) => format!("add `{field}`: at least one table of its own"),
                    (None, false) => format!("add `{field}`"),
                };
                format!("{add}; `planpress reference` says what each field holds")
            }
        }
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
            CsvKind::NoFile { .. } => "the path is relative to content/measures.toml, e.g. values_csv = \"measures/booking.csv\"".into(),
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

    fn kind_of(text: &str) -> TomlKind {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Page {
            title: String,
            order: Option<u32>,
        }
        TomlKind::of(&toml::from_str::<Page>(text).unwrap_err())
    }

    #[test]
    fn each_toml_error_is_classified_once_into_its_kind() {
        assert!(matches!(
            kind_of("title = \"A\"\ntitel = \"B\"\n"),
            TomlKind::UnknownField(_)
        ));
        assert!(matches!(kind_of("order = 1\n"), TomlKind::MissingField(_)));
        assert!(matches!(
            kind_of("title = \"A\"\norder = \"x\"\n"),
            TomlKind::WrongType(_)
        ));
        assert!(matches!(
            kind_of("title = \"A\"\ntitle = \"B\"\n"),
            TomlKind::DuplicateKey(_)
        ));
        assert!(matches!(kind_of("title = \"A\n"), TomlKind::Syntax(_)));
    }

    #[test]
    fn a_misspelt_field_says_to_check_the_spelling_and_keeps_the_parsers_words() {
        let kind = kind_of("title = \"A\"\ntitel = \"B\"\n");
        assert!(kind.message().contains("unknown field `titel`"), "{kind:?}");
        assert!(kind.hint().starts_with("check the spelling of this field"));
    }

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
