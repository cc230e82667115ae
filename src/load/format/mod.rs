//! The content format: what a trust writes in `content/`. Every struct rejects unknown fields, so a
//! misspelt field is an error with a caret rather than something silently ignored. The `///` comments
//! on fields are the format's reference documentation (the README points here).

mod measures;
mod registers;
mod snapshots;
mod updates;

use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

pub use measures::*;
pub use registers::*;
pub use snapshots::*;
pub use updates::*;

/// `content/plan.toml`: who publishes the plan, what it is, and the words this trust uses.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    /// The organisation publishing the plan, in full ("James Paget University Hospitals NHS Foundation Trust").
    pub organisation: String,
    /// The plan's title ("Improvement Plan – Maternity Services").
    pub title: String,
    /// The plan's vision, one or two sentences, shown at the top of the home page.
    pub vision: String,
    /// A short introduction (Markdown) shown on the home page under the vision.
    #[serde(default = "no_text")]
    pub introduction: Spanned<String>,
    /// The reporting period the objectives belong to ("2023/24").
    pub period: String,
    /// The report date: the day the statuses on the site were last checked (a TOML date, `2024-03-31`).
    pub as_of: Spanned<Datetime>,
    /// Where the site will be published; used only for `sitemap.xml` (every page links relatively).
    pub base_url: Spanned<String>,
    /// The language of the content, as a BCP 47 tag ("en-GB"); sets `lang` on every page.
    #[serde(default = "default_language")]
    pub language: String,
    /// The theme folder under `themes/` ("default"). Files there override the built-in default theme.
    #[serde(default = "default_theme")]
    pub theme: Spanned<String>,
    /// The words this trust uses for the parts of its plan.
    #[serde(default)]
    pub labels: Labels,
    /// The status vocabulary. Leave out to use the defaults (not yet reported, not started, on track,
    /// at risk, off track, complete).
    #[serde(default)]
    pub statuses: Vec<StatusEntry>,
    /// The assurance vocabulary: how far delivery is evidenced and accepted. Leave out to use the
    /// defaults (not evidenced, evidence submitted, assured).
    #[serde(default)]
    pub assurance: Vec<AssuranceEntry>,
    /// The first day of the plan period (a TOML date). Leave out when `period` is a financial year
    /// such as "2023/24": it then starts on 1 April.
    #[serde(default)]
    pub period_start: Option<Spanned<Datetime>>,
    /// The last day of the plan period. Leave out for a financial year: it then ends on 31 March.
    #[serde(default)]
    pub period_end: Option<Spanned<Datetime>>,
    /// The lowest Flesch reading-ease score (0 to 100, higher is easier) that text for families
    /// may have before `check` warns. Leave out for 50.
    #[serde(default)]
    pub reading_ease: Option<f64>,
}

fn default_language() -> String {
    "en-GB".into()
}

/// A text left out: empty, and nowhere in the file.
pub(crate) fn no_text() -> Spanned<String> {
    Spanned::new(0..0, String::new())
}

fn default_theme() -> Spanned<String> {
    Spanned::new(0..0, "default".into())
}

/// The words a trust uses: another trust may say "Objective" and "Chair" where this one says
/// "Priority" and "SRO". Any label left out keeps the theme's word for it, in the plan's language
/// (`default_label_priority` and so on in themes/default/i18n/en.toml).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Labels {
    pub priority: Option<String>,
    pub priorities: Option<String>,
    /// The short name of an accountable owner ("SRO").
    pub sro: Option<String>,
    /// The long form, used where the short form needs explaining ("Senior responsible owner").
    pub sro_long: Option<Spanned<String>>,
    /// The long form as a sentence reads it after "a" or "an", with that word ("a senior
    /// responsible owner"). Give it whenever you give `sro_long`: planpress never guesses an article.
    pub an_sro_long: Option<String>,
    pub sros: Option<String>,
    pub action: Option<Spanned<String>>,
    /// One action area as a sentence reads it after "a" or "an", with that word ("an action area",
    /// "a key step"). Give it whenever you give `action`: planpress never guesses an article.
    pub an_action: Option<String>,
    pub actions: Option<String>,
    /// The first column heading.
    pub achieve: Option<String>,
    /// The second column heading.
    pub doing: Option<String>,
    /// The third column heading: what the action will mean for families.
    pub families: Option<String>,
    pub workstream: Option<String>,
    pub trust_priority: Option<String>,
    /// What kind of organisation publishes the plan, as running text says it after "the"
    /// ("trust", "partnership", "network", "system"); the theme's word, "trust", when left out.
    pub organisation_kind: Option<Spanned<String>>,
    /// The same, more than one ("trusts", "partnerships"). Give it whenever you give
    /// `organisation_kind`.
    pub organisation_kinds: Option<Spanned<String>>,
}

