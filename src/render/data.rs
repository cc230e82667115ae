//! Open data: the action areas, the recommendations and the links between them as CSV and JSON,
//! with stable ids. One list of fields per table drives the CSV header, the JSON keys and the data
//! page that documents them, so the three cannot drift apart.

use std::io::{self, Write};

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::registers::recommendation_href;
use super::views::action_href;
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

/// One documented column. Its description may use the plan's own words: `{action}`, `{actions}`,
/// `{priority}`, `{priorities}` and `{sro_long}` in lower case, as in running text, and the column
/// headings `{achieve}`, `{doing}` and `{families}` as written.
pub struct Field<R> {
    pub name: &'static str,
    pub about: &'static str,
    pub value: fn(&Plan, &R) -> Cell,
}

/// A table published as `data/<name>.csv` and, when `json` is set, `data/<name>.json`.
pub struct Table<R: 'static> {
    pub name: &'static str,
    pub about: &'static str,
    pub json: bool,
    pub fields: &'static [Field<R>],
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

fn bullets(items: &[crate::model::Text]) -> Cell {
    Cell::Lines(items.iter().map(|t| t.markdown.clone()).collect())
}

pub const ACTIONS: Table<ActionAt> = Table {
    name: "actions",
    about: "Every {action} of the plan, one row each, in plan order.",
    json: true,
    fields: &[
        Field { name: "id", about: "The {action}'s id. It does not change between reports; its page is actions/<id>.html.", value: |p, &at| text(&p.action_at(at).1.id) },
        Field { name: "reference", about: "Its place in the plan: {priority} number, then position (\"1.4\").", value: |p, &at| text(&p.action_at(at).1.reference) },
        Field { name: "title", about: "The {action}'s title.", value: |p, &at| text(&p.action_at(at).1.title) },
        Field { name: "priority_id", about: "The id of the {priority} it belongs to.", value: |p, &at| text(&p.action_at(at).0.id) },
        Field { name: "priority_number", about: "The number of that {priority}.", value: |p, &at| Cell::Number(u64::from(p.action_at(at).0.number)) },
        Field { name: "priority_title", about: "The title of that {priority}.", value: |p, &at| text(&p.action_at(at).0.title) },
        Field { name: "sro_id", about: "The id of the {sro_long} accountable for the {priority}.", value: |p, &at| text(&p.action_at(at).0.sro) },
        Field { name: "sro_title", about: "That owner's role.", value: |p, &at| p.sro(&p.action_at(at).0.sro).map_or(Cell::Missing, |s| text(&s.title)) },
        Field { name: "status", about: "The status id (see the statuses on the home page).", value: |p, &at| text(&p.action_at(at).1.status) },
        Field { name: "status_label", about: "The status as readers see it.", value: |p, &at| text(&p.status(&p.action_at(at).1.status).label) },
        Field { name: "due", about: "When it is due: a date (2024-03-31) or a quarter (Q4 2023/24). Empty when the plan does not say.", value: |p, &at| optional(&p.action_at(at).1.due) },
        Field { name: "lead", about: "Who leads it day to day. Empty when the plan does not say.", value: |p, &at| optional(&p.action_at(at).1.lead) },
        Field { name: "answers", about: "The national recommendations it answers, as register/item references.", value: |p, &at| Cell::Ids(p.action_at(at).1.answers.clone()) },
        Field { name: "achieve", about: "What the trust expects to achieve, headed “{achieve}” on its page: Markdown bullets.", value: |p, &at| bullets(&p.action_at(at).1.achieve) },
        Field { name: "doing", about: "What the trust is doing, headed “{doing}” on its page: Markdown bullets.", value: |p, &at| bullets(&p.action_at(at).1.doing) },
        Field { name: "families", about: "What it will mean for families, headed “{families}” on its page: Markdown bullets.", value: |p, &at| bullets(&p.action_at(at).1.families) },
        Field { name: "url", about: "The address of its page, relative to the site.", value: |p, &at| text(&action_href(&p.action_at(at).1.id)) },
    ],
};

