//! The measures of whether the plan is working: a page listing them and a page for each (the latest
//! value in words, a trend chart with the same values in a table).

use serde::Serialize;

use super::{Kind, Lists};
use crate::model::{number, Better, Measure, Plan, Standing, Trend, Value};
use crate::render::charts::{line_chart, Point};
use crate::render::page::{json, Extra, Page};
use crate::render::say::{word, Words};
use crate::render::search::Doc;
use crate::render::site::Site;
use crate::render::views::outcomes::{in_words, measure_href};
use crate::render::views::*;

pub struct Measures;

impl Kind for Measures {
    fn make(&self, site: &Site, _: &Lists) {
        let plan = site.plan;
        if plan.measures.is_empty() {
            return;
        }
        let views: Vec<MeasureView> = plan
            .measures
            .iter()
            .map(|m| measure_view(site, m))
            .collect();
        let list = vec![("measures", json(&views))];
        site.emit(site.page("measures.html", "measures.html", "", list));
        for (view, made_from) in views.iter().zip(&plan.measures) {
            let extra = vec![("measure", json(view))];
            let page = Page::new("measure.html", &view.href, "../").from(made_from.place);
            site.emit(site.make(page, extra));
        }
    }

    fn search<'p>(&self, plan: &'p Plan, docs: &mut Vec<Doc<'p>>) {
        for measure in &plan.measures {
            docs.push(Doc {
                title: measure.name.clone(),
                url: measure_href(&measure.id),
                kind: "measure",
                status: None,
                line: None,
                texts: vec![&measure.explanation],
            });
        }
    }

    fn print(&self, site: &Site, _: &Lists, values: &mut Extra) {
        let words = &site.theme.words;
        let measures: Vec<_> = site
            .plan
            .measures
            .iter()
            .map(|m| serde_json::json!({ "name": m.name, "explanation": m.explanation, "words": in_words(words, m), "href": measure_href(&m.id) }))
            .collect();
        values.push(("measures", json(&measures)));
    }
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
struct MeasureView<'a> {
    id: &'a str,
    name: &'a str,
    href: String,
    explanation: &'a str,
    words: String,
    trend: &'a str,
    standing: &'static str,
    /// Which way is better, in words; `None` for a measure with no values yet whose plan does
    /// not say (nothing then to call better or worse).
    better: Option<&'a str>,
    /// Stated in words only so far: the page says its figures are not yet published.
    words_only: bool,
    target: Option<String>,
    target_source: Option<&'a str>,
    baseline: Option<ValueView<'a>>,
    values: Vec<ValueView<'a>>,
    chart: Option<String>,
    priorities: Vec<(String, String)>,
    actions: Vec<StatusLink<'a>>,
    recommendations: Vec<(String, String)>,
}

fn trend_words<'w>(words: &'w Words, measure: &Measure) -> &'w str {
    match measure.trend() {
        Trend::Improving => word(words, "measure_trend_improving"),
        Trend::Worsening => word(words, "measure_trend_worsening"),
        Trend::Steady => word(words, "measure_trend_steady"),
        Trend::Unknown => "",
    }
}

fn measure_view<'a>(site: &Site<'a>, measure: &'a Measure) -> MeasureView<'a> {
    let plan = site.plan;
    let words: &'a Words = &site.theme.words;
    let value_view = |v: &'a Value| ValueView {
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
            (t, site.say("measure_chart_target", &[("target", &amount)]))
        });
        let title = site.say(
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
            Standing::NoDirection => "no-direction",
            Standing::Meets => "meets",
            Standing::Short => "short",
        },
        better: match measure.better {
            Some(Better::Higher) => Some(word(words, "measure_higher_better")),
            Some(Better::Lower) => Some(word(words, "measure_lower_better")),
            None if measure.values.is_empty() => None,
            None => Some(word(words, "measure_direction_not_stated")),
        },
        words_only: measure.is_words_only(),
        target: measure
            .target
            .map(|t| measure.amount(t))
            .or_else(|| measure.target_words.clone()),
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
            .map(|(_, a)| StatusLink::to(plan, a))
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
