//! Checks on measures and risks: ids, links to priorities, actions and recommendations, values
//! inside the declared range and the plan period, and risk ratings on the scale.

use super::references::{check_known, Seen};
use super::Known;
use crate::diagnostics::{line_column, ContentError, Source};
use crate::load::format::MeasureEntry;
use crate::load::{Content, RawValue};
use crate::model::{number, period_range, Tone};

pub fn check_measures(content: &Content, known: &Known, errors: &mut Vec<ContentError>) {
    let Some(file) = &content.measures else {
        return;
    };
    let source = &content.sources[file.source];
    let priorities: Vec<String> = content.priorities.iter().map(|p| p.stem.clone()).collect();
    let actions: Vec<String> = content
        .priorities
        .iter()
        .flat_map(|p| p.value.actions.iter().map(|a| a.id.get_ref().clone()))
        .collect();
    let mut seen = Seen::new("measure");
    let no_values = Vec::new();
    for (i, measure) in file.value.measures.iter().enumerate() {
        seen.check(source, &measure.id, errors);
        if !matches!(measure.better.get_ref().as_str(), "higher" | "lower") {
            errors.push(
                ContentError::at(source, measure.better.span(), format!("better must be \"higher\" or \"lower\", not \"{}\"", measure.better.get_ref()))
                    .hint("say which direction of the measure is good news: better = \"higher\" or better = \"lower\""),
            );
        }
        for link in &measure.priorities {
            check_known(
                source,
                link,
                &priorities,
                ("priority", "priorities"),
                "content/priorities/",
                errors,
            );
        }
        for link in &measure.actions {
            check_known(
                source,
                link,
                &actions,
                ("action area", "action areas"),
                "content/priorities/",
                errors,
            );
        }
        for link in &measure.recommendations {
            if !known.recommendations.is_unparsed(link.get_ref()) {
                check_known(
                    source,
                    link,
                    &known.recommendations.references,
                    ("recommendation", "recommendations"),
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
    let row = row_note(source, value.value_span.start);
    match period_range(&value.period) {
        None => errors.push(
            ContentError::at(source, value.period_span.clone(), format!("{row}\"{}\" is not a period planpress can read", value.period))
                .hint("write a year (2023), a financial year (2023/24), a quarter (Q1 2024/25), a month (2024-05) or a day (2024-05-31)"),
        ),
        Some((start, end)) => {
            if let Some(plan) = period.filter(|p| end < p.start || start > p.end) {
                errors.push(
                    ContentError::at(source, value.period_span.clone(), format!("{row}{} is outside the plan period ({} to {})", value.period, plan.start, plan.end))
                        .hint("check the period; a value from before the plan belongs in baseline"),
                );
            }
        }
    }
    if let Some(range) = &measure.range {
        let [low, high] = *range.get_ref();
        if value.value < low || value.value > high {
            errors.push(
                ContentError::at(source, value.value_span.clone(), format!("{row}{} is outside the range of \"{}\" ({} to {})", number(value.value), measure.id.get_ref(), number(low), number(high)))
                    .hint("check for a typing mistake (a misplaced decimal point, a count instead of a rate)"),
            );
        }
    }
}

/// "row 4: " for CSV files, as a spreadsheet numbers the row; nothing for TOML.
fn row_note(source: &Source, offset: usize) -> String {
    if source.path.extension().is_some_and(|e| e == "csv") {
        format!("row {}: ", line_column(&source.text, offset).0)
    } else {
        String::new()
    }
}

pub fn check_risks(content: &Content, errors: &mut Vec<ContentError>) {
    let Some(file) = &content.risks else {
        return;
    };
    let source = &content.sources[file.source];
    let priorities: Vec<String> = content.priorities.iter().map(|p| p.stem.clone()).collect();
    let (likelihoods, impacts) = match &file.value.scale {
        Some(scale) => {
            for band in &scale.bands {
                if Tone::parse(band.tone.get_ref()).is_none() {
                    errors.push(
                        ContentError::at(
                            source,
                            band.tone.span(),
                            format!("unknown tone \"{}\"", band.tone.get_ref()),
                        )
                        .hint(format!("use one of: {}", Tone::NAMES.join(", "))),
                    );
                }
            }
            (scale.likelihood.len() as u32, scale.impact.len() as u32)
        }
        None => (5, 5),
    };
    let mut seen = Seen::new("risk");
    for risk in &file.value.risks {
        seen.check(source, &risk.id, errors);
        if let Some(priority) = &risk.priority {
            check_known(
                source,
                priority,
                &priorities,
                ("priority", "priorities"),
                "content/priorities/",
                errors,
            );
        }
        for (score, most, what) in [
            (&risk.likelihood, likelihoods, "likelihood"),
            (&risk.impact, impacts, "impact"),
        ] {
            if !(1..=most).contains(score.get_ref()) {
                errors.push(
                    ContentError::at(
                        source,
                        score.span(),
                        format!("{what} {} is not on the scale", score.get_ref()),
                    )
                    .hint(format!("rate {what} from 1 to {most}")),
                );
            }
        }
    }
}
