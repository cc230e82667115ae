//! The reference as Markdown: a list of the files, then one section per table, each a table of its
//! fields.

use std::fmt::Write;

use super::schema::{Field, Item, Schema};
use super::{FileFormat, FILES, REGENERATE};

/// The whole reference.
pub fn markdown(schema: &Schema) -> String {
    let mut out = String::new();
    out.push_str("# The content format\n\n");
    let _ = writeln!(
        out,
        "<!-- Made by `planpress reference` from the fields the loader reads (src/load/format/). \
         Do not edit: change the `///` docs there and run `{REGENERATE}`. -->\n"
    );
    out.push_str(
        "Every file planpress reads in `content/`, every field of each, whether it must be there, \
         what it means, and an example. A field marked optional may be left out. A misspelt or \
         unknown field is an error, and so is a required one left out. Text is in double quotes; \
         dates (`2024-03-31`) and numbers are not. `planpress init` writes a small plan to start \
         from; its example words, and those `planpress new` writes, are errors until they are \
         replaced.\n\n",
    );
    out.push_str(
        "**Naming an action area.** Wherever content names an action area (an update, a \
         milestone, a measure), it may give its id (`\"birth-centre\"`) or its number as the site \
         shows it (`\"1.5\"`: priority 1, its fifth action area). A link in Markdown may name one \
         by its number too: `[the birth centre](1.5)` opens its page.\n\n",
    );
    files_table(&mut out, schema);
    for (item, place) in sections(schema) {
        section(&mut out, schema, item, &place);
    }
    out
}

/// Where a table sits: its heading, and the TOML key path that reaches it.
pub struct Place {
    pub heading: String,
    pub front_matter: bool,
}

/// Every struct an editor writes, once, in the order they are reached from [`FILES`], with the
/// heading of its section.
pub fn sections(schema: &Schema) -> Vec<(&Item, Place)> {
    let mut found: Vec<(&Item, Place)> = Vec::new();
    for file in FILES {
        let Some(root) = schema.item(file.root) else {
            continue;
        };
        let heading = format!("`{}`", file.path);
        found.push((root, place(heading, file)));
        reach(schema, root, "", file, &mut found);
    }
    found
}

fn place(heading: String, file: &FileFormat) -> Place {
    Place {
        heading,
        front_matter: file.front_matter,
    }
}

/// Adds the tables inside `item` (at `path` in its file), depth first, each once.
fn reach<'s>(
    schema: &'s Schema,
    item: &'s Item,
    path: &str,
    file: &FileFormat,
    found: &mut Vec<(&'s Item, Place)>,
) {
    for field in schema.fields(item) {
        let Some(table) = schema.table_of(field) else {
            continue;
        };
        if found.iter().any(|(seen, _)| seen.name == table.name) {
            continue;
        }
        let key = format!("{path}{}", field.key);
        let brackets = match is_list(field) {
            true => format!("[[{key}]]"),
            false => format!("[{key}]"),
        };
        let heading = format!("`{brackets}` in `{}`", file.path);
        found.push((table, place(heading, file)));
        reach(schema, table, &format!("{key}."), file, found);
    }
}

fn is_list(field: &Field) -> bool {
    field.value_type().starts_with("Vec<")
}

/// The list of files at the top.
fn files_table(out: &mut String, schema: &Schema) {
    out.push_str("| File | Needed | What it holds |\n|---|---|---|\n");
    for file in FILES {
        let Some(root) = schema.item(file.root) else {
            continue;
        };
        let heading = format!("`{}`", file.path);
        let needed = if file.required {
            "required"
        } else {
            "optional"
        };
        let what = without_path(&root.docs.join(" "));
        let _ = writeln!(
            out,
            "| [{heading}](#{}) | {needed} | {} |",
            anchor(&heading),
            cell(&what)
        );
    }
    out.push('\n');
}

