//! A filled-in tracker compared with the plan as it stands: the rows that changed become
//! changes for one update; every cell that cannot be read becomes a problem named by its cell
//! (`Tracker!D7`), all of them in one pass. An empty cell changes nothing.

use std::collections::HashMap;

use super::rows::{last_evidence, Row};
use super::{cell_name, parse_date, Cell, Column, Grid};
use crate::model::{Action, Date, Plan, Priority, Words};

/// Something wrong in a cell, in the words a user reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: `Tracker!D7`.
    pub cell: String,
    pub what: String,
    pub hint: String,
}

/// What the tracker says changed for one action area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    /// Its status from the update's date: the new one, or the one it had.
    pub status: String,
    pub status_changed: bool,
    /// A new assurance level; `None` keeps the one it had.
    pub assurance: Option<String>,
    /// What the user wrote in the New note column.
    pub note: Option<String>,
    /// A new evidence link.
    pub evidence: Option<String>,
    /// The next review, as the row gives it (or as it was, where the row leaves it empty).
    pub next_review: Option<Date>,
    pub next_review_changed: bool,
}

/// The changes, the problems that stop the import, and the cells changed where a change is not
/// taken (a title, say), which are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub changes: Vec<Change>,
    pub problems: Vec<Problem>,
    pub ignored: Vec<Problem>,
}

/// Compares each row of `grid` with the plan's action area it names (by reference, id or title).
pub fn compare(grid: &Grid, plan: &Plan, words: &Words) -> Outcome {
    let mut outcome = Outcome::default();
    let name = |r: usize, c: usize| {
        cell_name(
            &grid.sheet,
            grid.origin.0.saturating_add(r as u32),
            grid.origin.1.saturating_add(c as u32),
        )
    };
    let Some(header) = (0..grid.rows.len()).find(|&r| !blank(&grid.rows[r])) else {
        outcome.problems.push(Problem {
            cell: name(0, 0),
            what: "the sheet is empty".into(),
            hint:
                "export a tracker with `planpress export tracker.xlsx`, fill that in and import it"
                    .into(),
        });
        return outcome;
    };
    let columns = columns(grid, header, plan, words);
    let Some(&(_, reference_at)) = columns.iter().find(|(c, _)| *c == Column::Reference) else {
        let headings: Vec<String> = Column::ALL.iter().map(|c| c.heading(plan, words)).collect();
        outcome.problems.push(Problem {
            cell: name(header, 0),
            what: format!(
                "no column is headed \u{201c}{}\u{201d}",
                Column::Reference.heading(plan, words)
            ),
            hint: format!(
                "keep the first row as the export wrote it: {}",
                headings.join(", ")
            ),
        });
        return outcome;
    };
    let index = Index::new(plan);
    let mut seen: HashMap<String, String> = HashMap::new();
    for r in header + 1..grid.rows.len() {
        if blank(&grid.rows[r]) {
            continue;
        }
        let reference = grid.cell(r, reference_at).text();
        let Some((priority, action)) = index.find(plan, &reference) else {
            outcome
                .problems
                .push(unknown_reference(&reference, name(r, reference_at), plan));
            continue;
        };
        if let Some(first) = seen.insert(action.id.clone(), name(r, reference_at)) {
            outcome.problems.push(Problem {
                cell: name(r, reference_at),
                what: format!("{} is on two rows: it is also at {first}", action.reference),
                hint: "keep one row for each action area, and delete the other".into(),
            });
            continue;
        }
        let cells = RowCells {
            grid,
            r,
            columns: &columns,
            name: &name,
        };
        row_change(plan, priority, action, &cells, &mut outcome);
    }
    outcome
}

/// The cells of one row, by column, and how to name each.
struct RowCells<'g> {
    grid: &'g Grid,
    r: usize,
    columns: &'g [(Column, usize)],
    name: &'g dyn Fn(usize, usize) -> String,
}

impl RowCells<'_> {
    /// The cell under `column`, and its name; `None` when the sheet has no such column.
    fn get(&self, column: Column) -> Option<(&Cell, String)> {
        let &(_, c) = self.columns.iter().find(|(col, _)| *col == column)?;
        Some((self.grid.cell(self.r, c), (self.name)(self.r, c)))
    }
}

