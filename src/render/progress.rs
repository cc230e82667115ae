//! Pages about progress over time: the updates and one page each, the Atom feed, the timeline by
//! quarter, the progress dashboard, and what changed in the latest update. Everything that depends
//! on time is measured against the plan's report date.

use serde::Serialize;

use super::charts::{stacked_bars, Bar};
use super::say::{say, word, Words};
use super::views::*;
use super::{json, Extra, OutputFile, Renderer};
use crate::model::{due_date, Action, Date, Plan, Quarter, Update};

/// An action area an update changed, with its status before and after.
#[derive(Serialize)]
struct ChangeView<'a> {
    reference: &'a str,
    title: &'a str,
    href: String,
    from: StatusView<'a>,
    to: StatusView<'a>,
    assurance: Option<AssuranceView<'a>>,
    note: String,
    evidence: Vec<EvidenceView<'a>>,
    accepted_by: Option<&'a str>,
    accepted_on: Option<DateView>,
}

#[derive(Serialize)]
struct UpdateView<'a> {
    slug: &'a str,
    title: &'a str,
    author: &'a str,
    summary: &'a str,
    date: DateView,
    href: String,
    changes: Vec<ChangeView<'a>>,
}

/// Something due in a quarter: an action's due date or a milestone.
#[derive(Serialize)]
struct DueItem<'a> {
    what: String,
    href: Option<String>,
    due: &'a str,
    status: Option<StatusView<'a>>,
    overdue: bool,
}

#[derive(Serialize)]
struct QuarterView<'a> {
    title: String,
    id: String,
    current: bool,
    items: Vec<DueItem<'a>>,
}

/// A row of a dashboard table: one priority or owner, its counts by status.
#[derive(Serialize)]
struct DashboardRow<'a> {
    label: String,
    href: String,
    total: usize,
    overdue: usize,
    /// (count, percent) for each status in vocabulary order.
    cells: Vec<(usize, usize)>,
    counts: Vec<CountView<'a>>,
}

