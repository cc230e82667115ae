//! Progress over time: dated updates, each action's history and current state, assurance, and the
//! plan's timeline. Everything time-dependent is measured against the report date, never the clock.

use super::{word, Date, Resolved, Text, Words};

/// One level of assurance: how far an action's delivery is evidenced and accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assurance {
    pub id: String,
    pub label: String,
    pub meaning: String,
    /// Setting it needs evidence, the body that accepted it and the date.
    pub requires_evidence: bool,
}

/// The assurance levels a plan gets when `plan.toml` names none, by id, and whether each needs
/// evidence. The first is every action's start.
pub const DEFAULT_ASSURANCE: [(&str, bool); 3] = [
    ("not-evidenced", false),
    ("evidence-submitted", false),
    ("assured", true),
];

/// The default assurance levels, each called what the theme's words `default_assurance_<id>` and
/// `default_assurance_<id>_meaning` say (the id's hyphens as underscores).
pub fn default_assurance(words: &Words) -> Vec<Assurance> {
    DEFAULT_ASSURANCE
        .iter()
        .map(|&(id, requires_evidence)| {
            let key = format!("default_assurance_{}", id.replace('-', "_"));
            Assurance {
                id: id.into(),
                label: word(words, &key),
                meaning: word(words, &format!("{key}_meaning")),
                requires_evidence,
            }
        })
        .collect()
}

/// The period the plan runs over, from its first day to its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

impl Period {
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }
}

/// A published update: what changed, for which action areas, on what date.
#[derive(Debug, Clone)]
pub struct Update {
    /// Its file name without `.md`; its page is `updates/<slug>.html`.
    pub slug: String,
    pub date: Date,
    pub title: String,
    pub author: String,
    pub summary: String,
    pub body: Text,
    pub changes: Vec<Change>,
    /// Not yet for readers (`draft = true`): only `serve` shows it, marked as a draft.
    pub draft: bool,
}

/// What an update says about one action area.
#[derive(Debug, Clone, Hash)]
pub struct Change {
    pub action: String,
    pub status: String,
    /// `None`: the assurance it had before stands.
    pub assurance: Option<String>,
    pub note: Text,
    pub evidence: Vec<Evidence>,
    pub accepted_by: Option<String>,
    pub accepted_on: Option<Date>,
    pub next_review: Option<Date>,
}

/// A link to evidence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Evidence {
    pub title: String,
    pub url: String,
}

/// One step of an action's history: an update that touched it.
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    /// Index into the plan's updates.
    pub update: usize,
    pub date: Date,
    pub status: String,
    /// Its status just before this update.
    pub previous_status: String,
    /// The assurance from this date (carried over when the update did not change it).
    pub assurance: String,
    pub note: Text,
    pub evidence: Vec<Evidence>,
    pub accepted_by: Option<String>,
    pub accepted_on: Option<Date>,
}

/// A dated step on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub title: String,
    /// As written: a date or a quarter.
    pub due: String,
}

/// A phase of the plan's own delivery cycle.
#[derive(Debug, Clone)]
pub struct Phase {
    pub title: String,
    pub summary: Text,
    pub start: Option<Date>,
    pub end: Option<Date>,
}

/// A milestone of `content/milestones.toml`: the plan's own words, and when it falls.
#[derive(Debug, Clone)]
pub struct HorizonMilestone {
    pub title: String,
    pub text: Text,
    /// When, as the plan writes it ("6–12 months"): pages show these words.
    pub horizon: String,
    /// The days it names (a span of months counted from the plan's start), done, or unresolved.
    pub when: Resolved,
    /// The priority it belongs to; `None` for the whole plan.
    pub priority: Option<String>,
    /// The action areas it concerns.
    pub actions: Vec<String>,
    /// Its status, where the plan gives one.
    pub status: Option<String>,
}

/// The plan's own phases and milestones.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    pub phases: Vec<Phase>,
    /// The milestones of `timeline.toml`, each with a `due`.
    pub milestones: Vec<Milestone>,
    /// The milestones of `milestones.toml`, each with a horizon.
    pub horizons: Vec<HorizonMilestone>,
}
