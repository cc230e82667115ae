//! Builds the `Plan` from content that has passed validation. Pure and infallible: anything that
//! could be wrong was reported by the validate stage.

use std::sync::Arc;

use toml::Spanned;

use super::history as progress;
use super::{
    default_assurance, default_statuses, Answers, Assurance, Audience, Column, Date, Group, Labels,
    Narrative, OwnerKind, Page, Plan, Priority, Recommendation, Register, Section, Sro, Status,
    Text, Tone, Words,
};
use crate::load::format::{Holds, PlanFile, RegisterFile, ReportDate, SectionEntry, StatusEntry};
use crate::load::{string_start, Content, Loaded, PageSource};
use crate::markdown::Parsed;

/// Builds the plan as at its report date, or as at `as_of` when given (the command line's
/// `--as-of`), for the snapshot labelled `snapshot` if it is one, with draft updates if `drafts`,
/// with the theme's `words` naming what the plan leaves to the defaults; `names`, every action
/// area's names (an action area may be named by its id or its reference: each name becomes its
/// id here). Each priority may come from `reuse`. Returns `None` only if `plan.toml` is absent,
/// which validation reports.
pub fn build(
    content: &Content,
    names: super::ActionNames,
    as_of: Option<Date>,
    snapshot: Option<String>,
    drafts: bool,
    words: &Words,
    reuse: &dyn super::Reuse,
) -> Option<Plan> {
    let plan = content.plan.as_ref()?;
    let file: &PlanFile = &plan.value;
    let (report_day, month_only) = report_date(file.as_of.get_ref()).unwrap_or((
        Date {
            year: 1970,
            month: 1,
            day: 1,
        },
        false,
    ));
    // A date asked for on the command line is a day.
    let as_of_month_only = as_of.is_none() && month_only;
    let as_of = as_of.unwrap_or(report_day);
    let dates = progress::period(file);
    let assurance = assurance(&file.assurance, words);
    let (updates, later_updates) = progress::updates(&content.updates, as_of, drafts, &names);
    let statuses = statuses(&file.statuses, words);
    let start = super::priorities::Start {
        status: &statuses[0].id,
        assurance: &assurance[0].id,
    };
    let (priorities, action_index) = super::priorities::priorities(content, start, &updates, reuse);
    let mut registers: Vec<Register> = content.registers.iter().map(register).collect();
    registers.sort_by(|a, b| a.id.cmp(&b.id));
    let answers = answers(&priorities, &registers);
    let (risks, risk_scale) = super::outcomes_build::risks(content, words);
    let sros = sros(content);
    let sro_index = sros
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    Some(Plan {
        organisation: file.organisation.clone(),
        title: file.title.clone(),
        vision: file.vision.clone(),
        introduction: text(plan, &file.introduction),
        sections: sections(plan, &file.sections),
        columns: columns(file, words),
        period: file.period.clone(),
        dates,
        contact: file.contact.clone(),
        statement: super::trust::statement(&file.accessibility, as_of),
        next_update: super::trust::next_update(file, as_of),
        as_of,
        as_of_month_only,
        base_url: file
            .base_url
            .as_ref()
            .map(|u| with_trailing_slash(u.get_ref())),
        language: file.language.clone(),
        theme: file.theme.get_ref().clone(),
        labels: Labels::new(&file.labels, words),
        statuses,
        assurance,
        sros,
        priorities,
        registers,
        answers,
        pages: pages(&content.pages),
        updates,
        later_updates,
        timeline: progress::timeline(content, dates.start, &names),
        measures: super::outcomes_build::measures(content, as_of, &names),
        glossary: glossary(content),
        synonyms: synonyms(content),
        snapshot,
        snapshots: snapshots(content),
        risks,
        risk_scale,
        action_index,
        sro_index,
        names,
    })
}

/// The records of published snapshots, oldest first.
fn snapshots(content: &Content) -> Vec<crate::load::format::SnapshotRecord> {
    let mut records: Vec<_> = content.snapshots.iter().map(|s| s.value.clone()).collect();
    records.sort_by(|a, b| (&a.report_date, &a.label).cmp(&(&b.report_date, &b.label)));
    records
}

