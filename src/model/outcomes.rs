//! Outcomes: measures with targets and values over time, and where each stands against its target
//! (rendering says it in words a family can read), and the plan's key risks with their ratings.

use super::{word, Date, Text, Tone, Words};

/// Which direction of a measure is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

/// A measure of whether the plan is working.
#[derive(Debug, Clone)]
pub struct Measure {
    pub id: String,
    /// Where its id is written.
    pub place: super::Place,
    pub name: String,
    pub explanation: String,
    /// Empty where the plan gives none.
    pub unit: String,
    /// `None` where the plan does not say which way is better: values are then never called
    /// better or worse.
    pub better: Option<Better>,
    /// The target as a figure.
    pub target: Option<f64>,
    /// The target in the plan's words, where it gives no figure.
    pub target_words: Option<String>,
    pub target_source: Option<String>,
    pub baseline: Option<Value>,
    /// Values up to the report date, oldest first.
    pub values: Vec<Value>,
    pub priorities: Vec<String>,
    pub actions: Vec<String>,
    pub recommendations: Vec<String>,
}

/// One value of a measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub period: String,
    /// The last day of the period: values are ordered by it, and later than the report date are
    /// left out.
    pub end: Date,
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub source: Option<String>,
    pub note: Option<String>,
}

/// Where the latest value stands against the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    NoData,
    NoTarget,
    /// A value and a target, but the plan does not say which way is better.
    NoDirection,
    Meets,
    Short,
}

/// Which way the latest value moved from the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Improving,
    Worsening,
    Steady,
    Unknown,
}

impl Measure {
    pub fn latest(&self) -> Option<&Value> {
        self.values.last()
    }

    pub fn standing(&self) -> Standing {
        match (self.latest(), self.target) {
            (None, _) => Standing::NoData,
            (Some(_), None) => Standing::NoTarget,
            (Some(v), Some(t)) => match self.is_better_or_equal(v.value, t) {
                None => Standing::NoDirection,
                Some(true) => Standing::Meets,
                Some(false) => Standing::Short,
            },
        }
    }

    pub fn trend(&self) -> Trend {
        let n = self.values.len();
        if n < 2 {
            return Trend::Unknown;
        }
        let (before, now) = (self.values[n - 2].value, self.values[n - 1].value);
        match self.is_better_or_equal(now, before) {
            _ if now == before => Trend::Steady,
            None => Trend::Unknown,
            Some(true) => Trend::Improving,
            Some(false) => Trend::Worsening,
        }
    }

    /// Whether `value` is at least as good as `than`; `None` when the plan does not say which
    /// way is better.
    fn is_better_or_equal(&self, value: f64, than: f64) -> Option<bool> {
        match self.better? {
            Better::Higher => Some(value >= than),
            Better::Lower => Some(value <= than),
        }
    }

    /// Stated in words only so far: no value, no baseline and no figure for a target.
    pub fn is_words_only(&self) -> bool {
        self.values.is_empty() && self.baseline.is_none() && self.target.is_none()
    }

    /// A number in this measure's unit: "78%", "4.1 per 1,000 births".
    pub fn amount(&self, value: f64) -> String {
        let number = number(value);
        if self.unit == "%" {
            format!("{number}%")
        } else if self.unit.is_empty() {
            number
        } else {
            format!("{number} {}", self.unit)
        }
    }
}

/// A number as people write it: no trailing zeros, at most two decimals, thousands not grouped
/// (values are rates and percentages).
pub fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// How risks are rated: words for each likelihood and impact score, and bands of their product.
#[derive(Debug, Clone)]
pub struct RiskScale {
    pub likelihood: Vec<String>,
    pub impact: Vec<String>,
    /// Lowest first.
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone)]
pub struct Band {
    pub min: u32,
    pub label: String,
    pub tone: Tone,
}

impl RiskScale {
    /// The band a score falls in: the highest whose minimum it reaches.
    pub fn band(&self, score: u32) -> Option<&Band> {
        self.bands.iter().rev().find(|b| score >= b.min)
    }
}

/// The default risk scale's bands: the lowest score in each, the key of its name in the theme's
/// words, and its tone.
const DEFAULT_BANDS: [(u32, &str, Tone); 4] = [
    (1, "default_risk_band_low", Tone::Good),
    (4, "default_risk_band_moderate", Tone::Neutral),
    (8, "default_risk_band_high", Tone::Warning),
    (15, "default_risk_band_extreme", Tone::Bad),
];

