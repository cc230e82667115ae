//! The search index, split so a search downloads only what it needs, whatever the size of the
//! plan: a manifest (`search/index.json`), word shards by prefix (`search/words-be.json`, see
//! [`shards`] for how they stay small), and the documents in chunks of 50 (`search/docs-0.json`), each with the line a result shows.
//! A query for "bereavement" fetches the manifest, one shard and the chunks its results are in.

mod forms;
mod shards;

use std::collections::HashMap;

use rayon::prelude::*;
use serde_json::json;

use super::pages::search_documents;
use super::OutputFile;
use crate::model::Plan;
use crate::Stop;
pub use shards::Budget;
use shards::Postings;

/// Documents per chunk file.
pub const CHUNK: usize = 50;

/// Words that find everything and so help with nothing.
const STOP: [&str; 24] = [
    "the", "and", "for", "our", "are", "will", "with", "that", "this", "from", "have", "all",
    "its", "be", "to", "of", "in", "we", "a", "an", "on", "is", "as", "by",
];

/// A document as the index lists it, and the texts its words are found in (borrowed from the
/// plan: the index never holds a second copy of every action's text). Each kind of page says
/// which documents it adds (`pages::Kind::search`).
pub struct Doc<'p> {
    pub title: String,
    /// Its address from the site's root.
    pub url: String,
    /// What it is ("action", "measure"): a word for the search script.
    pub kind: &'static str,
    /// Its status as the plan words it, for a document that has one (an action area).
    pub status: Option<&'p str>,
    /// The text a result shows under its title; the first of `texts` when none is given.
    pub line: Option<&'p str>,
    pub texts: Vec<&'p str>,
}

/// The most characters of a document's line a result shows: a chunk of documents stays well
/// within the shard budget.
const LINE: usize = 110;

impl Doc<'_> {
    /// Its line as plain text, cut at a word before `LINE` characters.
    fn line(&self) -> String {
        let markdown = self
            .line
            .or_else(|| self.texts.iter().copied().find(|t| !t.trim().is_empty()));
        cut(&plain(markdown.unwrap_or("")), LINE)
    }
}

/// The words of some Markdown, without its marks or link addresses.
fn plain(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` if it is at most `most` characters, or else its words that fit, and an ellipsis.
fn cut(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        return text.to_string();
    }
    let mut kept = String::new();
    for word in text.split(' ') {
        if kept.chars().count() + word.chars().count() + 1 > most - 1 {
            break;
        }
        if !kept.is_empty() {
            kept.push(' ');
        }
        kept.push_str(word);
    }
    if kept.is_empty() {
        kept = text.chars().take(most - 1).collect();
    }
    kept.push('\u{2026}');
    kept
}

/// The words of a text as the index keeps them: lower case, letters and digits, two or more.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
}

/// The index files, within the phone budget, with words stemmed by the Snowball stemmer named
/// (`None`: matched as written); none once `stop` says they are not wanted.
pub fn files(plan: &Plan, stemmer: Option<&str>, stop: &Stop) -> Vec<OutputFile> {
    files_within(plan, stemmer, &Budget::PHONE, stop)
}

/// The index files. A document's id is its place in the list; chunk `n` holds ids n*50 to n*50+49.
/// The manifest tells the script the chunk size and which prefixes were split into longer ones.
pub fn files_within(
    plan: &Plan,
    stemmer: Option<&str>,
    budget: &Budget,
    stop: &Stop,
) -> Vec<OutputFile> {
    let docs = search_documents(plan);
    let Some(postings) = postings(&docs, stop) else {
        return Vec::new();
    };
    let stemmer = forms::stemmer(stemmer);
    let postings = forms::share(postings, stemmer.as_ref(), &plan.synonyms);
    let shards = shards::shard(postings, budget);
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
            .map(|d| json!([d.title, d.url, d.kind, d.status, d.line()]))
            .collect();
        files.push(OutputFile {
            path: format!("search/docs-{n}.json"),
            bytes: json!(list).to_string().into_bytes().into(),
        });
    }
    files
}

/// Which documents each word is in; `None` if `stop` said to stop (a national index takes a
/// second or more).
fn postings(docs: &[Doc], stop: &Stop) -> Option<Postings> {
    // Each run of documents is indexed on its own, on all cores, then the runs are joined in
    // document order, so each word's list stays ascending.
    let runs: Vec<HashMap<String, Vec<u32>>> = docs
        .par_chunks(RUN)
        .enumerate()
        .map(|(n, run)| {
            if stop() {
                return None;
            }
            let mut found = HashMap::new();
            for (i, doc) in run.iter().enumerate() {
                let id = (n * RUN + i) as u32;
                let texts = std::iter::once(doc.title.as_str()).chain(doc.texts.iter().copied());
                for word in texts.flat_map(words) {
                    note(&mut found, word, id);
                }
            }
            Some(found)
        })
        .collect::<Option<_>>()?;
    let mut postings = HashMap::<String, Vec<u32>>::new();
    for run in runs {
        for (word, ids) in run {
            postings.entry(word).or_default().extend(ids);
        }
    }
    Some(postings.into_iter().collect())
}

/// Documents indexed together on one core.
const RUN: usize = 2048;

/// Notes that `word` is in document `id`, the latest document seen.
fn note(found: &mut HashMap<String, Vec<u32>>, word: String, id: u32) {
    let ids = found.entry(word).or_default();
    if ids.last() != Some(&id) {
        ids.push(id);
    }
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