impl<'a> Renderer<'a> {
    pub(super) fn history_views(&self, action: &'a Action) -> Vec<HistoryView<'a>> {
        let plan = self.plan;
        action
            .history
            .iter()
            .map(|entry| {
                let update = &plan.updates[entry.update];
                HistoryView {
                    date: self.date(entry.date),
                    update_title: &update.title,
                    update_href: update_href(&update.slug),
                    status: status_view(plan.status(&entry.status)),
                    previous_status: status_view(plan.status(&entry.previous_status)),
                    assurance: assurance_view(plan.assurance(&entry.assurance)),
                    note: self.markdown(&entry.note, "../", true),
                    evidence: self.evidence(&entry.evidence, "../"),
                    accepted_by: entry.accepted_by.as_deref(),
                    accepted_on: entry.accepted_on.map(|d| self.date(d)),
                }
            })
            .collect()
    }

    pub(super) fn milestone_views(&self, action: &'a Action) -> Vec<MilestoneView<'a>> {
        action
            .milestones
            .iter()
            .map(|m| MilestoneView {
                title: &m.title,
                due: &m.due,
                overdue: self.is_past(&m.due) && !self.plan.is_done(action),
            })
            .collect()
    }

    fn is_past(&self, due: &str) -> bool {
        due_date(due).is_some_and(|d| d < self.plan.as_of)
    }

    fn evidence(
        &self,
        evidence: &'a [crate::model::Evidence],
        root: &str,
    ) -> Vec<EvidenceView<'a>> {
        evidence
            .iter()
            .map(|e| {
                // Validation allows only web addresses and published files; never link anything else.
                let web = crate::safe_html::is_web_address(&e.url);
                let href = if web {
                    e.url.clone()
                } else if crate::safe_html::is_unsafe_url(&e.url) {
                    "#".to_string()
                } else {
                    format!("{root}{}", e.url.trim_start_matches('/'))
                };
                EvidenceView {
                    title: &e.title,
                    href,
                }
            })
            .collect()
    }

    fn update_view(&self, update: &'a Update, index: usize, root: &str) -> UpdateView<'a> {
        let plan = self.plan;
        let changes = update
            .changes
            .iter()
            .filter_map(|change| {
                let (_, action) = plan.action(&change.action)?;
                let entry = action.history.iter().find(|h| h.update == index)?;
                Some(ChangeView {
                    reference: &action.reference,
                    title: &action.title,
                    href: action_href(&action.id),
                    from: status_view(plan.status(&entry.previous_status)),
                    to: status_view(plan.status(&entry.status)),
                    assurance: change
                        .assurance
                        .as_ref()
                        .map(|a| assurance_view(plan.assurance(a))),
                    note: self.markdown(&change.note, root, true),
                    evidence: self.evidence(&change.evidence, root),
                    accepted_by: change.accepted_by.as_deref(),
                    accepted_on: change.accepted_on.map(|d| self.date(d)),
                })
            })
            .collect();
        UpdateView {
            slug: &update.slug,
            title: &update.title,
            author: &update.author,
            summary: &update.summary,
            date: self.date(update.date),
            href: update_href(&update.slug),
            changes,
        }
    }

    /// What the latest update changed, for the home page (links from the top of the site).
    pub(super) fn latest_changes(&self) -> tera::Value {
        let latest = self
            .plan
            .latest_update()
            .map(|u| self.update_view(u, 0, ""));
        json(&latest)
    }

    /// The updates list, a page per update, and the Atom feed. No updates: none of these.
    pub(super) fn update_pages(&self) -> Vec<OutputFile> {
        let plan = self.plan;
        if plan.updates.is_empty() {
            return Vec::new();
        }
        let mut files = Vec::new();
        let list: Vec<UpdateView> = plan
            .updates
            .iter()
            .enumerate()
            .map(|(i, u)| self.update_view(u, i, ""))
            .collect();
        files.extend(self.page(
            "updates.html",
            "updates.html",
            "",
            vec![("updates", json(&list))],
        ));
        for (i, update) in plan.updates.iter().enumerate() {
            let view = self.update_view(update, i, "../");
            let body = self.markdown(&update.body, "../", false);
            let extra: Extra = vec![("update", json(&view)), ("body", json(&body))];
            files.extend(self.page("update.html", &view.href, "../", extra));
        }
        files.extend(self.feed(&list));
        files
    }

    fn feed(&self, updates: &[UpdateView]) -> Option<OutputFile> {
        let mut context = tera::Context::new();
        context.insert("site", self.contexts.site());
        context.insert("base_url", &self.plan.base_url);
        context.insert("updates", updates);
        context.insert("updated", &updates.first().map(|u| &u.date.iso));
        self.render("feed.xml", &context).map(|xml| OutputFile {
            path: "feed.xml".into(),
            bytes: xml.into_bytes().into(),
        })
    }

    /// The timeline: the plan's phases and milestones, then a section per quarter of the period
    /// (and before and after it) with what is due, overdue and done marked in words.
    pub(super) fn timeline_page(&self) -> Option<OutputFile> {
        self.page(
            "timeline.html",
            "timeline.html",
            "",
            self.timeline_context(),
        )
    }

    /// What the timeline shows, for its page and for the print edition.
    pub(super) fn timeline_context(&self) -> Extra<'a> {
        let plan = self.plan;
        let mut items: Vec<(Date, DueItem)> = Vec::new();
        let mut undated = Vec::new();
        for (_, action) in plan.actions() {
            let status = Some(status_view(plan.status(&action.status)));
            let href = Some(action_href(&action.id));
            let item = |what: String, due: &'a str, overdue| DueItem {
                what,
                href: href.clone(),
                due,
                status: status.clone(),
                overdue,
            };
            let what = format!("{} {}", action.reference, action.title);
            match action
                .due
                .as_deref()
                .and_then(|d| due_date(d).map(|date| (d, date)))
            {
                Some((due, date)) => items.push((date, item(what, due, plan.is_overdue(action)))),
                None => undated.push(item(what, "", false)),
            }
            for m in &action.milestones {
                if let Some(date) = due_date(&m.due) {
                    let overdue = date < plan.as_of && !plan.is_done(action);
                    items.push((
                        date,
                        item(
                            format!("{}: {}", action.reference, m.title),
                            &m.due,
                            overdue,
                        ),
                    ));
                }
            }
        }
        for m in &plan.timeline.milestones {
            if let Some(date) = due_date(&m.due) {
                items.push((
                    date,
                    DueItem {
                        what: m.title.clone(),
                        href: None,
                        due: &m.due,
                        status: None,
                        overdue: false,
                    },
                ));
            }
        }
        items.sort_by_key(|(date, _)| *date);
        let quarters = quarters(plan, &self.theme.words, items);
        let phases: Vec<_> = plan
            .timeline
            .phases
            .iter()
            .map(|p| {
                serde_json::json!({
                    "title": p.title,
                    "summary": self.markdown(&p.summary, "", true),
                    "start": p.start.map(|d| self.date(d)),
                    "end": p.end.map(|d| self.date(d)),
                })
            })
            .collect();
        let extra: Extra = vec![
            ("phases", json(&phases)),
            ("quarters", json(&quarters)),
            ("undated", json(&undated)),
            ("period_start", json(&self.date(plan.dates.start))),
            ("period_end", json(&self.date(plan.dates.end))),
        ];
        extra
    }

