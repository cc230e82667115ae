//! The content format: what a trust writes in `content/`. Every struct rejects unknown fields, so a
//! misspelt field is an error with a caret rather than something silently ignored. The `///` comments
//! on fields are the format's reference documentation: `planpress reference` reads them (with each
//! field's `/// Example:` line, a TOML value) into `content/FORMAT.md`, and a test fails until every
//! field has both.

mod measures;
mod narrative;
mod registers;
mod snapshots;
mod updates;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

pub use measures::*;
pub use narrative::*;
pub use registers::*;
pub use snapshots::*;
pub use updates::*;

/// `content/plan.toml`: who publishes the plan, what it is, and the words this trust uses.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    /// The organisation publishing the plan, in full ("James Paget University Hospitals NHS Foundation Trust").
    /// Example: "James Paget University Hospitals NHS Foundation Trust"
    pub organisation: String,
    /// The plan's title ("Improvement Plan – Maternity Services").
    /// Example: "Improvement Plan – Maternity Services"
    pub title: String,
    /// The plan's vision, one or two sentences, shown at the top of the home page. Leave out if
    /// the plan states none.
    /// Example: "Safe, kind care for every family."
    #[serde(default)]
    pub vision: Option<String>,
    /// A short introduction (Markdown) shown on the home page under the vision.
    /// Example: "Our maternity and neonatal services care for about 2,000 families a year."
    #[serde(default = "no_text")]
    pub introduction: Spanned<String>,
    /// The reporting period the objectives belong to ("2023/24").
    /// Example: "2023/24"
    pub period: String,
    /// The report date: the day the statuses on the site were last checked, as a TOML date
    /// (`2024-03-31`), or the month when the plan gives no day (`"February 2018"` or `"2018-02"`;
    /// pages then name the month only, and what is overdue is worked out from its last day).
    /// Example: 2024-03-31
    pub as_of: Spanned<ReportDate>,
    /// Where the site will be published; used only for `sitemap.xml` and the updates feed, which
    /// need whole addresses (every page links relatively). Leave out until it is known: the site
    /// is then built without those two files, and `check` warns.
    /// Example: "https://example.nhs.uk/maternity-plan/"
    #[serde(default)]
    pub base_url: Option<Spanned<String>>,
    /// The language of the content, as a BCP 47 tag ("en-GB"); sets `lang` on every page.
    /// Example: "en-GB"
    #[serde(default = "default_language")]
    pub language: String,
    /// The theme folder under `themes/` ("default"). Files there override the built-in default theme.
    /// Example: "default"
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
    /// Example: 2023-04-01
    #[serde(default)]
    pub period_start: Option<Spanned<Datetime>>,
    /// The last day of the plan period. Leave out for a financial year: it then ends on 31 March.
    /// Example: 2025-03-31
    #[serde(default)]
    pub period_end: Option<Spanned<Datetime>>,
    /// The plan's own text about itself beyond the introduction, in named sections ("Our
    /// approach", "How we will know"), shown on the home page and in the print edition.
    #[serde(default)]
    pub sections: Vec<SectionEntry>,
    /// The text columns of an action area, in the order the plan gives them, each with its
    /// heading. Leave out for the three columns `achieve`, `doing` and `families`, headed by the
    /// labels of those names. A plan whose rows differ by kind gives each column the `kinds` of
    /// row that have it.
    #[serde(default)]
    pub columns: Vec<ColumnEntry>,
    /// The lowest Flesch reading-ease score (0 to 100, higher is easier) that text for families
    /// may have before `check` warns. Leave out for 50.
    /// Example: 60
    #[serde(default)]
    pub reading_ease: Option<f64>,
    /// What may be published from `content/files/`.
    #[serde(default)]
    pub files: FilesSettings,
    /// How a reader can contact the service about the site, shown in every page's footer and in
    /// the accessibility statement. Leave out any detail the trust has not given: the pages then
    /// say it is not given, and never make one up.
    #[serde(default)]
    pub contact: ContactDetails,
    /// Facts for the accessibility statement (`accessibility.html`).
    #[serde(default)]
    pub accessibility: AccessibilityFacts,
    /// How many months after the report date the next update is due. Every page then says "next
    /// update due by" that date, so a reader can tell when what they read may be out of date
    /// (planpress never reads the clock, so it cannot know the reader's day). Leave out when the
    /// plan sets no review cycle.
    /// Example: 3
    #[serde(default)]
    pub review_every_months: Option<Spanned<u32>>,
}

