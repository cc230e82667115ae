//! Content errors people can act on: each names the file, line and column, says what is wrong in
//! plain words and what to do about it. Every stage collects them; the CLI prints them all at once.
//! What is wrong comes from the error's kind (`Kind`), in one place for each kind of problem.

pub mod accepted;
mod attachments;
#[cfg(test)]
mod examples;
mod kind;
mod links;
mod load;
mod outcomes;
mod paint;
mod plan;
mod references;
mod style;
mod theme;
mod toml_kind;
mod unfinished;

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;

pub use attachments::{AttachmentKind, MB, PUBLISHED};
pub use kind::Kind;
pub use links::LinkKind;
pub use load::{CsvKind, FileKind};
pub use outcomes::OutcomeKind;
pub use plan::{PlanKind, Proof};
pub use references::{Allowed, FirstUse, Noun, ReferenceKind};
pub use style::StyleKind;
pub use theme::{ThemeKind, DEFAULT_TEMPLATE};
pub use toml_kind::{Paste, TomlKind, Value, TOP_OF_PLAN};
pub use unfinished::UnfinishedKind;

/// How serious a problem is: an error stops the build; a warning is worth fixing but does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the content, located in its source file.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentError {
    /// What is wrong; it gives the message, the hint and how serious it is. Boxed: a kind carries
    /// the names its words need, and the `Result`s that hold an error stay small.
    pub kind: Box<Kind>,
    /// The file, relative to the project root (`content/plan.toml`).
    pub path: PathBuf,
    /// Byte range in the file, when the problem has a place; otherwise the whole file is meant.
    pub span: Option<Range<usize>>,
    /// 1-based line and column of the start of `span` (1:1 when there is no span).
    pub line: usize,
    pub column: usize,
}

impl ContentError {
    /// A problem at a byte range of a source file; line and column are worked out from the text.
    pub fn at(source: &Source, span: Range<usize>, kind: impl Into<Kind>) -> Self {
        let (line, column) = source.line_column(span.start);
        ContentError {
            kind: Box::new(kind.into()),
            path: source.path.clone(),
            span: Some(span),
            line,
            column,
        }
    }

