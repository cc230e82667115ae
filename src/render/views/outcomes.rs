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
    owner: &'a str,
    likelihood: String,
    impact: String,
    score: u32,
    band: Option<(&'a str, &'static str)>,
    mitigation: Vec<String>,
}

pub fn measure_href(id: &str) -> String {
    format!("measures/{id}.html")
}

/// Where a measure's latest value stands against its target, in the theme's words: "78%, target
/// 90%, below target"; "No data yet." before its first value.
pub fn in_words(words: &Words, measure: &Measure) -> String {
    let target = measure.target.map(|t| measure.amount(t));
    let target = target.as_deref();
    let Some(latest) = measure.latest() else {
        return match target {
            Some(target) => say(
                words,
                "measure_standing_no_data_target",
                &[("target", target)],
            ),
            None => word(words, "measure_standing_no_data").to_string(),
        };
    };
    let value = measure.amount(latest.value);
    let key = match (measure.standing(), measure.better) {
        (Standing::Meets, _) => "measure_standing_meets",
        (Standing::Short, Better::Higher) => "measure_standing_below",
        (Standing::Short, Better::Lower) => "measure_standing_above",
        (Standing::NoData | Standing::NoTarget, _) => return value,
    };
    let target = target.unwrap_or_default();
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
        owner: &risk.owner,
        likelihood: word(&scale.likelihood, risk.likelihood),
        impact: word(&scale.impact, risk.impact),
        score: risk.score(),
        band: scale
            .band(risk.score())
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
        assert_eq!(
            said(Better::Higher, Some(90.0), &[70.0, 78.0]),
            "78%, target 90%, below target"
        );
        assert_eq!(
            said(Better::Lower, Some(2.5), &[3.0, 2.4]),
            "2.4%, target 2.5%, meeting the target"
        );
        assert_eq!(
            said(Better::Lower, Some(2.5), &[]),
            "No data yet. Target 2.5%."
        );
        assert_eq!(said(Better::Higher, None, &[12.345]), "12.35%");
        let welsh: Words = [(
            "measure_standing_below".to_string(),
            "{value}, o dan y targed o {target}".to_string(),
        )]
        .into();
        assert_eq!(
            in_words(&welsh, &measure(Better::Higher, Some(90.0), &[78.0])),
            "78%, o dan y targed o 90%"
        );
    }
}
