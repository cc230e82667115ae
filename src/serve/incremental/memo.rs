//! Values kept from one run of the pipeline for the next, each under a key (what it is: a file, a
//! page) and the fingerprint of everything it was made from: a value is taken again only while its
//! fingerprint is the same.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

use crate::lock;

/// Values kept in two generations: those a run has used or made, and those kept from before it.
/// Once a run has made a whole site, what it did not use is let go, so a long editing session
/// does not keep every version of every text; after a run that failed or was stopped short,
/// everything stays for the next.
pub struct Memo<K, V> {
    kept: Mutex<Generations<K, V>>,
}

struct Generations<K, V> {
    current: HashMap<K, (u64, V)>,
    previous: HashMap<K, (u64, V)>,
}

/// What a run let go: freed where freeing it costs the next save nothing.
pub type LetGo = Box<dyn Send>;

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo {
            kept: Mutex::new(Generations {
                current: HashMap::new(),
                previous: HashMap::new(),
            }),
        }
    }
}

impl<K: Hash + Eq + Send + 'static, V: Clone + Send + 'static> Memo<K, V> {
    /// Starts a run: everything kept so far becomes the previous generation. After a whole run
    /// (the usual case) the previous one is empty, and the two change places at no cost.
    pub fn begin(&self) {
        let kept = &mut *lock(&self.kept);
        if kept.previous.is_empty() {
            std::mem::swap(&mut kept.previous, &mut kept.current);
        } else {
            let current = std::mem::take(&mut kept.current);
            kept.previous.extend(current);
        }
    }

    /// Ends a run that made a whole site: what it did not use goes.
    pub fn end(&self) -> LetGo {
        Box::new(std::mem::take(&mut lock(&self.kept).previous))
    }

    /// The value kept under `key`, if it was made from what `fingerprint` fingerprints.
    pub fn get(&self, key: &K, fingerprint: u64) -> Option<V> {
        let mut kept = lock(&self.kept);
        if let Some((made_from, value)) = kept.current.get(key) {
            return (*made_from == fingerprint).then(|| value.clone());
        }
        let (key, (made_from, value)) = kept.previous.remove_entry(key)?;
        let found = (made_from == fingerprint).then(|| value.clone());
        if found.is_some() {
            kept.current.insert(key, (made_from, value));
        }
        found
    }

    /// Keeps the values kept under `keys` for this run too, whatever they were made from: they
    /// were taken as part of a larger value kept whole.
    pub fn keep<'k>(&self, keys: impl IntoIterator<Item = &'k K>)
    where
        K: 'k,
    {
        let kept = &mut *lock(&self.kept);
        for key in keys {
            if let Some((key, value)) = kept.previous.remove_entry(key) {
                kept.current.insert(key, value);
            }
        }
    }

    /// Keeps `value` under `key`, made from what `fingerprint` fingerprints, in place of any
    /// value kept there before.
    pub fn put(&self, key: K, fingerprint: u64, value: V) {
        let mut kept = lock(&self.kept);
        kept.previous.remove(&key);
        kept.current.insert(key, (fingerprint, value));
    }

    /// The value kept under `key` for `fingerprint`, or the one `make` makes, kept.
    pub fn get_or_make(&self, key: K, fingerprint: u64, make: impl FnOnce() -> V) -> V {
        if let Some(value) = self.get(&key, fingerprint) {
            return value;
        }
        let value = make();
        self.put(key, fingerprint, value.clone());
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_taken_again_only_while_its_fingerprint_is_the_same() {
        let memo: Memo<&str, u32> = Memo::default();
        memo.begin();
        assert_eq!(memo.get_or_make("a", 1, || 10), 10);
        assert_eq!(memo.get_or_make("a", 1, || 11), 10, "kept");
        assert_eq!(memo.get_or_make("a", 2, || 12), 12, "made again");
        assert_eq!(memo.get(&"a", 1), None, "the older value is gone");
    }

    #[test]
    fn what_a_whole_run_did_not_use_is_let_go_and_what_it_used_stays() {
        let memo: Memo<&str, u32> = Memo::default();
        memo.begin();
        memo.put("used", 1, 1);
        memo.put("unused", 1, 2);
        drop(memo.end());
        memo.begin();
        assert_eq!(memo.get(&"used", 1), Some(1));
        drop(memo.end());
        memo.begin();
        assert_eq!(memo.get(&"used", 1), Some(1));
        assert_eq!(memo.get(&"unused", 1), None);
    }

    #[test]
    fn after_a_run_that_stopped_short_everything_stays() {
        let memo: Memo<&str, u32> = Memo::default();
        memo.begin();
        memo.put("a", 1, 1);
        memo.begin();
        // The run stopped before it asked for "a": no end.
        memo.begin();
        assert_eq!(memo.get(&"a", 1), Some(1));
    }
}
