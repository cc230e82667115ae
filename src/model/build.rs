//! Builds the `Plan` from content that has passed validation. Pure and infallible: anything that
//! could be wrong was reported by the validate stage.

use toml::Spanned;

use super::{default_statuses, Action, Date, Page, Plan, Priority, Sro, Status, Text, Tone};
use crate::load::format::{ActionEntry, PlanFile, PriorityFile, StatusEntry};
use crate::load::{Content, Loaded, PageSource};

/// Builds the plan. Returns `None` only if `plan.toml` is absent, which validation reports.
pub fn build(content: &Content) -> Option<Plan> {
    let plan = content.plan.as_ref()?;
    let file: &PlanFile = &plan.value;
    let mut priorities: Vec<Priority> = content.priorities.iter().map(priority).collect();
    priorities.sort_by_key(|p| (p.number, p.id.clone()));
    Some(Plan {
        organisation: file.organisation.clone(),
        title: file.title.clone(),
        vision: file.vision.clone(),
        introduction: Text {
            markdown: file.introduction.clone(),
            source: plan.source,
            offset: 0,
        },
        period: file.period.clone(),
        as_of: Date::from_toml(file.as_of.get_ref()).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        }),
        base_url: with_trailing_slash(file.base_url.get_ref()),
        language: file.language.clone(),
        theme: file.theme.get_ref().clone(),
        labels: file.labels.clone(),
        statuses: statuses(&file.statuses),
        sros: sros(content),
        priorities,
        pages: pages(&content.pages),
    })
}

fn with_trailing_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

fn statuses(entries: &[StatusEntry]) -> Vec<Status> {
    if entries.is_empty() {
        return default_statuses();
    }
    entries
        .iter()
        .map(|e| Status {
            id: e.id.get_ref().clone(),
            label: e.label.clone(),
            meaning: e.meaning.clone(),
            tone: Tone::parse(e.tone.get_ref()).unwrap_or(Tone::Neutral),
        })
        .collect()
}

fn sros(content: &Content) -> Vec<Sro> {
    let Some(file) = &content.sros else {
        return Vec::new();
    };
    file.value
        .sros
        .iter()
        .map(|s| Sro {
            id: s.id.get_ref().clone(),
            title: s.title.clone(),
            summary: Text {
                markdown: s.summary.clone(),
                source: file.source,
                offset: 0,
            },
        })
        .collect()
}

fn priority(loaded: &Loaded<PriorityFile>) -> Priority {
    let file = &loaded.value;
    let number = *file.number.get_ref();
    Priority {
        id: loaded.stem.clone(),
        number,
        title: file.title.clone(),
        workstream: file.workstream.clone(),
        trust_priority: file.trust_priority.clone(),
        sro: file.sro.get_ref().clone(),
        actions: file
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| action(a, format!("{number}.{}", i + 1), loaded.source))
            .collect(),
    }
}

fn action(entry: &ActionEntry, reference: String, source: usize) -> Action {
    let texts = |items: &[Spanned<String>]| items.iter().map(|t| text(t, source)).collect();
    Action {
        id: entry.id.get_ref().clone(),
        reference,
        title: entry.title.clone(),
        status: entry.status.get_ref().clone(),
        due: entry.due.as_ref().map(|d| d.get_ref().clone()),
        lead: entry.lead.clone(),
        achieve: texts(&entry.achieve),
        doing: texts(&entry.doing),
        families: texts(&entry.families),
        notes: entry.notes.as_ref().map(|n| text(n, source)),
    }
}

fn text(value: &Spanned<String>, source: usize) -> Text {
    Text {
        markdown: value.get_ref().clone(),
        source,
        offset: value.span().start,
    }
}

fn pages(pages: &[Loaded<PageSource>]) -> Vec<Page> {
    let mut pages: Vec<Page> = pages
        .iter()
        .map(|p| Page {
            slug: p.stem.clone(),
            title: p.value.front_matter.title.clone(),
            summary: p.value.front_matter.summary.clone(),
            order: p.value.front_matter.order,
            body: Text {
                markdown: p.value.body.clone(),
                source: p.source,
                offset: p.value.body_offset,
            },
        })
        .collect();
    // Ordered pages first, by order; the rest after them, by slug.
    pages.sort_by(|a, b| {
        (a.order.is_none(), a.order, &a.slug).cmp(&(b.order.is_none(), b.order, &b.slug))
    });
    pages
}
