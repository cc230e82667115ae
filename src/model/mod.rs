//! Stage 3, model: the immutable `Plan` built once from validated content and passed to the
//! renderers. Nothing here does I/O; everything a page shows is derived from this value.

mod build;
mod date;
mod history;
mod horizon;
mod labels;
mod names;
pub(crate) mod outcomes;
mod outcomes_build;
mod priorities;
mod progress;
mod register;
mod status;
mod trust;

use std::collections::BTreeMap;

pub use build::{build, report_date, BUILT_IN_COLUMNS};
pub use date::{period_range, Date, Quarter};
pub use history::{period as plan_period, period_dates, resolve};
pub use horizon::{Horizon, Resolved};
pub use labels::Labels;
pub use names::{parse_reference, ActionNames};
pub use outcomes::{number, Band, Better, Measure, Risk, RiskScale, Standing, Trend, Value};
pub use progress::{
    default_assurance, Assurance, Change, Evidence, HistoryEntry, HorizonMilestone, Milestone,
    Period, Phase, Timeline, Update, DEFAULT_ASSURANCE,
};
pub use register::{ActionAt, Answers, Audience, Group, Recommendation, Register};
pub use status::{default_statuses, Status, Tone, DEFAULT_STATUSES};
pub use trust::{Contact, Statement};

/// The theme's words, by key, in the plan's language. The model takes them only to name what a
/// plan leaves to the defaults (statuses, assurance levels, the risk scale, labels); everything
/// else it hands to rendering as values, and rendering says them.
pub type Words = BTreeMap<String, String>;

/// The word for `key`, or the key itself when there is none: a missing word then shows on the
/// page instead of leaving a gap (the default theme's English has every key).
pub fn word(words: &Words, key: &str) -> String {
    words.get(key).cloned().unwrap_or_else(|| key.to_string())
}

/// What a run may take from an earlier run instead of making it again. A build takes nothing;
/// `serve` keeps each priority between saves.
pub trait Reuse: Sync {
    /// The priority whose register is `source`, as `make` makes it; it depends on nothing but its
    /// register and what `made_from` fingerprints.
    fn priority(
        &self,
        source: &crate::diagnostics::Source,
        made_from: &dyn Fn() -> u64,
        make: &dyn Fn() -> Priority,
    ) -> std::sync::Arc<Priority> {
        let _ = (source, made_from);
        std::sync::Arc::new(make())
    }
}

/// The whole plan, ready to render.
#[derive(Debug, Clone)]
pub struct Plan {
    pub organisation: String,
    pub title: String,
    /// The plan's vision, if it states one.
    pub vision: Option<String>,
    pub introduction: Text,
    /// The plan's named sections of text about itself.
    pub sections: Vec<Section>,
    /// The text columns of its action areas, in order, with their headings.
    pub columns: Vec<Column>,
    pub period: String,
    /// The first and last days of the plan period.
    pub dates: Period,
    /// How to contact the service; any detail may be missing.
    pub contact: Contact,
    /// The accessibility statement's dates and known issues.
    pub statement: Statement,
    /// When the next update is due, if the plan sets a review cycle.
    pub next_update: Option<Date>,
    /// The report date: everything time-dependent is computed against it, never the wall clock.
    /// When the plan gives a month only, this is its last day.
    pub as_of: Date,
    /// True when the plan gives its report date as a month with no day: pages name the month.
    pub as_of_month_only: bool,
    /// Where the site will be published, ending "/", if the plan says.
    pub base_url: Option<String>,
    pub language: String,
    pub theme: String,
    pub labels: Labels,
    pub statuses: Vec<Status>,
    pub assurance: Vec<Assurance>,
    pub sros: Vec<Sro>,
    /// In the order of their numbers.
    /// Shared with what `serve` keeps, so a priority a save did not touch is not made again.
    pub priorities: Vec<std::sync::Arc<Priority>>,
    /// Registers of national recommendations, by id.
    pub registers: Vec<Register>,
    /// Which action areas answer which recommendations.
    pub answers: Answers,
    /// Markdown pages: those with an order first (by order), then the rest by slug.
    pub pages: Vec<Page>,
    /// Updates up to the report date, newest first.
    pub updates: Vec<Update>,
    /// How many updates were left out because they are dated after the report date.
    pub later_updates: usize,
    pub timeline: Timeline,
    pub measures: Vec<Measure>,
    pub risks: Vec<Risk>,
    /// Abbreviations and what they stand for, A to Z.
    pub glossary: Vec<Term>,
    /// Families' own words for the plan's, from the glossary: what search also finds them by.
    pub synonyms: Vec<Synonym>,
    /// The label of the snapshot this build is for, if it is one.
    pub snapshot: Option<String>,
    /// Records of the snapshots published before, oldest first.
    pub snapshots: Vec<crate::load::format::SnapshotRecord>,
    pub risk_scale: RiskScale,
    /// Action id → where it sits.
    pub action_index: std::collections::HashMap<String, ActionAt>,
    /// Owner id → its place in `sros`: a region's plan has hundreds of owners, and every action
    /// looks its owner up.
    pub sro_index: std::collections::HashMap<String, usize>,
    /// Every name an action area goes by (its id, its reference), for links that name one.
    pub names: ActionNames,
}

