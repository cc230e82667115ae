//! Kinds of problem with a TOML file, or a page's front matter, that does not parse into its
//! format: each said in words a communications officer uses, never the parser's own ("expected a
//! TOML datetime"), with a hint that shows the value written as it should be. `load::toml_error`
//! reads the parser's error into one of these; everything after goes by the kind.

use super::kind::list;

/// Where to add a field that belongs at the top of `content/plan.toml`: a line added at the end
/// of the file lands inside its last `[section]`, where it means something else.
pub const TOP_OF_PLAN: &str =
    "near the top of content/plan.toml, above the first [section] line such as [labels]";

/// What a value should have been, or what it was, in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Date,
    List,
    Number,
    WholeNumber,
    Text,
    TrueOrFalse,
    Table,
}

impl Value {
    /// "a date", "a list": what it is, as a sentence says it.
    pub fn words(self) -> &'static str {
        match self {
            Value::Date => "a date",
            Value::List => "a list",
            Value::Number => "a number",
            Value::WholeNumber => "a whole number",
            Value::Text => "text in quotes",
            Value::TrueOrFalse => "true or false",
            Value::Table => "a table of fields",
        }
    }

    /// How to write one, with an example that is valid TOML as it is shown.
    fn how(self) -> &'static str {
        match self {
            Value::Date => "write a date such as 2024-03-01, without quotes",
            Value::List => "write a list in square brackets, each item in straight quotes, such as [\"first\", \"second\"]",
            Value::Number => "write a number such as 12.5, without quotes",
            Value::WholeNumber => "write a whole number such as 3, without quotes",
            Value::Text => "put the text in straight double quotes, \"like this\"",
            Value::TrueOrFalse => "write true or false, without quotes",
            Value::Table => "give its fields on lines of their own under a [section] line; `planpress reference` lists them",
        }
    }

    /// An example value of this kind, valid TOML.
    fn example(self) -> Option<&'static str> {
        match self {
            Value::Date => Some("2024-03-01"),
            Value::List => Some("[\"first\", \"second\"]"),
            Value::Number => Some("12.5"),
            Value::WholeNumber => Some("3"),
            Value::Text => Some("\"like this\""),
            Value::TrueOrFalse => Some("true"),
            Value::Table => None,
        }
    }
}

/// Damage a paste from Word or an email leaves in a line: characters that look right but are
/// not what TOML reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paste {
    CurlyQuotes,
    NonBreakingSpace,
    Invisible,
    Dash,
}

impl Paste {
    /// The damage a character is, if it is any.
    pub fn of(c: char) -> Option<Paste> {
        match c {
            '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{201e}' | '\u{2033}' => {
                Some(Paste::CurlyQuotes)
            }
            '\u{a0}' | '\u{202f}' | '\u{2007}' => Some(Paste::NonBreakingSpace),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {
                Some(Paste::Invisible)
            }
            '\u{2013}' | '\u{2014}' | '\u{2212}' => Some(Paste::Dash),
            _ => None,
        }
    }

    /// What it should be typed as.
    pub fn straight(c: char) -> &'static str {
        match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => "\"",
            '\u{2018}' | '\u{2019}' => "'",
            '\u{a0}' | '\u{202f}' | '\u{2007}' => " ",
            '\u{2013}' | '\u{2014}' | '\u{2212}' => "-",
            _ => "",
        }
    }
}

/// A TOML file, or a page's front matter, that does not parse into its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TomlKind {
    /// A field the format does not have here; `allowed` are those it has. `belongs_at_top`: the
    /// field is one of the file's own, written under the `[section]` line given; `plan` when the
    /// file is content/plan.toml.
    UnknownField {
        field: String,
        allowed: Vec<String>,
        belongs_at_top: Option<String>,
        plan: bool,
    },
    /// A value of the wrong kind: `key` is its field when the line names one; `fixed` is the line
    /// written right, when it can be shown (valid TOML).
    WrongType {
        expected: Value,
        found: Option<Value>,
        key: Option<String>,
        fixed: Option<String>,
    },
    /// A value that is not one of those the field allows.
    UnknownValue { value: String, allowed: Vec<String> },
    /// The same field twice in one table.
    DuplicateKey { field: Option<String> },
    /// A required field left out of an entry (`entry`, as TOML names it: `[[actions]]`; empty for
    /// the file itself); `table` when the field is a table or list of tables.
    Required {
        field: String,
        entry: String,
        example: Option<String>,
        table: bool,
    },
    /// A date that does not exist (2024-02-30), as written, and why.
    ImpossibleDate { written: String, why: String },
    /// Characters pasted from Word; `fixed` is the line with them typed plainly, when that reads.
    Pasted {
        damage: Paste,
        fixed: Option<String>,
    },
    /// Text without quotes around it.
    NotQuoted { key: Option<String> },
    /// Text whose closing quote is missing.
    NotClosed,
    /// A field name with characters a name cannot have.
    BadFieldName,
    /// Anything else: the line is not TOML.
    Syntax,
}

