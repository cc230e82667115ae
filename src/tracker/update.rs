//! The changes a tracker gave, as the text of one update file for content/updates/: TOML front
//! matter written by the toml crate's serializer, so any note (quotes, new lines, backslashes)
//! stays valid, and the body below it.

use serde::Serialize;
use toml::value::Datetime;

use super::Change;
use crate::model::{word, Date, Plan, Words};

/// What the update says of itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub date: Date,
    pub title: String,
    pub author: String,
    pub summary: String,
}

/// The update's title when none is given: "Update of 1 March 2024", in the plan's language.
pub fn default_title(words: &Words, date: Date) -> String {
    let date = crate::render::say::long_date(words, date);
    format!("{} {date}", word(words, "tracker_update_title"))
}

/// The front matter, its fields in the order an update file is read.
#[derive(Serialize)]
struct Front<'d> {
    date: Datetime,
    title: &'d str,
    author: &'d str,
    #[serde(skip_serializing_if = "str::is_empty")]
    summary: &'d str,
    actions: Vec<ActionOut>,
}

/// One action area of the update, as `load::format::ActionUpdate` reads it.
#[derive(Serialize)]
struct ActionOut {
    id: String,
    status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    assurance: Option<String>,
    note: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    evidence: Vec<EvidenceOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_review: Option<Datetime>,
}

#[derive(Serialize)]
struct EvidenceOut {
    title: String,
    url: String,
}

/// The update file's text: the changes in the plan's order, each with its note (the user's, or
/// one saying what changed where they wrote none).
pub fn text(details: &Details, changes: &[Change], plan: &Plan, words: &Words) -> String {
    let order = |c: &Change| plan.actions().position(|(_, a)| a.id == c.id);
    let mut changes: Vec<&Change> = changes.iter().collect();
    changes.sort_by_key(|c| order(c));
    let front = Front {
        date: toml_date(details.date),
        title: &details.title,
        author: &details.author,
        summary: &details.summary,
        actions: changes
            .into_iter()
            .map(|c| action(c, plan, words))
            .collect(),
    };
    let front = toml::to_string(&front).unwrap_or_default();
    format!("+++\n{front}+++\n{}\n", details.summary)
}

fn toml_date(date: Date) -> Datetime {
    Datetime {
        date: Some(toml::value::Date {
            year: date.year,
            month: date.month,
            day: date.day,
        }),
        time: None,
        offset: None,
    }
}

fn action(change: &Change, plan: &Plan, words: &Words) -> ActionOut {
    let evidence = change.evidence.iter().map(|url| EvidenceOut {
        title: evidence_title(change, plan, words),
        url: url.clone(),
    });
    ActionOut {
        id: change.id.clone(),
        status: change.status.clone(),
        assurance: change.assurance.clone(),
        note: (change.note.clone()).unwrap_or_else(|| note_of(change, plan, words)),
        evidence: evidence.collect(),
        next_review: change.next_review.map(toml_date),
    }
}

/// A note for a row whose New note was left empty, saying what changed: "Status now: On track."
fn note_of(change: &Change, plan: &Plan, words: &Words) -> String {
    let mut parts = Vec::new();
    if change.status_changed {
        let label = &plan.status(&change.status).label;
        parts.push(format!("{} {label}.", word(words, "tracker_note_status")));
    }
    if let Some(assurance) = &change.assurance {
        let label = &plan.assurance(assurance).label;
        parts.push(format!(
            "{} {label}.",
            word(words, "tracker_note_assurance")
        ));
    }
    if change.evidence.is_some() {
        parts.push(word(words, "tracker_note_evidence"));
    }
    if let (true, Some(day)) = (change.next_review_changed, change.next_review) {
        let day = crate::render::say::long_date(words, day);
        parts.push(format!(
            "{} {day}.",
            word(words, "tracker_note_next_review")
        ));
    }
    parts.join(" ")
}

/// "Evidence for 1.5 Fetal monitoring".
fn evidence_title(change: &Change, plan: &Plan, words: &Words) -> String {
    let what = plan.action(&change.id).map_or(change.id.clone(), |(_, a)| {
        format!("{} {}", a.reference, a.title)
    });
    format!("{} {what}", word(words, "tracker_evidence_for"))
}

/// The file name for an update of `date` that is not among `taken` (file names in
/// content/updates/): `2024-03-01-tracker.md`, else `-2`, `-3` and on.
pub fn file_name(date: Date, taken: &dyn Fn(&str) -> bool) -> String {
    let stem = format!("{}-tracker", date.iso());
    std::iter::once(format!("{stem}.md"))
        .chain((2..).map(|n| format!("{stem}-{n}.md")))
        .find(|name| !taken(name))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_note_is_written_as_valid_front_matter_and_read_back_as_written() {
        let plan = crate::tracker::compare::tests::plan();
        let words = crate::render::theme::english();
        let note = "He said \"done\" \\ then\nleft '''\u{7}";
        let change = Change {
            id: "b".into(),
            status: "complete".into(),
            status_changed: true,
            assurance: None,
            note: Some(note.into()),
            evidence: Some("https://example.nhs.uk/a?b=\"c\"".into()),
            next_review: Date::checked(2024, 5, 1),
            next_review_changed: true,
        };
        let details = Details {
            date: Date::checked(2024, 3, 1).unwrap(),
            title: default_title(&words, Date::checked(2024, 3, 1).unwrap()),
            author: "T \"the trust\"".into(),
            summary: String::new(),
        };
        let text = text(&details, &[change], &plan, &words);
        let front = text
            .strip_prefix("+++\n")
            .unwrap()
            .split("+++\n")
            .next()
            .unwrap();
        let read: crate::load::format::UpdateFrontMatter = toml::from_str(front).unwrap();
        assert_eq!(read.title, "Update of 1 March 2024");
        assert_eq!(read.actions[0].note.get_ref(), note);
        assert_eq!(
            read.actions[0].evidence[0].title,
            "Evidence for 1.2 Leaflets"
        );
    }

    #[test]
    fn a_row_without_a_note_says_what_changed() {
        let plan = crate::tracker::compare::tests::plan();
        let words = crate::render::theme::english();
        let change = Change {
            id: "a".into(),
            status: "at-risk".into(),
            status_changed: true,
            assurance: Some("evidence-submitted".into()),
            note: None,
            evidence: None,
            next_review: None,
            next_review_changed: false,
        };
        assert_eq!(
            note_of(&change, &plan, &words),
            "Status now: At risk. Assurance now: Evidence submitted."
        );
    }

    #[test]
    fn a_file_name_already_taken_is_never_chosen() {
        let date = Date::checked(2024, 3, 1).unwrap();
        let taken = ["2024-03-01-tracker.md", "2024-03-01-tracker-2.md"];
        assert_eq!(
            file_name(date, &|n| taken.contains(&n)),
            "2024-03-01-tracker-3.md"
        );
        assert_eq!(file_name(date, &|_| false), "2024-03-01-tracker.md");
    }
}
