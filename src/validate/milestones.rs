//! Checks on when things fall: the report date (a day, or a month when the plan gives no day),
//! and the milestones of `content/milestones.toml`: a horizon the timeline cannot place is a
//! warning (the page lists it apart), a priority, action area or status it names must exist.

use toml::Spanned;

use super::references::{check_action, check_defined, check_known, Defined};
use super::{statuses_defined_in, Known};
use crate::diagnostics::{ContentError, Noun, PlanKind, Source};
use crate::load::format::ReportDate;
use crate::load::Content;
use crate::model::{report_date, Horizon};

/// `as_of` must be a day (a TOML date with no time) or a month in words.
pub fn check_report_date(
    source: &Source,
    as_of: &Spanned<ReportDate>,
    errors: &mut Vec<ContentError>,
) {
    if report_date(as_of.get_ref()).is_some() {
        return;
    }
    let kind = match as_of.get_ref() {
        ReportDate::Day(_) => PlanKind::NotADate { field: "as_of" },
        ReportDate::Month(text) => PlanKind::NotAReportDate { text: text.clone() },
    };
    errors.push(ContentError::at(source, as_of.span(), kind));
}

/// A horizon the timeline cannot place: warned of, since the page still lists it. (A span of
/// months always has the plan's start to count from: `check_plan_period` insists on one.)
pub fn check_horizon(source: &Source, horizon: &Spanned<String>, errors: &mut Vec<ContentError>) {
    let text = horizon.get_ref();
    if Horizon::parse(text).is_none() {
        let kind = PlanKind::HorizonUnplaced { text: text.clone() };
        errors.push(ContentError::at(source, horizon.span(), kind));
    }
}

/// Each milestone of `content/milestones.toml`: its horizon, and the ids it names.
pub fn check_milestones(content: &Content, known: &Known, errors: &mut Vec<ContentError>) {
    let Some(file) = &content.milestones else {
        return;
    };
    let source = &content.sources[file.source];
    let priorities = Defined::new(content.priority_ids());
    for milestone in &file.value.milestones {
        check_horizon(source, &milestone.horizon, errors);
        if let Some(priority) = &milestone.priority {
            let (noun, place) = (Noun::PRIORITY, "content/priorities/");
            check_defined(source, priority, &priorities, noun, place, errors);
        }
        if let (Some(status), Some(statuses)) = (&milestone.status, known.statuses) {
            let place = statuses_defined_in(content);
            check_known(source, status, statuses, Noun::STATUS, place, errors);
        }
        for action in &milestone.actions {
            check_action(source, action, known.names, errors);
        }
    }
}