pub const RECOMMENDATIONS: Table<RecommendationAt> = Table {
    name: "recommendations",
    about: "Every national recommendation in the registers, one row each, register by register.",
    json: true,
    fields: &[
        Field {
            name: "reference",
            about: "register/item: how {actions} refer to it. It does not change between reports.",
            value: |p, &(r, i)| text(&p.registers[r].items[i].reference),
        },
        Field {
            name: "register",
            about: "The id of its register.",
            value: |p, &(r, _)| text(&p.registers[r].id),
        },
        Field {
            name: "register_title",
            about: "The title of its register.",
            value: |p, &(r, _)| text(&p.registers[r].title),
        },
        Field {
            name: "id",
            about: "Its number or id in the source.",
            value: |p, &(r, i)| text(&p.registers[r].items[i].id),
        },
        Field {
            name: "title",
            about: "Its short title, where the source gives one.",
            value: |p, &(r, i)| optional(&p.registers[r].items[i].title),
        },
        Field {
            name: "group",
            about: "The id of the group (theme, objective) the source puts it in.",
            value: |p, &(r, i)| optional(&p.registers[r].items[i].group),
        },
        Field {
            name: "for",
            about: "The ids of the bodies it is addressed to.",
            value: |p, &(r, i)| Cell::Ids(p.registers[r].items[i].audiences.clone()),
        },
        Field {
            name: "for_this_trust",
            about: "true when it is addressed to trusts, so it counts in this plan's coverage.",
            value: |p, &(r, i)| Cell::Flag(p.registers[r].is_local(&p.registers[r].items[i])),
        },
        Field {
            name: "text",
            about: "Its words, as the source gives them (Markdown).",
            value: |p, &(r, i)| text(&p.registers[r].items[i].text.markdown),
        },
        Field {
            name: "answered_by",
            about: "The ids of the {actions} in this plan that answer it.",
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
            name: "url",
            about: "The address of its page, relative to the site.",
            value: |p, &(r, i)| text(&recommendation_href(&p.registers[r].items[i].reference)),
        },
    ],
};

