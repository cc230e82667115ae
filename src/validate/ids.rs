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

/// The longest an id or a file name may be, in characters. Each becomes part of an output file's
/// name (`actions/<id>.html`, `recommendations/<register>-<item>.html`), and a file system refuses
/// a name over 255 bytes: two names at this limit still fit, with room to spare.
pub const LONGEST_NAME: usize = 100;

/// Whether an id or file name is too long to become part of a file name.
pub fn is_too_long(name: &str) -> bool {
    name.len() > LONGEST_NAME
}

/// A name cut to the limit at a hyphen, to suggest in place of one that is too long.
pub fn shortened(name: &str) -> String {
    let mut end = LONGEST_NAME.min(name.len());
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    let cut = &name[..end];
    match cut.rfind('-') {
        Some(hyphen) if name.len() > LONGEST_NAME && hyphen > 0 => cut[..hyphen].to_string(),
        _ => cut.to_string(),
    }
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
        let long = "midwife-".repeat(30);
        assert!(is_too_long(&long) && !is_too_long(&long[..100]));
        assert_eq!(shortened(&long), "midwife-".repeat(11) + "midwife");
        assert_eq!(
            slugify("  Saving Babies' Lives V2 "),
            "saving-babies-lives-v2"
        );
    }
}
