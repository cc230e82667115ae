//! Reads a TOML parser's error into a content error of its kind. The parser gives only words, and
//! they are a programmer's ("invalid type: string \"2024-03-01\", expected a TOML datetime"), so
//! they are read here, once, by their shape, into a `TomlKind` that says the same in plain words;
//! a shape not known here still reads plainly (`TomlKind::Syntax`).

use std::ops::Range;

use crate::diagnostics::{ContentError, Paste, Source, TomlKind, Value};
use crate::reference::Schema;

/// The content error of `error`, found parsing `toml` (the file's TOML: for a Markdown file its
/// front matter with the rest blanked, so offsets are the file's) as the format struct `format`.
pub fn content_error(
    source: &Source,
    toml: &str,
    format: &str,
    error: &toml::de::Error,
) -> ContentError {
    let span = error.span().unwrap_or(0..0);
    let (span, kind) = read(toml, format, error.message().trim(), span);
    ContentError::at(source, span, kind)
}

/// The place and kind of the parser's `message` at `span` of `toml`.
pub(super) fn read(
    toml: &str,
    format: &str,
    message: &str,
    span: Range<usize>,
) -> (Range<usize>, TomlKind) {
    let span = within(toml, span);
    let kind = if let Some(rest) = message.strip_prefix("unknown field ") {
        unknown_field(toml, format, rest, span.start)
    } else if message.starts_with("missing field") {
        let field = backticked(message).into_iter().next().unwrap_or_default();
        let (entry, example, table) = (String::new(), None, false);
        TomlKind::Required {
            field,
            entry,
            example,
            table,
        }
    } else if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        wrong_type(toml, rest, &span)
    } else if message.starts_with("unknown variant") {
        let mut names = backticked(message).into_iter();
        let value = names.next().unwrap_or_default();
        let allowed = names.collect();
        TomlKind::UnknownValue { value, allowed }
    } else if message.contains("duplicate key") {
        let field = backticked(message).into_iter().next();
        TomlKind::DuplicateKey { field }
    } else if let Some(why) = impossible_date(message) {
        let written = written_date(toml, &span);
        TomlKind::ImpossibleDate { written, why }
    } else if let Some((at, kind)) = pasted(toml, span.start) {
        return (at, kind);
    } else if message.starts_with("string values must be quoted") {
        let key = key_before(toml, span.start);
        TomlKind::NotQuoted { key }
    } else if message.starts_with("invalid basic string")
        || message.starts_with("invalid literal string")
    {
        TomlKind::NotClosed
    } else if message.starts_with("invalid unquoted key") {
        TomlKind::BadFieldName
    } else {
        TomlKind::Syntax
    };
    (span, kind)
}

/// `span` kept inside `text` and on character boundaries.
fn within(text: &str, span: Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    start..floor(span.end).max(start)
}

/// The names the parser quotes in backticks, in order.
fn backticked(message: &str) -> Vec<String> {
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The line holding `offset`: where it starts, and its text without the line end.
fn line_at(text: &str, offset: usize) -> (usize, &str) {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    (start, text[start..end].trim_end_matches('\r'))
}

/// The field a value at `offset` is given to, when its line reads `field = value`.
fn key_before(text: &str, offset: usize) -> Option<String> {
    let (start, _) = line_at(text, offset);
    let before = text[start..offset].trim_end().strip_suffix('=')?.trim_end();
    let name_start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |i| i + 1);
    let key = &before[name_start..];
    (!key.is_empty()).then(|| key.to_string())
}

/// A field the format does not have. One of the file's own fields written inside a `[section]`
/// (`period_end` added at the end of plan.toml, under `[labels]`) is said to belong at the top.
fn unknown_field(toml: &str, format: &str, rest: &str, offset: usize) -> TomlKind {
    let mut names = backticked(rest).into_iter();
    let field = names.next().unwrap_or_default();
    let allowed: Vec<String> = names.collect();
    let section = section_at(toml, offset);
    let schema = Schema::get();
    let of_the_file = schema.item(format).is_some_and(|item| {
        let fields = schema.fields(item);
        fields
            .iter()
            .any(|f| f.key == field || f.aliases.contains(&field))
    });
    let belongs_at_top = section.filter(|_| of_the_file && !allowed.contains(&field));
    let plan = format == "PlanFile";
    TomlKind::UnknownField {
        field,
        allowed,
        belongs_at_top,
        plan,
    }
}