/// How to contact the service; every detail may be left out.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ContactDetails {
    /// An email address for questions about the site and for other formats.
    /// Example: "maternity.plan@example.nhs.uk"
    pub email: Option<String>,
    /// A telephone number, as readers should dial it.
    /// Example: "01234 567890"
    pub phone: Option<String>,
    /// A postal address, on one line.
    /// Example: "Maternity Services, Example Hospital, Lowestoft Road, NR31 6LA"
    pub address: Option<String>,
    /// Within how many working days the trust aims to reply.
    /// Example: 10
    pub response_days: Option<u32>,
}

/// Facts for the accessibility statement; the words around them are the theme's.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AccessibilityFacts {
    /// The day the statement was first prepared (a TOML date). Leave out to use the report date.
    /// Example: 2024-03-31
    pub prepared: Option<Spanned<Datetime>>,
    /// The day it was last reviewed. Leave out to use the report date.
    /// Example: 2024-06-30
    pub reviewed: Option<Spanned<Datetime>>,
    /// Content known not to be accessible, one sentence each, with why and what a reader can do
    /// instead. Leave out when none is known: the statement then says so.
    /// Example: ["The charts of measures are pictures: each has its values in a table below it."]
    pub known_issues: Vec<String>,
}

/// What may be published from `content/files/`. Only documents, images, data and media are
/// (pdf, doc, docx, xls, xlsx, ppt, pptx, odt, ods, odp, rtf, txt, csv, json, png, jpg, jpeg,
/// gif, webp, svg without script, mp3, mp4, vtt); hidden files are left out.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FilesSettings {
    /// The largest file that may be published, in megabytes. Leave out for 20. A larger file
    /// stops the build, so the site stays quick to load on a phone.
    /// Example: 50
    pub largest_mb: Option<Spanned<u64>>,
}

/// A date (`2024-03-31`), or a month as text (`"February 2018"`, `"2018-02"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ReportDate {
    /// A TOML date: `as_of = 2024-03-31`.
    Day(Datetime),
    /// A month in words: `as_of = "February 2018"` or `"2018-02"`.
    Month(String),
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
    /// What the plan calls one priority ("Objective").
    /// Example: "Objective"
    pub priority: Option<String>,
    /// What it calls more than one ("Objectives").
    /// Example: "Objectives"
    pub priorities: Option<String>,
    /// The short name of an accountable owner ("SRO").
    /// Example: "Chair"
    pub sro: Option<String>,
    /// The long form, used where the short form needs explaining ("Senior responsible owner").
    /// Example: "Chair of the sub-group"
    pub sro_long: Option<Spanned<String>>,
    /// The long form as a sentence reads it after "a" or "an", with that word ("a senior
    /// responsible owner"). Give it whenever you give `sro_long`: planpress never guesses an article.
    /// Example: "a chair of the sub-group"
    pub an_sro_long: Option<String>,
    /// The short name of more than one owner ("Chairs").
    /// Example: "Chairs"
    pub sros: Option<String>,
    /// What the plan calls one action area ("Activity").
    /// Example: "Activity"
    pub action: Option<Spanned<String>>,
    /// One action area as a sentence reads it after "a" or "an", with that word ("an action area",
    /// "a key step"). Give it whenever you give `action`: planpress never guesses an article.
    /// Example: "an activity"
    pub an_action: Option<String>,
    /// What it calls more than one ("Activities").
    /// Example: "Activities"
    pub actions: Option<String>,
    /// The first column heading.
    /// Example: "What do we expect to achieve"
    pub achieve: Option<String>,
    /// The second column heading.
    /// Example: "What actions are we taking"
    pub doing: Option<String>,
    /// The third column heading: what the action will mean for families.
    /// Example: "What will this mean for our families"
    pub families: Option<String>,
    /// What the plan calls the work stream that delivers a priority.
    /// Example: "Work stream"
    pub workstream: Option<String>,
    /// What it calls the organisation-wide priority a priority serves.
    /// Example: "Trust priority"
    pub trust_priority: Option<String>,
    /// What kind of organisation publishes the plan, as running text says it after "the"
    /// ("trust", "partnership", "network", "system"); the theme's word, "trust", when left out.
    /// Example: "partnership"
    pub organisation_kind: Option<Spanned<String>>,
    /// The same, more than one ("trusts", "partnerships"). Give it whenever you give
    /// `organisation_kind`.
    /// Example: "partnerships"
    pub organisation_kinds: Option<Spanned<String>>,
}

