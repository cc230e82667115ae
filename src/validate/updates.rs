//! Checks on progress over time: the plan period, the assurance vocabulary, each update's date and
//! the actions it touches, the evidence an assured action needs, milestones and the timeline.

use std::collections::HashMap;

use toml::value::Datetime;
use toml::Spanned;

use super::references::{check_known, Seen};
use super::{check_due, statuses_defined_in, Known};
use crate::diagnostics::{line_column, ContentError, Source};
use crate::load::format::{ActionUpdate, PlanFile};
use crate::load::Content;
use crate::model::{Date, Period, DEFAULT_ASSURANCE};

/// A TOML value that must be a date (no time of day). Reports it and gives `None` otherwise.
pub fn check_date(
    source: &Source,
    value: &Spanned<Datetime>,
    field: &str,
    errors: &mut Vec<ContentError>,
) -> Option<Date> {
    let date = Date::from_toml(value.get_ref()).filter(|_| value.get_ref().time.is_none());
    if date.is_none() {
        errors.push(
            ContentError::at(source, value.span(), format!("{field} must be a date")).hint(
                format!("write it as year-month-day without quotes, e.g. {field} = 2024-03-31"),
            ),
        );
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
    let derivable = crate::model::financial_year(&file.period).is_some();
    if (start.is_none() || end.is_none()) && !derivable {
        errors.push(
            ContentError::in_file(&source.path, format!("the dates of the period \"{}\" are not known", file.period))
                .hint("give period_start and period_end as dates, or write period as a financial year such as \"2023/24\""),
        );
        return None;
    }
    let period = crate::model::plan_period(file);
    if period.start > period.end {
        let span = file.period_end.as_ref().map_or(0..0, |d| d.span());
        errors.push(
            ContentError::at(source, span, "the plan period ends before it starts")
                .hint("period_end must be on or after period_start"),
        );
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
    actions: &Seen,
    errors: &mut Vec<ContentError>,
) {
    // A plan may have tens of thousands of actions: each id is looked up among those the
    // registers' check saw, and the list of them is made only for the hint of an unknown one.
    let mut listed: Option<Vec<String>> = None;
    let mut set_on: HashMap<(&str, Date), (&Source, usize)> = HashMap::new();
    for update in &content.updates {
        let source = &content.sources[update.source];
        let front = &update.value.front_matter;
        let Some(date) = check_date(source, &front.date, "date", errors) else {
            continue;
        };
        if let Some(period) = known.period {
            if !period.contains(date) {
                errors.push(
                    ContentError::at(source, front.date.span(), format!("this update is dated {date}, outside the plan period ({} to {})", period.start, period.end))
                        .hint("check the date; if the plan now runs longer, set period_end in content/plan.toml"),
                );
            }
        }
        for change in &front.actions {
            if !actions.contains(change.id.get_ref()) {
                let all = content.priorities.iter().flat_map(|p| &p.value.actions);
                let ids = || all.map(|a| a.id.get_ref().clone()).collect();
                let actions = listed.get_or_insert_with(ids);
                check_known(
                    source,
                    &change.id,
                    actions,
                    ("action area", "action areas"),
                    "content/priorities/",
                    errors,
                );
            }
            if let Some(statuses) = known.statuses {
                check_known(
                    source,
                    &change.status,
                    statuses,
                    ("status", "statuses"),
                    statuses_defined_in(content),
                    errors,
                );
            }
            check_assured(source, change, known.assurance, errors);
            for evidence in &change.evidence {
                check_evidence(content, source, &evidence.url, errors);
            }
            for value in [&change.accepted_on, &change.next_review]
                .into_iter()
                .flatten()
            {
                check_date(source, value, "this", errors);
            }
            let key = (change.id.get_ref().as_str(), date);
            // Where it was first set: the line is worked out only for an action set twice.
            if let Some((first, offset)) = set_on.get(&key) {
                let line = line_column(&first.text, *offset).0;
                let first = format!("{}:{line}", first.path.display());
                errors.push(
                    ContentError::at(source, change.id.span(), format!("\"{}\" is already updated on {date}", change.id.get_ref()))
                        .hint(format!("{first} sets it on the same date; put both notes in one update, or date them apart")),
                );
            } else {
                set_on.insert(key, (source, change.id.span().start));
            }
        }
    }
}

/// Evidence is a web address, or a file published from `content/files/` (written from content/,
/// e.g. "files/audit.pdf"): never script, and never a file that is not there.
fn check_evidence(
    content: &Content,
    source: &Source,
    url: &Spanned<String>,
    errors: &mut Vec<ContentError>,
) {
    let address = url.get_ref();
    let web = crate::safe_html::is_web_address(address);
    let file = std::path::Path::new("content").join(address);
    let published = content.attachments.iter().any(|(path, _)| *path == file);
    if !web && !published {
        errors.push(
            ContentError::at(source, url.span(), format!("the evidence address \"{address}\" is neither a web address nor a file in content/files/"))
                .hint("write a web address starting https://, or put the file in content/files/ and write files/name.pdf"),
        );
    }
}

/// An assurance level that needs proof must come with evidence, the accepting body and the date.
fn check_assured(
    source: &Source,
    change: &ActionUpdate,
    levels: &[(String, bool)],
    errors: &mut Vec<ContentError>,
) {
    let Some(assurance) = &change.assurance else {
        return;
    };
    let ids: Vec<String> = levels.iter().map(|(id, _)| id.clone()).collect();
    check_known(
        source,
        assurance,
        &ids,
        ("assurance level", "assurance levels"),
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
        missing.push("evidence = [{ title = \"…\", url = \"…\" }]");
    }
    if change
        .accepted_by
        .as_deref()
        .is_none_or(|b| b.trim().is_empty())
    {
        missing.push("accepted_by = \"the committee that accepted it\"");
    }
    if change.accepted_on.is_none() {
        missing.push("accepted_on = the date it was accepted");
    }
    if !missing.is_empty() {
        errors.push(
            ContentError::at(
                source,
                assurance.span(),
                format!(
                    "\"{}\" needs proof: evidence, who accepted it and when",
                    assurance.get_ref()
                ),
            )
            .hint(format!("add {}", missing.join(", and "))),
        );
    }
}

/// Milestones of actions and of the plan's timeline, and the timeline's phases.
pub fn check_milestones_and_timeline(content: &Content, errors: &mut Vec<ContentError>) {
    for priority in &content.priorities {
        let source = &content.sources[priority.source];
        for milestone in priority.value.actions.iter().flat_map(|a| &a.milestones) {
            check_due(source, &milestone.due, errors);
        }
    }
    let Some(timeline) = &content.timeline else {
        return;
    };
    let source = &content.sources[timeline.source];
    for milestone in &timeline.value.milestones {
        check_due(source, &milestone.due, errors);
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
                errors.push(
                    ContentError::at(
                        source,
                        span,
                        format!("\"{}\" ends before it starts", phase.title),
                    )
                    .hint("the end date must be on or after the start date"),
                );
            }
        }
    }
}