/// An abbreviation and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub term: String,
    pub expansion: String,
    pub meaning: Option<String>,
    /// Whether pages spell it out where they first use it.
    pub expand: bool,
}

/// A word or term of the plan's, and the words families use for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synonym {
    pub word: String,
    pub also: Vec<String>,
}

/// Where something was written: the index of its content source, and a byte offset in it. A page
/// made from it names this place when the template fails to make the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Place {
    pub source: usize,
    pub offset: usize,
}

/// Markdown text, the file it is written in, and its HTML, made once when the file was loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Text {
    /// Shared with the parse where it holds it shared (an action area's texts): a national
    /// plan's words are held once, not once parsed and again modelled.
    pub markdown: std::sync::Arc<str>,
    /// Index into the content's sources: its links are written relative to that file.
    pub source: usize,
    /// Where in that file it starts.
    pub offset: usize,
    /// How it is shown: its HTML is made for that.
    pub style: crate::markdown::Style,
    pub html: crate::markdown::Html,
}

/// A named section of narrative text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Section {
    pub heading: String,
    pub text: Text,
}

/// What a plan says about a priority or an action area in its own words: a text, and named
/// sections.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Narrative {
    pub text: Option<Text>,
    pub sections: Vec<Section>,
}

impl Narrative {
    /// Its text, then each section's.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        let sections = self.sections.iter().map(|s| &s.text);
        self.text.iter().chain(sections)
    }
}

/// A text column of the action areas, as the plan declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// `achieve`, `doing`, `families`, or a key of an action area's `columns`.
    pub id: String,
    pub heading: String,
    /// The kinds of row that have it; empty when every row has it.
    pub kinds: Vec<String>,
}

impl Column {
    /// Whether a row of this kind has the column.
    pub fn applies_to(&self, kind: Option<&str>) -> bool {
        self.kinds.is_empty() || kind.is_some_and(|k| self.kinds.iter().any(|c| c == k))
    }
}

/// An accountable owner, as the plan names it: a person, a role or a group.
#[derive(Debug, Clone)]
pub struct Sro {
    pub id: String,
    /// Where its id is written.
    pub place: Place,
    pub title: String,
    pub kind: OwnerKind,
    /// A group's chairs, as the plan names them; empty when it does not say.
    pub chairs: Vec<String>,
    pub summary: Text,
}

/// What an owner is: sentences name a person without an article and a role or group with one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OwnerKind {
    Person,
    Role,
    Group,
}

impl OwnerKind {
    /// As content writes them.
    pub const NAMES: [&'static str; 3] = ["person", "role", "group"];

    pub fn parse(name: &str) -> Option<OwnerKind> {
        match name {
            "person" => Some(OwnerKind::Person),
            "role" => Some(OwnerKind::Role),
            "group" => Some(OwnerKind::Group),
            _ => None,
        }
    }

    /// As content writes it, and as the theme's keys end (`owner_accountable_person`).
    pub fn name(self) -> &'static str {
        match self {
            OwnerKind::Person => "person",
            OwnerKind::Role => "role",
            OwnerKind::Group => "group",
        }
    }
}

/// A priority (or objective) and its action register.
#[derive(Debug, Clone)]
pub struct Priority {
    pub id: String,
    /// Where its number is written.
    pub place: Place,
    pub number: u32,
    pub title: String,
    pub workstream: String,
    pub trust_priority: String,
    /// The ids of its accountable owners, in the plan's order; empty when it names no one.
    pub owners: Vec<String>,
    pub narrative: Narrative,
    /// The recommendations it answers as a whole (`register/item`).
    pub answers: Vec<String>,
    pub actions: Vec<Action>,
}

