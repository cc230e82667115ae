//! The plan's own columns: each declared once with a usable id, each action area's `kind` one the
//! columns name, and no text written under a column its row does not have (it would never be
//! shown).

use std::sync::Arc;

use toml::Spanned;

use super::references::{check_known, Seen};
use crate::diagnostics::{ContentError, Noun, PlanKind, Source};
use crate::load::format::{ActionEntry, PlanFile};
use crate::model::BUILT_IN_COLUMNS;

/// The columns a plan declares, as action areas are checked against them.
#[derive(Debug, Clone, Hash)]
pub struct Columns {
    /// (id, the kinds of row that have it; empty for every row).
    columns: Vec<(String, Vec<String>)>,
    /// Every kind any column names, in the order first named.
    kinds: Vec<String>,
}

impl Columns {
    /// The plan's columns, or the three built-in ones; problems with their ids go in `errors`.
    pub fn of(source: &Source, file: &PlanFile, errors: &mut Vec<ContentError>) -> Columns {
        if file.columns.is_empty() {
            let built_in = BUILT_IN_COLUMNS.iter().map(|c| (c.to_string(), Vec::new()));
            return Columns {
                columns: built_in.collect(),
                kinds: Vec::new(),
            };
        }
        let mut seen = Seen::new("column");
        let mut kinds: Vec<String> = Vec::new();
        for column in &file.columns {
            seen.check(source, &column.id, errors);
            for kind in &column.kinds {
                if !kinds.contains(kind.get_ref()) {
                    kinds.push(kind.get_ref().clone());
                }
            }
        }
        let columns = file.columns.iter().map(|c| {
            let kinds = c.kinds.iter().map(|k| k.get_ref().clone()).collect();
            (c.id.get_ref().clone(), kinds)
        });
        Columns {
            columns: columns.collect(),
            kinds,
        }
    }

    /// An action area's kind, and the text it writes under each column.
    pub fn check_action(
        &self,
        source: &Source,
        action: &ActionEntry,
        errors: &mut Vec<ContentError>,
    ) {
        let kind = action.kind.as_ref();
        if let Some(kind) = kind {
            let defined_in = "the kinds of the columns in content/plan.toml";
            check_known(source, kind, &self.kinds, Noun::KIND, defined_in, errors);
        }
        let kind = kind.map(|k| k.get_ref().as_str());
        let built_in = [&action.achieve, &action.doing, &action.families];
        let written = BUILT_IN_COLUMNS
            .iter()
            .zip(built_in)
            .map(|(id, t)| (*id, t));
        let written = written.chain(action.columns.iter().map(|(id, t)| (id.as_str(), t)));
        for (column, texts) in written.filter(|(_, t)| !t.is_empty()) {
            self.check_written(source, action, kind, column, texts, errors);
        }
    }

    /// Text under `column` in an action area of `kind`: the plan must declare the column, for
    /// that kind of row.
    fn check_written(
        &self,
        source: &Source,
        action: &ActionEntry,
        kind: Option<&str>,
        column: &str,
        texts: &[Spanned<Arc<str>>],
        errors: &mut Vec<ContentError>,
    ) {
        let place = texts.first().map_or(action.id.span(), |t| t.span());
        let Some((_, kinds)) = self.columns.iter().find(|(id, _)| id == column) else {
            let ids: Vec<String> = self.columns.iter().map(|(id, _)| id.clone()).collect();
            let value = Spanned::new(place, column.to_string());
            check_known(
                source,
                &value,
                &ids,
                Noun::COLUMN,
                "content/plan.toml",
                errors,
            );
            return;
        };
        let has = kinds.is_empty() || kind.is_some_and(|k| kinds.iter().any(|c| c == k));
        if !has {
            let kind = PlanKind::ColumnNotForKind {
                column: column.to_string(),
                kind: kind.map(str::to_string),
                kinds: kinds.clone(),
            };
            errors.push(ContentError::at(source, place, kind));
        }
    }

    /// Whether a row of `kind` has the column `id`.
    pub fn has(&self, id: &str, kind: Option<&str>) -> bool {
        self.columns.iter().any(|(c, kinds)| {
            c == id && (kinds.is_empty() || kind.is_some_and(|k| kinds.iter().any(|c| c == k)))
        })
    }
}
