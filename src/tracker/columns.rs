//! The tracker's columns, their headings in the plan's words, and how a cell is named
//! (`Tracker!D7`) in what a user reads.

use crate::model::{word, Plan, Words};

/// A column of the tracker, in the order the export writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Reference,
    Title,
    Owners,
    Status,
    Assurance,
    Due,
    LatestNote,
    Evidence,
    NextReview,
    NewNote,
}

impl Column {
    pub const ALL: [Column; 10] = [
        Column::Reference,
        Column::Title,
        Column::Owners,
        Column::Status,
        Column::Assurance,
        Column::Due,
        Column::LatestNote,
        Column::Evidence,
        Column::NextReview,
        Column::NewNote,
    ];

    /// Whether a user may change it: an update can say these. The others come from the plan's
    /// own files (a title, its owners, when it is due) or from updates already published.
    pub fn editable(self) -> bool {
        matches!(
            self,
            Column::Status
                | Column::Assurance
                | Column::Evidence
                | Column::NextReview
                | Column::NewNote
        )
    }

    /// Its heading: the plan's own label for the title and owners, the theme's words otherwise.
    pub fn heading(self, plan: &Plan, words: &Words) -> String {
        let key = match self {
            Column::Title => return plan.labels.action.clone(),
            Column::Owners => return plan.labels.sros.clone(),
            Column::Reference => "tracker_col_reference",
            Column::Status => "tracker_col_status",
            Column::Assurance => "tracker_col_assurance",
            Column::Due => "tracker_col_due",
            Column::LatestNote => "tracker_col_latest_note",
            Column::Evidence => "tracker_col_evidence",
            Column::NextReview => "tracker_col_next_review",
            Column::NewNote => "tracker_col_new_note",
        };
        word(words, key)
    }

    /// How wide it is drawn, in characters.
    pub fn width(self) -> f64 {
        match self {
            Column::Reference => 11.0,
            Column::Title | Column::LatestNote | Column::NewNote => 45.0,
            Column::Owners | Column::Evidence => 28.0,
            Column::Status | Column::Assurance => 22.0,
            Column::Due | Column::NextReview => 14.0,
        }
    }
}

/// A sheet's name from the theme's word `key`, as Excel allows one: at most 31 characters, none
/// of `: \ / ? * [ ]`, and not starting or ending with an apostrophe.
pub fn sheet_name(words: &Words, key: &str) -> String {
    let name: String = word(words, key)
        .chars()
        .map(|c| match c {
            ':' | '\\' | '/' | '?' | '*' | '[' | ']' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .take(31)
        .collect();
    let name = name.trim().trim_matches('\'').trim();
    if name.is_empty() {
        key.chars().take(31).collect()
    } else {
        name.to_string()
    }
}

/// A cell as a spreadsheet names it: `Tracker!D7` for row 6, column 3 counted from 0. A sheet
/// name with a space or a sign in it is quoted, as Excel writes it (`'How to use'!A1`).
pub fn cell_name(sheet: &str, row: u32, column: u32) -> String {
    let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
    let sheet = if plain {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    };
    format!("{sheet}!{}{}", column_letters(column), u64::from(row) + 1)
}

/// A column's letters: A to Z, then AA, AB and on.
fn column_letters(column: u32) -> String {
    let mut n = u64::from(column) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(cell_name("Tracker", 6, 3), "Tracker!D7");
        assert_eq!(cell_name("Tracker", 0, 25), "Tracker!Z1");
        assert_eq!(cell_name("Tracker", 0, 26), "Tracker!AA1");
        assert_eq!(cell_name("Tracker", 9, 27), "Tracker!AB10");
        assert_eq!(cell_name("Tracker", 0, 701), "Tracker!ZZ1");
        assert_eq!(cell_name("Tracker", 0, 702), "Tracker!AAA1");
        assert_eq!(cell_name("How to use", 0, 0), "'How to use'!A1");
        assert_eq!(cell_name("Sut i'w", 1, 1), "'Sut i''w'!B2");
        assert_eq!(
            cell_name("Traciwr", u32::MAX, u32::MAX),
            "Traciwr!MWLQKWV4294967296"
        );
    }

    #[test]
    fn a_sheet_name_is_one_excel_allows() {
        let words: Words = [("k".to_string(), "What: [this] / that?".to_string())].into();
        assert_eq!(sheet_name(&words, "k"), "What   this    that");
        let long: Words = [("k".to_string(), "x".repeat(40))].into();
        assert_eq!(sheet_name(&long, "k").chars().count(), 31);
        assert_eq!(sheet_name(&Words::new(), "tracker_sheet"), "tracker_sheet");
    }
}
