//! Where a glossary term in a page's text is a use of the term, and how its expansion is written
//! beside it: pure rules on one piece of text, without the page around it.
//!
//! A term is used only where it stands as a word of its own. It is not used inside a longer word
//! ("SROs"), a hyphenated word ("CO-production", "non-NHS"), or a number: a term touching a
//! digit, directly or across a decimal point or a thousands comma, is part of a figure or a unit
//! written into it ("1.0WTE", "2WTE", "WTE1.5"), while "1.0 WTE", with a space, is a use of the
//! term. Nor is it used inside a name or a title the plan gives (the organisation, an owner, a
//! measure, a priority), which must read as written.

use std::ops::Range;

/// A byte of a word: a term never starts or ends next to one.
fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'+' || byte == b'&'
}

/// Whether the text just before byte `at` joins on to a term starting there: the end of a word,
/// of a hyphenated word's first part, or of a number.
pub fn joined_before(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(&before) = at.checked_sub(1).and_then(|i| bytes.get(i)) else {
        return false;
    };
    let further = at.checked_sub(2).and_then(|i| bytes.get(i)).copied();
    is_word(before)
        || (before == b'-' && further.is_some_and(|b| b.is_ascii_alphanumeric()))
        || (matches!(before, b'.' | b',') && further.is_some_and(|b| b.is_ascii_digit()))
}

/// Whether the text from byte `end` joins on to a term ending there: a word, a hyphenated word's
/// next part, or a number's decimal part.
pub fn joined_after(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(&after) = bytes.get(end) else {
        return false;
    };
    let further = bytes.get(end + 1).copied();
    is_word(after)
        || (after == b'-' && further.is_some_and(|b| b.is_ascii_alphanumeric()))
        || (matches!(after, b'.' | b',') && further.is_some_and(|b| b.is_ascii_digit()))
}

/// Whether `before`, the text ahead of a term, leaves a bracket open: the expansion then goes
/// after a comma, not in brackets of its own ("a spreadsheet (CSV, comma-separated values)").
pub fn inside_brackets(before: &str) -> bool {
    let opened = before.bytes().filter(|&b| b == b'(').count();
    let closed = before.bytes().filter(|&b| b == b')').count();
    opened > closed
}

/// Whether `after`, the text after a term inside brackets, closes the bracket or the item of a
/// list there, perhaps after a possessive "'s": the expansion can then follow a comma ("(CSV,
/// comma-separated values)"). Inside "(NHS England, 2021)" no expansion reads well.
pub fn ends_bracketed_words(after: &str) -> bool {
    let after = ["'s", "&#39;s", "’s"]
        .iter()
        .find_map(|s| after.strip_prefix(s))
        .unwrap_or(after);
    after.starts_with([')', ',', ';'])
}

/// The byte ranges of `text` that one of `names` covers, where a term is not a use of it.
pub fn inside_names(text: &str, names: &[String]) -> Vec<Range<usize>> {
    names
        .iter()
        .flat_map(|name| {
            text.match_indices(name.as_str())
                .map(|(at, name)| at..at + name.len())
        })
        .collect()
}

/// Whether `text` ends with `expansion`, then perhaps an opening bracket and spaces: "Standard
/// Operating Procedure (SOP)" already says what SOP stands for. Only the end is compared: lowering
/// the whole text at every term would be slow on long pages.
pub fn says_already(before: &str, expansion: &str) -> bool {
    let before = before.trim_end_matches(['(', ' ']);
    let chars = expansion.chars().count();
    let Some((start, _)) = before.char_indices().rev().nth(chars.saturating_sub(1)) else {
        return false;
    };
    before[start..].to_lowercase() == expansion.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether "WTE" in `text` is a use of the term, by the rules on both its sides.
    fn used(text: &str) -> bool {
        let at = text.find("WTE").unwrap();
        !joined_before(text, at) && !joined_after(text, at + 3)
    }

    #[test]
    fn a_term_standing_alone_is_used() {
        for text in [
            "WTE",
            "1.0 WTE",
            "staff (WTE)",
            "WTE, then",
            "the WTE.",
            "NHS/WTE",
        ] {
            assert!(used(text), "{text}");
        }
    }

    #[test]
    fn a_term_inside_a_number_is_not_used() {
        for text in ["1.0WTE", "2WTE", "WTE1.5", "12,5WTE", "1.WTE", "WTE.5"] {
            assert!(!used(text), "{text}");
        }
    }

    #[test]
    fn a_term_inside_a_hyphenated_word_is_not_used() {
        for text in ["non-WTE", "WTE-funded", "pre-WTE-post", "WTEs", "XWTE"] {
            assert!(!used(text), "{text}");
        }
        // A dash standing between spaces joins nothing.
        assert!(used("posts - WTE - in post"));
    }

    #[test]
    fn an_open_bracket_before_a_term_is_found() {
        assert!(inside_brackets("a spreadsheet ("));
        assert!(inside_brackets("a spreadsheet (one kind, "));
        assert!(!inside_brackets("a spreadsheet (one kind) and "));
        assert!(!inside_brackets("plain "));
    }

    #[test]
    fn bracketed_words_end_at_a_closing_bracket_or_a_comma() {
        for after in [")", ", JSON)", "'s)", "&#39;s)", "; or"] {
            assert!(ends_bracketed_words(after), "{after}");
        }
        for after in [" England, 2021)", "s)", " team)"] {
            assert!(!ends_bracketed_words(after), "{after}");
        }
    }

    #[test]
    fn names_cover_the_terms_inside_them() {
        let names = ["Northshire NHS Trust".to_string()];
        let text = "By Northshire NHS Trust, with NHS England.";
        let covered = inside_names(text, &names);
        assert_eq!(covered, vec![3..23]);
        assert!(covered
            .iter()
            .any(|r| r.contains(&text.find("NHS").unwrap())));
        assert!(!covered
            .iter()
            .any(|r| r.contains(&text.rfind("NHS").unwrap())));
    }

    #[test]
    fn an_expansion_just_before_is_found_in_any_case() {
        assert!(says_already(
            "each Standard Operating Procedure (",
            "standard operating procedure"
        ));
        assert!(!says_already("each (", "Standard Operating Procedure"));
    }
}
