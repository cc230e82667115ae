//! Pages about outcomes: the measures and one page each (the latest value in words, a trend chart
//! with the same values in a table), the measures on the pages they evidence, and the risks.

use serde::Serialize;

use super::charts::{line_chart, Point};
use super::registers::{label, recommendation_href};
use super::say::{say, word, Words};
use super::views::*;
use super::{json, Extra, OutputFile, Renderer};
use crate::model::{number, Better, Measure, Risk, Standing, Trend};

/// A measure as lists show it, where it is linked from a priority or action.
#[derive(Serialize)]
pub struct MeasureLink<'a> {
    pub name: &'a str,
    pub href: String,
    pub words: String,
}

#[derive(Serialize)]
struct ValueView<'a> {
    period: &'a str,
    amount: String,
    numerator: Option<String>,
    denominator: Option<String>,
    source: Option<&'a str>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct LinkedAction<'a> {
    reference: &'a str,
    title: &'a str,
    href: String,
    status: StatusView<'a>,
}

#[derive(Serialize)]
struct MeasureView<'a> {
    id: &'a str,
    name: &'a str,
    href: String,
    explanation: &'a str,
    words: String,
    trend: &'a str,
    standing: &'static str,
    better: &'a str,
    target: Option<String>,
    target_source: Option<&'a str>,
    baseline: Option<ValueView<'a>>,
    values: Vec<ValueView<'a>>,
    chart: Option<String>,
    priorities: Vec<(String, String)>,
    actions: Vec<LinkedAction<'a>>,
    recommendations: Vec<(String, String)>,
}

#[derive(Serialize)]
struct RiskView<'a> {
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

fn trend_words<'w>(words: &'w Words, measure: &Measure) -> &'w str {
    match measure.trend() {
        Trend::Improving => word(words, "measure_trend_improving"),
        Trend::Worsening => word(words, "measure_trend_worsening"),
        Trend::Steady => word(words, "measure_trend_steady"),
        Trend::Unknown => "",
    }
}

