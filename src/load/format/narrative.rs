//! The format of a plan's own words beyond its register: named sections of narrative, and the
//! text columns of its action areas (`content/plan.toml`, `content/priorities/<id>.toml`).

use serde::Deserialize;
use toml::Spanned;

/// A named section of narrative text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionEntry {
    /// The section's heading, as the plan gives it ("Why this matters").
    /// Example: "Why this matters"
    pub heading: String,
    /// Its text (Markdown).
    /// Example: "Families told us they were not always listened to."
    pub text: Spanned<String>,
}

/// A text column of the plan's action areas ("Where we are now").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnEntry {
    /// What action areas write their text under: `achieve`, `doing` and `families` are fields of
    /// their own; any other id is a key of the action area's `columns` table (`now = ["…"]`).
    /// Example: "now"
    pub id: Spanned<String>,
    /// The heading readers see, in the plan's words.
    /// Example: "Where we are now"
    pub heading: String,
    /// The kinds of row that have this column (an action area's `kind`). Leave out when every
    /// row has it.
    /// Example: ["key-step"]
    #[serde(default)]
    pub kinds: Vec<Spanned<String>>,
}
