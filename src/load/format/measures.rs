//! The format of outcomes and risks: `content/measures.toml` (with optional CSV files of values)
//! and `content/risks.toml`.

use serde::Deserialize;
use toml::Spanned;

/// `content/measures.toml`: the measures that show whether the plan is working.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasuresFile {
    /// The measures, one `[[measures]]` table each.
    #[serde(default)]
    pub measures: Vec<MeasureEntry>,
}

/// One measure: what it counts, which way is better, the target, and its values over time.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureEntry {
    /// Used in links and as the page's file name (`measures/<id>.html`).
    /// Example: "booking-before-10-weeks"
    pub id: Spanned<String>,
    /// A plain-English name ("Babies born too early").
    /// Example: "Booked before 10 weeks"
    pub name: String,
    /// What it counts and why it matters, in a sentence or two.
    /// Example: "How many pregnant women book before 10 weeks."
    pub explanation: String,
    /// "%" or words after the number ("per 1,000 births"). Leave out for a measure the plan states
    /// in words only, or a plain count.
    /// Example: "%"
    #[serde(default)]
    pub unit: Option<String>,
    /// "higher" or "lower": which direction is better. Leave out where the plan does not say: the
    /// pages then show values without calling them better or worse.
    /// Example: "higher"
    #[serde(default)]
    pub better: Option<Spanned<String>>,
    /// The target: a number in the measure's unit (`target = 90`), or the plan's own words where it
    /// gives no figure (`target = "All women offered a personalised care plan"`).
    /// Example: 90
    #[serde(default)]
    pub target: Option<TargetEntry>,
    /// Where the target comes from ("National ambition, 2025").
    /// Example: "National standard"
    #[serde(default)]
    pub target_source: Option<String>,
    /// The lowest and highest values that make sense ([0, 100] for a percentage). A value outside
    /// is refused as a typing mistake.
    /// Example: [0, 100]
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
    /// Example: "measures/booking.csv"
    #[serde(default)]
    pub values_csv: Option<Spanned<String>>,
    /// Ids of the priorities this measure evidences.
    /// Example: ["1-safe-care"]
    #[serde(default)]
    pub priorities: Vec<Spanned<String>>,
    /// The action areas it evidences, each by its id or by its number as the site shows it
    /// ("1.5").
    /// Example: ["antenatal-care"]
    #[serde(default)]
    pub actions: Vec<Spanned<String>>,
    /// National recommendations or ambitions it tracks (`ambitions/stillbirth`).
    /// Example: ["ambitions/stillbirth"]
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
    /// Example: "Q1 2023/24"
    pub period: Spanned<String>,
    /// The value, in the measure's unit.
    /// Example: 70
    pub value: Spanned<f64>,
    /// How many were counted, where the value is a rate.
    /// Example: 350
    #[serde(default)]
    pub numerator: Option<f64>,
    /// Out of how many, where the value is a rate.
    /// Example: 500
    #[serde(default)]
    pub denominator: Option<f64>,
    /// Where the number comes from.
    /// Example: "Maternity dashboard"
    #[serde(default)]
    pub source: Option<String>,
    /// Anything a reader should know about this value.
    /// Example: "Two weeks of data missing."
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
    /// The risks, one `[[risks]]` table each.
    #[serde(default)]
    pub risks: Vec<RiskEntry>,
}

/// A rating scale: the words for each likelihood and impact score, and the bands of their product.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleEntry {
    /// Words for likelihood 1, 2, 3 …
    /// Example: ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]
    pub likelihood: Vec<String>,
    /// Words for impact 1, 2, 3 …
    /// Example: ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"]
    pub impact: Vec<String>,
    /// Bands of likelihood × impact, lowest first: each from its `min` score up to the next band.
    pub bands: Vec<BandEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandEntry {
    /// The lowest likelihood × impact score in the band.
    /// Example: 8
    pub min: u32,
    /// What readers see for the band ("High").
    /// Example: "High"
    pub label: String,
    /// neutral, good, warning, bad or done: the colour beside the words.
    /// Example: "warning"
    pub tone: Spanned<String>,
}

/// One key risk.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskEntry {
    /// Used in links to the risk.
    /// Example: "midwife-vacancies"
    pub id: Spanned<String>,
    /// The risk in a few words.
    /// Example: "Not enough midwives on each shift"
    pub title: String,
    /// What could happen, and why (Markdown).
    /// Example: "Vacancies and sickness leave shifts short."
    #[serde(default = "super::no_text")]
    pub description: Spanned<String>,
    /// The priority it threatens; leave out for a risk to the whole plan.
    /// Example: "1-safe-care"
    #[serde(default)]
    pub priority: Option<Spanned<String>>,
    /// Who manages it, by role. Leave out where the plan names no one.
    /// Example: "Director of Midwifery"
    #[serde(default)]
    pub owner: Option<String>,
    /// How likely it is, on the scale. Leave out with `impact` for a risk the plan does not rate:
    /// the pages say "Not yet rated".
    /// Example: 4
    #[serde(default)]
    pub likelihood: Option<Spanned<u32>>,
    /// How bad it would be, on the scale. Leave out where the plan does not rate it.
    /// Example: 4
    #[serde(default)]
    pub impact: Option<Spanned<u32>>,
    /// What is being done to reduce it: one Markdown string per step. Leave out where the plan
    /// gives none.
    #[serde(default)]
    /// Example: ["Recruiting 12 midwives by March 2025."]
    pub mitigation: Vec<Spanned<String>>,
}