fn glossary(content: &Content) -> Vec<super::Term> {
    let Some(file) = &content.glossary else {
        return Vec::new();
    };
    let mut terms: Vec<super::Term> = file
        .value
        .terms
        .iter()
        .map(|t| super::Term {
            term: t.term.get_ref().clone(),
            expansion: t.expansion.clone(),
            meaning: t.meaning.clone(),
            expand: t.expand,
        })
        .collect();
    terms.sort_by_key(|t| t.term.to_lowercase());
    terms
}

/// Families' words from the glossary: its `[[words]]`, and each term's `also`.
fn synonyms(content: &Content) -> Vec<super::Synonym> {
    let Some(file) = &content.glossary else {
        return Vec::new();
    };
    let terms = file.value.terms.iter().map(|t| (t.term.get_ref(), &t.also));
    let words = file.value.words.iter().map(|w| (&w.word, &w.also));
    terms
        .chain(words)
        .filter(|(_, also)| !also.is_empty())
        .map(|(word, also)| super::Synonym {
            word: word.clone(),
            also: also.clone(),
        })
        .collect()
}

/// The report day, and whether the plan gives a month only (the day is then the month's last:
/// what is overdue is worked out as at the end of the month). `None` when it is neither.
pub fn report_date(value: &ReportDate) -> Option<(Date, bool)> {
    match value {
        ReportDate::Day(day) => Date::from_toml(day)
            .filter(|_| day.time.is_none())
            .map(|d| (d, false)),
        ReportDate::Month(text) => match super::Horizon::parse(text)? {
            super::Horizon::Day(day) => Some((day, false)),
            month @ super::Horizon::Month { .. } => match month.resolve(None) {
                super::Resolved::Range(_, last) => Some((last, true)),
                _ => None,
            },
            _ => None,
        },
    }
}

fn assurance(entries: &[crate::load::format::AssuranceEntry], words: &Words) -> Vec<Assurance> {
    if entries.is_empty() {
        return default_assurance(words);
    }
    entries
        .iter()
        .map(|e| Assurance {
            id: e.id.get_ref().clone(),
            label: e.label.clone(),
            meaning: e.meaning.clone(),
            requires_evidence: e.requires_evidence,
        })
        .collect()
}

fn with_trailing_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

