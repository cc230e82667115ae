//! Parses content sources into the content-format structs. Pure: text in, structs and errors out.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use serde::de::DeserializeOwned;

use super::format::{
    GlossaryFile, MeasuresFile, MilestonesFile, PageFrontMatter, PlanFile, PriorityFile,
    RegisterFile, RisksFile, SnapshotRecord, SroFile, TimelineFile, UpdateFrontMatter,
};
use super::front_matter::{self, SplitError};
use super::large_register::{self, Chunking};
use super::measures::{self, RawValue};
use super::texts::{self, Earlier, Markdown, Written};
use crate::diagnostics::{ContentError, FileKind, Kind, Source, TomlKind};

/// A parsed file and the index of its source, so later stages can point back into it.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub source: usize,
    /// The file's name without its extension: the id of a priority, the slug of a page.
    pub stem: String,
    pub value: T,
    /// The Markdown in it, parsed: each text's parse by its offset in the file.
    pub markdown: Markdown,
}

/// A Markdown file: its front matter and its body, with the body's offset in the file.
#[derive(Debug, Clone)]
pub struct MarkdownSource<F> {
    pub front_matter: F,
    pub body: String,
    pub body_offset: usize,
}

/// A page of `content/pages/`.
pub type PageSource = MarkdownSource<PageFrontMatter>;
/// An update of `content/updates/`.
pub type UpdateSource = MarkdownSource<UpdateFrontMatter>;

/// Everything parsed from `content/`. Files that failed to parse are absent; their errors are
/// returned beside this.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub sources: Vec<Source>,
    pub plan: Option<Loaded<PlanFile>>,
    pub sros: Option<Loaded<SroFile>>,
    /// Shared with what `serve` keeps, so an unchanged register is not parsed or copied again.
    pub priorities: Vec<Loaded<Arc<PriorityFile>>>,
    pub registers: Vec<Loaded<RegisterFile>>,
    pub pages: Vec<Loaded<PageSource>>,
    pub updates: Vec<Loaded<UpdateSource>>,
    pub timeline: Option<Loaded<TimelineFile>>,
    pub milestones: Option<Loaded<MilestonesFile>>,
    pub measures: Option<Loaded<MeasuresFile>>,
    /// The values of each measure (typed and from CSV), in the order of `measures`.
    pub measure_values: Vec<Vec<RawValue>>,
    pub risks: Option<Loaded<RisksFile>>,
    pub glossary: Option<Loaded<GlossaryFile>>,
    /// Records of published snapshots.
    pub snapshots: Vec<Loaded<SnapshotRecord>>,
    /// Files under `content/files/`, published as they are: (path from the project root, bytes).
    pub attachments: Vec<super::Attachment>,
}

/// A priority's register parsed: what it holds if it could be read, with its Markdown parsed,
/// and the problems found.
pub type Register = (Option<RegisterParse>, Vec<ContentError>);

/// A priority's register that could be read, and its Markdown.
pub type RegisterParse = (Arc<PriorityFile>, Markdown);

/// A register as it was last read whole: its text, and what was read from it. The next parse of
/// the same file takes from it what an edit left alone (`serve`).
#[derive(Clone)]
pub struct LastRead {
    pub text: Arc<String>,
    pub parse: RegisterParse,
}

