//! A large action register parsed in pieces on all cores. One national register of 50,000 actions
//! is one file, and one TOML parse is one core's work; but its actions are `[[actions]]` tables
//! one after another, each of which means the same cut out of the file as in it. So the text is
//! cut at header lines outside any string (`toml_scan`), the head (everything before the first
//! action) and each piece are parsed at once, every span is moved back to its place in the file,
//! and the actions are joined in order.
//!
//! The pieces' parse is the whole file's parse or nothing: on any error or surprise (a key beside
//! the actions in a piece, `actions` in the head) the whole file is parsed as one, so an error
//! reads exactly as it always has. A cut inside a string, an array or a statement leaves the piece
//! before it unfinished, which the parser rejects, so a wrong guess by the scan costs time only.

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::de::{DeTable, DeValue, Deserializer};
use toml::Spanned;

use super::format::{ActionEntry, PriorityFile};
use super::toml_scan;

/// When a register is parsed in pieces, and how large the pieces are.
#[derive(Debug, Clone, Copy)]
pub struct Chunking {
    /// Files of this many bytes or fewer are parsed whole: cutting gains nothing.
    pub over: usize,
    /// Each piece holds whole actions, at least this many bytes of them (but the last).
    pub piece: usize,
}

impl Chunking {
    /// Pieces of 1 MB or more, from registers over 2 MB: a 135 MB register of 50,000 actions is
    /// 135 pieces, plenty for any number of cores, and few enough that joining them costs nothing.
    pub const LARGE: Chunking = Chunking {
        over: 2 << 20,
        piece: 1 << 20,
    };
}

/// The register in `text`, parsed as `toml::from_str` parses it, with the same value, the same
/// spans and the same error; in pieces on all cores when it is large.
pub fn parse(text: &str, chunking: Chunking) -> Result<PriorityFile, toml::de::Error> {
    match in_pieces(text, chunking) {
        Some(register) => Ok(register),
        None => toml::from_str(text),
    }
}

/// What a piece holds: actions only. Anything else (`[[sections]]` after the actions) is a
/// surprise, and the whole file is parsed as one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Piece {
    actions: Vec<ActionEntry>,
}

/// The register parsed in pieces, or `None` when it is small or anything is not as expected.
fn in_pieces(text: &str, chunking: Chunking) -> Option<PriorityFile> {
    if text.len() <= chunking.over {
        return None;
    }
    let headers = toml_scan::header_lines(text, "[[actions]]");
    let (&first, _) = headers.split_first()?;
    let pieces = pieces(&headers, text.len(), chunking.piece);
    let (head, actions) = rayon::join(
        || head(&text[..first]),
        || {
            let parsed = pieces.into_par_iter().map(|range| {
                let piece: Piece = from_table(&text[range.clone()], range.start)?;
                Some(piece.actions)
            });
            parsed.collect::<Option<Vec<Vec<ActionEntry>>>>()
        },
    );
    let mut register = head?;
    register.actions = actions?.into_iter().flatten().collect();
    Some(register)
}

/// The register's own fields, before its first action; `None` if the head names `actions`
/// itself (`actions = […]`), which the whole file's parse must judge.
fn head(text: &str) -> Option<PriorityFile> {
    let table = DeTable::parse(text).ok()?;
    if table.get_ref().contains_key("actions") {
        return None;
    }
    PriorityFile::deserialize(Deserializer::from(table)).ok()
}

/// The byte ranges of the pieces: from header to header, each at least `size` bytes but the
/// last, which runs to the end of the text.
fn pieces(headers: &[usize], end: usize, size: usize) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = headers[0];
    for &header in &headers[1..] {
        if header - start >= size {
            ranges.push(start..header);
            start = header;
        }
    }
    ranges.push(start..end);
    ranges
}

/// `text`, a TOML document found at `offset` in its file, parsed into `T` with every span an
/// offset into the file.
fn from_table<T: DeserializeOwned>(text: &str, offset: usize) -> Option<T> {
    let table = DeTable::parse(text).ok()?;
    let span = moved(table.span(), offset);
    let table = Spanned::new(span, moved_table(table.into_inner(), offset));
    T::deserialize(Deserializer::from(table)).ok()
}

