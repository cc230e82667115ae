//! Open data: the action areas, the recommendations and the links between them as CSV and JSON,
//! with stable ids. One list of fields per table drives the CSV header, the JSON keys and the data
//! page that documents them, so the three cannot drift apart.

use std::io::{self, Write};

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::say::{word, Words};
use super::views::outcomes::{in_words, measure_href};
use super::views::{action_href, recommendation_href};
use super::Written;
use crate::model::{ActionAt, Labels, Plan};

/// A value in one cell of a table.
pub enum Cell {
    Text(String),
    Number(u64),
    Flag(bool),
    /// Ids: `;`-separated in CSV, a list in JSON.
    Ids(Vec<String>),
    /// Markdown bullets: one per line in CSV, a list in JSON.
    Lines(Vec<String>),
    /// Not given: empty in CSV, null in JSON.
    Missing,
}

/// One documented column. Its description is the theme's word `data_field_<table>_<name>` (the
/// table's hyphens as underscores), which may use the plan's own words: `{action}`, `{actions}`,
/// `{priority}`, `{priorities}` and `{sro_long}` in lower case, as in running text, and the
/// column headings `{achieve}`, `{doing}` and `{families}` as written.
pub struct Field<R> {
    pub name: &'static str,
    pub value: fn(&Data, &R) -> Cell,
}

/// A table published as `data/<name>.csv` and, when `json` is set, `data/<name>.json`, headed on
/// the data page by the theme's word `data_heading_<name>` and described by `data_table_<name>`
/// (the name's hyphens as underscores).
pub struct Table<R: 'static> {
    pub name: &'static str,
    pub json: bool,
    pub fields: &'static [Field<R>],
}

/// What a table's cells are made from: the plan, and the theme's words for the one column the
/// site says in words (a measure's standing). Derefs to the plan, which is what most cells read.
pub struct Data<'d> {
    pub plan: &'d Plan,
    pub words: &'d Words,
}

impl std::ops::Deref for Data<'_> {
    type Target = Plan;

    fn deref(&self) -> &Plan {
        self.plan
    }
}

/// (register index, item index)
type RecommendationAt = (usize, usize);
/// An action and one recommendation it answers.
type Link = (ActionAt, String);

fn text(value: &str) -> Cell {
    Cell::Text(value.to_string())
}

fn optional(value: &Option<String>) -> Cell {
    value.as_deref().map_or(Cell::Missing, text)
}

/// Who is accountable for an action area: its own owners, or else its priority's.
fn owners(plan: &Plan, at: ActionAt) -> &[String] {
    let (priority, action) = plan.action_at(at);
    plan.owners_of(priority, action)
}

fn bullets(items: &[crate::model::Text]) -> Cell {
    Cell::Lines(items.iter().map(|t| t.markdown.to_string()).collect())
}

/// The text of the plan's own columns, a bullet a line, each after its column's id ("now: …").
fn other_columns(action: &crate::model::Action) -> Cell {
    let lines = action
        .columns
        .iter()
        .flat_map(|(id, texts)| texts.iter().map(move |t| format!("{id}: {}", t.markdown)));
    Cell::Lines(lines.collect())
}

#[rustfmt::skip]
pub const ACTIONS: Table<ActionAt> = Table {
    name: "actions",
    json: true,
    fields: &[
        Field { name: "id", value: |p, &at| text(&p.action_at(at).1.id) },
        Field { name: "reference", value: |p, &at| text(&p.action_at(at).1.reference) },
        Field { name: "title", value: |p, &at| text(&p.action_at(at).1.title) },
        Field { name: "priority_id", value: |p, &at| text(&p.action_at(at).0.id) },
        Field { name: "priority_number", value: |p, &at| Cell::Number(u64::from(p.action_at(at).0.number)) },
        Field { name: "priority_title", value: |p, &at| text(&p.action_at(at).0.title) },
        Field { name: "sro_id", value: |p, &at| Cell::Ids(owners(p, at).to_vec()) },
        Field { name: "sro_title", value: |p, &at| Cell::Ids(owners(p, at).iter().filter_map(|id| p.sro(id)).map(|s| s.title.clone()).collect()) },
        Field { name: "status", value: |p, &at| text(&p.action_at(at).1.status) },
        Field { name: "status_label", value: |p, &at| text(&p.status(&p.action_at(at).1.status).label) },
        Field { name: "due", value: |p, &at| optional(&p.action_at(at).1.due) },
        Field { name: "lead", value: |p, &at| optional(&p.action_at(at).1.lead) },
        Field { name: "answers", value: |p, &at| Cell::Ids(p.action_at(at).1.answers.clone()) },
        Field { name: "achieve", value: |p, &at| bullets(&p.action_at(at).1.achieve) },
        Field { name: "doing", value: |p, &at| bullets(&p.action_at(at).1.doing) },
        Field { name: "families", value: |p, &at| bullets(&p.action_at(at).1.families) },
        Field { name: "kind", value: |p, &at| optional(&p.action_at(at).1.kind) },
        Field { name: "columns", value: |p, &at| other_columns(p.action_at(at).1) },
        Field { name: "url", value: |p, &at| text(&action_href(&p.action_at(at).1.id)) },
    ],
};

