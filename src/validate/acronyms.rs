//! Acronyms the glossary does not explain: each one, once, where it is first used. A word is an
//! acronym by its capitals ("SRO", "BR+", "3YDP"); it is looked for in Markdown and in TOML, but
//! never in a TOML comment, where the editor's notes are not the plan's text, and the glossary's
//! terms are known inside hyphenated words ("ICS-wide") and after a figure ("1.0WTE").

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use rayon::prelude::*;

use crate::diagnostics::{ContentError, Source, StyleKind};
use crate::load::{toml_comments, Content};
use crate::work::{count, Work};

/// A file is searched in pieces of about this many bytes (whole lines), on all cores: one
/// register of 50,000 actions is then as much work for each core as 500 small ones.
const CHUNK: usize = 1 << 18;

/// An acronym the glossary lacks, in part of a file: the word, its first use there, and how many
/// times it is used there.
pub(super) type Found = (String, Range<usize>, usize);

/// The glossary's terms: the acronyms it explains.
pub(super) fn known(content: &Content) -> HashSet<String> {
    content
        .glossary
        .as_ref()
        .map(|g| {
            g.value
                .terms
                .iter()
                .map(|t| t.term.get_ref().clone())
                .collect()
        })
        .unwrap_or_default()
}

/// The acronyms the glossary (`known`) lacks in one file, found in pieces: in each piece, each
/// with its first use there and how many times it is used there. Only Markdown and TOML files
/// are searched, and never the glossary itself.
pub(super) fn in_file(source: &Source, known: &HashSet<String>) -> Vec<Vec<Found>> {
    let glossary_path = std::path::Path::new("content/glossary.toml");
    let is_toml = source.path.extension().is_some_and(|e| e == "toml");
    let is_md = source.path.extension().is_some_and(|e| e == "md");
    if source.path == glossary_path || !(is_toml || is_md) {
        return Vec::new();
    }
    unknown_acronyms(&source.text, is_toml, known, CHUNK)
}

/// Each acronym the glossary does not explain, once, where it is first used: from what `in_file`
/// found in each of the content's files, in their order.
pub(super) fn unexplained<'f>(
    content: &Content,
    found: impl IntoIterator<Item = &'f Vec<Vec<Found>>>,
    warnings: &mut Vec<ContentError>,
) {
    let pieces = found
        .into_iter()
        .enumerate()
        .flat_map(|(index, pieces)| pieces.iter().map(move |piece| (index, piece)));
    for (index, word, range, uses) in first_uses(pieces) {
        let kind = StyleKind::NotInGlossary { word, uses };
        warnings.push(ContentError::at(&content.sources[index], range, kind));
    }
}

/// Each word once, in the order first found: the file (by index) and place of its first use, and
/// its uses in every piece. Pieces come in the order of their files, and of their places in a file.
fn first_uses<'f>(
    pieces: impl IntoIterator<Item = (usize, &'f Vec<Found>)>,
) -> Vec<(usize, String, Range<usize>, usize)> {
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut first: Vec<(usize, String, Range<usize>, usize)> = Vec::new();
    for (index, found) in pieces {
        for (word, range, uses) in found {
            match at.get(word.as_str()) {
                Some(&i) => first[i].3 += uses,
                None => {
                    at.insert(word, first.len());
                    first.push((index, word.clone(), range.clone(), *uses));
                }
            }
        }
    }
    first
}

/// The acronyms in one file's `text` that the glossary does not explain, found in pieces of about
/// `chunk` bytes (whole lines) on all cores: in each piece, each with its first use there and how
/// many times it is used there, in the order of first use.
fn unknown_acronyms(
    text: &str,
    is_toml: bool,
    known: &HashSet<String>,
    chunk: usize,
) -> Vec<Vec<Found>> {
    // Where a TOML string opens and closes is known only from the top of the file: the comments
    // are found in one pass, and each piece looks up its own.
    let comments = if is_toml {
        toml_comments(text)
    } else {
        Vec::new()
    };
    line_chunks(text, chunk)
        .into_par_iter()
        .map(|lines| unknown_in(text, lines, &comments, known))
        .collect()
}