fn moved(span: std::ops::Range<usize>, offset: usize) -> std::ops::Range<usize> {
    span.start + offset..span.end + offset
}

/// A table with every span in it, its keys' and its values' at any depth, moved by `offset`.
fn moved_table(table: DeTable<'_>, offset: usize) -> DeTable<'_> {
    let entries = table.into_iter().map(|(key, value)| {
        let key = Spanned::new(moved(key.span(), offset), key.into_inner());
        (key, moved_value(value, offset))
    });
    entries.collect()
}

fn moved_value(value: Spanned<DeValue<'_>>, offset: usize) -> Spanned<DeValue<'_>> {
    let span = moved(value.span(), offset);
    let value = match value.into_inner() {
        DeValue::Table(table) => DeValue::Table(moved_table(table, offset)),
        // Moved in place: an array knows whether it was written as `[[…]]` tables.
        DeValue::Array(mut items) => {
            for item in items.iter_mut() {
                let taken = std::mem::replace(item, Spanned::new(0..0, DeValue::Boolean(false)));
                *item = moved_value(taken, offset);
            }
            DeValue::Array(items)
        }
        other => other,
    };
    Spanned::new(span, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every file is cut, into pieces of one action or more.
    const SMALL: Chunking = Chunking { over: 0, piece: 1 };

    /// The whole file's parse and the pieces' parse, as text: values, spans and errors.
    fn both(text: &str, chunking: Chunking) -> (String, String) {
        let whole = toml::from_str::<PriorityFile>(text);
        (format!("{whole:?}"), format!("{:?}", parse(text, chunking)))
    }

    const HEAD: &str =
        "number = 3\ntitle = \"Listening\"\n[[sections]]\nheading = \"Why\"\ntext = \"Because\"\n";

    fn action(id: &str) -> String {
        format!("[[actions]]\nid = \"{id}\"\ntitle = \"T {id}\"\nachieve = [\"a\", \"b\"]\n")
    }

    #[test]
    fn pieces_give_the_whole_files_value_and_spans() {
        let text = format!("{HEAD}{}{}{}", action("a"), action("b"), action("c"));
        let register = in_pieces(&text, SMALL).expect("cut into pieces");
        assert_eq!(register.actions.len(), 3);
        let id = &register.actions[2].id;
        assert_eq!(&text[id.span()], "\"c\"");
        let (whole, pieces) = both(&text, SMALL);
        assert_eq!(whole, pieces);
    }

    #[test]
    fn small_files_and_files_without_actions_are_parsed_whole() {
        let text = format!("{HEAD}{}", action("a"));
        assert!(in_pieces(&text, Chunking::LARGE).is_none());
        assert!(in_pieces(HEAD, SMALL).is_none());
        assert!(parse(HEAD, SMALL).is_ok());
    }

    #[test]
    fn pieces_are_whole_actions_of_at_least_the_size() {
        assert_eq!(
            pieces(&[5, 10, 30, 32, 60], 100, 20),
            [5..30, 30..60, 60..100]
        );
        assert_eq!(
            pieces(&[0], 7, 1 << 20),
            vec![std::ops::Range { start: 0, end: 7 }]
        );
    }

    #[test]
    fn a_table_after_the_actions_is_the_whole_files_to_read() {
        let text = format!(
            "{HEAD}{}[[sections]]\nheading = \"After\"\ntext = \"x\"\n",
            action("a")
        );
        assert!(in_pieces(&text, SMALL).is_none());
        let register = parse(&text, SMALL).expect("valid TOML");
        assert_eq!(register.sections.len(), 2);
    }

    #[test]
    fn actions_in_the_head_too_are_the_whole_files_to_judge() {
        let text = format!("number = 1\ntitle = \"T\"\nactions = []\n{}", action("a"));
        assert!(in_pieces(&text, SMALL).is_none());
        let (whole, pieces) = both(&text, SMALL);
        assert!(whole.starts_with("Err("), "{whole}");
        assert_eq!(whole, pieces);
    }

    #[test]
    fn an_error_in_one_piece_reads_as_the_whole_files_error() {
        let broken = "[[actions]]\nid = = \"b\"\n";
        let text = format!("{HEAD}{}{broken}{}", action("a"), action("c"));
        let (whole, pieces) = both(&text, SMALL);
        assert!(whole.starts_with("Err("), "{whole}");
        assert_eq!(whole, pieces);
    }

    /// A piece of an action's text that looks like TOML a cut could be made at.
    fn tricky_text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("notes = \"\"\"\n[[actions]]\nid = \"fake\"\n\"\"\"\n".to_string()),
            Just("notes = '''\n[[actions]]\n# not a comment\n'''\n".to_string()),
            Just("notes = \"\"\"ends with a quote\"\"\"\"\n".to_string()),
            Just("notes = '''ends with quotes'''''\n".to_string()),
            Just("lead = \"say \\\"[[actions]]\\\" # and \\\\\"\n".to_string()),
            Just("# a comment with \"a quote and 'another\n".to_string()),
            Just("due = 'C:\\path' # it's due\n".to_string()),
            Just("families = [\n  \"one\", # first\n  '''two''',\n]\n".to_string()),
            Just("[actions.columns]\nnow = [\"where we are\"]\n".to_string()),
            Just(
                "[[actions.sections]]\nheading = \"H\"\ntext = \"\"\"\n[[actions]]\n\"\"\"\n"
                    .to_string()
            ),
            Just("[[actions.milestones]]\ntitle = \"M\"\ndue = \"2025-03\"\n".to_string()),
            Just("\n   \n".to_string()),
        ]
    }

    fn action_text() -> impl Strategy<Value = String> {
        let id = "[a-z]{1,6}";
        let extras = prop::collection::vec(tricky_text(), 0..4);
        (id, extras, any::<bool>()).prop_map(|(id, extras, indented)| {
            let header = if indented {
                "  [[actions]]"
            } else {
                "[[actions]]"
            };
            let mut text = format!("{header}\nid = \"{id}\"\ntitle = \"{id} # not a comment\"\n");
            // A sub-table must come after the action's own keys.
            let (tables, keys): (Vec<String>, Vec<String>) =
                extras.into_iter().partition(|e| e.starts_with('['));
            text.extend(keys);
            text.extend(tables);
            text
        })
    }

    /// A register: a head, its actions, perhaps a table after them, perhaps a broken action;
    /// with LF or CRLF line ends. And whether it is actions only after its head.
    fn register_text() -> impl Strategy<Value = (String, bool)> {
        let actions = prop::collection::vec(action_text(), 0..8);
        let after = prop_oneof![
            Just(""),
            Just("[[sections]]\nheading = \"After\"\ntext = \"x\"\n"),
            Just("[extra]\n"),
        ];
        let broken = prop::option::of((
            0..8usize,
            prop_oneof![
                Just("key = = 1\n"),
                Just("notes = \"\"\"never closed\n"),
                Just("title = \"twice\"\n"),
                Just("unknown = 1\n"),
            ],
        ));
        let parts = (actions, after, broken, any::<bool>());
        parts.prop_map(|(mut actions, after, broken, crlf)| {
            if let Some((at, line)) = broken {
                let count = actions.len().max(1);
                if let Some(action) = actions.get_mut(at % count) {
                    action.push_str(line);
                }
            }
            let only_actions = !actions.is_empty() && after.is_empty();
            let text = format!("{HEAD}{}{after}", actions.concat());
            match crlf {
                true => (text.replace('\n', "\r\n"), only_actions),
                false => (text, only_actions),
            }
        })
    }

    proptest! {
        #[test]
        fn pieces_parse_as_the_whole_file(
            (text, only_actions) in register_text(),
            piece in 1..400usize,
        ) {
            let chunking = Chunking { over: 0, piece };
            let (whole, pieces) = both(&text, chunking);
            prop_assert_eq!(&whole, &pieces);
            // The pieces are not a path that never runs: every valid register of actions only
            // is parsed in pieces.
            if whole.starts_with("Ok(") && only_actions {
                prop_assert!(in_pieces(&text, chunking).is_some());
            }
        }
    }
}
