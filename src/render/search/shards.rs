//! Word shards sized for a phone. Each word lists the documents it is in, as gaps between ids
//! (`[3,1,40]` is documents 3, 4 and 44), which keeps long lists short. A word on so many pages that
//! its list passes the word budget is kept with `null` instead: it would find nearly everything, so
//! the search leaves it out of a query rather than download it. Words are grouped into one file per
//! first letter; a file over the shard budget is split by one more letter, as often as needed, and
//! the split prefixes are listed so the script knows which file holds a word. A small plan's index
//! is a few dozen files, a national one's a few thousand.

use std::collections::BTreeMap;

/// How large a search file may grow, in bytes of JSON.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// The most one word's list of documents may take before it is left out as too common.
    pub word: usize,
    /// The size above which a shard is split by a further letter.
    pub shard: usize,
}

impl Budget {
    /// At 50,000 action areas this drops words on about one document in six, and every shard stays
    /// under 32 KB: a search on a phone downloads a few tens of kilobytes.
    pub const PHONE: Budget = Budget {
        word: 16 * 1024,
        shard: 32 * 1024,
    };
}

/// The documents each word is in, by id, ascending and without repeats.
pub type Postings = BTreeMap<String, Vec<u32>>;

/// The word shards: each prefix with its file's JSON, and the prefixes that were split further.
#[derive(Debug, Default)]
pub struct Shards {
    pub files: Vec<(String, String)>,
    pub split: Vec<String>,
}

/// One word as its shard holds it: `"word":[gaps]`, or `"word":null` when too common to list.
struct Entry {
    word: String,
    json: String,
}

impl Entry {
    fn new(word: String, ids: &[u32], budget: &Budget) -> Entry {
        let key = serde_json::to_string(&word).expect("a string serialises");
        let list = gaps(ids);
        let json = if list.len() > budget.word {
            format!("{key}:null")
        } else {
            format!("{key}:{list}")
        };
        Entry { word, json }
    }

    fn starts_longer_than(&self, prefix_chars: usize) -> bool {
        self.word.chars().count() > prefix_chars
    }
}

/// `[first id, gap, gap, …]` as JSON.
fn gaps(ids: &[u32]) -> String {
    use std::fmt::Write;
    let mut list = String::with_capacity(ids.len() * 4 + 2);
    list.push('[');
    let mut previous = 0;
    for (n, &id) in ids.iter().enumerate() {
        let separator = if n == 0 { "" } else { "," };
        // Writing to a String cannot fail.
        let _ = write!(list, "{separator}{}", id - previous);
        previous = id;
    }
    list.push(']');
    list
}

fn file_json(entries: &[Entry]) -> String {
    let body: Vec<&str> = entries.iter().map(|e| e.json.as_str()).collect();
    format!("{{{}}}", body.join(","))
}

fn prefix(word: &str, chars: usize) -> String {
    word.chars().take(chars).collect()
}

/// Groups the words into shards within the budget. Same postings, same shards.
pub fn shard(postings: Postings, budget: &Budget) -> Shards {
    let mut by_prefix: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for (word, ids) in postings {
        let entry = Entry::new(word, &ids, budget);
        by_prefix
            .entry(prefix(&entry.word, 1))
            .or_default()
            .push(entry);
    }
    let mut shards = Shards::default();
    for (prefix, entries) in by_prefix {
        place(prefix, entries, budget, &mut shards);
    }
    shards.split.sort();
    shards
}

/// Writes a prefix's words as one file, or, when that is over budget, splits them by the next
/// letter. A word no longer than the prefix stays in the prefix's own file; it is one word, so
/// within the word budget.
fn place(key: String, entries: Vec<Entry>, budget: &Budget, shards: &mut Shards) {
    let chars = key.chars().count();
    let json = file_json(&entries);
    if json.len() <= budget.shard || !entries.iter().any(|e| e.starts_longer_than(chars)) {
        shards.files.push((key, json));
        return;
    }
    shards.split.push(key.clone());
    let (longer, own): (Vec<Entry>, Vec<Entry>) = entries
        .into_iter()
        .partition(|e| e.starts_longer_than(chars));
    if !own.is_empty() {
        shards.files.push((key, file_json(&own)));
    }
    let mut by_next: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for entry in longer {
        by_next
            .entry(prefix(&entry.word, chars + 1))
            .or_default()
            .push(entry);
    }
    for (next, group) in by_next {
        place(next, group, budget, shards);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postings(words: &[(&str, Vec<u32>)]) -> Postings {
        words
            .iter()
            .map(|(w, ids)| (w.to_string(), ids.clone()))
            .collect()
    }

    fn shard_of(shards: &Shards, key: &str) -> serde_json::Value {
        let (_, json) = shards.files.iter().find(|(k, _)| k == key).unwrap();
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_list_is_kept_as_the_gaps_between_documents() {
        let shards = shard(postings(&[("bereavement", vec![3, 4, 44])]), &Budget::PHONE);
        assert_eq!(
            shard_of(&shards, "b")["bereavement"],
            serde_json::json!([3, 1, 40])
        );
    }

    #[test]
    fn a_word_on_too_many_documents_is_kept_as_null() {
        let budget = Budget {
            word: 20,
            shard: 1000,
        };
        let everywhere: Vec<u32> = (0..50).collect();
        let shards = shard(
            postings(&[("trust", everywhere), ("triage", vec![7])]),
            &budget,
        );
        let tr = shard_of(&shards, "t");
        assert!(tr["trust"].is_null(), "{tr}");
        assert_eq!(tr["triage"], serde_json::json!([7]));
    }

    #[test]
    fn a_shard_over_budget_is_split_by_the_next_letter_and_listed() {
        let budget = Budget {
            word: 100,
            shard: 40,
        };
        let shards = shard(
            postings(&[
                ("re", vec![1]),
                ("record", vec![2]),
                ("recruit", vec![3]),
                ("review", vec![4]),
            ]),
            &budget,
        );
        assert!(
            shards.split.contains(&"re".to_string()),
            "{:?}",
            shards.split
        );
        assert_eq!(shard_of(&shards, "re")["re"], serde_json::json!([1]));
        assert_eq!(shard_of(&shards, "rev")["review"], serde_json::json!([4]));
        for (key, json) in &shards.files {
            let words: serde_json::Map<_, _> = serde_json::from_str(json).unwrap();
            assert!(
                json.len() <= budget.shard || words.len() == 1,
                "{key} is {} bytes",
                json.len()
            );
            assert!(words.keys().all(|w| w.starts_with(key.as_str())), "{key}");
        }
    }
}
