//! Checks on progress over time: the plan period, the assurance vocabulary, each update's date and
//! the actions it touches, the evidence an assured action needs, milestones and the timeline.

use std::collections::HashMap;

use toml::value::Datetime;
use toml::Spanned;

use super::links::Reach;
use super::references::{check_action, check_known, first_use, Seen};
use super::{long_file_name, statuses_defined_in, Known};
use crate::diagnostics::{ContentError, Noun, PlanKind, Proof, Source};
use crate::load::format::{ActionUpdate, PlanFile};
use crate::load::Content;
use crate::model::{Date, Period, DEFAULT_ASSURANCE};

/// A TOML value that must be a date (no time of day). Reports it and gives `None` otherwise.
pub fn check_date(
    source: &Source,
    value: &Spanned<Datetime>,
    field: &'static str,
    errors: &mut Vec<ContentError>,
) -> Option<Date> {
    let date = Date::from_toml(value.get_ref()).filter(|_| value.get_ref().time.is_none());
    if date.is_none() {
        let kind = PlanKind::NotADate { field };
        errors.push(ContentError::at(source, value.span(), kind));
    }
    date
}

/// The plan period's dates, and the assurance levels with whether each needs evidence.
pub fn check_plan_period(
    source: &Source,
    file: &PlanFile,
    errors: &mut Vec<ContentError>,
) -> Option<Period> {
    let start = file
        .period_start
        .as_ref()
        .map(|d| check_date(source, d, "period_start", errors));
    let end = file
        .period_end
        .as_ref()
        .map(|d| check_date(source, d, "period_end", errors));
    if start.is_some_and(|d| d.is_none()) || end.is_some_and(|d| d.is_none()) {
        return None;
    }
    let derivable = crate::model::period_dates(&file.period).is_some();
    if (start.is_none() || end.is_none()) && !derivable {
        let period = file.period.clone();
        let kind = PlanKind::PeriodDatesUnknown { period };
        errors.push(ContentError::in_file(&source.path, kind));
        return None;
    }
    let period = crate::model::plan_period(file);
    if period.start > period.end {
        let span = file.period_end.as_ref().map_or(0..0, |d| d.span());
        errors.push(ContentError::at(
            source,
            span,
            PlanKind::PeriodEndsBeforeStart,
        ));
        return None;
    }
    Some(period)
}

/// The assurance levels the plan uses: (id, needs evidence).
pub fn check_assurance(
    source: &Source,
    file: &PlanFile,
    errors: &mut Vec<ContentError>,
) -> Vec<(String, bool)> {
    if file.assurance.is_empty() {
        return DEFAULT_ASSURANCE
            .iter()
            .map(|&(id, evidence)| (id.to_string(), evidence))
            .collect();
    }
    let mut seen = Seen::new("assurance");
    for level in &file.assurance {
        seen.check(source, &level.id, errors);
    }
    file.assurance
        .iter()
        .map(|a| (a.id.get_ref().clone(), a.requires_evidence))
        .collect()
}

/// Every update: its date in the plan period, the actions, statuses and assurance it names, the
/// evidence an assured action needs, and no action set twice on one date.
pub fn check_updates(
    content: &Content,
    known: &Known,
    reach: &Reach,
    errors: &mut Vec<ContentError>,
) {
    let mut set_on: HashMap<(&str, Date), (&Source, usize)> = HashMap::new();
    // The assurance levels' ids, for hints: listed once, not for each action an update moves.
    let level_ids: Vec<String> = known.assurance.map_or(Vec::new(), |levels| {
        levels.iter().map(|(id, _)| id.clone()).collect()
    });
    for update in &content.updates {
        let source = &content.sources[update.source];
        let front = &update.value.front_matter;
        if let Some(kind) = long_file_name(&update.stem) {
            errors.push(ContentError::in_file(&source.path, kind));
        }
        let Some(date) = check_date(source, &front.date, "date", errors) else {
            continue;
        };
        if let Some(period) = known.period {
            if !period.contains(date) {
                let kind = PlanKind::UpdateOutsidePeriod {
                    date: date.to_string(),
                    iso: date.iso(),
                    start: period.start.to_string(),
                    end: period.end.to_string(),
                };
                errors.push(ContentError::at(source, front.date.span(), kind));
            } else if !front.draft {
                after_report_date(content, source, front, date, errors);
            }
        }
        for change in &front.actions {
            check_action(source, &change.id, known.names, errors);
            if let Some(statuses) = known.statuses {
                check_known(
                    source,
                    &change.status,
                    statuses,
                    Noun::STATUS,
                    statuses_defined_in(content),
                    errors,
                );
            }
            if let Some(levels) = known.assurance {
                check_assured(source, change, (levels, &level_ids), errors);
            }
            for evidence in &change.evidence {
                check_evidence(reach, source, &evidence.url, errors);
            }
            for value in [&change.accepted_on, &change.next_review]
                .into_iter()
                .flatten()
            {
                check_date(source, value, "this", errors);
            }
            // "1.5" and the id of 1.5 are one action area.
            let name = change.id.get_ref();
            let key = (known.names.id(name).unwrap_or(name), date);
            // Where it was first set: the line is worked out only for an action set twice.
            if let Some((first, offset)) = set_on.get(&key) {
                let kind = PlanKind::UpdatedTwice {
                    action: change.id.get_ref().clone(),
                    date: date.to_string(),
                    first: first_use(first, *offset),
                };
                errors.push(ContentError::at(source, change.id.span(), kind));
            } else {
                set_on.insert(key, (source, change.id.span().start));
            }
        }
    }
}