pub const RECOMMENDATIONS: Table<RecommendationAt> = Table {
    name: "recommendations",
    json: true,
    fields: &[
        Field {
            name: "reference",
            value: |p, &(r, i)| text(&p.registers[r].items[i].reference),
        },
        Field {
            name: "register",
            value: |p, &(r, _)| text(&p.registers[r].id),
        },
        Field {
            name: "register_title",
            value: |p, &(r, _)| text(&p.registers[r].title),
        },
        Field {
            name: "id",
            value: |p, &(r, i)| text(&p.registers[r].items[i].id),
        },
        Field {
            name: "title",
            value: |p, &(r, i)| optional(&p.registers[r].items[i].title),
        },
        Field {
            name: "group",
            value: |p, &(r, i)| optional(&p.registers[r].items[i].group),
        },
        Field {
            name: "for",
            value: |p, &(r, i)| Cell::Ids(p.registers[r].items[i].audiences.clone()),
        },
        Field {
            name: "for_this_trust",
            value: |p, &(r, i)| Cell::Flag(p.registers[r].is_local(&p.registers[r].items[i])),
        },
        Field {
            name: "text",
            value: |p, &(r, i)| {
                p.registers[r].items[i]
                    .text
                    .as_ref()
                    .map_or(Cell::Missing, |t| text(&t.markdown))
            },
        },
        Field {
            name: "answered_by",
            value: |p, &(r, i)| {
                Cell::Ids(
                    p.answers
                        .answering(&p.registers[r].items[i].reference)
                        .iter()
                        .map(|&at| p.action_at(at).1.id.clone())
                        .collect(),
                )
            },
        },
        Field {
            name: "answered_by_priorities",
            value: |p, &(r, i)| {
                Cell::Ids(
                    p.answers
                        .answering_priorities(&p.registers[r].items[i].reference)
                        .iter()
                        .map(|&at| p.priorities[at].id.clone())
                        .collect(),
                )
            },
        },
        Field {
            name: "url",
            value: |p, &(r, i)| text(&recommendation_href(&p.registers[r].items[i].reference)),
        },
    ],
};

pub const LINKS: Table<Link> = Table {
    name: "links",
    json: false,
    fields: &[
        Field {
            name: "action_id",
            value: |p, (at, _)| text(&p.action_at(*at).1.id),
        },
        Field {
            name: "action_reference",
            value: |p, (at, _)| text(&p.action_at(*at).1.reference),
        },
        Field {
            name: "recommendation",
            value: |_, (_, reference)| text(reference),
        },
        Field {
            name: "register",
            value: |_, (_, reference)| text(reference.split('/').next().unwrap_or_default()),
        },
    ],
};

/// (measure index, value index)
type ValueAt = (usize, usize);

fn measure_value<'p>(p: &'p Plan, &(m, v): &ValueAt) -> &'p crate::model::Value {
    &p.measures[m].values[v]
}

fn optional_number(value: Option<f64>) -> Cell {
    value.map_or(Cell::Missing, |n| Cell::Text(crate::model::number(n)))
}