/// `unknown_acronyms` in the lines of `text` in `lines`.
fn unknown_in(
    text: &str,
    lines: Range<usize>,
    comments: &[Range<usize>],
    known: &HashSet<String>,
) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for (range, word) in acronyms(text, lines, comments) {
        if let Some(&i) = at.get(word) {
            found[i].2 += 1;
        } else if !is_known(known, word) {
            at.insert(word, found.len());
            found.push((word.to_string(), range, 1));
        }
    }
    found
}

/// `text` cut into pieces of whole lines, each of at least `size` bytes but the last.
fn line_chunks(text: &str, size: usize) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let from = start.saturating_add(size.max(1)).min(text.len());
        let newline = text.as_bytes()[from..].iter().position(|&b| b == b'\n');
        let end = newline.map_or(text.len(), |i| from + i + 1);
        chunks.push(start..end);
        start = end;
    }
    chunks
}

/// In the glossary as written, as a plural ("KPIs"), after a figure ("0WTE", of "1.0WTE"), or a
/// hyphenated word whose acronym parts are ("ICS-wide").
fn is_known(known: &HashSet<String>, word: &str) -> bool {
    let as_written =
        |w: &str| known.contains(w) || w.strip_suffix('s').is_some_and(|w| known.contains(w));
    let listed =
        |w: &str| as_written(w) || as_written(w.trim_start_matches(|c: char| c.is_ascii_digit()));
    listed(word)
        || (word.contains('-') && word.split('-').filter(|part| is_acronym(part)).all(listed))
}

/// Words that look like acronyms in the lines of `text` in `lines` (whole lines), with their
/// places in `text`: two or more capitals ("SRO", "BR+", "O&G", "HoM", "3YDP"). Runs of three or
/// more capitalised words are shouting, not acronyms, and words in `comments` (a TOML file's
/// comments, in order) are skipped.
fn acronyms<'t>(
    text: &'t str,
    lines: Range<usize>,
    comments: &[Range<usize>],
) -> Vec<(Range<usize>, &'t str)> {
    let mut comments = Comments::from(comments, lines.start);
    let mut found = Vec::new();
    let mut offset = lines.start;
    for line in text[lines].split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        // Most lines have no acronym at all: only those that may are cut into words.
        if !may_hold_acronym(line) {
            continue;
        }
        let words = words(line);
        for (i, &(at, word)) in words.iter().enumerate() {
            let shouting = |j: usize| {
                words
                    .get(j)
                    .is_some_and(|(_, w)| w.len() > 1 && w.chars().all(|c| !c.is_lowercase()))
            };
            let in_run = || {
                (i >= 2 && shouting(i - 2) && shouting(i - 1))
                    || (i >= 1 && shouting(i - 1) && shouting(i + 1))
                    || (shouting(i + 1) && shouting(i + 2))
            };
            let at = line_start + at;
            if is_acronym(word) && !(in_run() && shouting(i)) && !comments.contain(at) {
                found.push((at..at + word.len(), word));
            }
        }
    }
    comments.counted();
    found
}

/// A file's comments, asked about places in order: each comment is passed once, so telling
/// whether the acronyms of a register are in comments is one walk through both.
struct Comments<'c> {
    comments: &'c [Range<usize>],
    /// The first comment that does not end before the last place asked about.
    next: usize,
    /// Comments passed and places asked about.
    work: usize,
}

impl<'c> Comments<'c> {
    /// Ready to be asked about places from `start` on.
    fn from(comments: &'c [Range<usize>], start: usize) -> Self {
        let next = comments.partition_point(|c| c.end <= start);
        Comments {
            comments,
            next,
            work: 0,
        }
    }

