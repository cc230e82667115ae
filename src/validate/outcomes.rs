//! Checks on measures and risks: ids, links to priorities, actions and recommendations, values
//! inside the declared range and the plan period, and risk ratings on the scale.

use super::references::{check_action, check_defined, Defined, Seen};
use super::Known;
use crate::diagnostics::{ContentError, Noun, OutcomeKind, Source};
use crate::load::format::MeasureEntry;
use crate::load::{Content, RawValue};
use crate::model::{number, period_range};

pub fn check_measures(content: &Content, known: &Known, errors: &mut Vec<ContentError>) {
    let Some(file) = &content.measures else {
        return;
    };
    let source = &content.sources[file.source];
    let priorities = Defined::new(content.priority_ids());
    let mut seen = Seen::new("measure");
    let no_values = Vec::new();
    for (i, measure) in file.value.measures.iter().enumerate() {
        seen.check(source, &measure.id, errors);
        // A plan may not say which way is better; when it does, it must be one of the two.
        if let Some(better) = &measure.better {
            if !matches!(better.get_ref().as_str(), "higher" | "lower") {
                let value = better.get_ref().clone();
                let kind = OutcomeKind::BetterNotDirection { value };
                errors.push(ContentError::at(source, better.span(), kind));
            }
        }
        for link in &measure.priorities {
            check_defined(
                source,
                link,
                &priorities,
                Noun::PRIORITY,
                "content/priorities/",
                errors,
            );
        }
        for link in &measure.actions {
            check_action(source, link, known.names, errors);
        }
        for link in &measure.recommendations {
            if !known.recommendations.is_unparsed(link.get_ref()) {
                check_defined(
                    source,
                    link,
                    &known.recommendations.references,
                    Noun::RECOMMENDATION,
                    "content/registers/",
                    errors,
                );
            }
        }
        if let Some(baseline) = &measure.baseline {
            check_value(
                content,
                measure,
                &crate::load::measure_value(baseline, file.source),
                None,
                errors,
            );
        }
        for value in content.measure_values.get(i).unwrap_or(&no_values) {
            check_value(content, measure, value, known.period, errors);
        }
    }
}

/// A value's period must be readable (and inside the plan period, except a baseline), and its
/// number inside the measure's range.
fn check_value(
    content: &Content,
    measure: &MeasureEntry,
    value: &RawValue,
    period: Option<crate::model::Period>,
    errors: &mut Vec<ContentError>,
) {
    let source = &content.sources[value.source];
    let row = row(source, value.value_span.start);
    let period_text = || value.period.clone();
    match period_range(&value.period) {
        None => {
            let kind = OutcomeKind::PeriodUnreadable {
                row,
                period: period_text(),
            };
            errors.push(ContentError::at(source, value.period_span.clone(), kind));
        }
        Some((start, end)) => {
            if let Some(plan) = period.filter(|p| end < p.start || start > p.end) {
                let kind = OutcomeKind::OutsidePlanPeriod {
                    row,
                    period: period_text(),
                    start: plan.start.to_string(),
                    end: plan.end.to_string(),
                };
                errors.push(ContentError::at(source, value.period_span.clone(), kind));
            }
        }
    }
    if let Some(range) = &measure.range {
        let [low, high] = *range.get_ref();
        if value.value < low || value.value > high {
            let kind = OutcomeKind::OutsideRange {
                row,
                value: number(value.value),
                measure: measure.id.get_ref().clone(),
                low: number(low),
                high: number(high),
            };
            errors.push(ContentError::at(source, value.value_span.clone(), kind));
        }
    }
}

/// The row of a value from a CSV file, as a spreadsheet numbers it; none for TOML.
fn row(source: &Source, offset: usize) -> Option<usize> {
    let csv = source.path.extension().is_some_and(|e| e == "csv");
    csv.then(|| source.line_column(offset).0)
}

pub fn check_risks(content: &Content, errors: &mut Vec<ContentError>) {
    let Some(file) = &content.risks else {
        return;
    };
    let source = &content.sources[file.source];
    let priorities = Defined::new(content.priority_ids());
    let (likelihoods, impacts) = match &file.value.scale {
        Some(scale) => {
            for band in &scale.bands {
                super::check_tone(source, &band.tone, errors);
            }
            (scale.likelihood.len() as u32, scale.impact.len() as u32)
        }
        None => (5, 5),
    };
    let mut seen = Seen::new("risk");
    for risk in &file.value.risks {
        seen.check(source, &risk.id, errors);
        if let Some(priority) = &risk.priority {
            check_defined(
                source,
                priority,
                &priorities,
                Noun::PRIORITY,
                "content/priorities/",
                errors,
            );
        }
        // A risk the plan does not rate has no scores to check.
        let rated = [
            (&risk.likelihood, likelihoods, "likelihood"),
            (&risk.impact, impacts, "impact"),
        ];
        for (score, most, what) in rated
            .into_iter()
            .filter_map(|(score, most, what)| Some((score.as_ref()?, most, what)))
        {
            if !(1..=most).contains(score.get_ref()) {
                let score_value = *score.get_ref();
                let kind = OutcomeKind::NotOnScale {
                    what,
                    score: score_value,
                    most,
                };
                errors.push(ContentError::at(source, score.span(), kind));
            }
        }
    }
}
