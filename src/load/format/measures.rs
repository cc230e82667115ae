//! The format of outcomes and risks: `content/measures.toml` (with optional CSV files of values)
//! and `content/risks.toml`.

use serde::Deserialize;
use toml::Spanned;

/// `content/measures.toml`: the measures that show whether the plan is working.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasuresFile {
    #[serde(default)]
    pub measures: Vec<MeasureEntry>,
}

/// One measure: what it counts, which way is better, the target, and its values over time.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureEntry {
    /// Used in links and as the page's file name (`measures/<id>.html`).
    pub id: Spanned<String>,
    /// A plain-English name ("Babies born too early").
    pub name: String,
    /// What it counts and why it matters, in a sentence or two.
    pub explanation: String,
    /// "%" or words after the number ("per 1,000 births"). Leave out for a measure the plan states
    /// in words only, or a plain count.
    #[serde(default)]
    pub unit: Option<String>,
    /// "higher" or "lower": which direction is better. Leave out where the plan does not say: the
    /// pages then show values without calling them better or worse.
    #[serde(default)]
    pub better: Option<Spanned<String>>,
    /// The target: a number in the measure's unit (`target = 90`), or the plan's own words where it
    /// gives no figure (`target = "All women offered a personalised care plan"`).
    #[serde(default)]
    pub target: Option<TargetEntry>,
    /// Where the target comes from ("National ambition, 2025").
    #[serde(default)]
    pub target_source: Option<String>,
    /// The lowest and highest values that make sense ([0, 100] for a percentage). A value outside
    /// is refused as a typing mistake.
    #[serde(default)]
    pub range: Option<Spanned<[f64; 2]>>,
    /// Where the measure started.
    #[serde(default)]
    pub baseline: Option<ValueEntry>,
    /// Values over time, typed here.
    #[serde(default)]
    pub values: Vec<ValueEntry>,
    /// A CSV file of values (columns: period, value, and optionally numerator, denominator,
    /// source, note), relative to this file: how a maternity dashboard export comes in.
    #[serde(default)]
    pub values_csv: Option<Spanned<String>>,
    /// Ids of the priorities this measure evidences.
    #[serde(default)]
    pub priorities: Vec<Spanned<String>>,
    /// Ids of the action areas it evidences.
    #[serde(default)]
    pub actions: Vec<Spanned<String>>,
    /// National recommendations or ambitions it tracks (`ambitions/stillbirth`).
    #[serde(default)]
    pub recommendations: Vec<Spanned<String>>,
}

/// A measure's target: a figure, or words where the plan states it in words.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum TargetEntry {
    Figure(f64),
    Words(String),
}

/// One value of a measure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueEntry {
    /// What it covers: a year ("2010"), a financial year ("2023/24"), a quarter ("Q1 2024/25"),
    /// a month ("2024-05") or a day ("2024-05-31").
    pub period: Spanned<String>,
    pub value: Spanned<f64>,
    #[serde(default)]
    pub numerator: Option<f64>,
    #[serde(default)]
    pub denominator: Option<f64>,
    /// Where the number comes from.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// `content/risks.toml`: the plan's key risks and how they are mitigated.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RisksFile {
    /// How risks are rated. Leave out for the 5 × 5 likelihood × impact matrix.
    #[serde(default)]
    pub scale: Option<ScaleEntry>,
    #[serde(default)]
    pub risks: Vec<RiskEntry>,
}

/// A rating scale: the words for each likelihood and impact score, and the bands of their product.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleEntry {
    /// Words for likelihood 1, 2, 3 …
    pub likelihood: Vec<String>,
    /// Words for impact 1, 2, 3 …
    pub impact: Vec<String>,
    /// Bands of likelihood × impact, lowest first: each from its `min` score up to the next band.
    pub bands: Vec<BandEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandEntry {
    pub min: u32,
    pub label: String,
    /// neutral, good, warning, bad or done: the colour beside the words.
    pub tone: Spanned<String>,
}

/// One key risk.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskEntry {
    pub id: Spanned<String>,
    pub title: String,
    /// What could happen, and why (Markdown).
    #[serde(default = "super::no_text")]
    pub description: Spanned<String>,
    /// The priority it threatens; leave out for a risk to the whole plan.
    #[serde(default)]
    pub priority: Option<Spanned<String>>,
    /// Who manages it, by role. Leave out where the plan names no one.
    #[serde(default)]
    pub owner: Option<String>,
    /// How likely it is, on the scale. Leave out with `impact` for a risk the plan does not rate:
    /// the pages say "Not yet rated".
    #[serde(default)]
    pub likelihood: Option<Spanned<u32>>,
    /// How bad it would be, on the scale. Leave out where the plan does not rate it.
    #[serde(default)]
    pub impact: Option<Spanned<u32>>,
    /// What is being done to reduce it: one Markdown string per step. Leave out where the plan
    /// gives none.
    #[serde(default)]
    pub mitigation: Vec<Spanned<String>>,
}
