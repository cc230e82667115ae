//! The rules for ids, file names and quarters, and the helpers that suggest a fix.

/// Lower-case letters, digits and single hyphens: safe as a file name and in a web address.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The slug a title or id would become ("Staffing & Workforce" → "staffing-workforce").
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The number of single-character edits between two ids: how a typo is told from another id.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        assert!(is_slug("chief-nurse"));
        assert!(is_slug("p2"));
        assert!(!is_slug("Chief Nurse"));
        assert!(!is_slug("../etc"));
        assert!(!is_slug(""));
        assert_eq!(slugify("Staffing & Workforce"), "staffing-workforce");
        assert_eq!(
            slugify("  Saving Babies' Lives V2 "),
            "saving-babies-lives-v2"
        );
    }

    #[test]
    fn edit_distance_counts_typos() {
        assert_eq!(edit_distance("chief-nures", "chief-nurse"), 2);
        assert_eq!(edit_distance("on-track", "on-track"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