    /// A problem with a whole file (it cannot be read, or something is missing from it).
    pub fn in_file(path: &Path, kind: impl Into<Kind>) -> Self {
        ContentError {
            kind: Box::new(kind.into()),
            path: path.to_path_buf(),
            span: None,
            line: 1,
            column: 1,
        }
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// What is wrong, in plain words.
    pub fn message(&self) -> String {
        self.kind.message()
    }

    /// What the reader should do, when there is something to say.
    pub fn hint(&self) -> Option<String> {
        self.kind.hint()
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {severity}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message()
        )?;
        if let Some(hint) = self.hint() {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// A content file's text, kept so errors can point into it.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    /// Shared: `serve` keeps each file's text between saves, and reads again only a file whose
    /// size or modification time changed.
    /// (An `Arc<String>`, not `Arc<str>`, so a file read is shared without copying it.)
    pub text: std::sync::Arc<String>,
    /// Where each line starts, found the first time a place in the file is asked for and kept:
    /// a register of thousands of actions with a warning on each would otherwise be scanned
    /// from its start once per warning.
    line_starts: std::sync::Arc<std::sync::OnceLock<Vec<usize>>>,
}

impl Source {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Source {
            path: path.into(),
            text: std::sync::Arc::new(text.into()),
            line_starts: Default::default(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset in this file.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let starts = self.line_starts.get_or_init(|| line_starts(&self.text));
        line_column_from(&self.text, starts, offset)
    }
}

/// The byte offset where each line of `text` starts (the first is 0).
fn line_starts(text: &str) -> Vec<usize> {
    crate::work::count(crate::work::Work::LineIndexBytes, text.len());
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect()
}

fn line_column_from(text: &str, starts: &[usize], offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let line = starts.partition_point(|&start| start <= offset);
    let line_start = starts[line - 1];
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Renders every error with its source line and a caret under the place, followed by its hint.
pub fn report(errors: &[ContentError], sources: &[Source]) -> String {
    report_in(errors, sources, false)
}

/// `report`, in colour when `colour` (for a terminal): the colours are the only escape codes in
/// it, as a control character in the content (ESC, BEL) is shown as "�" before it is painted.
pub fn report_in(errors: &[ContentError], sources: &[Source], colour: bool) -> String {
    let mut files = SimpleFiles::new();
    let ids: Vec<(PathBuf, usize)> = sources
        .iter()
        .map(|s| {
            (
                s.path.clone(),
                files.add(s.path.display().to_string(), s.text.as_str()),
            )
        })
        .collect();
    let config = term::Config::default();
    let mut painter = paint::Painter::new(colour);
    for error in errors {
        let file_id = ids
            .iter()
            .find(|(p, _)| *p == error.path)
            .map(|(_, id)| *id);
        let diagnostic = match error.severity() {
            Severity::Error => Diagnostic::error(),
            Severity::Warning => Diagnostic::warning(),
        };
        let mut diagnostic = diagnostic.with_message(error.message());
        match file_id {
            // A whole-file problem points at the file's first line, so it too reads file:line:column.
            Some(id) => {
                let span = error.span.clone().unwrap_or(0..0);
                let span = clamp(span, sources[id].text.len());
                diagnostic = diagnostic.with_labels(vec![Label::primary(id, span)]);
            }
            None => {
                diagnostic = diagnostic.with_notes(vec![format!("in {}", error.path.display())])
            }
        }
        if let Some(hint) = error.hint() {
            diagnostic = diagnostic.with_notes(vec![format!("hint: {hint}")]);
        }
        if term::emit_to_write_style(&mut painter, &config, &files, &diagnostic).is_err() {
            // The span did not fit the file (it changed under us): fall back to the one-line form.
            painter.plain(&format!("{error}\n"));
        }
    }
    let out = painter.finish();
    out.lines().map(shortened_line).map(|l| l + "\n").collect()
}

/// The widest a quoted source line is shown: a page of one long line (pasted minified HTML)
/// would otherwise fill the terminal with megabytes; the file:line:column above still says where.
const WIDEST_LINE: usize = 200;

/// A quoted source line (`12 │ text`) cut at `WIDEST_LINE` characters; other lines as they are.
/// Colours' escape codes take no room on the screen, so they are not counted.
fn shortened_line(line: &str) -> String {
    let shown = paint::shown_chars(line);
    let quoted = shown.iter().take(12).any(|&(_, c)| c == '│');
    match shown.get(WIDEST_LINE) {
        Some(&(cut, _)) if quoted => format!("{}{} …", &line[..cut], paint::reset_if_painted(line)),
        _ => line.to_string(),
    }
}

fn clamp(span: Range<usize>, len: usize) -> Range<usize> {
    span.start.min(len)..span.end.min(len).max(span.start.min(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_from_one() {
        let source = Source::new("content/plan.toml", "a = 1\nbé = \"x\"\n");
        assert_eq!(source.line_column(0), (1, 1));
        assert_eq!(source.line_column(6), (2, 1));
        // "é" is two bytes but one column.
        assert_eq!(source.line_column(11), (2, 5));
    }

    #[test]
    fn a_style_problem_is_a_warning_and_a_broken_reference_an_error() {
        let source = Source::new("content/pages/a.md", "See [here](b.md).\n");
        let vague = StyleKind::VagueLinkText {
            words: "here".into(),
        };
        let warning = ContentError::at(&source, 4..16, vague);
        assert!(!warning.is_error());
        assert!(warning.to_string().contains(": warning: the link text"));
        let missing = LinkKind::Missing {
            target: "content/pages/b.md".into(),
        };
        assert!(ContentError::at(&source, 4..16, missing).is_error());
    }

    #[test]
    fn a_long_source_line_is_shown_cut_and_the_place_still_named() {
        let page = Source::new("content/pages/p.md", format!("{}<x>", "a".repeat(5000)));
        let error = ContentError::at(
            &page,
            5000..5003,
            FileKind::HtmlNestedTooDeep { deepest: 100 },
        );
        let shown = report(&[error], &[page]);
        assert!(shown.contains("content/pages/p.md:1:5001"), "{shown}");
        assert!(shown.lines().all(|l| l.chars().count() < 300), "{shown}");
    }

    #[test]
    fn a_problem_without_a_hint_prints_none() {
        let error =
            ContentError::in_file(Path::new("themes/mine/x.html"), ThemeKind::TemplateNotUtf8);
        assert_eq!(
            error.to_string(),
            "themes/mine/x.html:1:1: error: this template is not UTF-8 text"
        );
    }

    #[test]
    fn display_names_file_line_column_and_hint() {
        let source = Source::new("content/plan.toml", "title = 1\n");
        let error = ContentError::at(&source, 8..9, PlanKind::BaseUrlNotWebAddress);
        assert_eq!(
            error.to_string(),
            "content/plan.toml:1:9: error: base_url must be a web address\n  hint: write the address the site will be published at, starting https://"
        );
    }
}