/// The row's change against its action area, if anything changed; its problems into `outcome`.
fn row_change(
    plan: &Plan,
    priority: &Priority,
    action: &Action,
    cells: &RowCells,
    outcome: &mut Outcome,
) {
    let before = outcome.problems.len();
    let problems = &mut outcome.problems;
    let statuses = plan
        .statuses
        .iter()
        .map(|s| (s.id.as_str(), s.label.as_str()));
    let status = chosen(cells.get(Column::Status), statuses, "status", problems);
    let levels = plan
        .assurance
        .iter()
        .map(|a| (a.id.as_str(), a.label.as_str()));
    let assurance = chosen(
        cells.get(Column::Assurance),
        levels,
        "assurance level",
        problems,
    );
    let assurance = assurance.filter(|a| *a != action.assurance);
    if let (Some(id), Some((_, at))) = (&assurance, cells.get(Column::Assurance)) {
        needs_no_proof(plan, id, at, problems);
    }
    let next_review = review(cells.get(Column::NextReview), problems);
    // A note already published (the same tracker imported twice) is not new.
    let latest = action.history.first().map(|h| words_of(&h.note.markdown));
    let note = cells
        .get(Column::NewNote)
        .map(|(cell, _)| cell.text().replace("\r\n", "\n"))
        .filter(|n| !n.is_empty() && Some(words_of(n)) != latest);
    let evidence = evidence(cells.get(Column::Evidence), action, problems);
    outcome
        .ignored
        .extend(locked_changes(plan, priority, action, cells));
    if outcome.problems.len() > before {
        return;
    }
    let status = status.unwrap_or_else(|| action.status.clone());
    let next_review_changed = next_review.is_some_and(|d| Some(d) != action.next_review);
    let change = Change {
        id: action.id.clone(),
        status_changed: status != action.status,
        status,
        assurance,
        note,
        evidence,
        next_review: next_review.or(action.next_review),
        next_review_changed,
    };
    let changed = change.status_changed
        || change.assurance.is_some()
        || change.note.is_some()
        || change.evidence.is_some()
        || change.next_review_changed;
    if changed {
        outcome.changes.push(change);
    }
}

/// The id of the entry of `vocabulary` (id, label) the cell names by its label or id, in any
/// case; `None` for an empty cell, or an unknown one, which is a problem.
fn chosen<'v>(
    cell: Option<(&Cell, String)>,
    vocabulary: impl Iterator<Item = (&'v str, &'v str)> + Clone,
    noun: &str,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let (cell, at) = cell?;
    let text = cell.text();
    if text.is_empty() {
        return None;
    }
    let typed = plain(&text);
    let found = vocabulary
        .clone()
        .find(|(id, label)| plain(id) == typed || plain(label) == typed);
    if let Some((id, _)) = found {
        return Some(id.to_string());
    }
    let labels: Vec<&str> = vocabulary.map(|(_, label)| label).collect();
    problems.push(Problem {
        cell: at,
        what: format!("\u{201c}{text}\u{201d} is not a {noun} of the plan"),
        hint: format!(
            "choose one from the cell's drop-down list: {}",
            labels.join(", ")
        ),
    });
    None
}

/// A level that needs proof needs the body that accepted the evidence and the day: the
/// tracker has no column for them, so such a step is written as an update file.
fn needs_no_proof(plan: &Plan, id: &str, at: String, problems: &mut Vec<Problem>) {
    let level = plan.assurance(id);
    if level.requires_evidence {
        problems.push(Problem {
            cell: at,
            what: format!(
                "\u{201c}{}\u{201d} needs the name of the body that accepted the evidence, and the day it did, which the tracker has no column for",
                level.label
            ),
            hint: "set this level in an update file instead (`planpress new update SLUG`, then fill in evidence, accepted_by and accepted_on), and leave the cell as it was here".into(),
        });
    }
}

/// The next review a cell gives; a problem if it is not a date.
fn review(cell: Option<(&Cell, String)>, problems: &mut Vec<Problem>) -> Option<Date> {
    let (cell, at) = cell?;
    match cell {
        Cell::Empty => None,
        Cell::Day(day) => Some(*day),
        Cell::Text(text) if text.trim().is_empty() => None,
        other => {
            let date = match other {
                Cell::Text(text) => parse_date(text),
                _ => None,
            };
            if date.is_none() {
                problems.push(Problem {
                    cell: at,
                    what: format!("\u{201c}{}\u{201d} is not a date", other.text()),
                    hint: "write a date such as 2024-03-01, or 01/03/2024 with the day first"
                        .into(),
                });
            }
            date
        }
    }
}