#[rustfmt::skip]
pub const MEASURES: Table<usize> = Table {
    name: "measures",
    json: true,
    fields: &[
        Field { name: "id", value: |p, &m| text(&p.measures[m].id) },
        Field { name: "name", value: |p, &m| text(&p.measures[m].name) },
        Field { name: "unit", value: |p, &m| Some(p.measures[m].unit.clone()).filter(|u| !u.is_empty()).map_or(Cell::Missing, Cell::Text) },
        Field { name: "better", value: |p, &m| p.measures[m].better.map_or(Cell::Missing, |b| text(if b == crate::model::Better::Higher { "higher" } else { "lower" })) },
        Field { name: "target", value: |p, &m| p.measures[m].target_words.as_deref().map_or_else(|| optional_number(p.measures[m].target), text) },
        Field { name: "target_source", value: |p, &m| optional(&p.measures[m].target_source) },
        Field { name: "baseline_period", value: |p, &m| p.measures[m].baseline.as_ref().map_or(Cell::Missing, |b| text(&b.period)) },
        Field { name: "baseline_value", value: |p, &m| optional_number(p.measures[m].baseline.as_ref().map(|b| b.value)) },
        Field { name: "latest_period", value: |p, &m| p.measures[m].latest().map_or(Cell::Missing, |v| text(&v.period)) },
        Field { name: "latest_value", value: |p, &m| optional_number(p.measures[m].latest().map(|v| v.value)) },
        Field { name: "in_words", value: |p, &m| text(&in_words(p.words, &p.measures[m])) },
        Field { name: "priorities", value: |p, &m| Cell::Ids(p.measures[m].priorities.clone()) },
        Field { name: "actions", value: |p, &m| Cell::Ids(p.measures[m].actions.clone()) },
        Field { name: "recommendations", value: |p, &m| Cell::Ids(p.measures[m].recommendations.clone()) },
        Field { name: "url", value: |p, &m| text(&measure_href(&p.measures[m].id)) },
    ],
};

#[rustfmt::skip]
pub const MEASURE_VALUES: Table<ValueAt> = Table {
    name: "measure-values",
    json: false,
    fields: &[
        Field { name: "measure_id", value: |p, &(m, _)| text(&p.measures[m].id) },
        Field { name: "period", value: |p, at| text(&measure_value(p, at).period) },
        Field { name: "period_end", value: |p, at| text(&measure_value(p, at).end.iso()) },
        Field { name: "value", value: |p, at| text(&crate::model::number(measure_value(p, at).value)) },
        Field { name: "numerator", value: |p, at| optional_number(measure_value(p, at).numerator) },
        Field { name: "denominator", value: |p, at| optional_number(measure_value(p, at).denominator) },
        Field { name: "source", value: |p, at| optional(&measure_value(p, at).source) },
        Field { name: "note", value: |p, at| optional(&measure_value(p, at).note) },
    ],
};

/// The data files of the site.
pub fn files(plan: &Plan, words: &Words, emit: &dyn Fn(&str, &mut Written)) {
    let data = Data { plan, words };
    let actions: Vec<ActionAt> = plan
        .priorities
        .iter()
        .enumerate()
        .flat_map(|(p, priority)| (0..priority.actions.len()).map(move |a| (p, a)))
        .collect();
    let recommendations: Vec<RecommendationAt> = plan
        .registers
        .iter()
        .enumerate()
        .flat_map(|(r, register)| (0..register.items.len()).map(move |i| (r, i)))
        .collect();
    let links: Vec<Link> = actions
        .iter()
        .flat_map(|&at| {
            plan.action_at(at)
                .1
                .answers
                .iter()
                .map(move |rec| (at, rec.clone()))
        })
        .collect();
    table_files(&data, &ACTIONS, &actions, emit);
    table_files(&data, &RECOMMENDATIONS, &recommendations, emit);
    table_files(&data, &LINKS, &links, emit);
    let measures: Vec<usize> = (0..plan.measures.len()).collect();
    let values: Vec<ValueAt> = measures
        .iter()
        .flat_map(|&m| (0..plan.measures[m].values.len()).map(move |v| (m, v)))
        .collect();
    table_files(&data, &MEASURES, &measures, emit);
    table_files(&data, &MEASURE_VALUES, &values, emit);
}

/// A table's CSV file and, for some, its JSON file, each written row by row: at national scale
/// each is over 100 MB, and on disk none is ever held whole.
fn table_files<R>(data: &Data, table: &Table<R>, rows: &[R], emit: &dyn Fn(&str, &mut Written)) {
    emit(&format!("data/{}.csv", table.name), &mut |out| {
        csv(data, table, rows, out)
    });
    if table.json {
        emit(&format!("data/{}.json", table.name), &mut |out| {
            json(data, table, rows, out)
        });
    }
}