impl TomlKind {
    pub fn message(&self) -> String {
        match self {
            TomlKind::UnknownField { field, belongs_at_top: Some(section), .. } => {
                format!("{field} is a field of the whole file, but here it is inside {section}")
            }
            TomlKind::UnknownField { field, .. } => {
                format!("planpress does not know a field called \"{field}\" here")
            }
            TomlKind::WrongType { expected, found: Some(found), .. } => {
                format!("this should be {}, but it is {}", expected.words(), found.words())
            }
            TomlKind::WrongType { expected, .. } => format!("this should be {}", expected.words()),
            TomlKind::UnknownValue { value, .. } => format!("\"{value}\" is not one of the values allowed here"),
            TomlKind::DuplicateKey { field: Some(field) } => format!("{field} is given twice"),
            TomlKind::DuplicateKey { field: None } => "this field is given twice".into(),
            TomlKind::Required { field, entry, .. } if entry.is_empty() => {
                format!("the field {field} is missing")
            }
            TomlKind::Required { field, entry, .. } => {
                format!("the field {field} is missing from this {entry} entry")
            }
            TomlKind::ImpossibleDate { written, why } => {
                format!("there is no such date as {written}: {why}")
            }
            TomlKind::Pasted { damage, .. } => match damage {
                Paste::CurlyQuotes => "this line has curly quotes “…” from Word".into(),
                Paste::NonBreakingSpace => "this line has a non-breaking space from Word, which looks like a space but is not one".into(),
                Paste::Invisible => "this line has an invisible character pasted into it".into(),
                Paste::Dash => "this line has a long dash – where a plain hyphen or minus sign - is meant".into(),
            },
            TomlKind::NotQuoted { .. } => "this text needs straight double quotes around it".into(),
            TomlKind::NotClosed => "this text has no closing quote".into(),
            TomlKind::BadFieldName => "a field name may only have letters, digits, - and _ (no spaces)".into(),
            TomlKind::Syntax => "planpress cannot read this line".into(),
        }
    }

    pub fn hint(&self) -> String {
        match self {
            TomlKind::UnknownField { field, belongs_at_top: Some(section), plan, .. } => {
                let top = match plan {
                    true => TOP_OF_PLAN,
                    false => "near the top of the file, above the first [section] line",
                };
                format!("{field} belongs at the top of the file, above {section}: move this line {top}")
            }
            TomlKind::UnknownField { allowed, .. } if allowed.is_empty() => {
                "this table has no fields of its own; `planpress reference` lists every field of every file".into()
            }
            TomlKind::UnknownField { allowed, .. } => format!(
                "check the spelling; the fields allowed here are: {}",
                list(allowed)
            ),
            TomlKind::WrongType { expected, fixed: Some(fixed), .. } => {
                format!("{}: `{fixed}`", expected.how())
            }
            TomlKind::WrongType { expected, key: Some(key), .. } => match expected.example() {
                Some(example) => format!("{}: `{key} = {example}`", expected.how()),
                None => expected.how().into(),
            },
            TomlKind::WrongType { expected, .. } => expected.how().into(),
            TomlKind::UnknownValue { allowed, .. } => format!("use one of: {}", list(allowed)),
            TomlKind::DuplicateKey { .. } => "each field may appear once in a table: remove or rename the second one".into(),
            TomlKind::Required { field, example, table, .. } => {
                let add = match (example, table) {
                    (Some(example), _) => format!("add a line such as `{field} = {example}`"),
                    (None, true) => format!("add a [[{field}]] section below, with its fields"),
                    (None, false) => format!("add {field}"),
                };
                format!("{add}; `planpress reference` says what each field holds")
            }
            TomlKind::ImpossibleDate { .. } => "check the day and the month: write a date that exists, year-month-day, such as 2024-03-01, without quotes".into(),
            TomlKind::Pasted { damage, fixed } => {
                let what = match damage {
                    Paste::CurlyQuotes => "type straight quotes \" instead",
                    Paste::NonBreakingSpace => "delete it and type an ordinary space",
                    Paste::Invisible => "delete it: put the cursor just after the place shown and press Backspace, or type the line again",
                    Paste::Dash => "type a hyphen - instead",
                };
                match fixed {
                    Some(fixed) => format!("{what}: `{fixed}`"),
                    None => what.into(),
                }
            }
            TomlKind::NotQuoted { key: Some(key) } => format!("put straight double quotes at each end: `{key} = \"like this\"`"),
            TomlKind::NotQuoted { key: None } => "put straight double quotes at each end, \"like this\"".into(),
            TomlKind::NotClosed => "end the text with a straight double quote \", on the same line (text over several lines goes in three quotes \"\"\" at each end)".into(),
            TomlKind::BadFieldName => "check the spelling of the name before the equals sign; `planpress reference` lists every field".into(),
            TomlKind::Syntax => "each line is a field, an equals sign and a value: text in straight quotes \"like this\", a date such as 2024-03-01, a number such as 12.5, or a list such as [\"first\", \"second\"]; check the quotes, brackets and equals sign on this line".into(),
        }
    }
}