impl RiskScale {
    /// The 5 × 5 likelihood × impact matrix NHS trusts commonly use, for a plan whose risks give
    /// no scale: each score and band named in the theme's words (`default_risk_likelihood_1` to
    /// `_5`, `default_risk_impact_1` to `_5`, `default_risk_band_low` and up).
    pub fn nhs(words: &Words) -> RiskScale {
        let scores = |of: &str| {
            (1..=5)
                .map(|n| word(words, &format!("default_risk_{of}_{n}")))
                .collect()
        };
        RiskScale {
            likelihood: scores("likelihood"),
            impact: scores("impact"),
            bands: DEFAULT_BANDS
                .iter()
                .map(|&(min, key, tone)| Band {
                    min,
                    label: word(words, key),
                    tone,
                })
                .collect(),
        }
    }
}

/// A key risk to the plan and how it is mitigated.
#[derive(Debug, Clone)]
pub struct Risk {
    pub id: String,
    pub title: String,
    pub description: Text,
    /// The priority it threatens; `None` for the whole plan.
    pub priority: Option<String>,
    /// Who manages it, where the plan names someone.
    pub owner: Option<String>,
    /// `None` where the plan does not rate it.
    pub likelihood: Option<u32>,
    pub impact: Option<u32>,
    pub mitigation: Vec<Text>,
}

impl Risk {
    /// Likelihood times impact; `None` unless the plan rates both.
    pub fn score(&self) -> Option<u32> {
        Some(self.likelihood? * self.impact?)
    }
}

/// A measure of `values` in 2024, for the tests here and of the pages that say it.
#[cfg(test)]
pub(crate) fn measure(better: Option<Better>, target: Option<f64>, values: &[f64]) -> Measure {
    let date = Date {
        year: 2024,
        month: 1,
        day: 1,
    };
    Measure {
        id: "m".into(),
        place: crate::model::Place::default(),
        name: "M".into(),
        explanation: String::new(),
        unit: "%".into(),
        better,
        target,
        target_words: None,
        target_source: None,
        baseline: None,
        values: values
            .iter()
            .map(|&value| Value {
                period: "2024".into(),
                end: date,
                value,
                numerator: None,
                denominator: None,
                source: None,
                note: None,
            })
            .collect(),
        priorities: Vec::new(),
        actions: Vec::new(),
        recommendations: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trend_follows_which_way_is_better() {
        let trend = |better, values: &[f64]| measure(better, None, values).trend();
        assert_eq!(trend(Some(Better::Higher), &[70.0, 78.0]), Trend::Improving);
        assert_eq!(trend(Some(Better::Lower), &[70.0, 78.0]), Trend::Worsening);
        assert_eq!(trend(Some(Better::Lower), &[5.0, 5.0]), Trend::Steady);
        assert_eq!(trend(Some(Better::Lower), &[5.0]), Trend::Unknown);
    }

    #[test]
    fn without_a_direction_nothing_is_called_better_or_worse() {
        assert_eq!(measure(None, None, &[70.0, 78.0]).trend(), Trend::Unknown);
        assert_eq!(measure(None, None, &[5.0, 5.0]).trend(), Trend::Steady);
        let reached = measure(None, Some(90.0), &[95.0]);
        assert_eq!(reached.standing(), Standing::NoDirection);
    }

    #[test]
    fn a_measure_with_no_unit_shows_the_bare_number() {
        let mut count = measure(None, None, &[]);
        count.unit = String::new();
        assert_eq!(count.amount(12.0), "12");
        assert!(count.is_words_only());
    }

    #[test]
    fn a_risk_has_a_score_only_when_rated_for_both() {
        let risk = |likelihood, impact| Risk {
            id: "r".into(),
            title: "R".into(),
            description: Text::default(),
            priority: None,
            owner: None,
            likelihood,
            impact,
            mitigation: Vec::new(),
        };
        assert_eq!(risk(Some(3), Some(4)).score(), Some(12));
        assert_eq!(risk(Some(3), None).score(), None);
        assert_eq!(risk(None, None).score(), None);
    }

    #[test]
    fn risks_fall_in_bands_by_score() {
        let words = [("default_risk_band_high".to_string(), "Uchel".to_string())].into();
        let scale = RiskScale::nhs(&words);
        assert_eq!(scale.band(3).unwrap().tone, Tone::Good);
        assert_eq!(scale.band(12).unwrap().label, "Uchel");
        assert_eq!(scale.band(25).unwrap().tone, Tone::Bad);
    }
}
