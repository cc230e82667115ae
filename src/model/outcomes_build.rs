//! Builds measures and risks from their content files.

use super::outcomes::{Band, Better, Measure, Risk, RiskScale, Value};
use super::{period_range, Date, Tone, Words};
use crate::load::format::{ScaleEntry, TargetEntry};
use crate::load::{Content, RawValue};

/// The measures, each with its values up to the report date, oldest first.
pub fn measures(content: &Content, as_of: Date, names: &super::ActionNames) -> Vec<Measure> {
    let Some(file) = &content.measures else {
        return Vec::new();
    };
    let ids = |list: &[toml::Spanned<String>]| list.iter().map(|s| s.get_ref().clone()).collect();
    file.value
        .measures
        .iter()
        .zip(
            content
                .measure_values
                .iter()
                .chain(std::iter::repeat(&Vec::new())),
        )
        .map(|(entry, raw)| {
            let mut values: Vec<Value> = raw
                .iter()
                .filter_map(value)
                .filter(|v| v.end <= as_of)
                .collect();
            values.sort_by_key(|v| v.end);
            Measure {
                id: entry.id.get_ref().clone(),
                place: super::Place {
                    source: file.source,
                    offset: entry.id.span().start,
                },
                name: entry.name.clone(),
                explanation: entry.explanation.clone(),
                unit: entry.unit.clone().unwrap_or_default(),
                better: entry
                    .better
                    .as_ref()
                    .and_then(|b| match b.get_ref().as_str() {
                        "higher" => Some(Better::Higher),
                        "lower" => Some(Better::Lower),
                        _ => None,
                    }),
                target: match &entry.target {
                    Some(TargetEntry::Figure(figure)) => Some(*figure),
                    _ => None,
                },
                target_words: match &entry.target {
                    Some(TargetEntry::Words(words)) => Some(words.clone()),
                    _ => None,
                },
                target_source: entry.target_source.clone(),
                baseline: entry
                    .baseline
                    .as_ref()
                    .and_then(|b| value(&crate::load::measure_value(b, file.source))),
                values,
                priorities: ids(&entry.priorities),
                actions: entry
                    .actions
                    .iter()
                    .map(|a| names.resolved(a.get_ref()))
                    .collect(),
                recommendations: ids(&entry.recommendations),
            }
        })
        .collect()
}

fn value(raw: &RawValue) -> Option<Value> {
    let (_, end) = period_range(&raw.period)?;
    Some(Value {
        period: raw.period.clone(),
        end,
        value: raw.value,
        numerator: raw.numerator,
        denominator: raw.denominator,
        source: raw.source_note.clone(),
        note: raw.note.clone(),
    })
}

/// The key risks, highest score first (ties, and risks the plan does not rate, in the order
/// written, after the rated ones), and the scale they are rated on.
/// A plan without a scale of its own gets the NHS's, named in `words`.
pub fn risks(content: &Content, words: &Words) -> (Vec<Risk>, RiskScale) {
    let Some(file) = &content.risks else {
        return (Vec::new(), RiskScale::nhs(words));
    };
    let scale = file
        .value
        .scale
        .as_ref()
        .map_or_else(|| RiskScale::nhs(words), scale);
    let text = |markdown: &toml::Spanned<String>| super::build::text(file, markdown);
    let mut risks: Vec<Risk> = file
        .value
        .risks
        .iter()
        .map(|r| Risk {
            id: r.id.get_ref().clone(),
            title: r.title.clone(),
            description: text(&r.description),
            priority: r.priority.as_ref().map(|p| p.get_ref().clone()),
            owner: r.owner.clone(),
            likelihood: r.likelihood.as_ref().map(|l| *l.get_ref()),
            impact: r.impact.as_ref().map(|i| *i.get_ref()),
            mitigation: r.mitigation.iter().map(text).collect(),
        })
        .collect();
    risks.sort_by_key(|r| std::cmp::Reverse(r.score()));
    (risks, scale)
}

fn scale(entry: &ScaleEntry) -> RiskScale {
    RiskScale {
        likelihood: entry.likelihood.clone(),
        impact: entry.impact.clone(),
        bands: entry
            .bands
            .iter()
            .map(|b| Band {
                min: b.min,
                label: b.label.clone(),
                tone: Tone::parse(b.tone.get_ref()).unwrap_or(Tone::Neutral),
            })
            .collect(),
    }
}
