//! Every hint that shows content shows valid content: a user copies it as it is. Hints write the
//! content they show in backticks (`period_end = 2025-03-31`); these tests find every such example,
//! in the words of every kind of problem and in hints made from values, and parse each as TOML.

use super::*;

/// The source of every file of kinds, as written: each hint's words are in it.
const KINDS: [(&str, &str); 10] = [
    ("attachments.rs", include_str!("attachments.rs")),
    ("kind.rs", include_str!("kind.rs")),
    ("links.rs", include_str!("links.rs")),
    ("load.rs", include_str!("load.rs")),
    ("outcomes.rs", include_str!("outcomes.rs")),
    ("plan.rs", include_str!("plan.rs")),
    ("references.rs", include_str!("references.rs")),
    ("style.rs", include_str!("style.rs")),
    ("theme.rs", include_str!("theme.rs")),
    ("toml_kind.rs", include_str!("toml_kind.rs")),
];

/// The string literals of Rust source before its tests, with `\"`, `\\` and `\n` read.
fn literals(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut found = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            // A character literal such as '"' is not the start of a string.
            '\'' => {
                let ahead: String = chars.clone().take(3).collect();
                if ahead.starts_with("\"'") {
                    chars.nth(1);
                } else if ahead.starts_with("\\\"") {
                    chars.nth(2);
                }
            }
            '"' => {
                let mut text = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => match chars.next() {
                            Some('n') => text.push('\n'),
                            Some('\n') => {
                                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                                    chars.next();
                                }
                            }
                            Some(other) => text.push(other),
                            None => {}
                        },
                        '"' => break,
                        other => text.push(other),
                    }
                }
                found.push(text);
            }
            _ => {}
        }
    }
    found
}

/// The parts of `text` in backticks, and what is left outside them.
fn backticked(text: &str) -> (Vec<&str>, String) {
    let parts: Vec<&str> = text.split('`').collect();
    let inside = parts.iter().skip(1).step_by(2).copied().collect();
    let outside = parts.iter().step_by(2).copied().collect();
    (inside, outside)
}

/// An example of content: a line with an = sign, or a `[section]` line.
fn is_content(example: &str) -> bool {
    example.contains(" = ") || (example.starts_with('[') && example.ends_with(']'))
}

fn assert_valid(example: &str, from: &str) {
    if let Err(error) = toml::from_str::<toml::Table>(example) {
        panic!("the hint {from} shows `{example}`, which is not valid content: {error}");
    }
}

#[test]
fn every_example_written_in_a_hint_is_valid_toml_and_none_is_shown_outside_backticks() {
    let mut checked = 0;
    for (file, source) in KINDS {
        for literal in literals(source) {
            let (inside, outside) = backticked(&literal);
            // A line of content written into the words, not set apart, is easily copied wrong.
            assert!(
                !outside.contains(" = "),
                "{file}: «{literal}» shows content outside backticks"
            );
            // Examples made from values (`{field} = {example}`) are checked below, made.
            for example in inside
                .into_iter()
                .filter(|e| is_content(e) && !e.contains('{'))
            {
                assert_valid(example, file);
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 15,
        "only {checked} examples found: the search is broken"
    );
}

/// One of each kind whose hint makes its example from values.
fn made_examples() -> Vec<Kind> {
    let mut kinds: Vec<Kind> = vec![
        PlanKind::NotADate { field: "as_of" }.into(),
        PlanKind::UpdateOutsidePeriod {
            date: "10 April 2025".into(),
            iso: "2025-04-10".into(),
            start: "2023-04-01".into(),
            end: "2024-03-31".into(),
        }
        .into(),
        PlanKind::ColumnNotForKind {
            column: "doing".into(),
            kind: None,
            kinds: vec!["project".into(), "programme".into()],
        }
        .into(),
        PlanKind::PeriodDatesUnknown {
            period: "Spring".into(),
        }
        .into(),
        StyleKind::NotInGlossary {
            word: "CQC".into(),
            uses: 2,
        }
        .into(),
        StyleKind::NotInGlossary {
            word: "A\"B".into(),
            uses: 1,
        }
        .into(),
        StyleKind::HardToRead {
            action: "triage".into(),
            score: 20.0,
            threshold: 50.0,
        }
        .into(),
        AttachmentKind::TooLarge {
            size: 30 * MB,
            limit_mb: 20,
        }
        .into(),
        ThemeKind::NoSuchTheme { name: "nhs".into() }.into(),
        ReferenceKind::NumberUsedTwice {
            number: 2,
            other: "1-care".into(),
        }
        .into(),
        TomlKind::NotQuoted {
            key: Some("title".into()),
        }
        .into(),
    ];
    for expected in [
        Value::Date,
        Value::List,
        Value::Number,
        Value::WholeNumber,
        Value::Text,
        Value::TrueOrFalse,
        Value::Table,
    ] {
        let key = Some("due".to_string());
        let (found, fixed) = (None, None);
        kinds.push(
            TomlKind::WrongType {
                expected,
                found,
                key,
                fixed,
            }
            .into(),
        );
    }
    // Every field the reference gives an example of, as a missing field's hint shows it.
    let schema = crate::reference::Schema::get();
    for item in &schema.items {
        for field in schema.fields(item) {
            kinds.push(
                TomlKind::Required {
                    field: field.key.clone(),
                    entry: String::new(),
                    example: field.example.clone(),
                    table: schema.table_of(field).is_some(),
                }
                .into(),
            );
        }
    }
    kinds
}

#[test]
fn every_example_a_hint_makes_from_values_is_valid_toml() {
    let mut checked = 0;
    for kind in made_examples() {
        let hint = kind.hint().unwrap_or_default();
        let (inside, outside) = backticked(&hint);
        assert!(
            !outside.contains(" = "),
            "«{hint}» shows content outside backticks"
        );
        for example in inside.into_iter().filter(|e| is_content(e)) {
            assert_valid(example, &format!("«{hint}»"));
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} examples checked");
}
