//! The format of registers of national recommendations (`content/registers/*.toml`).

use serde::Deserialize;
use toml::Spanned;

/// `content/registers/<id>.toml`: a body of national recommendations (a delivery plan, a care
/// bundle, an inspection's must-dos). The file name (without `.toml`) is the register's id, used in
/// references such as `3ydp/10.1`. Adding a file adds a register; no code changes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterFile {
    pub title: String,
    /// A short name for lists and references ("3YDP").
    pub short_title: String,
    /// Who published it ("NHS England").
    #[serde(default)]
    pub publisher: String,
    /// When it was published, as the source gives it ("2023", "March 2023", "2023-03-30").
    #[serde(default)]
    pub published: Option<String>,
    /// Where to read it, if it has a web address.
    #[serde(default)]
    pub url: Option<String>,
    /// What it is, in a sentence or two (Markdown).
    #[serde(default = "super::no_text")]
    pub summary: Spanned<String>,
    /// What the register calls one item ("Action", "Element", "Must-do").
    #[serde(default = "default_item_label")]
    pub item_label: String,
    /// The plural, for counts other than one ("Must-dos", "Activities"). Leave out to add "s" to
    /// `item_label`, which is right for most English words but not all, nor for other languages.
    #[serde(default)]
    pub item_label_plural: Option<String>,
    /// Who its items are addressed to. Leave out where the plan does not say.
    #[serde(default)]
    pub audiences: Vec<AudienceEntry>,
    /// "all" (the default) when the file holds the whole register; "cited" when it holds only
    /// the items this plan cites, so coverage never counts them as if they were the whole.
    #[serde(default)]
    pub holds: Holds,
    /// How the source groups its items (themes, objectives); a group may sit inside another.
    #[serde(default)]
    pub groups: Vec<GroupEntry>,
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
    pub id: Spanned<String>,
    /// As readers see it ("ICBs and LMNSs").
    pub label: String,
    /// True when a trust must answer these items itself: they count in its coverage and gap list.
    #[serde(default)]
    pub local: bool,
}

/// A heading the source groups items under.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupEntry {
    pub id: Spanned<String>,
    pub title: String,
    /// The id of the group this one sits inside (an objective inside a theme).
    #[serde(default)]
    pub parent: Option<Spanned<String>>,
}

/// One recommendation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemEntry {
    /// As the source numbers it ("10.1"); letters, digits, dots and hyphens.
    pub id: Spanned<String>,
    /// A short title, where the source gives one.
    #[serde(default)]
    pub title: Option<String>,
    /// The id of its group.
    #[serde(default)]
    pub group: Option<Spanned<String>>,
    /// The ids of the audiences it is addressed to. Leave out where the plan does not say.
    #[serde(rename = "for", default)]
    pub audiences: Vec<Spanned<String>>,
    /// Its words, as the source gives them (Markdown). Leave out for an item the plan cites by
    /// reference only: its page says so.
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
    pub label: String,
    pub value: String,
}