/// One status in the vocabulary.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusEntry {
    /// What content writes (`status = "on-track"`).
    /// Example: "going-well"
    pub id: Spanned<String>,
    /// What readers see ("On track").
    /// Example: "Going well"
    pub label: String,
    /// What it means, in plain English, shown to families.
    /// Example: "The work is on time."
    pub meaning: String,
    /// How it is coloured: one of `neutral`, `good`, `warning`, `bad`, `done`. The label is always shown
    /// as text too, so colour is never the only signal.
    /// Example: "good"
    pub tone: Spanned<String>,
}

/// `content/sros.toml` (or `content/owners.toml`, a name for a plan that does not say "SRO"): who
/// the plan names as accountable for its priorities and action areas: people, roles or groups.
/// Leave the file out when the plan names no one.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SroFile {
    /// The accountable owners, one `[[sros]]` table each.
    #[serde(default)]
    pub sros: Vec<SroEntry>,
    /// The same as `[[sros]]`, under a name for any plan: `[[owners]]`.
    #[serde(default)]
    pub owners: Vec<SroEntry>,
}

impl SroFile {
    /// Every owner, as `[[sros]]` then as `[[owners]]`.
    pub fn entries(&self) -> impl Iterator<Item = &SroEntry> {
        self.sros.iter().chain(&self.owners)
    }
}

/// One accountable owner, as the plan names it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SroEntry {
    /// What priority files write (`owners = ["chief-nurse"]`); also the page's file name.
    /// Example: "chief-nurse"
    pub id: Spanned<String>,
    /// The owner as the plan names them: a role ("Chief Nurse"), a person ("Dr Jane Smith") or a
    /// group ("Safer Births Board").
    /// Example: "Chief Nurse"
    pub title: String,
    /// What they are: `person`, `role` or `group`. Sentences name each as it reads ("Dr Jane
    /// Smith is accountable…", "The Chief Nurse is accountable…"). Leave out for a role.
    /// Example: "group"
    #[serde(default)]
    pub kind: Option<Spanned<String>>,
    /// A group's chairs, as the plan names them (`["Head of Midwifery", "Clinical Director"]`):
    /// one, or two or three co-chairs. Only for a group; leave out if the plan does not say.
    /// Example: ["Head of Midwifery", "Clinical Director for Obstetrics"]
    #[serde(default)]
    pub chairs: Vec<String>,
    /// What they answer for (Markdown).
    /// Example: "Senior responsible owner for Priority 2."
    #[serde(default = "no_text")]
    pub summary: Spanned<String>,
}