impl<'a> Renderer<'a> {
    /// The measures that evidence an action area, for its page and its priority's.
    pub(super) fn measures_for_action(&self, id: &str) -> Vec<MeasureLink<'a>> {
        self.measure_links(|m| m.actions.iter().any(|a| a == id))
    }

    /// The measures that evidence a priority, directly or through one of its action areas.
    pub(super) fn measures_for_priority(
        &self,
        priority: &crate::model::Priority,
    ) -> Vec<MeasureLink<'a>> {
        self.measure_links(|m| {
            m.priorities.contains(&priority.id)
                || priority.actions.iter().any(|a| m.actions.contains(&a.id))
        })
    }

    fn measure_links(&self, linked: impl Fn(&Measure) -> bool) -> Vec<MeasureLink<'a>> {
        let plan: &'a crate::model::Plan = self.plan;
        plan.measures
            .iter()
            .filter(|m| linked(m))
            .map(|m| MeasureLink {
                name: &m.name,
                href: measure_href(&m.id),
                words: in_words(&self.theme.words, m),
            })
            .collect()
    }

    /// Every risk, highest first, for the print edition.
    pub(super) fn all_risks(&self, root: &str) -> tera::Value {
        let risks: Vec<RiskView> = self
            .plan
            .risks
            .iter()
            .map(|r| self.risk_view(r, root))
            .collect();
        json(&risks)
    }

    /// The risks to a priority, highest first, for its page.
    pub(super) fn risks_for_priority(&self, id: &str) -> tera::Value {
        let risks: Vec<RiskView> = self
            .plan
            .risks
            .iter()
            .filter(|r| r.priority.as_deref() == Some(id))
            .map(|r| self.risk_view(r, "../"))
            .collect();
        json(&risks)
    }

    pub(super) fn outcome_pages(&self) -> Vec<OutputFile> {
        let plan = self.plan;
        let mut files = Vec::new();
        if !plan.measures.is_empty() {
            let views: Vec<MeasureView> =
                plan.measures.iter().map(|m| self.measure_view(m)).collect();
            files.extend(self.page(
                "measures.html",
                "measures.html",
                "",
                vec![("measures", json(&views))],
            ));
            for view in &views {
                files.extend(self.page(
                    "measure.html",
                    &view.href,
                    "../",
                    vec![("measure", json(view))],
                ));
            }
        }
        if !plan.risks.is_empty() {
            let risks: Vec<RiskView> = plan.risks.iter().map(|r| self.risk_view(r, "")).collect();
            let scale = &plan.risk_scale;
            let bands: Vec<(u32, &str, &str)> = scale
                .bands
                .iter()
                .map(|b| (b.min, b.label.as_str(), b.tone.name()))
                .collect();
            let extra: Extra = vec![
                ("risks", json(&risks)),
                ("likelihood", json(&scale.likelihood)),
                ("impact", json(&scale.impact)),
                ("bands", json(&bands)),
            ];
            files.extend(self.page("risks.html", "risks.html", "", extra));
        }
        files
    }

    fn measure_view(&self, measure: &'a Measure) -> MeasureView<'a> {
        let plan = self.plan;
        let words: &'a Words = &self.theme.words;
        let value_view = |v: &'a crate::model::Value| ValueView {
            period: &v.period,
            amount: measure.amount(v.value),
            numerator: v.numerator.map(number),
            denominator: v.denominator.map(number),
            source: v.source.as_deref(),
            note: v.note.as_deref(),
        };
        let chart = (!measure.values.is_empty()).then(|| {
            let points: Vec<Point> = measure
                .values
                .iter()
                .map(|v| Point {
                    label: v.period.clone(),
                    value: v.value,
                    words: format!("{}: {}", v.period, measure.amount(v.value)),
                })
                .collect();
            let target = measure.target.map(|t| {
                let amount = measure.amount(t);
                (t, self.say("measure_chart_target", &[("target", &amount)]))
            });
            let title = self.say(
                "measure_chart_title",
                &[
                    ("measure", &measure.name),
                    ("count", &points.len().to_string()),
                    ("first", &measure.values[0].period),
                    ("last", &measure.values[measure.values.len() - 1].period),
                ],
            );
            let unit = if measure.unit == "%" { "%" } else { "" };
            line_chart(
                &format!("chart-{}", measure.id),
                &title,
                &points,
                target,
                |v| format!("{}{unit}", number(v)),
            )
        });
        MeasureView {
            id: &measure.id,
            name: &measure.name,
            href: measure_href(&measure.id),
            explanation: &measure.explanation,
            words: in_words(words, measure),
            trend: trend_words(words, measure),
            standing: match measure.standing() {
                Standing::NoData => "no-data",
                Standing::NoTarget => "no-target",
                Standing::Meets => "meets",
                Standing::Short => "short",
            },
            better: match measure.better {
                Better::Higher => word(words, "measure_higher_better"),
                Better::Lower => word(words, "measure_lower_better"),
            },
            target: measure.target.map(|t| measure.amount(t)),
            target_source: measure.target_source.as_deref(),
            baseline: measure.baseline.as_ref().map(value_view),
            values: measure.values.iter().map(value_view).collect(),
            chart,
            priorities: plan
                .priorities
                .iter()
                .filter(|p| measure.priorities.contains(&p.id))
                .map(|p| {
                    (
                        format!("{} {}: {}", plan.labels.priority, p.number, p.title),
                        priority_href(&p.id),
                    )
                })
                .collect(),
            actions: measure
                .actions
                .iter()
                .filter_map(|id| plan.action(id))
                .map(|(_, a)| LinkedAction {
                    reference: &a.reference,
                    title: &a.title,
                    href: action_href(&a.id),
                    status: status_view(plan.status(&a.status)),
                })
                .collect(),
            recommendations: measure
                .recommendations
                .iter()
                .filter_map(|r| plan.recommendation(r))
                .map(|(register, item)| {
                    (
                        format!(
                            "{}{}",
                            label(register, item),
                            item.title
                                .as_ref()
                                .map(|t| format!(": {t}"))
                                .unwrap_or_default()
                        ),
                        recommendation_href(&item.reference),
                    )
                })
                .collect(),
        }
    }

    fn risk_view(&self, risk: &'a Risk, root: &str) -> RiskView<'a> {
        let plan = self.plan;
        let scale = &plan.risk_scale;
        let word = |words: &[String], n: u32| {
            let named = (n as usize).checked_sub(1).and_then(|i| words.get(i));
            named.map_or(n.to_string(), |w| format!("{n} ({w})"))
        };
        RiskView {
            id: &risk.id,
            title: &risk.title,
            description: self.markdown(&risk.description, root, false),
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
                .map(|m| self.markdown(m, root, true))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Value};

    fn measure(better: Better, target: Option<f64>, values: &[f64]) -> Measure {
        let end = Date {
            year: 2024,
            month: 1,
            day: 1,
        };
        let value = |&value| Value {
            period: "2024".into(),
            end,
            value,
            numerator: None,
            denominator: None,
            source: None,
            note: None,
        };
        Measure {
            id: "m".into(),
            name: "M".into(),
            explanation: String::new(),
            unit: "%".into(),
            better,
            target,
            target_source: None,
            baseline: None,
            values: values.iter().map(value).collect(),
            priorities: Vec::new(),
            actions: Vec::new(),
            recommendations: Vec::new(),
        }
    }

    #[test]
    fn the_latest_value_is_said_against_the_target_in_the_themes_words() {
        let english = super::super::theme::english();
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