/// A new evidence link: a web address, or a file in content/files/ (`files/audit.pdf`).
fn evidence(
    cell: Option<(&Cell, String)>,
    action: &Action,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let (cell, at) = cell?;
    let link = cell.text();
    if link.is_empty() || Some(&link) == last_evidence(action).as_ref() {
        return None;
    }
    let file = link.starts_with("files/") && !link.contains("..");
    if !crate::safe_html::is_web_address(&link) && !file {
        problems.push(Problem {
            cell: at,
            what: format!("\u{201c}{link}\u{201d} is not a link to evidence"),
            hint: "give a web address such as https://www.example.nhs.uk/audit.pdf, or a file in content/files/ written as files/audit.pdf".into(),
        });
        return None;
    }
    Some(link)
}

/// The cells of columns an update cannot change that differ from the plan: each is ignored.
fn locked_changes(
    plan: &Plan,
    priority: &Priority,
    action: &Action,
    cells: &RowCells,
) -> Vec<Problem> {
    let row = Row::of(plan, priority, action);
    let locked = [
        Column::Title,
        Column::Owners,
        Column::Due,
        Column::LatestNote,
    ];
    locked
        .into_iter()
        .filter_map(|column| {
            let (cell, at) = cells.get(column)?;
            let was = match row.value(column) {
                super::rows::Value::Text(text) => text.to_string(),
                super::rows::Value::Day(day) => day.iso(),
                super::rows::Value::Blank => String::new(),
            };
            (words_of(&cell.text()) != words_of(&was)).then(|| ignored(column, at))
        })
        .collect()
}

fn ignored(column: Column, at: String) -> Problem {
    let hint = match column {
        Column::LatestNote => "it shows what the last update said; to say what changed, write it in the New note column",
        _ => "titles, owners and due dates are changed in the plan's own files (content/priorities/, content/sros.toml), not by an update",
    };
    Problem {
        cell: at,
        what: "this cell differs from the plan, and was ignored".into(),
        hint: hint.into(),
    }
}

/// The action areas by reference and by id, to find each row's.
struct Index {
    by_reference: HashMap<String, String>,
}

impl Index {
    fn new(plan: &Plan) -> Index {
        let by_reference = plan
            .actions()
            .map(|(_, a)| (a.reference.clone(), a.id.clone()))
            .collect();
        Index { by_reference }
    }

    /// The action area a row names: by its reference ("1.5"), its id, or else its title.
    fn find<'p>(&self, plan: &'p Plan, text: &str) -> Option<(&'p Priority, &'p Action)> {
        if text.is_empty() {
            return None;
        }
        let id = self.by_reference.get(text).map_or(text, String::as_str);
        plan.action(id).or_else(|| {
            let typed = plain(text);
            plan.actions().find(|(_, a)| plain(&a.title) == typed)
        })
    }
}

fn unknown_reference(reference: &str, at: String, plan: &Plan) -> Problem {
    let references: Vec<&str> = plan.actions().map(|(_, a)| a.reference.as_str()).collect();
    let listed = if references.len() <= 30 {
        references.join(", ")
    } else {
        format!(
            "{} … {}",
            references[..5].join(", "),
            references[references.len() - 1]
        )
    };
    let what = if reference.is_empty() {
        "this row has no reference".to_string()
    } else {
        format!("\u{201c}{reference}\u{201d} is not the reference of an action area")
    };
    Problem {
        cell: at,
        what,
        hint: format!("give the reference the export wrote for it: {listed}"),
    }
}

/// The columns the header row names, and where each is.
fn columns(grid: &Grid, header: usize, plan: &Plan, words: &Words) -> Vec<(Column, usize)> {
    let headings: Vec<(Column, String)> = Column::ALL
        .iter()
        .map(|&c| (c, plain(&c.heading(plan, words))))
        .collect();
    let mut found: Vec<(Column, usize)> = Vec::new();
    for (c, cell) in grid.rows[header].iter().enumerate() {
        let text = plain(&cell.text());
        let column = headings.iter().find(|(_, h)| *h == text).map(|(c, _)| *c);
        if let Some(column) = column.filter(|col| !found.iter().any(|(f, _)| f == col)) {
            found.push((column, c));
        }
    }
    found
}

fn blank(row: &[Cell]) -> bool {
    row.iter().all(Cell::is_empty)
}

/// Text to match names by: lower case, hyphens as spaces, spaces collapsed.
fn plain(text: &str) -> String {
    words_of(&text.to_lowercase().replace(['-', '_'], " "))
}