/// `content/priorities/<id>.toml`: one priority and its action register. The file name (without
/// `.toml`) is the priority's id and its page's file name.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityFile {
    /// The priority's number; priorities are listed in this order.
    /// Example: 1
    pub number: Spanned<u32>,
    /// The priority, as the plan words it.
    /// Example: "Safe, personalised and equitable care"
    pub title: String,
    /// The work stream that delivers it.
    /// Example: "Safe and Effective Service Provision"
    #[serde(default)]
    pub workstream: String,
    /// The trust-wide priority it serves ("Caring for our patients").
    /// Example: "Caring for our patients"
    #[serde(default)]
    pub trust_priority: String,
    /// Who is accountable for it: ids in `sros.toml`, none, one or several
    /// (`owners = ["head-of-midwifery", "clinical-director"]`). Leave out if the plan names no one.
    /// Example: ["head-of-midwifery", "clinical-director"]
    #[serde(default)]
    pub owners: Vec<Spanned<String>>,
    /// The one accountable owner's id, as `owners = ["id"]` says it; give one or the other.
    /// Example: "chief-nurse"
    #[serde(default)]
    pub sro: Option<Spanned<String>>,
    /// What the plan says about this priority (Markdown), shown on its page and in the print
    /// edition.
    /// Example: "Most births are safe. When things go wrong, we want to learn quickly."
    #[serde(default)]
    pub narrative: Option<Spanned<String>>,
    /// Further named sections of text about it.
    #[serde(default)]
    pub sections: Vec<SectionEntry>,
    /// The national recommendations the priority as a whole answers, as `register/item`, where
    /// the plan ties them to the priority rather than to one action area.
    /// Example: ["3ydp/1.1"]
    #[serde(default)]
    pub answers: Vec<Spanned<String>>,
    /// The action areas, in the order the plan gives them.
    #[serde(default)]
    pub actions: Vec<ActionEntry>,
}

/// One action area of a priority.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionEntry {
    /// Unique across the whole plan; the page's file name (`actions/<id>.html`).
    /// Example: "antenatal-care"
    pub id: Spanned<String>,
    /// The action area, as the plan words it.
    /// Example: "Antenatal care"
    pub title: String,
    /// What kind of row it is, where the plan's columns differ by kind ("key-step"): one of the
    /// `kinds` named in plan.toml's `columns`.
    /// Example: "key-step"
    #[serde(default)]
    pub kind: Option<Spanned<String>>,
    /// An id from the status vocabulary. Leave out if the plan gives none: the action area then
    /// has the vocabulary's first status ("not yet reported" by default).
    /// Example: "not-yet-reported"
    #[serde(default)]
    pub status: Option<Spanned<String>>,
    /// The national recommendations this action answers, as `register/item` (`"3ydp/10.1"`).
    /// Example: ["3ydp/10.1", "sbl2/1"]
    #[serde(default)]
    pub answers: Vec<Spanned<String>>,
    /// When it is due, in the plan's words: a date (`"2024-03-31"`), a month (`"March 2024"`), a
    /// quarter (`"Q4 2023/24"`), a financial year (`"2017-18"`), a year (`"2021"`) or months from
    /// the plan's start (`"6–12 months"`). Leave out if the plan does not say.
    /// Example: "Q4 2023/24"
    #[serde(default)]
    pub due: Option<Spanned<String>>,
    /// Who leads it day to day, if the plan names them, in the plan's words.
    /// Example: "Diabetes specialist midwife"
    #[serde(default)]
    pub lead: Option<String>,
    /// Who is accountable for this action area, when the plan names owners for it rather than
    /// for its priority as a whole: ids in `sros.toml`. Leave out and its priority's owners are.
    /// Example: ["safer-births-board"]
    #[serde(default)]
    pub owners: Vec<Spanned<String>>,
    /// "What do we expect to achieve": one Markdown string per bullet.
    /// Example: ["Women are seen at the right intervals."]
    #[serde(default)]
    pub achieve: Vec<Spanned<Arc<str>>>,
    /// "What actions are we taking": one Markdown string per bullet.
    /// Example: ["Recruiting a second diabetes midwife."]
    #[serde(default)]
    pub doing: Vec<Spanned<Arc<str>>>,
    /// "What will this mean for our families": one Markdown string per bullet.
    /// Example: ["Better support for women with diabetes."]
    #[serde(default)]
    pub families: Vec<Spanned<Arc<str>>>,
    /// The text of the plan's other columns, by column id (`now = ["Where we are now …"]`): one
    /// Markdown string per bullet.
    /// Example: { now = ["Two teams in place."], next = ["A third team by spring."] }
    #[serde(default)]
    pub columns: BTreeMap<String, Vec<Spanned<Arc<str>>>>,
    /// What the plan says about this action area (Markdown), shown above its columns.
    /// Example: "Why this matters to families."
    #[serde(default)]
    pub narrative: Option<Spanned<Arc<str>>>,
    /// Further named sections of text about it.
    /// Example: [{ heading = "Where we start", text = "Two units, one team." }]
    #[serde(default)]
    pub sections: Vec<SectionEntry>,
    /// Free notes (Markdown), shown under the columns.
    /// Example: "Agreed with the LMNS in May."
    #[serde(default)]
    pub notes: Option<Spanned<Arc<str>>>,
    /// Steps on the way, each with a date or quarter, shown on the timeline.
    #[serde(default)]
    pub milestones: Vec<MilestoneEntry>,
}