/// Parses every source by where it sits: `content/plan.toml`, `content/sros.toml`,
/// `content/priorities/*.toml`, `content/pages/*.md`, and the Markdown in each, with its HTML
/// when `html` is wanted (every command but `check`). Returns what parsed and every error. Each
/// priority register may come from `reuse` instead.
pub fn parse(
    sources: Vec<Source>,
    html: bool,
    reuse: &dyn super::Reuse,
) -> (Content, Vec<ContentError>) {
    let mut content = Content::default();
    let mut errors = Vec::new();
    // The priorities' action registers are most of a large plan: they are parsed in parallel
    // first, then taken in order with everything else.
    let mut priorities: Vec<Option<Register>> = sources
        .par_iter()
        .map(|source| {
            matches!(Role::of(&source.path), Role::Priority).then(|| {
                let parse = |last: Option<&LastRead>| parse_register(source, html, last);
                reuse.register(source, &parse)
            })
        })
        .collect();
    for (index, source) in sources.iter().enumerate() {
        match Role::of(&source.path) {
            Role::Plan => content.plan = parse_toml(source, index, &mut errors),
            Role::Sros => content.sros = parse_toml(source, index, &mut errors),
            Role::Priority => {
                if let Some((priority, priority_errors)) = priorities[index].take() {
                    let priority = priority.map(|(value, markdown)| Loaded {
                        markdown,
                        ..loaded(source, index, value)
                    });
                    content.priorities.extend(priority);
                    errors.extend(priority_errors);
                }
            }
            Role::Register => content
                .registers
                .extend(parse_toml(source, index, &mut errors)),
            Role::Page => content
                .pages
                .extend(parse_markdown(source, index, &mut errors)),
            Role::Update => content
                .updates
                .extend(parse_markdown(source, index, &mut errors)),
            Role::Timeline => content.timeline = parse_toml(source, index, &mut errors),
            Role::Milestones => content.milestones = parse_toml(source, index, &mut errors),
            Role::Measures => content.measures = parse_toml(source, index, &mut errors),
            Role::Risks => content.risks = parse_toml(source, index, &mut errors),
            Role::Glossary => content.glossary = parse_toml(source, index, &mut errors),
            Role::Snapshot => content
                .snapshots
                .extend(parse_toml(source, index, &mut errors)),
            Role::Data => {}
            Role::Unknown => errors.push(unknown_file(&source.path)),
        }
    }
    content.sources = sources;
    texts::parse_all(&mut content, html, reuse);
    let (values, value_errors) = measures::values(&content);
    content.measure_values = values;
    errors.extend(value_errors);
    check_required_files(&content, &mut errors);
    (content, errors)
}

/// A priority's action register, and its Markdown, taking from `last` (the register as it was
/// last read) each piece of TOML and each text an edit left alone. A large one is parsed on all
/// cores.
fn parse_register(source: &Source, html: bool, last: Option<&LastRead>) -> Register {
    let mut errors = Vec::new();
    let before = last.map(|last| large_register::Before {
        text: &last.text,
        register: &last.parse.0,
    });
    let register = large_register::parse_again(&source.text, Chunking::LARGE, before);
    let earlier = match last {
        Some(LastRead {
            parse: (file, markdown),
            ..
        }) => Earlier::of(file.texts(), markdown),
        None => Earlier::default(),
    };
    let parsed = read_toml(source, 0, register, &mut errors).map(|p| {
        let markdown = Markdown::parse_again(p.value.texts(), &source.path, html, &earlier);
        (Arc::new(p.value), markdown)
    });
    (parsed, errors)
}

enum Role {
    Plan,
    Sros,
    Priority,
    Register,
    Page,
    Update,
    Timeline,
    Milestones,
    Measures,
    Risks,
    Glossary,
    Snapshot,
    /// A CSV file, read when a measure names it.
    Data,
    Unknown,
}

impl Role {
    fn of(path: &Path) -> Role {
        let parts: Vec<&str> = path.iter().filter_map(|p| p.to_str()).collect();
        match parts.as_slice() {
            ["content", "plan.toml"] => Role::Plan,
            ["content", "sros.toml" | "owners.toml"] => Role::Sros,
            ["content", "priorities", name] if name.ends_with(".toml") => Role::Priority,
            ["content", "registers", name] if name.ends_with(".toml") => Role::Register,
            ["content", "pages", name] if name.ends_with(".md") => Role::Page,
            ["content", "updates", name] if name.ends_with(".md") => Role::Update,
            ["content", "timeline.toml"] => Role::Timeline,
            ["content", "milestones.toml"] => Role::Milestones,
            ["content", "measures.toml"] => Role::Measures,
            ["content", "risks.toml"] => Role::Risks,
            ["content", "glossary.toml"] => Role::Glossary,
            ["content", "snapshots", name] if name.ends_with(".toml") => Role::Snapshot,
            ["content", .., name] if name.ends_with(".csv") => Role::Data,
            _ => Role::Unknown,
        }
    }
}

