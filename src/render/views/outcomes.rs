//! Outcomes as other pages show them: the measures that evidence a priority or an action area, each
//! said in words against its target, and the risks, highest first.

use serde::Serialize;

use super::*;
use crate::model::{Better, Measure, Plan, Priority, Risk, Standing};
use crate::render::page::json;
use crate::render::say::{say, word, Words};
use crate::render::site::Site;

/// A measure as lists show it, where it is linked from a priority or action.
#[derive(Serialize)]
pub struct MeasureLink<'a> {
    pub name: &'a str,
    pub href: String,
    pub words: String,
}

#[derive(Serialize)]
pub struct RiskView<'a> {
    id: &'a str,
    title: &'a str,
    description: String,
    priority: Option<(String, String)>,
    owner: Option<&'a str>,
    /// The scores as the page shows them; `None` where the plan does not rate the risk.
    likelihood: Option<String>,
    impact: Option<String>,
    score: Option<u32>,
    band: Option<(&'a str, &'static str)>,
    mitigation: Vec<String>,
}

pub fn measure_href(id: &str) -> String {
    format!("measures/{id}.html")
}

/// Where a measure's latest value stands against its target, in the theme's words: "78%, target
/// 90%, below target"; "No data yet." before its first value; for a measure the plan states in
/// words, its target in those words and that figures are not yet published. Nothing is called
/// better or worse unless the plan says which way is better.
pub fn in_words(words: &Words, measure: &Measure) -> String {
    let figure = measure.target.map(|t| measure.amount(t));
    // The sentence ends the plan's words with its own full stop.
    let target_words = measure
        .target_words
        .as_deref()
        .map(|t| t.trim_end().strip_suffix('.').unwrap_or(t));
    let Some(latest) = measure.latest() else {
        return match (figure.as_deref(), target_words) {
            (Some(target), _) => say(
                words,
                "measure_standing_no_data_target",
                &[("target", target)],
            ),
            (None, Some(target)) => say(
                words,
                "measure_standing_not_published_target",
                &[("target", target)],
            ),
            (None, None) if measure.is_words_only() => {
                word(words, "measure_standing_not_published").to_string()
            }
            (None, None) => word(words, "measure_standing_no_data").to_string(),
        };
    };
    let value = measure.amount(latest.value);
    let key = match (measure.standing(), measure.better) {
        (Standing::Meets, _) => "measure_standing_meets",
        (Standing::Short, Some(Better::Higher)) => "measure_standing_below",
        (Standing::Short, _) => "measure_standing_above",
        (Standing::NoDirection, _) => "measure_standing_no_direction",
        (Standing::NoTarget, _) if target_words.is_some() => "measure_standing_target_words",
        (Standing::NoData | Standing::NoTarget, _) => return value,
    };
    let target = figure.as_deref().or(target_words).unwrap_or_default();
    say(words, key, &[("value", &value), ("target", target)])
}

/// The measures that evidence an action area, for its page and its priority's.
pub fn measures_for_action<'a>(site: &Site<'a>, id: &str) -> Vec<MeasureLink<'a>> {
    measure_links(site, |m| m.actions.iter().any(|a| a == id))
}

/// The measures that evidence a priority, directly or through one of its action areas.
pub fn measures_for_priority<'a>(site: &Site<'a>, priority: &Priority) -> Vec<MeasureLink<'a>> {
    measure_links(site, |m| {
        m.priorities.contains(&priority.id)
            || priority.actions.iter().any(|a| m.actions.contains(&a.id))
    })
}

fn measure_links<'a>(site: &Site<'a>, linked: impl Fn(&Measure) -> bool) -> Vec<MeasureLink<'a>> {
    let plan: &'a Plan = site.plan;
    plan.measures
        .iter()
        .filter(|m| linked(m))
        .map(|m| MeasureLink {
            name: &m.name,
            href: measure_href(&m.id),
            words: in_words(&site.theme.words, m),
        })
        .collect()
}