/// `content/glossary.toml`: the abbreviations the content uses, explained.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    /// The abbreviations, one `[[terms]]` table each.
    #[serde(default)]
    pub terms: Vec<TermEntry>,
    /// Words families use for what the plan calls otherwise, one `[[words]]` table each: a
    /// search for theirs finds the plan's.
    #[serde(default)]
    pub words: Vec<FamilyWordsEntry>,
}

/// A word of the plan's and the words families use for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyWordsEntry {
    /// The plan's word, or words ("bereavement"): a search finds the pages it is on.
    /// Example: "bereavement"
    pub word: String,
    /// Families' own words for it: a search for any of them also finds its pages.
    /// Example: ["baby loss", "stillbirth"]
    pub also: Vec<String>,
}

/// One abbreviation and what it stands for.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermEntry {
    /// As the content writes it ("SRO", "BR+").
    /// Example: "SRO"
    pub term: Spanned<String>,
    /// What it stands for ("Senior Responsible Owner").
    /// Example: "Senior Responsible Owner"
    pub expansion: String,
    /// What it is, in a plain sentence, where the expansion alone would not help.
    /// Example: "The person accountable for a priority."
    #[serde(default)]
    pub meaning: Option<String>,
    /// Where the expansion comes from ("plan", "3ydp", "common usage").
    /// Example: "plan"
    #[serde(default)]
    pub source: Option<String>,
    /// Whether the site spells the term out in brackets where a page first uses it. Leave out for
    /// yes; `expand = false` for a term every reader knows ("NHS"): it is still marked, with its
    /// expansion for screen readers and on hover, and listed in the glossary.
    /// Example: false
    #[serde(default = "yes")]
    pub expand: bool,
    /// Words families use for it: a search for any of them also finds the pages using the term.
    /// Example: ["baby death review"]
    #[serde(default)]
    pub also: Vec<String>,
}

fn yes() -> bool {
    true
}

/// The TOML front matter of a Markdown page in `content/pages/`, between `+++` lines.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    /// The page's title, its heading and its name in menus.
    /// Example: "Accountability framework"
    pub title: String,
    /// One plain sentence: shown in page lists and as the page description.
    /// Example: "Who is responsible for what."
    #[serde(default)]
    pub summary: String,
    /// Position in the page menu; pages without one are not in the menu.
    /// Example: 5
    #[serde(default)]
    pub order: Option<u32>,
}