    /// The progress dashboard: counts and percentages by status per priority and per owner, as
    /// charts with the same numbers in tables beside them.
    pub(super) fn dashboard_page(&self) -> Option<OutputFile> {
        let plan = self.plan;
        let by_priority: Vec<DashboardRow> = plan
            .priorities
            .iter()
            .map(|p| {
                self.dashboard_row(
                    format!("{} {}", plan.labels.priority, p.number),
                    priority_href(&p.id),
                    p.actions.iter().collect(),
                )
            })
            .collect();
        let by_sro: Vec<DashboardRow> = plan
            .sros
            .iter()
            .map(|s| {
                let actions = plan
                    .priorities
                    .iter()
                    .filter(|p| p.sro == s.id)
                    .flat_map(|p| &p.actions)
                    .collect();
                self.dashboard_row(s.title.clone(), sro_href(&s.id), actions)
            })
            .collect();
        let all = self.dashboard_row(
            self.word("dashboard_all").to_string(),
            "index.html".into(),
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
                json(&self.chart(
                    "chart-priorities",
                    &self.chart_title(&plan.labels.priority.to_lowercase()),
                    &by_priority,
                )),
            ),
            (
                "sro_chart",
                json(&self.chart("chart-sros", &self.chart_title(&plan.labels.sro), &by_sro)),
            ),
            ("assurance_counts", json(&assurance)),
        ];
        self.page("dashboard.html", "dashboard.html", "", extra)
    }

    fn dashboard_row(
        &self,
        label: String,
        href: String,
        actions: Vec<&'a Action>,
    ) -> DashboardRow<'a> {
        let plan = self.plan;
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
    fn chart_title(&self, group: &str) -> String {
        let actions = &self.plan.labels.actions;
        self.say(
            "dashboard_chart_by",
            &[("actions", actions), ("group", group)],
        )
    }

    fn chart(&self, id: &str, title: &str, rows: &[DashboardRow]) -> String {
        let tones: Vec<&str> = self.plan.statuses.iter().map(|s| s.tone.name()).collect();
        let bars: Vec<Bar> = rows
            .iter()
            .map(|r| Bar {
                label: r.label.clone(),
                segments: r
                    .cells
                    .iter()
                    .zip(&tones)
                    .map(|(&(n, _), &tone)| (n, tone))
                    .collect(),
            })
            .collect();
        stacked_bars(id, title, &bars)
    }
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
