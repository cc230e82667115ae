//! The timeline: the plan's phases and milestones, then a section per quarter of the period (and
//! before and after it) with what is due, overdue and done marked in words. The print edition shows
//! it too.

use serde::Serialize;

use super::{Kind, Lists};
use crate::model::{resolve, Date, Plan, Quarter, Resolved};
use crate::render::page::{json, Extra};
use crate::render::say::{say, word, Words};
use crate::render::search::Doc;
use crate::render::site::Site;
use crate::render::views::milestones::{horizon_item, months_named, DueItem};
use crate::render::views::*;

pub struct Timeline;

impl Kind for Timeline {
    fn make(&self, site: &Site, _: &Lists) {
        let values = values(site, "");
        site.emit(site.page("timeline.html", "timeline.html", "", values));
    }

    /// A reader finds what is due through the action areas themselves.
    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, site: &Site, _: &Lists, values: &mut Extra) {
        // The print edition sits one folder down: links in the plan's words reach up a level.
        values.extend(self::values(site, "../"));
    }
}

/// Where each item falls: placed by the last day of its range, done, or not placeable.
#[derive(Default)]
struct Placed<'a> {
    dated: Vec<(Date, DueItem<'a>)>,
    done: Vec<DueItem<'a>>,
    unplaced: Vec<DueItem<'a>>,
}

impl<'a> Placed<'a> {
    fn add(&mut self, when: Resolved, item: DueItem<'a>) {
        match when {
            Resolved::Range(_, end) => self.dated.push((end, item)),
            Resolved::Done => self.done.push(item),
            Resolved::Unresolved => self.unplaced.push(item),
        }
    }
}

#[derive(Serialize)]
struct QuarterView<'a> {
    title: String,
    id: String,
    current: bool,
    items: Vec<DueItem<'a>>,
}

/// What the timeline shows, for its page and for the print edition, on a page at `root`.
fn values<'a>(site: &Site<'a>, root: &str) -> Extra {
    let plan = site.plan;
    let start = plan.dates.start;
    let mut placed = Placed::default();
    let mut undated = Vec::new();
    for (_, action) in plan.actions() {
        let status = Some(status_view(plan.status(&action.status)));
        let href = Some(action_href(&action.id));
        let item = |what: String, due: &'a str, overdue| DueItem {
            what,
            href: href.clone(),
            due,
            when: None,
            text: None,
            status: status.clone(),
            overdue,
        };
        let what = format!("{} {}", action.reference, action.title);
        match action.due.as_deref() {
            Some(due) => {
                let when = resolve(due, start);
                let item = DueItem {
                    when: months_named(site, due, when),
                    ..item(what, due, plan.is_overdue(action))
                };
                placed.add(when, item);
            }
            None => undated.push(item(what, "", false)),
        }
        for m in &action.milestones {
            let when = resolve(&m.due, start);
            let ended = matches!(when, Resolved::Range(_, end) if end < plan.as_of);
            let overdue = ended && !plan.is_done(action);
            let what = format!("{}: {}", action.reference, m.title);
            let item = DueItem {
                when: months_named(site, &m.due, when),
                ..item(what, &m.due, overdue)
            };
            placed.add(when, item);
        }
    }
    for m in &plan.timeline.milestones {
        let when = resolve(&m.due, start);
        let item = DueItem {
            what: m.title.clone(),
            href: None,
            due: &m.due,
            when: months_named(site, &m.due, when),
            text: None,
            status: None,
            overdue: false,
        };
        placed.add(when, item);
    }
    for m in &plan.timeline.horizons {
        placed.add(m.when, horizon_item(site, m, root));
    }
    placed.dated.sort_by_key(|(date, _)| *date);
    let quarters = quarters(plan, &site.theme.words, placed.dated);
    let phases: Vec<_> = plan
        .timeline
        .phases
        .iter()
        .map(|p| {
            serde_json::json!({
                "title": p.title,
                "summary": site.markdown(&p.summary, root, true),
                "start": p.start.map(|d| site.date(d)),
                "end": p.end.map(|d| site.date(d)),
            })
        })
        .collect();
    let extra: Extra = vec![
        ("phases", json(&phases)),
        ("quarters", json(&quarters)),
        ("undated", json(&undated)),
        ("done", json(&placed.done)),
        ("unplaced", json(&placed.unplaced)),
        ("period_start", json(&site.date(plan.dates.start))),
        ("period_end", json(&site.date(plan.dates.end))),
    ];
    extra
}

/// The quarters of the plan period, with the items due in each; items before or after the period
/// go in sections of their own. The quarter holding the report date is marked as current.
fn quarters<'a>(
    plan: &Plan,
    words: &Words,
    items: Vec<(Date, DueItem<'a>)>,
) -> Vec<QuarterView<'a>> {
    let first = Quarter::of(plan.dates.start);
    let last = Quarter::of(plan.dates.end);
    let current = Quarter::of(plan.as_of);
    let mut sections = vec![QuarterView {
        title: word(words, "timeline_before_period").to_string(),
        id: "before".into(),
        current: false,
        items: Vec::new(),
    }];
    let mut quarter = first;
    let mut index = Vec::new();
    while quarter <= last {
        index.push(quarter);
        sections.push(QuarterView {
            title: say(
                words,
                "timeline_quarter",
                &[
                    ("number", &quarter.number.to_string()),
                    ("year", &quarter.financial_year()),
                ],
            ),
            id: format!("q{}-{}", quarter.number, quarter.year),
            current: quarter == current,
            items: Vec::new(),
        });
        quarter = quarter.next();
    }
    sections.push(QuarterView {
        title: word(words, "timeline_after_period").to_string(),
        id: "after".into(),
        current: current > last,
        items: Vec::new(),
    });
    for (date, item) in items {
        let q = Quarter::of(date);
        let slot = if q < first {
            0
        } else if q > last {
            sections.len() - 1
        } else {
            1 + index.iter().position(|&x| x == q).unwrap_or(0)
        };
        sections[slot].items.push(item);
    }
    sections.retain(|s| !s.items.is_empty() || s.id.starts_with('q') || s.current);
    sections
}
