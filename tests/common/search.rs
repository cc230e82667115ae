//! A reader's search, done the way the site's `search.js` does it, on the built index files: read
//! the manifest, fetch the one shard each word needs, take the word as indexed, or else the words
//! it starts, or else (five letters or more) those one slip from it; add up the gaps, leave out
//! words listed as too common, and keep the documents every other word is in.

use std::collections::BTreeSet;

use serde_json::Value;

/// What a search shows: every document found (title and address), and the words left out.
#[derive(Debug, Default)]
pub struct Found {
    pub documents: Vec<(String, String)>,
    /// What each document found shows under its title: its status, if it has one, and a line.
    pub shown: Vec<(Option<String>, String)>,
    pub left_out: Vec<String>,
    /// The index files the search fetched, as the browser would.
    pub fetched: Vec<String>,
}

/// `file` gives the text of a file under `search/` by its name, or `None` when there is none.
pub fn search(file: impl Fn(&str) -> Option<String>, query: &str) -> Found {
    let mut found = Found::default();
    let mut fetch = |name: String| -> Value {
        let text = file(&name);
        if !found.fetched.contains(&name) {
            found.fetched.push(name);
        }
        text.map_or(Value::Null, |t| serde_json::from_str(&t).unwrap())
    };
    let manifest = fetch("index.json".into());
    let split: Vec<&str> = manifest["split"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    let chunk = manifest["chunk"].as_u64().unwrap() as usize;
    let mut sets: Vec<BTreeSet<usize>> = Vec::new();
    for word in query.to_lowercase().split_whitespace() {
        let shard = fetch(format!("words-{}.json", shard_key(word, &split)));
        let mut ids = BTreeSet::new();
        let mut common = false;
        let indexed = shard.as_object().cloned().unwrap_or_default();
        for list in hits(&indexed, word) {
            match list.as_array() {
                None => common = true,
                Some(gaps) => {
                    let mut id = 0;
                    for gap in gaps {
                        id += gap.as_u64().unwrap() as usize;
                        ids.insert(id);
                    }
                }
            }
        }
        if common {
            found.left_out.push(word.to_string());
        } else {
            sets.push(ids);
        }
    }
    let Some((first, rest)) = sets.split_first() else {
        return found;
    };
    for id in first
        .iter()
        .filter(|id| rest.iter().all(|s| s.contains(id)))
    {
        let docs = fetch(format!("docs-{}.json", id / chunk));
        let doc = &docs[id % chunk];
        found.documents.push((
            doc[0].as_str().unwrap().to_string(),
            doc[1].as_str().unwrap().to_string(),
        ));
        let status = doc[3].as_str().map(str::to_string);
        found
            .shown
            .push((status, doc[4].as_str().unwrap().to_string()));
    }
    found
}

/// The shard holding a word: its first letter, and one more for each prefix the manifest lists as split.
fn shard_key(word: &str, split: &[&str]) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut n = 1;
    while n < chars.len() && split.contains(&chars[..n].iter().collect::<String>().as_str()) {
        n += 1;
    }
    chars[..n.min(chars.len())].iter().collect()
}

/// The lists of the indexed words a typed word finds.
fn hits<'i>(indexed: &'i serde_json::Map<String, Value>, word: &str) -> Vec<&'i Value> {
    if let Some(list) = indexed.get(word) {
        return vec![list];
    }
    let starting: Vec<&Value> = indexed
        .iter()
        .filter(|(w, _)| w.starts_with(word))
        .map(|(_, list)| list)
        .collect();
    if !starting.is_empty() || word.chars().count() < 5 {
        return starting;
    }
    indexed
        .iter()
        .filter(|(w, _)| one_slip(word, w))
        .map(|(_, list)| list)
        .collect()
}

/// Whether two words are one typing slip apart: a letter added, left out, changed, or two
/// neighbours swapped.
pub fn one_slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let i = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Greater => a[i + 1..] == b[i..],
        std::cmp::Ordering::Less => a[i..] == b[i + 1..],
        std::cmp::Ordering::Equal => {
            a[i + 1..] == b[i + 1..]
                || (i + 1 < a.len()
                    && a[i] == b[i + 1]
                    && a[i + 1] == b[i]
                    && a[i + 2..] == b[i + 2..])
        }
    }
}
