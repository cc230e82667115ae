//! The plan as the tracker's rows: one for each action area, as it stands at the report date.

use super::Column;
use crate::model::{Action, Date, Plan, Priority};

/// One action area as the tracker shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its id, which the update names it by.
    pub id: String,
    pub reference: String,
    pub title: String,
    /// Its accountable owners as readers see them, joined by "; ".
    pub owners: String,
    /// The status's label, as readers see it.
    pub status: String,
    pub assurance: String,
    /// When it is due, as the plan writes it.
    pub due: String,
    /// What the latest update that touched it said.
    pub latest_note: String,
    /// The last evidence given for it: its address.
    pub evidence: String,
    pub next_review: Option<Date>,
}

/// What a cell holds: text, or a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'r> {
    Text(&'r str),
    Day(Date),
    Blank,
}

impl Row {
    pub fn of(plan: &Plan, priority: &Priority, action: &Action) -> Row {
        let owners: Vec<&str> = plan
            .owners_of(priority, action)
            .iter()
            .map(|id| plan.sro(id).map_or(id.as_str(), |o| o.title.as_str()))
            .collect();
        let latest = action.history.first();
        Row {
            id: action.id.clone(),
            reference: action.reference.clone(),
            title: action.title.clone(),
            owners: owners.join("; "),
            status: plan.status(&action.status).label.clone(),
            assurance: plan.assurance(&action.assurance).label.clone(),
            due: action.due.clone().unwrap_or_default(),
            latest_note: latest
                .map(|h| h.note.markdown.trim().to_string())
                .unwrap_or_default(),
            evidence: last_evidence(action).unwrap_or_default(),
            next_review: action.next_review,
        }
    }

    /// What its cell in `column` holds.
    pub fn value(&self, column: Column) -> Value<'_> {
        let text = match column {
            Column::Reference => &self.reference,
            Column::Title => &self.title,
            Column::Owners => &self.owners,
            Column::Status => &self.status,
            Column::Assurance => &self.assurance,
            Column::Due => &self.due,
            Column::LatestNote => &self.latest_note,
            Column::Evidence => &self.evidence,
            Column::NextReview => return self.next_review.map_or(Value::Blank, Value::Day),
            Column::NewNote => return Value::Blank,
        };
        Value::Text(text)
    }
}

/// The address of the evidence the latest update to give any gave.
pub fn last_evidence(action: &Action) -> Option<String> {
    action
        .history
        .iter()
        .find_map(|h| h.evidence.first())
        .map(|e| e.url.clone())
}

/// Every action area of the plan, in the plan's order.
pub fn rows(plan: &Plan) -> Vec<Row> {
    plan.actions()
        .map(|(priority, action)| Row::of(plan, priority, action))
        .collect()
}
