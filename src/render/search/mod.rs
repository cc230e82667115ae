//! The search index, split so a search downloads only what it needs, whatever the size of the
//! plan: a manifest (`search/index.json`), word shards by prefix (`search/words-be.json`, see
//! [`shards`] for how they stay small), and the documents in chunks of 100 (`search/docs-0.json`).
//! A query for "bereavement" fetches the manifest, one shard and the chunks its results are in.

mod shards;

use rayon::prelude::*;
use serde_json::json;

use super::registers::{label, recommendation_href};
use super::views::{action_href, page_href, priority_href, update_href};
use super::OutputFile;
use crate::model::Plan;
pub use shards::Budget;
use shards::Postings;

/// Documents per chunk file.
pub const CHUNK: usize = 100;

/// Words that find everything and so help with nothing.
const STOP: [&str; 24] = [
    "the", "and", "for", "our", "are", "will", "with", "that", "this", "from", "have", "all",
    "its", "be", "to", "of", "in", "we", "a", "an", "on", "is", "as", "by",
];

struct Doc {
    title: String,
    url: String,
    kind: &'static str,
    text: String,
}

/// The words of a text as the index keeps them: lower case, letters and digits, two or more.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
}

fn docs(plan: &Plan) -> Vec<Doc> {
    let mut docs = Vec::new();
    let label_of = |s: &str| plan.status(s).label.clone();
    for (priority, action) in plan.actions() {
        let bullets: Vec<&str> = action
            .achieve
            .iter()
            .chain(&action.doing)
            .chain(&action.families)
            .map(|t| t.markdown.as_str())
            .collect();
        docs.push(Doc {
            title: format!("{} {}", action.reference, action.title),
            url: action_href(&action.id),
            kind: "action",
            text: format!(
                "{} {} {}",
                priority.title,
                label_of(&action.status),
                bullets.join(" ")
            ),
        });
    }
    for p in &plan.priorities {
        docs.push(Doc {
            title: format!("{} {}: {}", plan.labels.priority, p.number, p.title),
            url: priority_href(&p.id),
            kind: "priority",
            text: format!("{} {}", p.workstream, p.trust_priority),
        });
    }
    for register in &plan.registers {
        for item in &register.items {
            docs.push(Doc {
                title: label(register, item),
                url: recommendation_href(&item.reference),
                kind: "recommendation",
                text: format!(
                    "{} {}",
                    item.title.clone().unwrap_or_default(),
                    item.text.markdown
                ),
            });
        }
    }
    for page in &plan.pages {
        docs.push(Doc {
            title: page.title.clone(),
            url: page_href(&page.slug),
            kind: "page",
            text: page.body.markdown.clone(),
        });
    }
    for update in &plan.updates {
        let notes: Vec<&str> = update
            .changes
            .iter()
            .map(|c| c.note.markdown.as_str())
            .collect();
        docs.push(Doc {
            title: update.title.clone(),
            url: update_href(&update.slug),
            kind: "update",
            text: format!("{} {}", update.summary, notes.join(" ")),
        });
    }
    for measure in &plan.measures {
        docs.push(Doc {
            title: measure.name.clone(),
            url: super::outcomes::measure_href(&measure.id),
            kind: "measure",
            text: measure.explanation.clone(),
        });
    }
    docs
}

/// The index files, within the phone budget.
pub fn files(plan: &Plan) -> Vec<OutputFile> {
    files_within(plan, &Budget::PHONE)
}

/// The index files. A document's id is its place in the list; chunk `n` holds ids n*100 to n*100+99.
/// The manifest tells the script the chunk size and which prefixes were split into longer ones.
pub fn files_within(plan: &Plan, budget: &Budget) -> Vec<OutputFile> {
    let docs = docs(plan);
    let shards = shards::shard(postings(&docs), budget);
    let mut files = vec![OutputFile {
        path: "search/index.json".into(),
        bytes: json!({ "chunk": CHUNK, "split": shards.split })
            .to_string()
            .into_bytes()
            .into(),
    }];
    files.extend(shards.files.into_iter().map(|(prefix, json)| OutputFile {
        path: format!("search/words-{}.json", shard_name(&prefix)),
        bytes: json.into_bytes().into(),
    }));
    for (n, chunk) in docs.chunks(CHUNK).enumerate() {
        let list: Vec<_> = chunk
            .iter()
            .map(|d| json!([d.title, d.url, d.kind]))
            .collect();
        files.push(OutputFile {
            path: format!("search/docs-{n}.json"),
            bytes: json!(list).to_string().into_bytes().into(),
        });
    }
    files
}

/// Which documents each word is in.
fn postings(docs: &[Doc]) -> Postings {
    let mut postings = Postings::new();
    // Each document's words are found on all cores, a thousand documents at a time (so a large
    // plan never holds every document's words at once), then listed in document order.
    for (n, batch) in docs.chunks(1024).enumerate() {
        let found: Vec<Vec<String>> = batch
            .par_iter()
            .map(|doc| {
                let mut found: Vec<String> = words(&doc.title).chain(words(&doc.text)).collect();
                found.sort_unstable();
                found.dedup();
                found
            })
            .collect();
        for (i, found) in found.into_iter().enumerate() {
            let id = n * 1024 + i;
            for word in found {
                postings.entry(word).or_default().push(id);
            }
        }
    }
    postings
}

/// A file-name-safe shard name for a word prefix: letters and digits as they are, others as hex.
pub fn shard_name(prefix: &str) -> String {
    prefix
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_string()
            } else {
                format!("_{:x}", c as u32)
            }
        })
        .collect()
}