/// One status in the vocabulary.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusEntry {
    /// What content writes (`status = "on-track"`).
    pub id: Spanned<String>,
    /// What readers see ("On track").
    pub label: String,
    /// What it means, in plain English, shown to families.
    pub meaning: String,
    /// How it is coloured: one of `neutral`, `good`, `warning`, `bad`, `done`. The label is always shown
    /// as text too, so colour is never the only signal.
    pub tone: Spanned<String>,
}

/// `content/sros.toml`: the people (by role) accountable for the priorities.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SroFile {
    #[serde(default)]
    pub sros: Vec<SroEntry>,
}

/// One accountable role.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SroEntry {
    /// What priority files write (`sro = "chief-nurse"`); also the page's file name.
    pub id: Spanned<String>,
    /// The role ("Chief Nurse").
    pub title: String,
    /// What they answer for (Markdown).
    #[serde(default = "no_text")]
    pub summary: Spanned<String>,
}

/// `content/priorities/<id>.toml`: one priority and its action register. The file name (without
/// `.toml`) is the priority's id and its page's file name.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityFile {
    /// The priority's number; priorities are listed in this order.
    pub number: Spanned<u32>,
    pub title: String,
    /// The work stream that delivers it.
    #[serde(default)]
    pub workstream: String,
    /// The trust-wide priority it serves ("Caring for our patients").
    #[serde(default)]
    pub trust_priority: String,
    /// The id of the accountable owner in `sros.toml`.
    pub sro: Spanned<String>,
    /// The action areas, in the order the plan gives them.
    #[serde(default)]
    pub actions: Vec<ActionEntry>,
}

/// One action area of a priority.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionEntry {
    /// Unique across the whole plan; the page's file name (`actions/<id>.html`).
    pub id: Spanned<String>,
    pub title: String,
    /// An id from the status vocabulary.
    pub status: Spanned<String>,
    /// The national recommendations this action answers, as `register/item` (`"3ydp/10.1"`).
    #[serde(default)]
    pub answers: Vec<Spanned<String>>,
    /// When it is due: a date (`"2024-03-31"`) or a quarter (`"Q4 2023/24"`). Leave out if the plan
    /// does not say.
    #[serde(default)]
    pub due: Option<Spanned<String>>,
    /// Who leads it day to day, if the plan names them.
    #[serde(default)]
    pub lead: Option<String>,
    /// "What do we expect to achieve": one Markdown string per bullet.
    #[serde(default)]
    pub achieve: Vec<Spanned<String>>,
    /// "What actions are we taking": one Markdown string per bullet.
    #[serde(default)]
    pub doing: Vec<Spanned<String>>,
    /// "What will this mean for our families": one Markdown string per bullet.
    #[serde(default)]
    pub families: Vec<Spanned<String>>,
    /// Free notes (Markdown), shown under the three columns.
    #[serde(default)]
    pub notes: Option<Spanned<String>>,
    /// Steps on the way, each with a date or quarter, shown on the timeline.
    #[serde(default)]
    pub milestones: Vec<MilestoneEntry>,
}

/// `content/glossary.toml`: the abbreviations the content uses, explained.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    #[serde(default)]
    pub terms: Vec<TermEntry>,
}

/// One abbreviation and what it stands for.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermEntry {
    /// As the content writes it ("SRO", "BR+").
    pub term: Spanned<String>,
    /// What it stands for ("Senior Responsible Owner").
    pub expansion: String,
    /// What it is, in a plain sentence, where the expansion alone would not help.
    #[serde(default)]
    pub meaning: Option<String>,
    /// Where the expansion comes from ("plan", "3ydp", "common usage").
    #[serde(default)]
    pub source: Option<String>,
    /// Whether the site spells the term out in brackets where a page first uses it. Leave out for
    /// yes; `expand = false` for a term every reader knows ("NHS"): it is still marked, with its
    /// expansion for screen readers and on hover, and listed in the glossary.
    #[serde(default = "yes")]
    pub expand: bool,
}

fn yes() -> bool {
    true
}

/// The TOML front matter of a Markdown page in `content/pages/`, between `+++` lines.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    pub title: String,
    /// One plain sentence: shown in page lists and as the page description.
    #[serde(default)]
    pub summary: String,
    /// Position in the page menu; pages without one are not in the menu.
    #[serde(default)]
    pub order: Option<u32>,
}