/// Every risk, highest first, as a page `root` below the top shows them.
pub fn risk_views<'a>(site: &Site<'a>, root: &str) -> Vec<RiskView<'a>> {
    site.plan
        .risks
        .iter()
        .map(|r| risk_view(site, r, root))
        .collect()
}

/// Every risk, highest first, for the print edition.
pub fn all_risks(site: &Site, root: &str) -> tera::Value {
    json(&risk_views(site, root))
}

/// The risks to a priority, highest first, for its page.
pub fn risks_for_priority<'a>(site: &Site<'a>, id: &str) -> tera::Value {
    let risks: Vec<RiskView> = site
        .plan
        .risks
        .iter()
        .filter(|r| r.priority.as_deref() == Some(id))
        .map(|r| risk_view(site, r, "../"))
        .collect();
    json(&risks)
}

fn risk_view<'a>(site: &Site<'a>, risk: &'a Risk, root: &str) -> RiskView<'a> {
    let plan = site.plan;
    let scale = &plan.risk_scale;
    let word = |words: &[String], n: u32| {
        let named = (n as usize).checked_sub(1).and_then(|i| words.get(i));
        named.map_or(n.to_string(), |w| format!("{n} ({w})"))
    };
    RiskView {
        id: &risk.id,
        title: &risk.title,
        description: site.markdown(&risk.description, root, false),
        priority: risk
            .priority
            .as_deref()
            .and_then(|id| plan.priorities.iter().find(|p| p.id == id))
            .map(|p| {
                (
                    format!("{} {}: {}", plan.labels.priority, p.number, p.title),
                    priority_href(&p.id),
                )
            }),
        owner: risk.owner.as_deref(),
        likelihood: risk.likelihood.map(|n| word(&scale.likelihood, n)),
        impact: risk.impact.map(|n| word(&scale.impact, n)),
        score: risk.score(),
        band: risk
            .score()
            .and_then(|score| scale.band(score))
            .map(|b| (b.label.as_str(), b.tone.name())),
        mitigation: risk
            .mitigation
            .iter()
            .map(|m| site.markdown(m, root, true))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::outcomes::measure;

    #[test]
    fn the_latest_value_is_said_against_the_target_in_the_themes_words() {
        let english = crate::render::theme::english();
        let said =
            |better, target, values: &[f64]| in_words(&english, &measure(better, target, values));
        let (higher, lower) = (Some(Better::Higher), Some(Better::Lower));
        assert_eq!(
            said(higher, Some(90.0), &[70.0, 78.0]),
            "78%, target 90%, below target"
        );
        assert_eq!(
            said(lower, Some(2.5), &[3.0, 2.4]),
            "2.4%, target 2.5%, meeting the target"
        );
        assert_eq!(said(lower, Some(2.5), &[]), "No data yet. Target 2.5%.");
        assert_eq!(said(higher, None, &[12.345]), "12.35%");
        let welsh: Words = [(
            "measure_standing_below".to_string(),
            "{value}, o dan y targed o {target}".to_string(),
        )]
        .into();
        assert_eq!(
            in_words(&welsh, &measure(Some(Better::Higher), Some(90.0), &[78.0])),
            "78%, o dan y targed o 90%"
        );
    }

    #[test]
    fn a_measure_in_words_is_said_in_its_words_never_against_a_made_up_number() {
        let english = crate::render::theme::english();
        let mut in_plan_words = measure(None, None, &[]);
        in_plan_words.target_words = Some("All women offered a care plan".into());
        assert_eq!(
            in_words(&english, &in_plan_words),
            "Target: All women offered a care plan. Figures are not yet published."
        );
        in_plan_words.target_words = Some("All women offered a care plan.".into());
        assert_eq!(
            in_words(&english, &in_plan_words),
            "Target: All women offered a care plan. Figures are not yet published.",
            "one full stop after the plan's own"
        );
        in_plan_words.target_words = None;
        assert_eq!(
            in_words(&english, &in_plan_words),
            "Figures are not yet published."
        );
        let no_direction = measure(None, Some(90.0), &[78.0]);
        assert_eq!(
            in_words(&english, &no_direction),
            "78%, target 90%. The plan does not say whether higher or lower is better."
        );
    }
}