/// The `[section]` (or `[[section]]`) line the line at `offset` is under, as written.
fn section_at(text: &str, offset: usize) -> Option<String> {
    let header = text[..offset]
        .lines()
        .rev()
        .map(str::trim)
        .find(|line| line.starts_with('['))?;
    let brackets = if header.starts_with("[[") { 2 } else { 1 };
    let name = header[brackets..]
        .split(']')
        .next()
        .unwrap_or_default()
        .trim();
    let (open, close) = ("[".repeat(brackets), "]".repeat(brackets));
    (!name.is_empty()).then(|| format!("{open}{name}{close}"))
}

/// A value of the wrong kind: `rest` is the parser's "string \"x\", expected a sequence".
fn wrong_type(toml: &str, rest: &str, span: &Range<usize>) -> TomlKind {
    let (found, expected) = rest.rsplit_once(", expected ").unwrap_or(("", rest));
    let Some(expected) = expected_value(expected) else {
        return TomlKind::Syntax;
    };
    // A value of the right kind but out of range (`-1` for a count) is said only as what it
    // should be: "a whole number, but it is a whole number" would say nothing.
    let found = found_value(found).filter(|&found| found != expected);
    let key = key_before(toml, span.start);
    let written = &toml[span.clone()];
    let fixed = key
        .as_deref()
        .and_then(|key| fixed_line(key, written, expected, found));
    TomlKind::WrongType {
        expected,
        found,
        key,
        fixed,
    }
}

/// What serde says it expected, in plain words.
fn expected_value(words: &str) -> Option<Value> {
    let has = |w: &str| words.contains(w);
    Some(if has("datetime") || has("date") {
        Value::Date
    } else if has("sequence") || has("array") {
        Value::List
    } else if has("f64") || has("f32") || has("float") {
        Value::Number
    } else if [
        "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "integer",
    ]
    .iter()
    .any(|w| has(w))
    {
        Value::WholeNumber
    } else if has("string") || has("char") {
        Value::Text
    } else if has("bool") {
        Value::TrueOrFalse
    } else if has("struct") || has("map") || has("table") {
        Value::Table
    } else {
        return None;
    })
}

/// What serde says it found, in plain words.
fn found_value(words: &str) -> Option<Value> {
    let starts = |w: &str| words.starts_with(w);
    Some(if starts("string") {
        Value::Text
    } else if starts("integer") {
        Value::WholeNumber
    } else if starts("floating point") {
        Value::Number
    } else if starts("boolean") {
        Value::TrueOrFalse
    } else if starts("sequence") {
        Value::List
    } else if starts("map") {
        Value::Table
    } else {
        return None;
    })
}

/// The line written right, when the value as written can be turned into what was expected: a
/// date in quotes without them, one line of text as a list of one. Only a line that is valid TOML.
fn fixed_line(key: &str, written: &str, expected: Value, found: Option<Value>) -> Option<String> {
    if written.contains('\n') || written.len() > 120 {
        return None;
    }
    let unquoted = || written.trim_matches(|c| c == '"' || c == '\'');
    let value = match (expected, found?) {
        (Value::Date | Value::Number | Value::WholeNumber, Value::Text) => unquoted().to_string(),
        (Value::List, Value::Text) => format!("[{written}]"),
        (Value::Text, Value::WholeNumber | Value::Number | Value::TrueOrFalse) => {
            format!("\"{written}\"")
        }
        _ => return None,
    };
    let line = format!("{key} = {value}");
    let reads = toml::from_str::<toml::Table>(&line)
        .ok()
        .and_then(|table| table.get(key).cloned())
        .and_then(|v| kind_of(&v))
        .is_some_and(|kind| {
            kind == expected || (expected, kind) == (Value::Number, Value::WholeNumber)
        });
    reads.then_some(line)
}

