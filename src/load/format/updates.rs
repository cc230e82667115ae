//! The format of progress over time: updates (`content/updates/*.md`), the assurance vocabulary,
//! milestones, and the plan's own timeline (`content/timeline.toml`).

use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

/// One level of assurance in the vocabulary. Delivery is not assurance: an action can be complete
/// and still not evidenced.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssuranceEntry {
    /// What updates write (`assurance = "assured"`).
    /// Example: "assured"
    pub id: Spanned<String>,
    /// What readers see ("Assured").
    /// Example: "Assured"
    pub label: String,
    /// What it means, in plain English.
    /// Example: "The evidence has been checked and accepted."
    pub meaning: String,
    /// True for the level that needs proof: an update setting it must give evidence, the body that
    /// accepted it and the date it did.
    /// Example: true
    #[serde(default)]
    pub requires_evidence: bool,
}

/// A step on an action's way, shown on the timeline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneEntry {
    /// The step, in the plan's words.
    /// Example: "Recruit a second midwife"
    pub title: String,
    /// When, as the plan writes it: a date (`"2024-03-31"`), a month (`"March 2024"`), a quarter
    /// (`"Q4 2023/24"`), a financial year (`"2023/24"`, `"2017-18"`), a year (`"2021"`), months
    /// from the plan's start (`"6–12 months"`) or `"completed"`.
    /// Example: "Q1 2024/25"
    pub due: Spanned<String>,
}

/// The front matter of an update in `content/updates/`: the body below it is the update's story.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateFrontMatter {
    /// The day the update was published (a TOML date). Updates after the report date are left out.
    /// Example: 2024-04-10
    pub date: Spanned<Datetime>,
    /// The update's title.
    /// Example: "April 2024 update"
    pub title: String,
    /// Who wrote it, by role ("Director of Midwifery").
    /// Example: "Head of Midwifery"
    pub author: String,
    /// One sentence for lists and the feed.
    /// Example: "Fetal monitoring is assured."
    #[serde(default)]
    pub summary: String,
    /// True while the update is still being written or signed off: `build` and `publish` leave it
    /// out, `check` still checks it (so it is ready once this line is removed), and `serve` shows
    /// it marked as a draft. Write it above the first `[[actions]]`.
    /// Example: true
    #[serde(default)]
    pub draft: bool,
    /// The action areas this update moves on.
    #[serde(default)]
    pub actions: Vec<ActionUpdate>,
}

/// What an update says about one action area.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionUpdate {
    /// The action area: its id, or its number as the site shows it ("1.5": priority 1, its
    /// fifth action area).
    /// Example: "fetal-monitoring"
    pub id: Spanned<String>,
    /// Its status from this date.
    /// Example: "complete"
    pub status: Spanned<String>,
    /// Its assurance from this date; leave out to keep the one it had.
    /// Example: "assured"
    #[serde(default)]
    pub assurance: Option<Spanned<String>>,
    /// What happened, in a sentence or two of plain English (Markdown).
    /// Example: "The committee checked the audit and accepted it."
    pub note: Spanned<String>,
    /// Links to the evidence.
    #[serde(default)]
    pub evidence: Vec<EvidenceEntry>,
    /// The body that accepted the evidence ("Maternity Governance Committee").
    /// Example: "Maternity Governance Committee"
    #[serde(default)]
    pub accepted_by: Option<String>,
    /// The day it accepted it.
    /// Example: 2024-04-05
    #[serde(default)]
    pub accepted_on: Option<Spanned<Datetime>>,
    /// When progress will next be reviewed.
    /// Example: 2024-10-01
    #[serde(default)]
    pub next_review: Option<Spanned<Datetime>>,
}

/// A link to evidence.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceEntry {
    /// What the evidence is ("Fetal monitoring audit, March 2024").
    /// Example: "Fetal monitoring audit, March 2024"
    pub title: String,
    /// Where to find it: a web address, or a path to a file in the site.
    /// Example: "../files/fetal-monitoring-audit.pdf"
    pub url: Spanned<String>,
}

/// `content/timeline.toml`: the plan's own phases and milestones.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineFile {
    /// The phases of the delivery cycle, in order.
    #[serde(default)]
    pub phases: Vec<PhaseEntry>,
    /// Milestones of the whole plan.
    #[serde(default)]
    pub milestones: Vec<PlanMilestoneEntry>,
}

/// A phase of the plan's delivery cycle.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseEntry {
    /// The phase's name.
    /// Example: "Agree Improvement Plan Goals"
    pub title: String,
    /// What happens in it (Markdown).
    /// Example: "Align local, regional and national targets."
    #[serde(default = "super::no_text")]
    pub summary: Spanned<String>,
    /// When it starts and ends, where the plan says (TOML dates).
    /// Example: 2023-04-01
    #[serde(default)]
    pub start: Option<Spanned<Datetime>>,
    /// The day it ends.
    /// Example: 2023-06-30
    #[serde(default)]
    pub end: Option<Spanned<Datetime>>,
}

/// A milestone of the whole plan.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanMilestoneEntry {
    /// The milestone, in the plan's words.
    /// Example: "Board review of the whole plan"
    pub title: String,
    /// When, as the plan writes it: a date (`"2024-03-31"`), a month (`"March 2024"`), a quarter
    /// (`"Q4 2023/24"`), a financial year (`"2023/24"`, `"2017-18"`), a year (`"2021"`), months
    /// from the plan's start (`"6–12 months"`) or `"completed"`.
    /// Example: "Q4 2023/24"
    pub due: Spanned<String>,
}

/// `content/milestones.toml`: the plan's milestones in its own words, each with its horizon, for
/// the whole plan or for one priority. They show on the timeline, on their priority's page and in
/// the print edition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestonesFile {
    /// The milestones, in the plan's order.
    #[serde(default)]
    pub milestones: Vec<HorizonMilestoneEntry>,
}

/// One milestone, as the plan writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HorizonMilestoneEntry {
    /// What will be done, in the plan's words ("Continuity of carer teams in place").
    /// Example: "Continuity of carer teams in place"
    pub title: String,
    /// More about it in the plan's words (Markdown); leave out if the plan says no more.
    /// Example: "Teams in both community hubs."
    #[serde(default = "super::no_text")]
    pub text: Spanned<String>,
    /// When, as the plan writes it: a date ("2024-03-31"), a month ("March 2024", "2024-03"), a
    /// quarter ("Q4 2023/24"), a financial year ("2017-18", "2023/24"), a year ("2021"), months
    /// from the plan's start ("3 months", "6–12 months") or "completed". The page shows these
    /// words; a horizon the timeline cannot place is listed apart, never given a date.
    /// Example: "6–12 months"
    pub horizon: Spanned<String>,
    /// The id of the priority it belongs to (its file name without `.toml`); leave out for a
    /// milestone of the whole plan.
    /// Example: "2-support"
    #[serde(default)]
    pub priority: Option<Spanned<String>>,
    /// The action areas it concerns, if the plan says: each by its id or its number as the site
    /// shows it ("1.5").
    /// Example: ["bereavement"]
    #[serde(default)]
    pub actions: Vec<Spanned<String>>,
    /// An id from the status vocabulary, if the plan gives one. Without it the timeline marks
    /// nothing overdue.
    /// Example: "on-track"
    #[serde(default)]
    pub status: Option<Spanned<String>>,
}