fn statuses(entries: &[StatusEntry], words: &Words) -> Vec<Status> {
    if entries.is_empty() {
        return default_statuses(words);
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
        .entries()
        .map(|s| Sro {
            id: s.id.get_ref().clone(),
            place: super::Place {
                source: file.source,
                offset: s.id.span().start,
            },
            title: s.title.clone(),
            kind: s
                .kind
                .as_ref()
                .and_then(|k| OwnerKind::parse(k.get_ref()))
                .unwrap_or(OwnerKind::Role),
            chairs: s.chairs.clone(),
            summary: text(file, &s.summary),
        })
        .collect()
}

/// The column ids action areas write as fields of their own, in the order a plan that declares
/// no columns shows them.
pub const BUILT_IN_COLUMNS: [&str; 3] = ["achieve", "doing", "families"];

/// The plan's columns, or the three built-in ones headed by their labels.
fn columns(file: &PlanFile, words: &Words) -> Vec<Column> {
    if file.columns.is_empty() {
        let labels = Labels::new(&file.labels, words);
        let headings = [labels.achieve, labels.doing, labels.families];
        return BUILT_IN_COLUMNS
            .iter()
            .zip(headings)
            .map(|(id, heading)| Column {
                id: id.to_string(),
                heading,
                kinds: Vec::new(),
            })
            .collect();
    }
    file.columns
        .iter()
        .map(|c| Column {
            id: c.id.get_ref().clone(),
            heading: c.heading.clone(),
            kinds: c.kinds.iter().map(|k| k.get_ref().clone()).collect(),
        })
        .collect()
}

/// Named sections of text in the file `loaded`.
pub(super) fn sections<T>(loaded: &Loaded<T>, sections: &[SectionEntry]) -> Vec<Section> {
    sections
        .iter()
        .map(|s| Section {
            heading: s.heading.clone(),
            text: text(loaded, &s.text),
        })
        .collect()
}

/// A narrative text and its named sections in the file `loaded`.
pub(super) fn narrative<T, M: Clone + Into<Arc<str>>>(
    loaded: &Loaded<T>,
    text_: Option<&Spanned<M>>,
    sections_: &[SectionEntry],
) -> Narrative {
    Narrative {
        text: text_.map(|t| text(loaded, t)),
        sections: sections(loaded, sections_),
    }
}

/// A TOML string of Markdown in the file `loaded`, with the HTML its parse made. The model shares
/// a string the parse holds shared (`Arc<str>`: an action area's texts) and copies any other.
pub(super) fn text<T, M: Clone + Into<Arc<str>>>(loaded: &Loaded<T>, value: &Spanned<M>) -> Text {
    text_at(loaded, value.get_ref().clone().into(), string_start(value))
}

/// The Markdown `markdown` at `offset` in the file `loaded`, with the HTML its parse made.
pub(super) fn text_at<T>(loaded: &Loaded<T>, markdown: Arc<str>, offset: usize) -> Text {
    let parsed = loaded.markdown.get(offset).unwrap_or(&Parsed::EMPTY);
    Text {
        markdown,
        source: loaded.source,
        offset,
        style: parsed.style,
        html: parsed.html.clone(),
    }
}

fn register(loaded: &Loaded<RegisterFile>) -> Register {
    let file = &loaded.value;
    let id = &loaded.stem;
    Register {
        id: id.clone(),
        title: file.title.clone(),
        short_title: file.short_title.clone(),
        publisher: file.publisher.clone(),
        published: file.published.clone(),
        url: file.url.clone(),
        summary: text(loaded, &file.summary),
        item_label: file.item_label.clone(),
        item_label_plural: file.item_label_plural(),
        cited_only: file.holds == Holds::Cited,
        audiences: file
            .audiences
            .iter()
            .map(|a| Audience {
                id: a.id.get_ref().clone(),
                label: a.label.clone(),
                local: a.local,
            })
            .collect(),
        groups: file
            .groups
            .iter()
            .map(|g| Group {
                id: g.id.get_ref().clone(),
                title: g.title.clone(),
                parent: g.parent.as_ref().map(|p| p.get_ref().clone()),
            })
            .collect(),
        items: file
            .items
            .iter()
            .map(|item| Recommendation {
                reference: format!("{id}/{}", item.id.get_ref()),
                id: item.id.get_ref().clone(),
                place: super::Place {
                    source: loaded.source,
                    offset: item.id.span().start,
                },
                title: item.title.clone(),
                group: item.group.as_ref().map(|g| g.get_ref().clone()),
                audiences: item.audiences.iter().map(|a| a.get_ref().clone()).collect(),
                text: item.text.as_ref().map(|t| text(loaded, t)),
                facts: item
                    .facts
                    .iter()
                    .map(|f| (f.label.clone(), f.value.clone()))
                    .collect(),
            })
            .collect(),
    }
}

/// Resolves every priority's and action's references once, into maps both ways. The places are
/// taken in plan order, so a place listed already for a reference is the last one listed: a
/// recommendation answered by thousands of action areas is not searched for each.
fn answers(priorities: &[std::sync::Arc<Priority>], registers: &[Register]) -> Answers {
    let mut answers = Answers::default();
    for (r, register) in registers.iter().enumerate() {
        for (i, item) in register.items.iter().enumerate() {
            answers
                .recommendations
                .insert(item.reference.clone(), (r, i));
        }
    }
    for (p, priority) in priorities.iter().enumerate() {
        for reference in &priority.answers {
            let list = answers.by_priority.entry(reference.clone()).or_default();
            if list.last() != Some(&p) {
                list.push(p);
            }
        }
        for (a, action) in priority.actions.iter().enumerate() {
            for reference in &action.answers {
                let list = answers
                    .by_recommendation
                    .entry(reference.clone())
                    .or_default();
                if list.last() != Some(&(p, a)) {
                    list.push((p, a));
                }
            }
        }
    }
    answers
}

fn pages(pages: &[Loaded<PageSource>]) -> Vec<Page> {
    let mut pages: Vec<Page> = pages
        .iter()
        .map(|p| Page {
            slug: p.stem.clone(),
            title: p.value.front_matter.title.clone(),
            summary: p.value.front_matter.summary.clone(),
            order: p.value.front_matter.order,
            body: text_at(p, p.value.body.as_str().into(), p.value.body_offset),
        })
        .collect();
    // Ordered pages first, by order; the rest after them, by slug.
    pages.sort_by(|a, b| {
        (a.order.is_none(), a.order, &a.slug).cmp(&(b.order.is_none(), b.order, &b.slug))
    });
    pages
}