pub const LINKS: Table<Link> = Table {
    name: "links",
    about: "One row for each {action} and each recommendation it answers.",
    json: false,
    fields: &[
        Field {
            name: "action_id",
            about: "The {action}'s id.",
            value: |p, (at, _)| text(&p.action_at(*at).1.id),
        },
        Field {
            name: "action_reference",
            about: "The {action}'s place in the plan (\"1.4\").",
            value: |p, (at, _)| text(&p.action_at(*at).1.reference),
        },
        Field {
            name: "recommendation",
            about: "The recommendation's register/item reference.",
            value: |_, (_, reference)| text(reference),
        },
        Field {
            name: "register",
            about: "The id of the recommendation's register.",
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

pub const MEASURES: Table<usize> = Table {
    name: "measures",
    about: "Every measure of whether the plan is working, one row each, with its target and latest value.",
    json: true,
    fields: &[
        Field { name: "id", about: "The measure's id. It does not change between reports; its page is measures/<id>.html.", value: |p, &m| text(&p.measures[m].id) },
        Field { name: "name", about: "Its plain-English name.", value: |p, &m| text(&p.measures[m].name) },
        Field { name: "unit", about: "The unit of its values: % or words such as \"per 1,000 births\".", value: |p, &m| text(&p.measures[m].unit) },
        Field { name: "better", about: "Which direction is better: higher or lower.", value: |p, &m| text(if p.measures[m].better == crate::model::Better::Higher { "higher" } else { "lower" }) },
        Field { name: "target", about: "The national standard or target, in the unit. Empty when there is none.", value: |p, &m| optional_number(p.measures[m].target) },
        Field { name: "target_source", about: "Where the target comes from.", value: |p, &m| optional(&p.measures[m].target_source) },
        Field { name: "baseline_period", about: "The period of the baseline value.", value: |p, &m| p.measures[m].baseline.as_ref().map_or(Cell::Missing, |b| text(&b.period)) },
        Field { name: "baseline_value", about: "Where the measure started.", value: |p, &m| optional_number(p.measures[m].baseline.as_ref().map(|b| b.value)) },
        Field { name: "latest_period", about: "The period of the latest value up to the report date.", value: |p, &m| p.measures[m].latest().map_or(Cell::Missing, |v| text(&v.period)) },
        Field { name: "latest_value", about: "The latest value.", value: |p, &m| optional_number(p.measures[m].latest().map(|v| v.value)) },
        Field { name: "in_words", about: "The latest value against the target, as the site says it.", value: |p, &m| text(&p.measures[m].in_words()) },
        Field { name: "priorities", about: "The ids of the {priorities} it evidences.", value: |p, &m| Cell::Ids(p.measures[m].priorities.clone()) },
        Field { name: "actions", about: "The ids of the {actions} it evidences.", value: |p, &m| Cell::Ids(p.measures[m].actions.clone()) },
        Field { name: "recommendations", about: "The national recommendations or ambitions it tracks, as register/item.", value: |p, &m| Cell::Ids(p.measures[m].recommendations.clone()) },
        Field { name: "url", about: "The address of its page, relative to the site.", value: |p, &m| text(&super::outcomes::measure_href(&p.measures[m].id)) },
    ],
};

pub const MEASURE_VALUES: Table<ValueAt> = Table {
    name: "measure-values",
    about: "Every value of every measure up to the report date, one row each, oldest first within a measure.",
    json: false,
    fields: &[
        Field { name: "measure_id", about: "The measure's id.", value: |p, &(m, _)| text(&p.measures[m].id) },
        Field { name: "period", about: "The period the value covers, as written.", value: |p, at| text(&measure_value(p, at).period) },
        Field { name: "period_end", about: "The last day of that period (YYYY-MM-DD).", value: |p, at| text(&measure_value(p, at).end.iso()) },
        Field { name: "value", about: "The value, in the measure's unit.", value: |p, at| text(&crate::model::number(measure_value(p, at).value)) },
        Field { name: "numerator", about: "What was counted, where given.", value: |p, at| optional_number(measure_value(p, at).numerator) },
        Field { name: "denominator", about: "Out of how many, where given.", value: |p, at| optional_number(measure_value(p, at).denominator) },
        Field { name: "source", about: "Where the number comes from.", value: |p, at| optional(&measure_value(p, at).source) },
        Field { name: "note", about: "Anything a reader should know about it.", value: |p, at| optional(&measure_value(p, at).note) },
    ],
};

/// The data files of the site.
pub fn files(plan: &Plan, emit: &dyn Fn(&str, &mut Written)) {
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
    table_files(plan, &ACTIONS, &actions, emit);
    table_files(plan, &RECOMMENDATIONS, &recommendations, emit);
    table_files(plan, &LINKS, &links, emit);
    let measures: Vec<usize> = (0..plan.measures.len()).collect();
    let values: Vec<ValueAt> = measures
        .iter()
        .flat_map(|&m| (0..plan.measures[m].values.len()).map(move |v| (m, v)))
        .collect();
    table_files(plan, &MEASURES, &measures, emit);
    table_files(plan, &MEASURE_VALUES, &values, emit);
}

/// A table's CSV file and, for some, its JSON file, each written row by row: at national scale
/// each is over 100 MB, and on disk none is ever held whole.
fn table_files<R>(plan: &Plan, table: &Table<R>, rows: &[R], emit: &dyn Fn(&str, &mut Written)) {
    emit(&format!("data/{}.csv", table.name), &mut |out| {
        csv(plan, table, rows, out)
    });
    if table.json {
        emit(&format!("data/{}.json", table.name), &mut |out| {
            json(plan, table, rows, out)
        });
    }
}

fn csv<R>(plan: &Plan, table: &Table<R>, rows: &[R], out: &mut dyn Write) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(table.fields.iter().map(|f| f.name))?;
    for row in rows {
        writer.write_record(table.fields.iter().map(|f| csv_cell((f.value)(plan, row))))?;
    }
    writer.flush()
}

fn csv_cell(cell: Cell) -> String {
    match cell {
        Cell::Text(text) => text,
        Cell::Number(n) => n.to_string(),
        Cell::Flag(flag) => flag.to_string(),
        Cell::Ids(ids) => ids.join(";"),
        Cell::Lines(lines) => lines.join("\n"),
        Cell::Missing => String::new(),
    }
}

/// The table as a JSON array of objects (keys in alphabetical order), written row by row: a
/// table of 50,000 actions never becomes one tree of values in memory.
fn json<R>(plan: &Plan, table: &Table<R>, rows: &[R], out: &mut dyn Write) -> io::Result<()> {
    let mut fields: Vec<&Field<R>> = table.fields.iter().collect();
    fields.sort_by_key(|f| f.name);
    let rows = JsonRows { plan, fields, rows };
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    out.write_all(b"\n")
}

struct JsonRows<'t, R: 'static> {
    plan: &'t Plan,
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
        let plan = self.of.plan;
        serializer.collect_map(
            self.of
                .fields
                .iter()
                .map(|f| (f.name, json_cell((f.value)(plan, self.row)))),
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
    pub about: String,
    pub files: Vec<String>,
    pub fields: Vec<(&'static str, String)>,
}

fn view<R>(table: &Table<R>, labels: &Labels) -> TableView {
    let mut files = vec![format!("data/{}.csv", table.name)];
    if table.json {
        files.push(format!("data/{}.json", table.name));
    }
    TableView {
        name: table.name,
        about: in_plan_words(table.about, labels),
        files,
        fields: table
            .fields
            .iter()
            .map(|f| (f.name, in_plan_words(f.about, labels)))
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

pub fn table_views(labels: &Labels) -> Vec<TableView> {
    vec![
        view(&ACTIONS, labels),
        view(&RECOMMENDATIONS, labels),
        view(&LINKS, labels),
        view(&MEASURES, labels),
        view(&MEASURE_VALUES, labels),
    ]
}