/// The plain kind of a parsed TOML value.
fn kind_of(value: &toml::Value) -> Option<Value> {
    Some(match value {
        toml::Value::String(_) => Value::Text,
        toml::Value::Integer(_) => Value::WholeNumber,
        toml::Value::Float(_) => Value::Number,
        toml::Value::Boolean(_) => Value::TrueOrFalse,
        toml::Value::Datetime(d) if d.date.is_some() && d.time.is_none() => Value::Date,
        toml::Value::Array(_) => Value::List,
        toml::Value::Table(_) => Value::Table,
        toml::Value::Datetime(_) => return None,
    })
}

/// Why the parser found a date impossible, in plain words; `None` for any other error.
fn impossible_date(message: &str) -> Option<String> {
    let rest = message.strip_prefix("invalid date")?;
    let most = |what: &str| {
        let after = rest.split(what).nth(1)?;
        after.split_whitespace().nth(2).map(str::to_string)
    };
    Some(if let Some(days) = most("day between") {
        format!("that month has only {days} days")
    } else if rest.contains("month between") {
        "a year has only 12 months".to_string()
    } else {
        "it is not a day of the calendar".to_string()
    })
}

/// The date as written at `span`, or the word there when the span is empty.
fn written_date(toml: &str, span: &Range<usize>) -> String {
    let text = match span.is_empty() {
        true => &toml[span.start..],
        false => &toml[span.clone()],
    };
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '.')))
        .unwrap_or(text.len());
    text[..end].to_string()
}