/// An action area: what the trust expects to achieve, what it is doing, what it means for families.
#[derive(Debug, Clone)]
pub struct Action {
    pub id: String,
    /// Where its id is written.
    pub place: Place,
    /// Its place in the plan, "priority.position" ("1.4"): a short name for readers and auditors.
    pub reference: String,
    pub title: String,
    /// What kind of row it is, where the plan's columns differ by kind.
    pub kind: Option<String>,
    /// Its status now: the latest update's, or the register's when no update has touched it.
    pub status: String,
    /// Its status in the register, before any update.
    pub baseline_status: String,
    /// Its assurance now.
    pub assurance: String,
    /// The updates that touched it, newest first.
    pub history: Vec<HistoryEntry>,
    /// The date of the latest update that touched it.
    pub last_updated: Option<Date>,
    /// When its progress will next be reviewed, as the latest update says.
    pub next_review: Option<Date>,
    pub milestones: Vec<Milestone>,
    /// The recommendations it answers (`register/item`).
    pub answers: Vec<String>,
    pub due: Option<String>,
    pub lead: Option<String>,
    /// The ids of the owners the plan names for this action area itself; when empty, its
    /// priority's owners are accountable for it (`Plan::owners_of`).
    pub owners: Vec<String>,
    pub achieve: Vec<Text>,
    pub doing: Vec<Text>,
    pub families: Vec<Text>,
    /// The text of the plan's other columns, by column id.
    pub columns: Vec<(String, Vec<Text>)>,
    pub narrative: Narrative,
    pub notes: Option<Text>,
}

impl Action {
    /// The bullets under the column `id`.
    pub fn column(&self, id: &str) -> &[Text] {
        match id {
            "achieve" => &self.achieve,
            "doing" => &self.doing,
            "families" => &self.families,
            _ => self
                .columns
                .iter()
                .find(|(c, _)| c == id)
                .map_or(&[], |(_, texts)| texts),
        }
    }
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

impl Text {
    /// Where the text is written.
    pub fn place(&self) -> Place {
        Place {
            source: self.source,
            offset: self.offset,
        }
    }
}

/// A report date for machines: "2026-11-22", or "2018-02" for a month (`day` its last day).
pub fn report_date_iso(day: Date, month_only: bool) -> String {
    let iso = day.iso();
    if month_only {
        iso[..7].to_string()
    } else {
        iso
    }
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

    /// The assurance level with this id; the first level if there is none (a guard, as for status).
    pub fn assurance(&self, id: &str) -> &Assurance {
        self.assurance
            .iter()
            .find(|a| a.id == id)
            .unwrap_or(&self.assurance[0])
    }

    /// The action area with this id, and its priority.
    pub fn action(&self, id: &str) -> Option<(&Priority, &Action)> {
        self.action_index.get(id).map(|&at| self.action_at(at))
    }

    /// Finished: its status has the `done` tone.
    /// The report date for the terminal: its day, or its month when the plan gives no day.
    pub fn report_date(&self) -> String {
        if self.as_of_month_only {
            self.as_of.month_long()
        } else {
            self.as_of.long()
        }
    }

    /// The report date for machines: "2026-11-22", or "2018-02" when the plan gives a month.
    pub fn report_date_iso(&self) -> String {
        report_date_iso(self.as_of, self.as_of_month_only)
    }

    pub fn is_done(&self, action: &Action) -> bool {
        self.status(&action.status).tone == Tone::Done
    }

    /// Past its due date at the report date, and not finished.
    pub fn is_overdue(&self, action: &Action) -> bool {
        let due = action.due.as_deref().map(|d| resolve(d, self.dates.start));
        matches!(due, Some(Resolved::Range(_, end)) if end < self.as_of) && !self.is_done(action)
    }

    /// The latest update at the report date, if any.
    pub fn latest_update(&self) -> Option<&Update> {
        self.updates.first()
    }

    pub fn sro(&self, id: &str) -> Option<&Sro> {
        self.sro_index.get(id).map(|&i| &self.sros[i])
    }

    /// Who is accountable for `action` of `priority`: its own owners if the plan names any,
    /// otherwise its priority's.
    pub fn owners_of<'p>(&self, priority: &'p Priority, action: &'p Action) -> &'p [String] {
        if action.owners.is_empty() {
            &priority.owners
        } else {
            &action.owners
        }
    }

    /// Every action with the priority it belongs to, in plan order.
    pub fn actions(&self) -> impl Iterator<Item = (&Priority, &Action)> {
        self.priorities
            .iter()
            .flat_map(|p| p.actions.iter().map(move |a| (&**p, a)))
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
