//! Every required field left out of a file, in one run. serde stops at the first missing field, so
//! an entry missing three fields would take three runs to put right; this walks the file's TOML
//! against the format's field definitions (`reference::Schema`, read from the same source the
//! loader is compiled from) and names each one, at its entry.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostics::{ContentError, Source, TomlKind};
use crate::reference::{Item, Schema};

/// Every required field missing from `toml` (the file's TOML: for a Markdown file, its front
/// matter with the rest blanked, so offsets are the file's), read as the struct named `root`.
/// Nothing when the TOML does not parse: that error is reported on its own.
pub fn fields(source: &Source, toml: &str, root: &str) -> Vec<ContentError> {
    let schema = Schema::get();
    let (Ok(document), Some(item)) = (DeTable::parse(toml), schema.item(root)) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let entry = Entry {
        table: document.get_ref(),
        span: 0..0,
        path: String::new(),
        list: false,
    };
    walk(schema, item, &entry, &mut found);
    found
        .into_iter()
        .map(|(span, kind)| ContentError::at(source, span, kind))
        .collect()
}

/// One table of the file: its fields, where it starts, and its key path (`actions.milestones`;
/// empty for the file itself), one of a list or not.
struct Entry<'t, 'i> {
    table: &'t DeTable<'i>,
    span: Range<usize>,
    path: String,
    list: bool,
}

impl Entry<'_, '_> {
    /// Its name as TOML writes it, as the reference heads its section: `[[actions.milestones]]`.
    fn name(&self) -> String {
        match (self.path.is_empty(), self.list) {
            (true, _) => String::new(),
            (false, true) => format!("[[{}]]", self.path),
            (false, false) => format!("[{}]", self.path),
        }
    }
}

/// Adds the required fields missing from `entry` (read as `item`), then those of every table in it.
fn walk(schema: &Schema, item: &Item, entry: &Entry, found: &mut Vec<(Range<usize>, TomlKind)>) {
    for field in schema.fields(item) {
        let keys = std::iter::once(&field.key).chain(&field.aliases);
        let value = keys.into_iter().find_map(|key| value_of(entry.table, key));
        let Some(value) = value else {
            if !field.optional {
                let kind = TomlKind::Required {
                    field: field.key.clone(),
                    entry: entry.name(),
                    example: field.example.clone(),
                    table: schema.table_of(field).is_some(),
                };
                found.push((entry.span.clone(), kind));
            }
            continue;
        };
        let Some(inner) = schema.table_of(field) else {
            continue;
        };
        let path = match entry.path.is_empty() {
            true => field.key.clone(),
            false => format!("{}.{}", entry.path, field.key),
        };
        for (table, span, list) in tables(value) {
            let path = path.clone();
            let entry = Entry {
                table,
                span,
                path,
                list,
            };
            walk(schema, inner, &entry, found);
        }
    }
}

fn value_of<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref() == key)
        .map(|(_, value)| value)
}

/// The tables a value holds: itself, or each table of a list. Anything else is a wrong type,
/// which serde reports.
fn tables<'t, 'i>(value: &'t Spanned<DeValue<'i>>) -> Vec<(&'t DeTable<'i>, Range<usize>, bool)> {
    match value.get_ref() {
        DeValue::Table(table) => vec![(table, value.span(), false)],
        DeValue::Array(items) => items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(table) => Some((table, item.span(), true)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn missing(text: &str, root: &str) -> Vec<(usize, usize, String)> {
        let source = Source::new("content/priorities/p.toml", text);
        fields(&source, text, root)
            .into_iter()
            .map(|e| (e.line, e.column, e.message()))
            .collect()
    }

    #[test]
    fn every_missing_field_of_every_entry_is_named_at_its_entry() {
        let text = "number = 1\nsro = \"a\"\n\n[[actions]]\nid = \"x\"\n\n[[actions]]\nid = \"y\"\ntitle = \"Y\"\nstatus = \"on-track\"\nmilestones = [{ due = \"Q1 2024/25\" }]\n";
        let found = missing(text, "PriorityFile");
        let messages: Vec<&str> = found.iter().map(|(_, _, m)| m.as_str()).collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(messages[0].contains("title"), "{messages:?}");
        assert!(messages[1].contains("title") && messages[1].contains("[[actions]]"));
        assert!(messages[2].contains("title") && messages[2].contains("[[actions.milestones]]"));
        assert_eq!(found[1].0, 4, "at the entry: {found:?}");
    }

    #[test]
    fn nothing_when_all_is_there_or_the_toml_does_not_parse() {
        assert!(missing("number = 1\ntitle = \"T\"\nsro = \"a\"\n", "PriorityFile").is_empty());
        assert!(missing("number = \n", "PriorityFile").is_empty());
        assert!(missing("title = \"T\"\n", "NoSuchStruct").is_empty());
    }
}