/// Characters pasted from Word on the line of `offset`: the first of them, its place, and the
/// line with each typed plainly, when that is valid TOML.
fn pasted(toml: &str, offset: usize) -> Option<(Range<usize>, TomlKind)> {
    let (start, line) = line_at(toml, offset);
    let (at, c) = line.char_indices().find(|&(_, c)| Paste::of(c).is_some())?;
    let damage = Paste::of(c)?;
    let typed: String = line
        .chars()
        .map(|c| match Paste::of(c) {
            Some(_) => Paste::straight(c).to_string(),
            None => c.to_string(),
        })
        .collect();
    let typed = typed.trim().to_string();
    let reads = typed.len() <= 160 && toml::from_str::<toml::Table>(&typed).is_ok();
    let fixed = reads.then_some(typed);
    let place = start + at..start + at + c.len_utf8();
    Some((place, TomlKind::Pasted { damage, fixed }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Page {
        title: String,
        order: Option<u32>,
        date: Option<toml::value::Datetime>,
        achieve: Option<Vec<String>>,
        target: Option<f64>,
    }

    fn kind_of_text(text: &str) -> (String, TomlKind) {
        let error = toml::from_str::<Page>(text).unwrap_err();
        let span = error.span().unwrap_or(0..0);
        let (span, kind) = read(text, "NoSuchFormat", error.message().trim(), span);
        (text[span].to_string(), kind)
    }

    fn words(text: &str) -> String {
        let (_, kind) = kind_of_text(text);
        format!("{}\nhint: {}", kind.message(), kind.hint())
    }

    /// Each of the parser's words that a user should never read.
    const PROGRAMMER: [&str; 8] = [
        "TOML datetime",
        "sequence",
        "f64",
        "u32",
        "invalid type",
        "missing field",
        "expected one of",
        "string values must be quoted",
    ];

    #[test]
    fn wrong_types_are_said_plainly_with_the_line_written_right() {
        let cases = [
            (
                "title = \"A\"\ndate = \"2024-03-01\"\n",
                "this should be a date, but it is text in quotes",
                "`date = 2024-03-01`",
            ),
            (
                "title = \"A\"\nachieve = \"Safe care.\"\n",
                "this should be a list, but it is text in quotes",
                "`achieve = [\"Safe care.\"]`",
            ),
            (
                "title = \"A\"\ntarget = \"12.5\"\n",
                "this should be a number, but it is text in quotes",
                "`target = 12.5`",
            ),
            (
                "title = \"A\"\norder = \"four\"\n",
                "this should be a whole number, but it is text in quotes",
                "`order = 3`",
            ),
            (
                "title = 12\n",
                "this should be text in quotes, but it is a whole number",
                "`title = \"12\"`",
            ),
        ];
        for (text, message, shown) in cases {
            let said = words(text);
            assert!(said.starts_with(message), "{said}");
            assert!(said.contains(shown), "{said}");
            for word in PROGRAMMER {
                assert!(!said.contains(word), "«{word}» in {said}");
            }
        }
    }

    #[test]
    fn a_misspelt_field_lists_the_fields_allowed_in_plain_words() {
        let said = words("title = \"A\"\ntitel = \"B\"\n");
        assert!(said.starts_with("planpress does not know a field called \"titel\""));
        assert!(
            said.contains("title, order, date, achieve, target"),
            "{said}"
        );
        assert!(!said.contains("expected one of"), "{said}");
    }

    #[test]
    fn a_field_of_the_file_written_inside_a_section_is_said_to_belong_at_the_top() {
        let text = "title = \"T\"\n[labels]\npriority = \"P\"\nperiod_end = 2025-03-31\n";
        let offset = text.find("period_end").unwrap();
        let message = "unknown field `period_end`, expected one of `priority`, `sro`";
        let (_, kind) = read(text, "PlanFile", message, offset..offset + 10);
        assert_eq!(
            kind.message(),
            "period_end is a field of the whole file, but here it is inside [labels]"
        );
        assert!(kind.hint().starts_with(
            "period_end belongs at the top of the file, above [labels]: move this line near the top of content/plan.toml, above the first [section] line"
        ));
        // In a register, under [[actions]], it says the file's top, not plan.toml's.
        let text = "number = 1\n[[actions]]\nid = \"a\"\nsro = \"b\"\n";
        let offset = text.find("sro").unwrap();
        let message = "unknown field `sro`, expected one of `id`, `title`";
        let (_, kind) = read(text, "PriorityFile", message, offset..offset + 3);
        assert_eq!(
            kind.message(),
            "sro is a field of the whole file, but here it is inside [[actions]]"
        );
        assert!(
            kind.hint().ends_with(
                "move this line near the top of the file, above the first [section] line"
            ),
            "{}",
            kind.hint()
        );
    }

    #[test]
    fn curly_quotes_are_named_at_the_first_one_with_the_line_typed_straight() {
        let (at, kind) = kind_of_text("title = “Safer care”\n");
        assert_eq!(at, "“");
        assert_eq!(kind.message(), "this line has curly quotes “…” from Word");
        assert_eq!(
            kind.hint(),
            "type straight quotes \" instead: `title = \"Safer care\"`"
        );
    }

    #[test]
    fn other_paste_damage_has_its_own_words() {
        let (at, kind) = kind_of_text("title\u{a0}= \"A\"\n");
        assert_eq!(at, "\u{a0}");
        assert!(kind.message().contains("non-breaking space"), "{kind:?}");
        let (_, kind) = kind_of_text("title = \"A\"\norder = \u{2013}3\n");
        assert!(kind.message().contains("long dash"), "{kind:?}");
        let (_, kind) = kind_of_text("title = \"A\"\n\u{200b}order = 3\n");
        assert!(kind.message().contains("invisible"), "{kind:?}");
    }

    #[test]
    fn an_impossible_date_says_it_does_not_exist_not_to_check_the_quotes() {
        let said = words("title = \"A\"\ndate = 2024-02-30\n");
        assert!(
            said.starts_with("there is no such date as 2024-02-30: that month has only 29 days"),
            "{said}"
        );
        assert!(!said.contains("quotes on this line"), "{said}");
        let said = words("title = \"A\"\ndate = 2024-13-01\n");
        assert!(
            said.starts_with("there is no such date as 2024-13-01: a year has only 12 months"),
            "{said}"
        );
    }

    #[test]
    fn text_without_quotes_and_anything_else_read_plainly() {
        let said = words("title = Safer care\n");
        assert!(
            said.starts_with("this text needs straight double quotes"),
            "{said}"
        );
        assert!(said.contains("`title = \"like this\"`"), "{said}");
        let said = words("title = [\n");
        for word in PROGRAMMER {
            assert!(!said.contains(word), "«{word}» in {said}");
        }
    }
}