/// A struct's docs without the "`content/plan.toml`: " they start with (the heading says it).
fn without_path(docs: &str) -> String {
    match docs
        .strip_prefix('`')
        .and_then(|rest| rest.split_once("`: "))
    {
        Some((_, rest)) => upper_first(rest),
        None => docs.to_string(),
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One table's section: its docs and a row per field.
fn section(out: &mut String, schema: &Schema, item: &Item, place: &Place) {
    let _ = writeln!(out, "## {}\n", place.heading);
    if !item.docs.is_empty() {
        let _ = writeln!(out, "{}\n", without_path(&item.docs.join(" ")));
    }
    if place.front_matter {
        out.push_str("These fields go at the top of the file, between two `+++` lines; the page's Markdown follows.\n\n");
    }
    out.push_str("| Field | Needed | Value | What it is | Example |\n|---|---|---|---|---|\n");
    for field in schema.fields(item) {
        let needed = if field.optional {
            "optional"
        } else {
            "required"
        };
        let example = match (schema.table_of(field), &field.example) {
            (Some(_), _) => String::new(),
            (None, Some(example)) => code(&format!("{} = {example}", field.key)),
            (None, None) => String::new(),
        };
        let _ = writeln!(
            out,
            "| `{}` | {needed} | {} | {} | {} |",
            field.key,
            type_words(schema, field),
            cell(&field.meaning()),
            example
        );
    }
    out.push('\n');
}

/// What kind of value a field takes, in words; empty if the type is not one the reference knows.
pub fn type_words(schema: &Schema, field: &Field) -> String {
    let ty = field.value_type();
    if let Some(inner) = ty.strip_prefix("Vec<").and_then(|t| t.strip_suffix('>')) {
        let inner = Field {
            ty: inner.to_string(),
            ..field.clone()
        };
        return match schema.table_of(&inner) {
            Some(table) => format!("list of tables: see {}", link(schema, table)),
            None => plural(&type_words(schema, &inner)),
        };
    }
    if let Some(table) = schema.table_of(field) {
        return format!("table: see {}", link(schema, table));
    }
    if let Some(item) = schema.item(ty) {
        return cell(&item.docs.join(" "));
    }
    match ty {
        // `Arc<str>`: text the model shares with the parse.
        "String" | "str" => "text",
        "u32" | "u64" | "usize" | "i64" => "whole number",
        "f64" => "number",
        "bool" => "`true` or `false`",
        "Datetime" => "date",
        "[f64; 2]" => "two numbers in brackets",
        "BTreeMap<String, Vec<Spanned<Arc<str>>>>" | "BTreeMap<String, Vec<String>>" => {
            "table of lists of texts, each under its column's id"
        }
        _ => "",
    }
    .to_string()
}

fn plural(words: &str) -> String {
    match words {
        "" => String::new(),
        "text" => "list of texts".into(),
        "whole number" => "list of whole numbers".into(),
        "number" => "list of numbers".into(),
        "date" => "list of dates".into(),
        other => format!("list of: {other}"),
    }
}

/// A link to the section of a table.
fn link(schema: &Schema, table: &Item) -> String {
    sections(schema)
        .into_iter()
        .find(|(item, _)| item.name == table.name)
        .map(|(_, place)| format!("[{}](#{})", place.heading, anchor(&place.heading)))
        .unwrap_or_else(|| table.name.clone())
}

/// The anchor GitHub and most Markdown viewers give a heading: lower case, punctuation dropped,
/// spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// Text safe in a table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// Code in a table cell, whatever backticks it holds.
fn code(text: &str) -> String {
    let text = cell(text);
    match text.contains('`') {
        true => format!("`` {text} ``"),
        false => format!("`{text}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_the_ones_markdown_viewers_make() {
        assert_eq!(
            anchor("`[[actions]]` in `content/priorities/<id>.toml`"),
            "actions-in-contentprioritiesidtoml"
        );
    }

    #[test]
    fn nested_tables_are_named_by_their_key_path() {
        let schema = Schema::read();
        let headings: Vec<String> = sections(&schema)
            .into_iter()
            .map(|(_, place)| place.heading)
            .collect();
        assert!(headings.contains(&"`content/plan.toml`".to_string()));
        assert!(headings.contains(&"`[labels]` in `content/plan.toml`".to_string()));
        assert!(headings.contains(&"`[[actions]]` in `content/priorities/<id>.toml`".to_string()));
        assert!(headings
            .contains(&"`[[actions.milestones]]` in `content/priorities/<id>.toml`".to_string()));
    }

    #[test]
    fn a_field_row_says_if_it_is_required_and_shows_its_example() {
        let text = markdown(&Schema::read());
        assert!(
            text.contains("| `title` | required | text |"),
            "{}",
            &text[..2000]
        );
        assert!(text.contains("| `due` | optional |"));
        assert!(text.contains("list of tables: see [`[[actions]]` in `content/priorities/<id>.toml`](#actions-in-contentprioritiesidtoml)"));
    }
}