    /// Whether a comment holds `at`, which is no earlier than the place asked about before.
    fn contain(&mut self, at: usize) -> bool {
        self.work += 1;
        while self.comments.get(self.next).is_some_and(|c| c.end <= at) {
            self.next += 1;
            self.work += 1;
        }
        self.comments.get(self.next).is_some_and(|c| c.start <= at)
    }

    fn counted(self) {
        count(Work::AcronymCommentSteps, self.work);
    }
}

/// Whether a line may hold an acronym: two ASCII capitals with only letters, digits, `+`, `&` or
/// `'` between them, as in one part of a word. A byte of a character beyond ASCII may be part of
/// a letter, so it never parts two capitals. Most lines of a plan have no such pair, and are
/// passed over without being cut into words.
fn may_hold_acronym(line: &str) -> bool {
    let mut capital = false;
    for &byte in line.as_bytes() {
        if byte.is_ascii_uppercase() {
            if capital {
                return true;
            }
            capital = true;
        } else if byte.is_ascii() && !(byte.is_ascii_alphanumeric() || b"+&'".contains(&byte)) {
            capital = false;
        }
    }
    false
}

/// The words of a line (`tokens`); a line of ASCII, as most are, read byte by byte.
fn words(line: &str) -> Vec<(usize, &str)> {
    if !line.is_ascii() {
        return tokens(line).collect();
    }
    let bytes = line.as_bytes();
    let in_word = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'&' | b'-' | b'\'');
    let mut words = Vec::new();
    let mut start = 0;
    for end in 0..=bytes.len() {
        if end < bytes.len() && in_word(bytes[end]) {
            continue;
        }
        let word = word_of(start, &line[start..end]);
        if !word.1.is_empty() {
            words.push(word);
        }
        start = end + 1;
    }
    words
}

/// Words of a line with their byte offsets: letters, digits, and + & - ' inside a word.
fn tokens(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split(|c: char| !(c.is_alphanumeric() || matches!(c, '+' | '&' | '-' | '\'')))
        .scan(0usize, move |pos, piece| {
            let start = *pos;
            *pos += piece.len() + 1;
            Some((start, piece))
        })
        .map(|(start, piece)| word_of(start, piece))
        .filter(|(_, word)| !word.is_empty())
}

/// The word in a run of word characters at `start`: without hyphens or quotes at its ends, nor
/// a possessive "'s".
fn word_of(start: usize, piece: &str) -> (usize, &str) {
    let trimmed = piece.trim_start_matches(['-', '\'']);
    let lead = piece.len() - trimmed.len();
    let trimmed = trimmed.trim_end_matches(['-', '\'']);
    let trimmed = trimmed.strip_suffix("'s").unwrap_or(trimmed);
    (start + lead, trimmed)
}

