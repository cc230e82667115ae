//! Words a reader means the same by. The index lists each word as written, so the script finds a
//! typed word, or the start of one, with no stemmer of its own; but each word's list is that of
//! its whole family: every form sharing its stem ("midwife", "midwives"), and families' own words
//! from the glossary ("baby loss" finds what "bereavement" finds). The browser stays small and
//! exactly as right as the stemmer here.

use std::collections::BTreeMap;

use rust_stemmers::{Algorithm, Stemmer};

use super::shards::Postings;
use super::words;
use crate::model::Synonym;

/// The Snowball stemmer the language file names (`stemmer = "english"`); none for a language
/// Snowball has no stemmer for (Welsh), whose words are then matched as written.
pub fn stemmer(name: Option<&str>) -> Option<Stemmer> {
    let algorithm = match name?.trim().to_lowercase().as_str() {
        "english" => Algorithm::English,
        "french" => Algorithm::French,
        "german" => Algorithm::German,
        "spanish" => Algorithm::Spanish,
        "italian" => Algorithm::Italian,
        "portuguese" => Algorithm::Portuguese,
        "dutch" => Algorithm::Dutch,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// A family of words: the forms the plan writes, and the documents any of them is in.
#[derive(Default)]
struct Family {
    words: Vec<String>,
    ids: Vec<u32>,
}

/// Each word's documents become its family's: those of every word with its stem, and, for a
/// family's word from the glossary, those of the plan's word it stands for.
pub fn share(postings: Postings, stemmer: Option<&Stemmer>, synonyms: &[Synonym]) -> Postings {
    let stem = |word: &str| stemmer.map_or(word.to_string(), |s| s.stem(word).into_owned());
    let mut families: BTreeMap<String, Family> = BTreeMap::new();
    let stems: Vec<(String, String)> = postings.keys().map(|w| (w.clone(), stem(w))).collect();
    for ((word, ids), (_, stem)) in postings.into_iter().zip(stems.iter()) {
        let key = plural_of_f(&word, stem, &stems);
        let family = families.entry(key).or_default();
        family.words.push(word);
        family.ids.extend(ids);
    }
    for synonym in synonyms {
        let found = documents_of(&synonym.word, &families, &stem);
        for word in synonym.also.iter().flat_map(|phrase| words(phrase)) {
            let family = families.entry(stem(&word)).or_default();
            if !family.words.contains(&word) {
                family.words.push(word);
            }
            family.ids.extend(&found);
        }
    }
    let mut shared = Postings::new();
    for (_, mut family) in families.into_iter().filter(|(_, f)| !f.ids.is_empty()) {
        family.ids.sort_unstable();
        family.ids.dedup();
        for word in family.words {
            shared.insert(word, family.ids.clone());
        }
    }
    shared
}

/// The documents holding every word of `text`, in any of its forms.
fn documents_of(
    text: &str,
    families: &BTreeMap<String, Family>,
    stem: &dyn Fn(&str) -> String,
) -> Vec<u32> {
    let mut found: Option<Vec<u32>> = None;
    for word in words(text) {
        let ids = families.get(&stem(&word)).map_or(&[][..], |f| &f.ids[..]);
        found = Some(match found {
            None => ids.to_vec(),
            Some(before) => before.into_iter().filter(|id| ids.contains(id)).collect(),
        });
    }
    found.unwrap_or_default()
}

/// English plurals of words in f or fe ("midwives", "halves"): Snowball stems them apart from
/// the singular ("midwiv", "midwif"). Such a word joins the singular's family when the plan
/// also writes the singular; "involves" has no "involf" and stays as it is.
fn plural_of_f(word: &str, stem: &str, stems: &[(String, String)]) -> String {
    if let Some(base) = stem.strip_suffix('v').filter(|_| word.ends_with("ves")) {
        let singular = format!("{base}f");
        if stems.iter().any(|(_, s)| *s == singular) {
            return singular;
        }
    }
    stem.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postings(words: &[(&str, &[u32])]) -> Postings {
        words
            .iter()
            .map(|(w, ids)| (w.to_string(), ids.to_vec()))
            .collect()
    }

    fn english() -> Option<Stemmer> {
        stemmer(Some("english"))
    }

    #[test]
    fn forms_of_a_word_find_the_same_documents() {
        let shared = share(
            postings(&[
                ("midwife", &[1, 5]),
                ("midwives", &[2]),
                ("midwifery", &[9]),
            ]),
            english().as_ref(),
            &[],
        );
        assert_eq!(shared["midwife"], vec![1, 2, 5]);
        assert_eq!(shared["midwives"], vec![1, 2, 5]);
        assert_eq!(
            shared["midwifery"],
            vec![9],
            "a different word keeps its own"
        );
    }

    #[test]
    fn plurals_in_s_share_without_the_f_rule() {
        let shared = share(
            postings(&[("review", &[1]), ("reviews", &[3]), ("involves", &[4])]),
            english().as_ref(),
            &[],
        );
        assert_eq!(shared["review"], vec![1, 3]);
        assert_eq!(shared["involves"], vec![4]);
    }

    #[test]
    fn without_a_stemmer_words_are_matched_as_written() {
        assert!(stemmer(Some("welsh")).is_none());
        assert!(stemmer(None).is_none());
        let shared = share(
            postings(&[("bydwraig", &[1]), ("bydwragedd", &[2])]),
            None,
            &[],
        );
        assert_eq!(shared["bydwraig"], vec![1]);
    }

    #[test]
    fn families_words_find_the_plans_word() {
        let synonyms = [Synonym {
            word: "bereavement".into(),
            also: vec!["baby loss".into()],
        }];
        let shared = share(
            postings(&[("bereavement", &[4]), ("baby", &[1, 2]), ("bereaved", &[7])]),
            english().as_ref(),
            &synonyms,
        );
        assert_eq!(
            shared["loss"],
            vec![4, 7],
            "a new word, with every form's pages"
        );
        assert_eq!(shared["baby"], vec![1, 2, 4, 7]);
    }

    #[test]
    fn a_synonym_for_a_word_the_plan_never_uses_finds_nothing() {
        let synonyms = [Synonym {
            word: "PMRT".into(),
            also: vec!["baby death review".into()],
        }];
        let shared = share(postings(&[("review", &[3])]), english().as_ref(), &synonyms);
        assert_eq!(shared["review"], vec![3]);
        assert!(!shared.contains_key("death"), "an empty list is not kept");
    }
}
