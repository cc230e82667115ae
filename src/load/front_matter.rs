//! Splits a Markdown page into its TOML front matter (between `+++` lines) and its body, keeping the
//! byte offsets of both so errors point at the right line of the file.

/// A page split into front matter and body, each with its byte offset in the file.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: &'a str,
    pub front_matter_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

/// Why a page could not be split.
#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `+++` line.
    NoOpening,
    /// A `+++` line opens the front matter but none closes it.
    NoClosing,
}

/// Splits `text` at its `+++` fences. Accepts `\n` and `\r\n` line ends and a leading byte-order mark.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != "+++" {
        return Err(SplitError::NoOpening);
    }
    let fm_start = start + first_line_end;
    let mut offset = fm_start;
    for line in text[fm_start..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let body_offset = offset + line.len();
            return Ok(Split {
                front_matter: &text[fm_start..offset],
                front_matter_offset: fm_start,
                body: &text[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err(SplitError::NoClosing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body_with_offsets() {
        let text = "+++\ntitle = \"A\"\n+++\n# Body\n";
        let split = split(text).unwrap();
        assert_eq!(split.front_matter, "title = \"A\"\n");
        assert_eq!(split.front_matter_offset, 4);
        assert_eq!(split.body, "# Body\n");
        assert_eq!(&text[split.body_offset..], "# Body\n");
    }

    #[test]
    fn accepts_windows_line_ends() {
        let split = split("+++\r\ntitle = \"A\"\r\n+++\r\nBody").unwrap();
        assert_eq!(split.front_matter, "title = \"A\"\r\n");
        assert_eq!(split.body, "Body");
    }

    #[test]
    fn reports_missing_fences() {
        assert_eq!(split("# No front matter"), Err(SplitError::NoOpening));
        assert_eq!(split("+++\ntitle = \"A\"\n"), Err(SplitError::NoClosing));
    }
}
