//! Stage 3, model: the immutable `Plan` built once from validated content and passed to the
//! renderers. Nothing here does I/O; everything a page shows is derived from this value.

mod build;
mod date;
mod register;
mod status;

use std::collections::BTreeMap;

pub use crate::load::format::Labels;
pub use build::build;
pub use date::Date;
pub use register::{ActionAt, Answers, Audience, Group, Recommendation, Register};
pub use status::{default_statuses, Status, Tone};

/// The whole plan, ready to render.
#[derive(Debug, Clone)]
pub struct Plan {
    pub organisation: String,
    pub title: String,
    pub vision: String,
    pub introduction: Text,
    pub period: String,
    /// The report date: everything time-dependent is computed against it, never the wall clock.
    pub as_of: Date,
    pub base_url: String,
    pub language: String,
    pub theme: String,
    pub labels: Labels,
    pub statuses: Vec<Status>,
    pub sros: Vec<Sro>,
    /// In the order of their numbers.
    pub priorities: Vec<Priority>,
    /// Registers of national recommendations, by id.
    pub registers: Vec<Register>,
    /// Which action areas answer which recommendations.
    pub answers: Answers,
    /// Markdown pages: those with an order first (by order), then the rest by slug.
    pub pages: Vec<Page>,
}

/// Markdown text and where it came from, so rendering problems can point back at the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub markdown: String,
    /// Index into the content's sources, and the byte offset of the text in that file.
    pub source: usize,
    pub offset: usize,
}

/// An accountable owner, by role.
#[derive(Debug, Clone)]
pub struct Sro {
    pub id: String,
    pub title: String,
    pub summary: Text,
}

/// A priority (or objective) and its action register.
#[derive(Debug, Clone)]
pub struct Priority {
    pub id: String,
    pub number: u32,
    pub title: String,
    pub workstream: String,
    pub trust_priority: String,
    /// The id of its accountable owner.
    pub sro: String,
    pub actions: Vec<Action>,
}

/// An action area: what the trust expects to achieve, what it is doing, what it means for families.
#[derive(Debug, Clone)]
pub struct Action {
    pub id: String,
    /// Its place in the plan, "priority.position" ("1.4"): a short name for readers and auditors.
    pub reference: String,
    pub title: String,
    pub status: String,
    /// The recommendations it answers (`register/item`).
    pub answers: Vec<String>,
    pub due: Option<String>,
    pub lead: Option<String>,
    pub achieve: Vec<Text>,
    pub doing: Vec<Text>,
    pub families: Vec<Text>,
    pub notes: Option<Text>,
}

/// A Markdown page from `content/pages/`.
#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub order: Option<u32>,
    pub body: Text,
}

impl Plan {
    /// The status with this id; the first status of the vocabulary if there is none (validation
    /// has already refused unknown ids, so this is only a guard).
    pub fn status(&self, id: &str) -> &Status {
        self.statuses
            .iter()
            .find(|s| s.id == id)
            .unwrap_or(&self.statuses[0])
    }

    /// A recommendation and its register, by reference (`3ydp/10.1`).
    pub fn recommendation(&self, reference: &str) -> Option<(&Register, &Recommendation)> {
        let &(r, i) = self.answers.recommendations.get(reference)?;
        Some((&self.registers[r], &self.registers[r].items[i]))
    }

    /// The action area at a place found in `answers`.
    pub fn action_at(&self, (p, a): ActionAt) -> (&Priority, &Action) {
        let priority = &self.priorities[p];
        (priority, &priority.actions[a])
    }

    pub fn sro(&self, id: &str) -> Option<&Sro> {
        self.sros.iter().find(|s| s.id == id)
    }

    /// Every action with the priority it belongs to, in plan order.
    pub fn actions(&self) -> impl Iterator<Item = (&Priority, &Action)> {
        self.priorities
            .iter()
            .flat_map(|p| p.actions.iter().map(move |a| (p, a)))
    }

    /// How many of these actions have each status, in vocabulary order, leaving out zeros.
    pub fn status_counts<'a>(
        &'a self,
        actions: impl Iterator<Item = &'a Action>,
    ) -> Vec<(&'a Status, usize)> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for action in actions {
            *counts.entry(action.status.as_str()).or_default() += 1;
        }
        self.statuses
            .iter()
            .filter_map(|s| counts.get(s.id.as_str()).map(|&n| (s, n)))
            .collect()
    }
}
