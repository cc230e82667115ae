//! The format of registers of national recommendations (`content/registers/*.toml`).

use serde::Deserialize;
use toml::Spanned;

/// `content/registers/<id>.toml`: a body of national recommendations (a delivery plan, a care
/// bundle, an inspection's must-dos). The file name (without `.toml`) is the register's id, used in
/// references such as `3ydp/10.1`. Adding a file adds a register; no code changes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterFile {
    /// The register's full title.
    /// Example: "Three Year Delivery Plan for Maternity and Neonatal Services"
    pub title: String,
    /// A short name for lists and references ("3YDP").
    /// Example: "3YDP"
    pub short_title: String,
    /// Who published it ("NHS England").
    /// Example: "NHS England"
    #[serde(default)]
    pub publisher: String,
    /// When it was published, as the source gives it ("2023", "March 2023", "2023-03-30").
    /// Example: "March 2023"
    #[serde(default)]
    pub published: Option<String>,
    /// Where to read it, if it has a web address.
    /// Example: "https://www.england.nhs.uk/publication/three-year-delivery-plan-for-maternity-and-neonatal-services/"
    #[serde(default)]
    pub url: Option<String>,
    /// What it is, in a sentence or two (Markdown).
    /// Example: "The national plan for maternity and neonatal services."
    #[serde(default = "super::no_text")]
    pub summary: Spanned<String>,
    /// What the register calls one item ("Action", "Element", "Must-do").
    /// Example: "Action"
    #[serde(default = "default_item_label")]
    pub item_label: String,
    /// The plural, for counts other than one ("Must-dos", "Activities"). Leave out to add "s" to
    /// `item_label`, which is right for most English words but not all, nor for other languages.
    /// Example: "Actions"
    #[serde(default)]
    pub item_label_plural: Option<String>,
    /// Who its items are addressed to. Leave out where the plan does not say.
    #[serde(default)]
    pub audiences: Vec<AudienceEntry>,
    /// "all" (the default) when the file holds the whole register; "cited" when it holds only
    /// the items this plan cites, so coverage never counts them as if they were the whole.
    /// Example: "cited"
    #[serde(default)]
    pub holds: Holds,
    /// How the source groups its items (themes, objectives); a group may sit inside another.
    #[serde(default)]
    pub groups: Vec<GroupEntry>,
    /// The recommendations, in the source's order.
    pub items: Vec<ItemEntry>,
}

/// How much of its source a register file holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Holds {
    /// Every item of the source.
    #[default]
    All,
    /// Only the items this plan cites.
    Cited,
}

fn default_item_label() -> String {
    "Recommendation".into()
}

impl RegisterFile {
    /// What the register calls more than one item: its own plural, or the label with an "s".
    pub fn item_label_plural(&self) -> String {
        self.item_label_plural
            .clone()
            .unwrap_or_else(|| format!("{}s", self.item_label))
    }
}

/// One of the bodies a register's items are addressed to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AudienceEntry {
    /// What items write in `for`.
    /// Example: "trusts"
    pub id: Spanned<String>,
    /// As readers see it ("ICBs and LMNSs").
    /// Example: "Trusts"
    pub label: String,
    /// True when a trust must answer these items itself: they count in its coverage and gap list.
    /// Example: true
    #[serde(default)]
    pub local: bool,
}

/// A heading the source groups items under.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupEntry {
    /// What items write in `group`.
    /// Example: "objective-1"
    pub id: Spanned<String>,
    /// The heading, as the source gives it.
    /// Example: "Objective 1: Care that is personalised"
    pub title: String,
    /// The id of the group this one sits inside (an objective inside a theme).
    /// Example: "theme-1"
    #[serde(default)]
    pub parent: Option<Spanned<String>>,
}

/// One recommendation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemEntry {
    /// As the source numbers it ("10.1"); letters, digits, dots and hyphens.
    /// Example: "10.1"
    pub id: Spanned<String>,
    /// A short title, where the source gives one.
    /// Example: "Fetal monitoring"
    #[serde(default)]
    pub title: Option<String>,
    /// The id of its group.
    /// Example: "objective-1"
    #[serde(default)]
    pub group: Option<Spanned<String>>,
    /// The ids of the audiences it is addressed to. Leave out where the plan does not say.
    /// Example: ["trusts"]
    #[serde(rename = "for", default)]
    pub audiences: Vec<Spanned<String>>,
    /// Its words, as the source gives them (Markdown). Leave out for an item the plan cites by
    /// reference only: its page says so.
    /// Example: "Implement the Saving Babies' Lives Care Bundle."
    #[serde(default)]
    pub text: Option<Spanned<String>>,
    /// Further facts shown beside it, in order (a baseline, a target).
    #[serde(default)]
    pub facts: Vec<FactEntry>,
}

/// A labelled fact about a recommendation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactEntry {
    /// What the fact is ("Baseline").
    /// Example: "Baseline"
    pub label: String,
    /// The fact, as the source gives it.
    /// Example: "5.1 per 1,000 births (2010)"
    pub value: String,
}