/// Text with its runs of white space as single spaces, and none at either end.
fn words_of(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::tracker::read::{grid, Kind};

    /// A plan of two action areas: 1.1 "a" on track, 1.2 "b" not yet reported.
    pub(crate) fn plan() -> Plan {
        let sources = vec![
            crate::diagnostics::Source::new(
                "content/plan.toml",
                "organisation = \"T\"\ntitle = \"P\"\nvision = \"V\"\nperiod = \"2023/24\"\nas_of = 2024-03-31\n",
            ),
            crate::diagnostics::Source::new("content/sros.toml", "[[sros]]\nid = \"cn\"\ntitle = \"Chief Nurse\"\n"),
            crate::diagnostics::Source::new(
                "content/priorities/1-care.toml",
                "number = 1\ntitle = \"Care\"\nsro = \"cn\"\n\n[[actions]]\nid = \"a\"\ntitle = \"=Triage\"\nstatus = \"on-track\"\n\n[[actions]]\nid = \"b\"\ntitle = \"Leaflets\"\nstatus = \"not-yet-reported\"\n",
            ),
        ];
        let files = crate::load::Files {
            sources,
            ..Default::default()
        };
        let options = crate::Options::default();
        let output = crate::Output::Check;
        let root = std::path::Path::new("/nonexistent");
        let fresh = &crate::pipeline::Fresh;
        crate::pipeline::run_with(root, files, &options, output, fresh)
            .unwrap_or_else(|_| panic!("the test plan builds"))
            .plan
    }

    fn words() -> Words {
        crate::render::theme::english()
    }

    fn csv(text: &str) -> Outcome {
        let plan = plan();
        compare(
            &grid(text.as_bytes(), Kind::Csv, "", "Tracker").unwrap(),
            &plan,
            &words(),
        )
    }

    #[test]
    fn only_the_rows_that_changed_are_changes() {
        let outcome = csv("Reference,Status,New note\n1.1,On track,\n1.2,at risk,\n\n,,\n");
        assert_eq!(outcome.problems, []);
        let [change] = &outcome.changes[..] else {
            panic!("{outcome:?}")
        };
        assert_eq!(
            (change.id.as_str(), change.status.as_str()),
            ("b", "at-risk")
        );
        assert!(change.status_changed && change.note.is_none());
    }

    #[test]
    fn rows_are_found_in_any_order_by_reference_id_or_title() {
        let outcome = csv("Status,Reference\nComplete,leaflets\nComplete,a\n");
        let ids: Vec<&str> = outcome.changes.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"], "{outcome:?}");
    }

    #[test]
    fn every_bad_cell_is_a_problem_at_its_cell() {
        let outcome = csv("Reference,Status,Assurance,Next review,Evidence link\n\
             1.1,Done,,2024-02-30,\n\
             1.2,,Assured,,javascript:alert(1)\n\
             3.1,On track,,,\n\
             1.1,,,,\n");
        let cells: Vec<&str> = outcome.problems.iter().map(|p| p.cell.as_str()).collect();
        assert_eq!(
            cells,
            [
                "Tracker!B2",
                "Tracker!D2",
                "Tracker!C3",
                "Tracker!E3",
                "Tracker!A4",
                "Tracker!A5"
            ]
        );
        assert!(outcome.changes.is_empty());
    }

    #[test]
    fn a_locked_cell_changed_is_ignored_and_said() {
        let outcome = csv("Reference,Action area,Status\n1.1,New title,Complete\n1.2,Leaflets,\n");
        assert_eq!(outcome.ignored.len(), 1);
        assert_eq!(outcome.ignored[0].cell, "Tracker!B2");
        assert_eq!(outcome.changes.len(), 1);
    }

    #[test]
    fn without_a_reference_column_the_headings_are_listed() {
        let outcome = csv("\n\nStatus\nOn track\n");
        assert_eq!(outcome.problems.len(), 1);
        assert_eq!(outcome.problems[0].cell, "Tracker!A3");
        assert!(outcome.problems[0].hint.contains("Reference, Action area"));
    }

    #[test]
    fn the_exported_workbook_reads_back_as_no_change_with_its_formula_like_title_as_text() {
        let plan = plan();
        let bytes = crate::tracker::sheet::workbook(&plan, &words()).unwrap();
        let grid = grid(&bytes, Kind::Xlsx, "Tracker", "x").unwrap();
        assert_eq!(grid.cell(1, 1), &Cell::Text("=Triage".into()));
        let outcome = compare(&grid, &plan, &words());
        assert_eq!(outcome, Outcome::default());
    }
}