/// Evidence is a web address, or a file published from `content/files/` (written from content/,
/// e.g. "files/audit.pdf"): never script, and never a file that is not there.
fn check_evidence(
    reach: &Reach,
    source: &Source,
    url: &Spanned<String>,
    errors: &mut Vec<ContentError>,
) {
    let address = url.get_ref();
    let web = crate::safe_html::is_web_address(address);
    let file = std::path::Path::new("content").join(address);
    let published = reach.has_attachment(&file);
    if !web && !published {
        let address = address.clone();
        let kind = PlanKind::EvidenceNotFound { address };
        errors.push(ContentError::at(source, url.span(), kind));
    }
}

/// An assurance level that needs proof must come with evidence, the accepting body and the date.
fn check_assured(
    source: &Source,
    change: &ActionUpdate,
    (levels, ids): (&[(String, bool)], &[String]),
    errors: &mut Vec<ContentError>,
) {
    let Some(assurance) = &change.assurance else {
        return;
    };
    check_known(
        source,
        assurance,
        ids,
        Noun::ASSURANCE_LEVEL,
        "the assurance list",
        errors,
    );
    let needs_proof = levels
        .iter()
        .any(|(id, needs)| *needs && id == assurance.get_ref());
    if !needs_proof {
        return;
    }
    let mut missing = Vec::new();
    if change.evidence.is_empty() {
        missing.push(Proof::Evidence);
    }
    if change
        .accepted_by
        .as_deref()
        .is_none_or(|b| b.trim().is_empty())
    {
        missing.push(Proof::AcceptedBy);
    }
    if change.accepted_on.is_none() {
        missing.push(Proof::AcceptedOn);
    }
    if !missing.is_empty() {
        let level = assurance.get_ref().clone();
        let kind = PlanKind::NeedsProof { level, missing };
        errors.push(ContentError::at(source, assurance.span(), kind));
    }
}

/// Milestones of actions and of the plan's timeline, and the timeline's phases.
pub fn check_milestones_and_timeline(content: &Content, errors: &mut Vec<ContentError>) {
    for priority in &content.priorities {
        let source = &content.sources[priority.source];
        for milestone in priority.value.actions.iter().flat_map(|a| &a.milestones) {
            super::check_due(source, &milestone.due, errors);
        }
    }
    let Some(timeline) = &content.timeline else {
        return;
    };
    let source = &content.sources[timeline.source];
    for milestone in &timeline.value.milestones {
        super::check_due(source, &milestone.due, errors);
    }
    for phase in &timeline.value.phases {
        let start = phase
            .start
            .as_ref()
            .and_then(|d| check_date(source, d, "start", errors));
        let end = phase
            .end
            .as_ref()
            .and_then(|d| check_date(source, d, "end", errors));
        if let (Some(start), Some(end), Some(span)) =
            (start, end, phase.end.as_ref().map(|d| d.span()))
        {
            if start > end {
                let title = phase.title.clone();
                let kind = PlanKind::PhaseEndsBeforeStart { title };
                errors.push(ContentError::at(source, span, kind));
            }
        }
    }
}

/// An update dated after the report date in plan.toml passes every check, and then the build
/// leaves it out: say so, and how to publish it (a draft is left out on purpose, so not for one).
fn after_report_date(
    content: &Content,
    source: &Source,
    front: &crate::load::format::UpdateFrontMatter,
    date: Date,
    errors: &mut Vec<ContentError>,
) {
    let Some(plan) = &content.plan else {
        return;
    };
    let Some((report_day, month_only)) = crate::model::report_date(plan.value.as_of.get_ref())
    else {
        return;
    };
    if date <= report_day {
        return;
    }
    let kind = PlanKind::UpdateAfterReportDate {
        date: date.iso(),
        report_date: crate::model::report_date_iso(report_day, month_only),
    };
    errors.push(ContentError::at(source, front.date.span(), kind));
}