impl Content {
    /// The id of every priority register there is, read or not: a register that did not read is
    /// reported once, and what names it is not wrong (an "unknown" for each would bury the error).
    pub fn priority_ids(&self) -> Vec<String> {
        let registers = self.sources.iter().map(|s| &s.path);
        let registers = registers.filter(|path| matches!(Role::of(path), Role::Priority));
        registers.map(|path| file_stem(path)).collect()
    }

    /// Whether every priority register read, so every action area's name is known.
    pub fn every_register_read(&self) -> bool {
        self.priority_ids().len() == self.priorities.len()
    }
}

/// A file parsed; its Markdown is parsed after (`texts::parse_all`), on all cores.
fn loaded<T>(source: &Source, index: usize, value: T) -> Loaded<T> {
    Loaded {
        source: index,
        stem: file_stem(&source.path),
        value,
        markdown: Markdown::default(),
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string()
}

fn parse_toml<T: DeserializeOwned>(
    source: &Source,
    index: usize,
    errors: &mut Vec<ContentError>,
) -> Option<Loaded<T>> {
    read_toml(source, index, toml::from_str::<T>(&source.text), errors)
}

/// A TOML file's parse, kept if it read and its errors collected if not.
fn read_toml<T>(
    source: &Source,
    index: usize,
    parsed: Result<T, toml::de::Error>,
    errors: &mut Vec<ContentError>,
) -> Option<Loaded<T>> {
    match parsed {
        Ok(value) => Some(loaded(source, index, value)),
        Err(e) => {
            errors.extend(toml_errors::<T>(source, &source.text, &e));
            None
        }
    }
}

fn parse_markdown<F: DeserializeOwned>(
    source: &Source,
    index: usize,
    errors: &mut Vec<ContentError>,
) -> Option<Loaded<MarkdownSource<F>>> {
    let split = match front_matter::split(&source.text) {
        Ok(split) => split,
        Err(e) => {
            errors.push(front_matter_error(source, e));
            return None;
        }
    };
    // Parsed as if the fence were blank, so every span the TOML parser records (in errors and in
    // `Spanned` fields) is already an offset into the whole file.
    let blanked = blank(&source.text[..split.front_matter_offset]) + split.front_matter;
    match toml::from_str::<F>(&blanked) {
        Ok(front_matter) => Some(loaded(
            source,
            index,
            MarkdownSource {
                front_matter,
                body: split.body.to_string(),
                body_offset: split.body_offset,
            },
        )),
        Err(e) => {
            errors.extend(toml_errors::<F>(source, &blanked, &e));
            None
        }
    }
}

/// The errors of a TOML file (`toml`, as parsed) that did not parse into `T`. When the parser
/// found a required field missing, every required field missing from every entry, which the
/// parser stops at the first of. (Not beside other errors: a misspelt field would also be named
/// as a missing one.)
fn toml_errors<T>(source: &Source, toml: &str, error: &toml::de::Error) -> Vec<ContentError> {
    // The format's struct, by name; a name the reference does not know finds nothing, and the
    // parser's own error stands.
    let format = std::any::type_name::<T>().rsplit("::").next().unwrap_or("");
    let first = super::toml_error::content_error(source, toml, format, error);
    let missing_one =
        matches!(&*first.kind, Kind::Toml(TomlKind::Required { entry, .. }) if entry.is_empty());
    if !missing_one {
        return vec![first];
    }
    let missing = super::missing::fields(source, toml, format);
    match missing.is_empty() {
        true => vec![first],
        false => missing,
    }
}

/// The same number of bytes, as spaces, keeping line ends: text TOML reads as nothing.
fn blank(text: &str) -> String {
    text.bytes()
        .map(|b| if b == b'\n' { '\n' } else { ' ' })
        .collect()
}

fn front_matter_error(source: &Source, error: SplitError) -> ContentError {
    let end = source.text.len();
    match error {
        SplitError::NoOpening => ContentError::at(source, 0..0, FileKind::NoFrontMatter),
        SplitError::NoClosing => ContentError::at(source, end..end, FileKind::FrontMatterNotClosed),
    }
}

fn unknown_file(path: &Path) -> ContentError {
    ContentError::in_file(path, FileKind::Unknown)
}

fn check_required_files(content: &Content, errors: &mut Vec<ContentError>) {
    let missing = |name: &'static str, holds: &'static str| {
        ContentError::in_file(Path::new(name), FileKind::Missing { name, holds })
    };
    let present = |name: &str| content.sources.iter().any(|s| s.path == Path::new(name));
    if !present("content/plan.toml") {
        errors.push(missing(
            "content/plan.toml",
            "the plan's title, organisation and report date",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = r#"
organisation = "Trust"
title = "Plan"
vision = "Safe care"
period = "2023/24"
as_of = 2024-03-31
base_url = "https://example.org/"
"#;

    fn parse_one(path: &str, text: &str) -> (Content, Vec<ContentError>) {
        parse_all(vec![
            Source::new("content/plan.toml", PLAN),
            Source::new("content/sros.toml", ""),
            Source::new(path, text),
        ])
    }

    fn parse_all(sources: Vec<Source>) -> (Content, Vec<ContentError>) {
        parse(sources, true, &crate::pipeline::Fresh)
    }

    #[test]
    fn misspelt_field_points_at_the_field() {
        let (_, errors) = parse_one(
            "content/priorities/p.toml",
            "number = 1\ntitel = \"x\"\nsro = \"a\"\n",
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (2, 1));
        assert!(matches!(
            &*errors[0].kind,
            Kind::Toml(TomlKind::UnknownField { field, .. }) if field == "titel"
        ));
    }

    #[test]
    fn front_matter_errors_count_lines_from_the_top_of_the_file() {
        let (_, errors) = parse_one(
            "content/pages/a.md",
            "+++\ntitle = \"A\"\norder = \"x\"\n+++\n",
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, 3);
    }

    #[test]
    fn unknown_files_and_missing_plan_are_errors() {
        let (_, errors) = parse_all(vec![Source::new("content/notes.toml", "")]);
        let messages: Vec<String> = errors.iter().map(ContentError::message).collect();
        assert!(messages.iter().any(|m| m.contains("does not know")));
        assert!(messages.iter().any(|m| m.contains("plan.toml is missing")));
        // A plan that names no owner has no owners' file.
        assert!(
            !messages.iter().any(|m| m.contains("sros.toml")),
            "{messages:?}"
        );
    }

    #[test]
    fn front_matter_values_know_their_place_in_the_file() {
        let text = "+++\ndate = 2024-01-01\ntitle = \"A\"\nauthor = \"B\"\n[[actions]]\nid = \"x\"\nstatus = \"y\"\nnote = \"z\"\n+++\n";
        let (content, errors) = parse_one("content/updates/a.md", text);
        assert!(errors.is_empty(), "{errors:?}");
        let id = &content.updates[0].value.front_matter.actions[0].id;
        assert_eq!(&text[id.span()], "\"x\"");
    }

    #[test]
    fn every_field_missing_from_front_matter_is_named_at_its_line_in_the_file() {
        let text = "+++\ndate = 2024-01-01\n[[actions]]\nid = \"x\"\n[[actions]]\nid = \"y\"\nstatus = \"on-track\"\n+++\n";
        let (_, errors) = parse_one("content/updates/a.md", text);
        let found: Vec<(usize, String)> = errors.iter().map(|e| (e.line, e.message())).collect();
        assert_eq!(found.len(), 5, "{found:?}");
        assert_eq!(found[0], (1, "the field title is missing".to_string()));
        assert_eq!(found[1], (1, "the field author is missing".to_string()));
        assert_eq!(found[2].0, 3);
        assert!(found[2]
            .1
            .contains("status is missing from this [[actions]]"));
        assert_eq!(found[3].0, 3);
        assert_eq!(
            found[4],
            (
                5,
                "the field note is missing from this [[actions]] entry".to_string()
            )
        );
    }

    #[test]
    fn page_body_keeps_its_offset() {
        let (content, errors) = parse_one("content/pages/a.md", "+++\ntitle = \"A\"\n+++\nHello\n");
        assert!(errors.is_empty(), "{errors:?}");
        let page = &content.pages[0].value;
        assert_eq!(page.body, "Hello\n");
        assert_eq!(page.body_offset, 20);
        assert_eq!(content.pages[0].stem, "a");
    }
}
