//! The progress dashboard: counts and percentages by status per priority and per owner, as charts
//! with the same numbers in tables beside them.

use std::collections::HashMap;

use serde::Serialize;

use super::{Kind, Lists};
use crate::model::{Action, Plan};
use crate::render::charts::{pattern, stacked_bars, Bar};
use crate::render::page::{json, Extra};
use crate::render::search::Doc;
use crate::render::site::Site;
use crate::render::views::*;
use crate::render::OutputFile;

pub struct Dashboard;

impl Kind for Dashboard {
    fn make(&self, site: &Site, _: &Lists) {
        site.emit(dashboard_page(site));
    }

    /// Its numbers are the action areas', which a reader finds themselves.
    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    /// The print edition gives the counts on its progress page.
    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}

/// A row of a dashboard table: one priority or owner, its counts by status.
#[derive(Serialize)]
struct DashboardRow<'a> {
    label: String,
    /// Where the row's label links; none for the action areas the plan names no owner for.
    href: Option<String>,
    total: usize,
    overdue: usize,
    /// (count, percent) for each status in vocabulary order.
    cells: Vec<(usize, usize)>,
    counts: Vec<CountView<'a>>,
}

/// The progress dashboard: counts and percentages by status per priority and per owner, as
/// charts with the same numbers in tables beside them.
pub fn dashboard_page<'a>(site: &Site<'a>) -> Option<OutputFile> {
    let plan = site.plan;
    let by_priority: Vec<DashboardRow> = plan
        .priorities
        .iter()
        .map(|p| {
            dashboard_row(
                site,
                format!("{} {}", plan.labels.priority, p.number),
                Some(priority_href(&p.id)),
                p.actions.iter().collect(),
            )
        })
        .collect();
    let by_sro = by_owner(site);
    let all = dashboard_row(
        site,
        site.word("dashboard_all").to_string(),
        Some("index.html".into()),
        plan.actions().map(|(_, a)| a).collect(),
    );
    let assurance: Vec<(AssuranceView, usize)> = plan
        .assurance
        .iter()
        .map(|level| {
            (
                assurance_view(level),
                plan.actions()
                    .filter(|(_, a)| a.assurance == level.id)
                    .count(),
            )
        })
        .collect();
    let extra: Extra = vec![
        ("all", json(&all)),
        ("by_priority", json(&by_priority)),
        ("by_sro", json(&by_sro)),
        (
            "priority_chart",
            json(&chart(
                site,
                "chart-priorities",
                &chart_title(site, &plan.labels.priority.to_lowercase()),
                &by_priority,
            )),
        ),
        (
            "sro_chart",
            json(&chart(
                site,
                "chart-sros",
                &chart_title(site, &plan.labels.sro),
                &by_sro,
            )),
        ),
        ("assurance_counts", json(&assurance)),
    ];
    site.page("dashboard.html", "dashboard.html", "", extra)
}

/// A row per owner, with the action areas they answer for, and a last row for those the plan
/// names no owner for, if any. None when the plan names no owner at all.
fn by_owner<'a>(site: &Site<'a>) -> Vec<DashboardRow<'a>> {
    let plan = site.plan;
    if plan.sros.is_empty() {
        return Vec::new();
    }
    let mut owned: HashMap<&str, Vec<&Action>> = HashMap::new();
    let mut no_owner = Vec::new();
    for (p, a) in plan.actions() {
        let owners = plan.owners_of(p, a);
        if owners.is_empty() {
            no_owner.push(a);
        }
        for id in owners {
            owned.entry(id).or_default().push(a);
        }
    }
    let mut rows: Vec<DashboardRow> = plan
        .sros
        .iter()
        .map(|s| {
            let actions = owned.remove(s.id.as_str()).unwrap_or_default();
            dashboard_row(site, s.title.clone(), Some(sro_href(&s.id)), actions)
        })
        .collect();
    if !no_owner.is_empty() {
        let label = site.word("owner_not_named").to_string();
        rows.push(dashboard_row(site, label, None, no_owner));
    }
    rows
}

fn dashboard_row<'a>(
    site: &Site<'a>,
    label: String,
    href: Option<String>,
    actions: Vec<&'a Action>,
) -> DashboardRow<'a> {
    let plan = site.plan;
    let total = actions.len();
    let cells = plan
        .statuses
        .iter()
        .map(|s| {
            let n = actions.iter().filter(|a| a.status == s.id).count();
            (n, (n * 100).checked_div(total).unwrap_or(0))
        })
        .collect();
    DashboardRow {
        label,
        href,
        total,
        overdue: actions.iter().filter(|a| plan.is_overdue(a)).count(),
        cells,
        counts: counts(plan, actions.into_iter()),
    }
}

/// A dashboard chart's title, which screen readers read out: "Action areas by priority".
fn chart_title<'a>(site: &Site<'a>, group: &str) -> String {
    let actions = &site.plan.labels.actions;
    site.say(
        "dashboard_chart_by",
        &[("Actions", actions), ("group", group)],
    )
}

fn chart<'a>(site: &Site<'a>, id: &str, title: &str, rows: &[DashboardRow]) -> String {
    let tones: Vec<&str> = site.plan.statuses.iter().map(|s| s.tone.name()).collect();
    let bars: Vec<Bar> = rows
        .iter()
        .map(|r| Bar {
            label: r.label.clone(),
            segments: r
                .cells
                .iter()
                .zip(&tones)
                .enumerate()
                .map(|(place, (&(n, _), &tone))| (n, tone, pattern(place)))
                .collect(),
        })
        .collect();
    stacked_bars(id, title, &bars)
}
