//! Builds progress from updates: which updates count at the report date, each action's history
//! and current state, the plan period, and the timeline.

use super::build::{text, text_at};
use super::progress::{
    Change, Evidence, HorizonMilestone, Milestone, Period, Phase, Timeline, Update,
};
use super::{ActionNames, Date, Horizon, Resolved};
use crate::load::format::PlanFile;
use crate::load::{Content, Loaded, UpdateSource};

/// The updates dated on or before the report date, newest first (same day: by file name), and how
/// many were left out for being later. Drafts are left out unless `drafts` (`serve` shows them),
/// and are not counted as later: they are not waiting for a report date, but for sign-off.
pub fn updates(
    sources: &[Loaded<UpdateSource>],
    as_of: Date,
    drafts: bool,
    names: &ActionNames,
) -> (Vec<Update>, usize) {
    let mut updates: Vec<Update> = sources
        .iter()
        .filter(|u| drafts || !u.value.front_matter.draft)
        .filter_map(|u| update(u, names))
        .collect();
    let before = updates.len();
    updates.retain(|u| u.date <= as_of);
    updates.sort_by(|a, b| (b.date, &b.slug).cmp(&(a.date, &a.slug)));
    let later = before - updates.len();
    (updates, later)
}

/// An update, each action area it moves named by its id, however the update named it.
fn update(loaded: &Loaded<UpdateSource>, names: &ActionNames) -> Option<Update> {
    let front = &loaded.value.front_matter;
    let date = |d: &toml::Spanned<toml::value::Datetime>| Date::from_toml(d.get_ref());
    Some(Update {
        slug: loaded.stem.clone(),
        date: date(&front.date)?,
        title: front.title.clone(),
        author: front.author.clone(),
        summary: front.summary.clone(),
        body: text_at(
            loaded,
            loaded.value.body.as_str().into(),
            loaded.value.body_offset,
        ),
        changes: front
            .actions
            .iter()
            .map(|c| Change {
                action: names.resolved(c.id.get_ref()),
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
        draft: front.draft,
    })
}

/// The plan period: as `plan.toml` gives it, or the days its `period` names ("2023/24",
/// "2017-18", "2021").
pub fn period(file: &PlanFile) -> Period {
    let given = |d: &Option<toml::Spanned<toml::value::Datetime>>| {
        d.as_ref().and_then(|d| Date::from_toml(d.get_ref()))
    };
    let named = period_dates(&file.period);
    let start = given(&file.period_start).or(named.map(|(start, _)| start));
    let end = given(&file.period_end).or(named.map(|(_, end)| end));
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

/// The first and last days a period such as "2023/24", "2017-18" or "2021" names.
pub fn period_dates(period: &str) -> Option<(Date, Date)> {
    match Horizon::parse(period)?.resolve(None) {
        Resolved::Range(start, end) => Some((start, end)),
        Resolved::Done | Resolved::Unresolved => None,
    }
}

/// The plan's phases and milestones; a span of months counts from the plan's `start`.
pub fn timeline(content: &Content, start: Date, names: &ActionNames) -> Timeline {
    let horizons = horizon_milestones(content, start, names);
    let Some(file) = &content.timeline else {
        return Timeline {
            horizons,
            ..Timeline::default()
        };
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
        horizons,
    }
}

/// Where a horizon as written falls, a span of months counted from `start`.
pub fn resolve(horizon: &str, start: Date) -> Resolved {
    Horizon::parse(horizon).map_or(Resolved::Unresolved, |h| h.resolve(Some(start)))
}

/// The milestones of `content/milestones.toml`, in the order the plan gives them.
fn horizon_milestones(
    content: &Content,
    start: Date,
    names: &ActionNames,
) -> Vec<HorizonMilestone> {
    let Some(file) = &content.milestones else {
        return Vec::new();
    };
    let id = |s: &toml::Spanned<String>| s.get_ref().clone();
    file.value
        .milestones
        .iter()
        .map(|m| HorizonMilestone {
            title: m.title.clone(),
            text: text(file, &m.text),
            horizon: m.horizon.get_ref().clone(),
            when: resolve(m.horizon.get_ref(), start),
            priority: m.priority.as_ref().map(id),
            actions: m
                .actions
                .iter()
                .map(|a| names.resolved(a.get_ref()))
                .collect(),
            status: m.status.as_ref().map(id),
        })
        .collect()
}
