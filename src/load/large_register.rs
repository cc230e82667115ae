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

use super::format::{ActionEntry, MilestoneEntry, PriorityFile, SectionEntry};
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

/// A register's text and what was read from it, the last time it was parsed whole.
#[derive(Clone, Copy)]
pub struct Before<'a> {
    pub text: &'a str,
    pub register: &'a PriorityFile,
}

/// The register in `text`, parsed as `toml::from_str` parses it, with the same value, the same
/// spans and the same error; in pieces on all cores when it is large. Each piece whose text is
/// the same in `before` (the same file's last parse) is taken from it, its spans moved to where
/// the piece is now: an edit to one action area of a register of thousands parses the piece it
/// is in.
pub fn parse_again(
    text: &str,
    chunking: Chunking,
    before: Option<Before>,
) -> Result<PriorityFile, toml::de::Error> {
    match in_pieces(text, chunking, before) {
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
fn in_pieces(text: &str, chunking: Chunking, before: Option<Before>) -> Option<PriorityFile> {
    let cut = Cut::of(text, chunking)?;
    let earlier = before.and_then(|before| Earlier::of(before, chunking, cut.per_piece));
    let (head, actions) = rayon::join(
        || head(&text[..cut.first()]),
        || {
            let ranges = cut.pieces(text.len());
            let parsed = ranges.into_par_iter().enumerate().map(|(i, range)| {
                let piece = &text[range.clone()];
                if let Some(kept) = earlier
                    .as_ref()
                    .and_then(|e| e.piece(i, piece, range.start))
                {
                    return Some(kept);
                }
                let piece: Piece = from_table(piece, range.start)?;
                Some(piece.actions)
            });
            parsed.collect::<Option<Vec<Vec<ActionEntry>>>>()
        },
    );
    let mut register = head?;
    register.actions = actions?.into_iter().flatten().collect();
    Some(register)
}

/// Where a large register is cut: before every `per_piece`th `[[actions]]` header. Counted in
/// actions, not bytes, so an edit within an action area leaves every cut where it was, and the
/// pieces it did not touch the same text.
struct Cut {
    headers: Vec<usize>,
    per_piece: usize,
    /// Whether a table other than an action's follows the first action (`[[sections]]` after
    /// the actions): the pieces then cannot be read alone, and the whole file is parsed.
    others: bool,
}

impl Cut {
    /// `None` for a register too small to cut, or with no action.
    fn of(text: &str, chunking: Chunking) -> Option<Cut> {
        if text.len() <= chunking.over {
            return None;
        }
        let (headers, others) = action_headers(text);
        let actions = text.len() - headers.first()?;
        // Enough actions to make a piece of at least the size, on average, rounded up to a power
        // of two so that an edit seldom changes it.
        let per_piece = (chunking.piece * headers.len()).div_ceil(actions.max(1));
        Some(Cut {
            per_piece: per_piece.max(1).next_power_of_two(),
            headers,
            others,
        })
    }

    fn first(&self) -> usize {
        self.headers[0]
    }

    /// The byte ranges of the pieces; the last runs to `end`, the end of the text.
    fn pieces(&self, end: usize) -> Vec<std::ops::Range<usize>> {
        let starts: Vec<usize> = self
            .headers
            .iter()
            .step_by(self.per_piece)
            .copied()
            .collect();
        let ends = starts.iter().skip(1).copied().chain([end]);
        starts.iter().zip(ends).map(|(&s, e)| s..e).collect()
    }
}

/// Where each `[[actions]]` header line starts, outside any string, and whether a line after the
/// first opens any other table than an action's own (`[actions.columns]`, `[[actions.sections]]`)
/// or is any other line that starts with `[`.
fn action_headers(text: &str) -> (Vec<usize>, bool) {
    let mut headers = Vec::new();
    let mut others = false;
    toml_scan::scan(text, |found| {
        let toml_scan::Found::Line(start) = found else {
            return;
        };
        let line = text[start..].trim_start_matches([' ', '\t']);
        if !line.starts_with('[') {
            return;
        }
        if toml_scan::opens_with(line, "[[actions]]") {
            headers.push(start);
        } else if !headers.is_empty() {
            others |= !line.starts_with("[actions.") && !line.starts_with("[[actions.");
        }
    });
    (headers, others)
}

/// The pieces of a register's last parse, cut as the register is cut now.
struct Earlier<'a> {
    text: &'a str,
    pieces: Vec<std::ops::Range<usize>>,
    actions: &'a [ActionEntry],
    per_piece: usize,
}

impl<'a> Earlier<'a> {
    /// `None` when it was cut otherwise, or when it may have been parsed whole: its actions are
    /// not one to a header, or another table follows them, whose piece read alone is not what
    /// the whole file's parse read.
    fn of(before: Before<'a>, chunking: Chunking, per_piece: usize) -> Option<Earlier<'a>> {
        let cut = Cut::of(before.text, chunking)?;
        let actions = &before.register.actions;
        let same = cut.per_piece == per_piece && cut.headers.len() == actions.len();
        let same = same && !cut.others;
        same.then(|| Earlier {
            text: before.text,
            pieces: cut.pieces(before.text.len()),
            actions,
            per_piece,
        })
    }

    /// The actions of the `i`th piece, if its text is the same as `piece`, found at `start`.
    fn piece(&self, i: usize, piece: &str, start: usize) -> Option<Vec<ActionEntry>> {
        let range = self.pieces.get(i)?;
        if self.text.get(range.clone())? != piece {
            return None;
        }
        let first = i * self.per_piece;
        let actions = self
            .actions
            .get(first..(first + self.per_piece).min(self.actions.len()))?;
        let by = start as isize - range.start as isize;
        Some(actions.iter().map(|a| a.clone().moved(by)).collect())
    }
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

/// A value read from a register, with every span in it moved by `by` bytes: a piece taken from
/// the last parse, now found elsewhere in the file.
trait Moved {
    fn moved(self, by: isize) -> Self;
}

impl<T> Moved for Spanned<T> {
    fn moved(self, by: isize) -> Self {
        let span = self.span();
        let at = |offset: usize| offset.saturating_add_signed(by);
        Spanned::new(at(span.start)..at(span.end), self.into_inner())
    }
}

impl<T: Moved> Moved for Option<T> {
    fn moved(self, by: isize) -> Self {
        self.map(|value| value.moved(by))
    }
}

impl<T: Moved> Moved for Vec<T> {
    fn moved(self, by: isize) -> Self {
        self.into_iter().map(|value| value.moved(by)).collect()
    }
}

impl Moved for ActionEntry {
    fn moved(self, by: isize) -> Self {
        // Every field named, so a field added to an action area cannot be left unmoved.
        let ActionEntry {
            id,
            title,
            kind,
            status,
            answers,
            due,
            lead,
            owners,
            achieve,
            doing,
            families,
            columns,
            narrative,
            sections,
            notes,
            milestones,
        } = self;
        ActionEntry {
            id: id.moved(by),
            title,
            kind: kind.moved(by),
            status: status.moved(by),
            answers: answers.moved(by),
            due: due.moved(by),
            lead,
            owners: owners.moved(by),
            achieve: achieve.moved(by),
            doing: doing.moved(by),
            families: families.moved(by),
            columns: columns.into_iter().map(|(k, v)| (k, v.moved(by))).collect(),
            narrative: narrative.moved(by),
            sections: sections.moved(by),
            notes: notes.moved(by),
            milestones: milestones.moved(by),
        }
    }
}

impl Moved for SectionEntry {
    fn moved(self, by: isize) -> Self {
        let SectionEntry { heading, text } = self;
        SectionEntry {
            heading,
            text: text.moved(by),
        }
    }
}

impl Moved for MilestoneEntry {
    fn moved(self, by: isize) -> Self {
        let MilestoneEntry { title, due } = self;
        MilestoneEntry {
            title,
            due: due.moved(by),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::Arc;

    fn parse(text: &str, chunking: Chunking) -> Result<PriorityFile, toml::de::Error> {
        parse_again(text, chunking, None)
    }

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
        let register = in_pieces(&text, SMALL, None).expect("cut into pieces");
        assert_eq!(register.actions.len(), 3);
        let id = &register.actions[2].id;
        assert_eq!(&text[id.span()], "\"c\"");
        let (whole, pieces) = both(&text, SMALL);
        assert_eq!(whole, pieces);
    }

    #[test]
    fn small_files_and_files_without_actions_are_parsed_whole() {
        let text = format!("{HEAD}{}", action("a"));
        assert!(in_pieces(&text, Chunking::LARGE, None).is_none());
        assert!(in_pieces(HEAD, SMALL, None).is_none());
        assert!(parse(HEAD, SMALL).is_ok());
    }

    #[test]
    fn a_register_is_cut_every_so_many_actions_enough_for_a_piece_of_the_size() {
        let cut = |headers: &[usize], per_piece| Cut {
            headers: headers.to_vec(),
            per_piece,
            others: false,
        };
        assert_eq!(
            cut(&[5, 10, 30, 32, 60], 2).pieces(100),
            [5..30, 30..60, 60..100]
        );
        assert_eq!(
            cut(&[0], 4).pieces(7),
            vec![std::ops::Range { start: 0, end: 7 }]
        );
        // Four actions of 25 bytes after a head of 10: pieces of 50 bytes are two actions each.
        let text = format!(
            "{}{}",
            "x".repeat(10),
            "[[actions]]\n".repeat(4).replace('\n', &"\n".repeat(14))
        );
        let chunking = Chunking { over: 0, piece: 50 };
        assert_eq!(Cut::of(&text, chunking).map(|c| c.per_piece), Some(2));
    }

    #[test]
    fn a_table_after_the_actions_is_the_whole_files_to_read() {
        let text = format!(
            "{HEAD}{}[[sections]]\nheading = \"After\"\ntext = \"x\"\n",
            action("a")
        );
        assert!(in_pieces(&text, SMALL, None).is_none());
        let register = parse(&text, SMALL).expect("valid TOML");
        assert_eq!(register.sections.len(), 2);
    }

    #[test]
    fn actions_in_the_head_too_are_the_whole_files_to_judge() {
        let text = format!("number = 1\ntitle = \"T\"\nactions = []\n{}", action("a"));
        assert!(in_pieces(&text, SMALL, None).is_none());
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
            Just("status = \"on-track\"\nkind = \"review\"\n".to_string()),
            Just("owners = [\"a\", \"b\"]\nanswers = [\"1.1\"]\n".to_string()),
            Just("achieve = [\"one\"]\ndoing = [\"two\"]\nnarrative = \"n\"\n".to_string()),
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

    #[test]
    fn an_edit_takes_the_pieces_it_did_not_touch_from_the_last_parse_moved_to_their_place() {
        let before = format!("{HEAD}{}{}{}", action("a"), action("b"), action("c"));
        let register = parse(&before, SMALL).expect("parses");
        let after = before.replace("T b", "T b, now longer");
        let last = Before {
            text: &before,
            register: &register,
        };
        let again = parse_again(&after, SMALL, Some(last)).expect("parses");
        let whole = toml::from_str::<PriorityFile>(&after);
        assert_eq!(
            format!("{:?}", Ok::<_, ()>(&again)),
            format!("{:?}", whole.as_ref().map_err(|_| ()))
        );
        let shared = |i: usize| {
            Arc::ptr_eq(
                again.actions[i].achieve[0].get_ref(),
                register.actions[i].achieve[0].get_ref(),
            )
        };
        assert!(
            shared(0) && shared(2),
            "the pieces before and after the edit are taken"
        );
        assert!(!shared(1), "the edited piece is parsed");
        assert_eq!(
            &after[again.actions[2].id.span()],
            "\"c\"",
            "moved to its place"
        );
    }

    #[test]
    fn a_table_after_the_actions_is_read_again_whatever_the_last_parse_took() {
        let after = "[[sections]]\nheading = \"After\"\ntext = \"x\"\n";
        let before = format!("{HEAD}{}{}{}{after}", action("a"), action("b"), action("c"));
        let register = parse(&before, SMALL).expect("parses");
        assert_eq!(register.sections.len(), 2);
        let edited = before.replace("T a", "T a, now longer");
        let last = Before {
            text: &before,
            register: &register,
        };
        let again = parse_again(&edited, SMALL, Some(last)).expect("parses");
        assert_eq!(
            again.sections.len(),
            2,
            "the section after the actions is kept"
        );
    }

    /// Two registers: one, and the same with one action changed, added or taken away, perhaps
    /// with a table after the actions.
    fn edited_register() -> impl Strategy<Value = (String, String)> {
        let actions = prop::collection::vec(action_text(), 1..8);
        let after = prop_oneof![
            Just(""),
            Just("[[sections]]\nheading = \"After\"\ntext = \"x\"\n"),
        ];
        let parts = (
            actions,
            any::<prop::sample::Index>(),
            action_text(),
            0..3u8,
            after,
        );
        parts.prop_map(|(actions, at, other, how, after)| {
            let at = at.index(actions.len());
            let mut edited = actions.clone();
            match how {
                0 => edited[at] = other,
                1 => edited.insert(at, other),
                _ => drop(edited.remove(at)),
            }
            (
                format!("{HEAD}{}{after}", actions.concat()),
                format!("{HEAD}{}{after}", edited.concat()),
            )
        })
    }

    proptest! {
        #[test]
        fn an_edited_register_parses_as_the_whole_file_taking_from_its_last_parse(
            (before, after) in edited_register(),
            piece in 1..400usize,
        ) {
            let chunking = Chunking { over: 0, piece };
            let whole = format!("{:?}", toml::from_str::<PriorityFile>(&after));
            if let Ok(register) = parse(&before, chunking) {
                let last = Before { text: &before, register: &register };
                let again = format!("{:?}", parse_again(&after, chunking, Some(last)));
                prop_assert_eq!(whole, again);
            }
        }

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
                prop_assert!(in_pieces(&text, chunking, None).is_some());
            }
        }
    }
}
