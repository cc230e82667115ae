//! How easy text for families is to read: the Flesch reading-ease score (0 to 100; higher is
//! easier; 60 to 70 is plain English). `check` warns where an action's "what this will mean for
//! families" scores below the plan's threshold.

/// The threshold when `plan.toml` sets none: below 50 is "fairly difficult" or harder.
pub const DEFAULT_THRESHOLD: f64 = 50.0;

/// The Flesch reading-ease score of `text`, or `None` when it has no words.
pub fn reading_ease(text: &str) -> Option<f64> {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return None;
    }
    let sentences = text
        .split(['.', '!', '?'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let (words, sentences, syllables) = (words.len() as f64, sentences as f64, syllables as f64);
    Some(206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words))
}

/// Syllables in an English word, estimated: groups of vowels, less a silent final "e". Read
/// letter by letter, with nothing allocated: `check` counts every word for families in the plan,
/// and a word of ASCII, as most are, byte by byte.
fn syllables(word: &str) -> usize {
    if word.is_ascii() {
        let letters = word.bytes().filter(u8::is_ascii_alphabetic);
        return syllables_of(letters.map(|b| char::from(b.to_ascii_lowercase())));
    }
    let letters = word.chars().filter(|c| c.is_alphabetic());
    syllables_of(letters.flat_map(char::to_lowercase))
}

/// `syllables`, of a word's letters in lower case.
fn syllables_of(letters: impl Iterator<Item = char>) -> usize {
    let mut count = 0;
    let mut previous = false;
    let (mut last, mut before_last) = (None, None);
    for c in letters {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if vowel && !previous {
            count += 1;
        }
        previous = vowel;
        (before_last, last) = (last, Some(c));
    }
    if last == Some('e') && before_last != Some('l') && count > 1 {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A word of ASCII, read byte by byte, has the syllables it has read by characters.
        #[test]
        fn ascii_words_count_as_characters_do(word in "[ -~]{0,20}") {
            let letters = word.chars().filter(|c| c.is_alphabetic());
            prop_assert_eq!(syllables(&word), syllables_of(letters.flat_map(char::to_lowercase)));
        }
    }

    #[test]
    fn syllables_are_counted_as_people_say_them() {
        assert_eq!(syllables("care"), 1);
        assert_eq!(syllables("baby"), 2);
        assert_eq!(syllables("midwife"), 2);
        assert_eq!(syllables("important"), 3);
        assert_eq!(syllables("table"), 2);
    }

    #[test]
    fn plain_text_scores_higher_than_dense_text() {
        let plain =
            reading_ease("You will see a midwife soon. She will help you and your baby.").unwrap();
        let dense = reading_ease("Organisational multidisciplinary accountability frameworks necessitate comprehensive implementation.").unwrap();
        assert!(plain > 80.0, "{plain}");
        assert!(dense < 0.0, "{dense}");
        assert_eq!(reading_ease("  "), None);
    }
}