fn csv<R>(data: &Data, table: &Table<R>, rows: &[R], out: &mut dyn Write) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(table.fields.iter().map(|f| f.name))?;
    for row in rows {
        writer.write_record(table.fields.iter().map(|f| csv_cell((f.value)(data, row))))?;
    }
    writer.flush()
}

fn csv_cell(cell: Cell) -> String {
    let text = match cell {
        Cell::Text(text) => text,
        Cell::Number(n) => n.to_string(),
        Cell::Flag(flag) => flag.to_string(),
        Cell::Ids(ids) => ids.join(";"),
        Cell::Lines(lines) => lines.join("\n"),
        Cell::Missing => String::new(),
    };
    super::spreadsheet::cell_text(text)
}

/// The table as a JSON array of objects (keys in alphabetical order), written row by row: a
/// table of 50,000 actions never becomes one tree of values in memory.
fn json<R>(data: &Data, table: &Table<R>, rows: &[R], out: &mut dyn Write) -> io::Result<()> {
    let mut fields: Vec<&Field<R>> = table.fields.iter().collect();
    fields.sort_by_key(|f| f.name);
    let rows = JsonRows { data, fields, rows };
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    out.write_all(b"\n")
}

struct JsonRows<'t, R: 'static> {
    data: &'t Data<'t>,
    fields: Vec<&'t Field<R>>,
    rows: &'t [R],
}

struct JsonRow<'t, R: 'static> {
    of: &'t JsonRows<'t, R>,
    row: &'t R,
}

impl<R> Serialize for JsonRows<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.rows.iter().map(|row| JsonRow { of: self, row }))
    }
}

impl<R> Serialize for JsonRow<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let data = self.of.data;
        serializer.collect_map(
            self.of
                .fields
                .iter()
                .map(|f| (f.name, json_cell((f.value)(data, self.row)))),
        )
    }
}

fn json_cell(cell: Cell) -> Value {
    match cell {
        Cell::Text(text) => Value::String(text),
        Cell::Number(n) => Value::from(n),
        Cell::Flag(flag) => Value::Bool(flag),
        Cell::Ids(list) | Cell::Lines(list) => Value::from(list),
        Cell::Missing => Value::Null,
    }
}

/// What the data page shows of a table: its files and its documented fields.
#[derive(serde::Serialize)]
pub struct TableView {
    pub name: &'static str,
    pub heading: String,
    pub about: String,
    pub files: Vec<String>,
    pub fields: Vec<(&'static str, String)>,
}

fn view<R>(table: &Table<R>, labels: &Labels, words: &Words) -> TableView {
    let mut files = vec![format!("data/{}.csv", table.name)];
    if table.json {
        files.push(format!("data/{}.json", table.name));
    }
    let key = table.name.replace('-', "_");
    let about = |key: &str| in_plan_words(word(words, key), labels);
    TableView {
        name: table.name,
        heading: word(words, &format!("data_heading_{key}")).to_string(),
        about: about(&format!("data_table_{key}")),
        files,
        fields: table
            .fields
            .iter()
            .map(|f| (f.name, about(&format!("data_field_{key}_{}", f.name))))
            .collect(),
    }
}

/// A description with the plan's own words in place of its placeholders (see `Field`), so a trust
/// that says "activities" and "objectives" is not told about action areas and priorities.
fn in_plan_words(about: &str, labels: &Labels) -> String {
    let words = [
        ("{action}", labels.action.to_lowercase()),
        ("{actions}", labels.actions.to_lowercase()),
        ("{priority}", labels.priority.to_lowercase()),
        ("{priorities}", labels.priorities.to_lowercase()),
        ("{sro_long}", labels.sro_long.to_lowercase()),
        ("{achieve}", labels.achieve.clone()),
        ("{doing}", labels.doing.clone()),
        ("{families}", labels.families.clone()),
    ];
    words
        .iter()
        .fold(about.to_string(), |text, (placeholder, word)| {
            text.replace(placeholder, word)
        })
}

pub fn table_views(labels: &Labels, words: &Words) -> Vec<TableView> {
    vec![
        view(&ACTIONS, labels, words),
        view(&RECOMMENDATIONS, labels, words),
        view(&LINKS, labels, words),
        view(&MEASURES, labels, words),
        view(&MEASURE_VALUES, labels, words),
    ]
}