/// Mostly capitals, at least two: "SRO", "HoM", "SBLCBv2", "O&G"; not "JavaScript" or "Well-Led".
fn is_acronym(word: &str) -> bool {
    // Most words fail the first test, so it comes first and the rest never runs for them.
    let starts_well = word
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    starts_well
        && word.split('-').any(|part| {
            let capitals = part.chars().filter(char::is_ascii_uppercase).count();
            let letters = part.chars().filter(|c| c.is_alphabetic()).count();
            letters > 0 && capitals >= 2 && capitals * 2 >= letters
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The acronyms of a whole file, as words.
    fn words_in(text: &str, is_toml: bool) -> Vec<&str> {
        let comments = if is_toml {
            toml_comments(text)
        } else {
            Vec::new()
        };
        let found = acronyms(text, 0..text.len(), &comments);
        found.into_iter().map(|(_, w)| w).collect()
    }

    #[test]
    fn acronyms_are_told_from_shouting() {
        let text = "The SRO and the MNVP's plan, BR+ and O&G, HoM, NEWTT-2.\nOCKENDEN REPORT - MATERNITY SERVICES\nJavaScript, Well-Led\n";
        assert_eq!(
            words_in(text, false),
            ["SRO", "MNVP", "BR+", "O&G", "HoM", "NEWTT-2"]
        );
        let known: HashSet<String> = ["ICS", "KPI"].map(String::from).into();
        assert!(
            is_known(&known, "ICS-wide") && is_known(&known, "KPIs") && !is_known(&known, "SRO")
        );
    }

    #[test]
    fn known_terms_are_known_after_a_figure() {
        let known: HashSet<String> = ["WTE", "3YDP"].map(String::from).into();
        assert!(is_known(&known, "0WTE") && is_known(&known, "2WTEs"));
        assert!(is_known(&known, "3YDP") && !is_known(&known, "0SRO"));
    }

    #[test]
    fn toml_comments_are_found_outside_strings_only() {
        let text = "# A note on MDT\nsro = \"CNO\" # ask the SRO\nnotes = \"\"\"\n# Heading with PMA\n\"\"\"\nx = 'a # b' # LMNS\nq = \"say \\\"#\\\" ok\" # ICB\n";
        let comments: Vec<&str> = toml_comments(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            comments,
            ["# A note on MDT", "# ask the SRO", "# LMNS", "# ICB"]
        );
        assert_eq!(words_in(text, true), ["CNO", "PMA"]);
    }

    #[test]
    fn a_file_is_cut_into_whole_lines() {
        let text = "one\ntwo\nthree\nfour";
        let chunks = line_chunks(text, 5);
        let pieces: Vec<&str> = chunks.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(pieces, ["one\ntwo\n", "three\n", "four"]);
        assert!(line_chunks("", 5).is_empty());
    }

    #[test]
    fn comments_in_a_register_are_each_passed_once() {
        // A comment on every action: telling whether each acronym is in one walks the list once.
        let text = "a = \"SRO\" # MDT\n".repeat(1000);
        let comments = toml_comments(&text);
        let mut walk = Comments::from(&comments, 0);
        let found = acronyms(&text, 0..text.len(), &comments);
        for (range, _) in &found {
            walk.contain(range.start);
        }
        assert_eq!(found.len(), 1000);
        assert!(walk.work <= found.len() + comments.len(), "{}", walk.work);
    }

    /// Text with capitals, words, comments, strings and letters beyond ASCII.
    const TEXT: &str = "([A-Z]{1,4}|[a-z]{1,5}|[0-9]|[ +&'#\"\\\\\\-]|\n|é|Ä|ß|Σ|—){0,80}";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Searching a file in pieces finds what searching it whole does: the same words, first
        /// used at the same places, used as many times.
        #[test]
        fn pieces_find_what_the_whole_file_does(
            text in TEXT,
            other in TEXT,
            chunk in 1usize..40,
            is_toml in any::<bool>(),
        ) {
            let known: HashSet<String> = ["SRO", "MDT"].map(String::from).into();
            let files = [text.as_str(), other.as_str()];
            let found = |chunk: usize| {
                let files = files.map(|text| unknown_acronyms(text, is_toml, &known, chunk));
                let pieces = files.iter().enumerate().flat_map(|(index, pieces)| {
                    pieces.iter().map(move |piece| (index, piece))
                });
                first_uses(pieces)
            };
            prop_assert_eq!(found(chunk), found(usize::MAX));
        }

        /// A line of ASCII read byte by byte gives the words it gives read by characters.
        #[test]
        fn ascii_lines_give_the_same_words(line in "[ -~]{0,80}") {
            let by_characters: Vec<(usize, &str)> = tokens(&line).collect();
            prop_assert_eq!(words(&line), by_characters);
        }

        /// A line passed over holds no acronym.
        #[test]
        fn no_acronym_is_passed_over(line in TEXT) {
            if !may_hold_acronym(&line) {
                prop_assert!(!tokens(&line).any(|(_, word)| is_acronym(word)), "{}", line);
            }
        }
    }
}
