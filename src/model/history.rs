//! Builds progress from updates: which updates count at the report date, each action's history
//! and current state, the plan period, and the timeline.

use super::build::{text, text_at};
use super::progress::{Change, Evidence, Milestone, Period, Phase, Timeline, Update};
use super::{Date, Quarter};
use crate::load::format::PlanFile;
use crate::load::{Content, Loaded, UpdateSource};

/// The updates dated on or before the report date, newest first (same day: by file name), and how
/// many were left out for being later.
pub fn updates(sources: &[Loaded<UpdateSource>], as_of: Date) -> (Vec<Update>, usize) {
    let mut updates: Vec<Update> = sources.iter().filter_map(update).collect();
    let before = updates.len();
    updates.retain(|u| u.date <= as_of);
    updates.sort_by(|a, b| (b.date, &b.slug).cmp(&(a.date, &a.slug)));
    let later = before - updates.len();
    (updates, later)
}

fn update(loaded: &Loaded<UpdateSource>) -> Option<Update> {
    let front = &loaded.value.front_matter;
    let date = |d: &toml::Spanned<toml::value::Datetime>| Date::from_toml(d.get_ref());
    Some(Update {
        slug: loaded.stem.clone(),
        date: date(&front.date)?,
        title: front.title.clone(),
        author: front.author.clone(),
        summary: front.summary.clone(),
        body: text_at(loaded, &loaded.value.body, loaded.value.body_offset),
        changes: front
            .actions
            .iter()
            .map(|c| Change {
                action: c.id.get_ref().clone(),
                status: c.status.get_ref().clone(),
                assurance: c.assurance.as_ref().map(|a| a.get_ref().clone()),
                note: text(loaded, &c.note),
                evidence: c
                    .evidence
                    .iter()
                    .map(|e| Evidence {
                        title: e.title.clone(),
                        url: e.url.get_ref().clone(),
                    })
                    .collect(),
                accepted_by: c.accepted_by.clone(),
                accepted_on: c.accepted_on.as_ref().and_then(date),
                next_review: c.next_review.as_ref().and_then(date),
            })
            .collect(),
    })
}

/// The plan period: as `plan.toml` gives it, or the financial year its `period` names.
pub fn period(file: &PlanFile) -> Period {
    let given = |d: &Option<toml::Spanned<toml::value::Datetime>>| {
        d.as_ref().and_then(|d| Date::from_toml(d.get_ref()))
    };
    let year = financial_year(&file.period);
    let start = given(&file.period_start).or(year.map(|q| q.start()));
    let end = given(&file.period_end).or(year.map(|q| Quarter { number: 4, ..q }.end()));
    let fallback = Date {
        year: 1970,
        month: 1,
        day: 1,
    };
    Period {
        start: start.unwrap_or(fallback),
        end: end.unwrap_or(fallback),
    }
}

/// Q1 of the financial year a period such as "2023/24" names.
pub fn financial_year(period: &str) -> Option<Quarter> {
    Quarter::parse(&format!("Q1 {period}"))
}

pub fn timeline(content: &Content) -> Timeline {
    let Some(file) = &content.timeline else {
        return Timeline::default();
    };
    let date = |d: &Option<toml::Spanned<toml::value::Datetime>>| {
        d.as_ref().and_then(|d| Date::from_toml(d.get_ref()))
    };
    Timeline {
        phases: file
            .value
            .phases
            .iter()
            .map(|p| Phase {
                title: p.title.clone(),
                summary: text(file, &p.summary),
                start: date(&p.start),
                end: date(&p.end),
            })
            .collect(),
        milestones: file
            .value
            .milestones
            .iter()
            .map(|m| Milestone {
                title: m.title.clone(),
                due: m.due.get_ref().clone(),
            })
            .collect(),
    }
}
