//! Every piece of Markdown in the content, with where it sits, what it is for and how it is shown,
//! each parsed once when its file is: the checks read the parse's outline, the model takes its
//! HTML, and no stage parses Markdown again.

use std::ops::Deref;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use toml::Spanned;

use super::format::{
    GlossaryFile, MeasuresFile, MilestonesFile, PlanFile, PriorityFile, RegisterFile, RisksFile,
    SectionEntry, SnapshotRecord, SroFile, TimelineFile,
};
use super::{Content, Loaded, PageSource, UpdateSource};
use crate::diagnostics::Source;
use crate::markdown::{self, Parsed, Style};

/// What a piece of Markdown is for, which decides what is checked in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole page body: headings are checked.
    Document,
    /// A short text written for families: sentence length is checked.
    ForFamilies,
    /// Any other short text.
    Short,
}

/// A piece of Markdown in a file: its text, the byte offset of the text in the file, what it is
/// for and how it is shown.
pub struct TextAt<'a> {
    pub text: &'a str,
    pub offset: usize,
    pub kind: Kind,
    pub style: Style,
}

/// Where a TOML string's text starts: after its opening quote.
pub fn string_start<T>(text: &Spanned<T>) -> usize {
    text.span().start + 1
}

fn at<M: Deref<Target = str>>(text: &Spanned<M>, kind: Kind, style: Style) -> TextAt<'_> {
    TextAt {
        text: text.get_ref(),
        offset: string_start(text),
        kind,
        style,
    }
}

/// A content file that holds Markdown.
pub trait Written {
    /// Each piece of Markdown in it. (Each is shown one way only, as its `style` says.)
    fn texts(&self) -> Vec<TextAt<'_>> {
        Vec::new()
    }
}

impl Written for PlanFile {
    fn texts(&self) -> Vec<TextAt<'_>> {
        let mut texts = vec![at(&self.introduction, Kind::Short, Style::Block)];
        texts.extend(narrative::<String>(None, &self.sections));
        texts
    }
}

/// A narrative and its named sections: text shown as blocks.
fn narrative<'a, M: Deref<Target = str>>(
    text: Option<&'a Spanned<M>>,
    sections: &'a [SectionEntry],
) -> impl Iterator<Item = TextAt<'a>> {
    let sections = sections
        .iter()
        .map(|s| at(&s.text, Kind::Short, Style::Block));
    let text = text.map(|t| at(t, Kind::Short, Style::Block));
    text.into_iter().chain(sections)
}

impl Written for SroFile {
    fn texts(&self) -> Vec<TextAt<'_>> {
        let summaries = self.entries().map(|s| &s.summary);
        summaries
            .map(|s| at(s, Kind::Short, Style::Inline))
            .collect()
    }
}

impl Written for PriorityFile {
    fn texts(&self) -> Vec<TextAt<'_>> {
        let mut texts: Vec<TextAt> = narrative(self.narrative.as_ref(), &self.sections).collect();
        for action in &self.actions {
            texts.extend(narrative(action.narrative.as_ref(), &action.sections));
            let columns = action.columns.values().flatten();
            for text in action.achieve.iter().chain(&action.doing).chain(columns) {
                texts.push(at(text, Kind::Short, Style::Inline));
            }
            texts.extend(
                action
                    .notes
                    .iter()
                    .map(|n| at(n, Kind::Short, Style::Block)),
            );
            for text in &action.families {
                texts.push(at(text, Kind::ForFamilies, Style::Inline));
            }
        }
        texts
    }
}

impl Written for RegisterFile {
    fn texts(&self) -> Vec<TextAt<'_>> {
        let items = self.items.iter().filter_map(|item| item.text.as_ref());
        std::iter::once(&self.summary)
            .chain(items)
            .map(|text| at(text, Kind::Short, Style::Inline))
            .collect()
    }
}

impl Written for PageSource {
    fn texts(&self) -> Vec<TextAt<'_>> {
        vec![self.body_at()]
    }
}

impl Written for UpdateSource {
    fn texts(&self) -> Vec<TextAt<'_>> {
        let notes = self.front_matter.actions.iter().map(|change| &change.note);
        let notes = notes.map(|note| at(note, Kind::ForFamilies, Style::Inline));
        std::iter::once(self.body_at()).chain(notes).collect()
    }
}

impl<F> super::MarkdownSource<F> {
    /// The Markdown body below the front matter.
    fn body_at(&self) -> TextAt<'_> {
        TextAt {
            text: &self.body,
            offset: self.body_offset,
            kind: Kind::Document,
            style: Style::Block,
        }
    }
}

impl Written for RisksFile {
    fn texts(&self) -> Vec<TextAt<'_>> {
        let mut texts = Vec::new();
        for risk in &self.risks {
            texts.push(at(&risk.description, Kind::Short, Style::Block));
            let steps = risk.mitigation.iter();
            texts.extend(steps.map(|step| at(step, Kind::Short, Style::Inline)));
        }
        texts
    }
}

impl Written for TimelineFile {
    fn texts(&self) -> Vec<TextAt<'_>> {
        let summaries = self.phases.iter().map(|p| &p.summary);
        summaries
            .map(|s| at(s, Kind::Short, Style::Inline))
            .collect()
    }
}

impl Written for MilestonesFile {
    fn texts(&self) -> Vec<TextAt<'_>> {
        let texts = self.milestones.iter().map(|m| &m.text);
        texts.map(|t| at(t, Kind::Short, Style::Block)).collect()
    }
}

impl Written for MeasuresFile {}
impl Written for GlossaryFile {}
impl Written for SnapshotRecord {}

impl<T: Written> Written for Arc<T> {
    fn texts(&self) -> Vec<TextAt<'_>> {
        T::texts(self)
    }
}

/// A file's Markdown, parsed: each text's parse, by the text's byte offset in the file.
#[derive(Debug, Clone, Default)]
pub struct Markdown(Arc<[(usize, Parsed)]>);

impl Markdown {
    /// Parses each text of `file` (its path from the project root, which its links are relative
    /// to), with its HTML when `html` is wanted. The texts are parsed on all cores: in `serve`, an edited register's texts are parsed
    /// again before its pages are shown.
    pub fn parse(texts: Vec<TextAt>, file: &Path, html: bool) -> Markdown {
        Markdown::parse_again(texts, file, html, &Earlier::default())
    }

    /// As `parse`, taking each text's parse from `earlier` (the same file's last parse) where
    /// the text is there word for word: an edit to one action area of a register of thousands
    /// parses that action area's texts only.
    pub fn parse_again(texts: Vec<TextAt>, file: &Path, html: bool, earlier: &Earlier) -> Markdown {
        let shift = earlier.shift(texts.len());
        let mut parsed: Vec<(usize, Parsed)> = texts
            .into_par_iter()
            .enumerate()
            .with_min_len(16)
            // A text left out has no place, and nothing to show.
            .filter(|(_, t)| !t.text.is_empty())
            .map(|(i, t)| {
                let kept = earlier.parse_of(i, shift, &t, html);
                let parsed = kept.unwrap_or_else(|| markdown::parse(t.text, file, t.style, html));
                (t.offset, parsed)
            })
            // `check` keeps only what holds something: most texts hold no link nor heading.
            .filter(|(_, parsed)| !parsed.is_empty())
            .collect();
        parsed.sort_by_key(|(offset, _)| *offset);
        parsed.dedup_by_key(|(offset, _)| *offset);
        Markdown(parsed.into())
    }

    /// The parse of the text at `offset`; `None` for a text with nothing in it (`Parsed::EMPTY`).
    pub fn get(&self, offset: usize) -> Option<&Parsed> {
        let found = self.0.binary_search_by_key(&offset, |(offset, _)| *offset);
        found.ok().map(|i| &self.0[i].1)
    }
}

/// The parses of one file's texts, in the file's order: what a file's last parse offers the next
/// parse of the same file (its links are read from the same place). An edit leaves most texts
/// where they were, or moved by as many texts as it added or took away: a text is looked for
/// there, compared word for word, and never hashed nor looked up, as a register of thousands of
/// action areas holds hundreds of thousands of texts.
#[derive(Default)]
pub struct Earlier<'a>(Vec<(TextAt<'a>, Option<&'a Parsed>)>);

impl<'a> Earlier<'a> {
    /// The parses `markdown` holds of `texts`, both of one file.
    pub fn of(texts: Vec<TextAt<'a>>, markdown: &'a Markdown) -> Earlier<'a> {
        let parses = texts.into_iter().map(|t| {
            let parsed = markdown.get(t.offset);
            (t, parsed)
        });
        Earlier(parses.collect())
    }

    /// How many texts an edit took away, that now holds `texts`.
    fn shift(&self, texts: usize) -> isize {
        self.0.len() as isize - texts as isize
    }

    /// The parse of `text`, the `i`th text now, if it is where it was or `shift` on, shown the
    /// same way and parsed as `html` asks (a parse for `check` holds no HTML).
    fn parse_of(&self, i: usize, shift: isize, text: &TextAt, html: bool) -> Option<Parsed> {
        let same = |j: usize| {
            let (was, parsed) = self.0.get(j)?;
            let parsed = parsed.filter(|_| was.text == text.text && was.style == text.style)?;
            let made = parsed.html != markdown::Html::NotMade;
            (made == html).then(|| parsed.clone())
        };
        same(i).or_else(|| same(i.checked_add_signed(shift)?))
    }
}

/// Parses the Markdown of every file but the priorities' registers (parsed with their TOML), on
/// all cores; `serve` keeps each file's, and parses again only a file whose text changed.
pub(super) fn parse_all(content: &mut Content, html: bool, reuse: &dyn super::Reuse) {
    let sources = &content.sources;
    fn each<T: Written + Sync + Send>(
        files: &mut [Loaded<T>],
        sources: &[Source],
        html: bool,
        reuse: &dyn super::Reuse,
    ) {
        files.par_iter_mut().for_each(|file| {
            let source = &sources[file.source];
            let parse = || Markdown::parse(file.value.texts(), &source.path, html);
            file.markdown = reuse.markdown(source, &parse);
        });
    }
    rayon::join(
        || each(&mut content.pages, sources, html, reuse),
        || each(&mut content.updates, sources, html, reuse),
    );
    each(&mut content.registers, sources, html, reuse);
    each(content.plan.as_mut_slice(), sources, html, reuse);
    each(content.sros.as_mut_slice(), sources, html, reuse);
    each(content.risks.as_mut_slice(), sources, html, reuse);
    each(content.timeline.as_mut_slice(), sources, html, reuse);
    each(content.milestones.as_mut_slice(), sources, html, reuse);
}

/// A piece of Markdown in the content, parsed: which source it is in, where, and its parse.
pub struct Piece<'a> {
    pub source: usize,
    pub at: TextAt<'a>,
    pub parsed: &'a Parsed,
}

/// The pieces of one file.
fn pieces<T: Written>(file: &Loaded<T>) -> impl Iterator<Item = Piece<'_>> {
    file.value.texts().into_iter().map(move |at| Piece {
        source: file.source,
        parsed: file.markdown.get(at.offset).unwrap_or(&EMPTY),
        at,
    })
}

/// The parse of a text with nothing in it.
static EMPTY: Parsed = Parsed::EMPTY;

/// The Markdown of one priority's action register: most of the text of a large plan.
pub fn register_texts(priority: &Loaded<Arc<PriorityFile>>) -> Vec<Piece<'_>> {
    pieces(priority).collect()
}

/// Every piece of Markdown but the action registers'.
pub fn texts_outside_registers(content: &Content) -> Vec<Piece<'_>> {
    let mut texts: Vec<Piece> = Vec::new();
    texts.extend(content.pages.iter().flat_map(pieces));
    texts.extend(content.updates.iter().flat_map(pieces));
    texts.extend(content.plan.iter().flat_map(pieces));
    texts.extend(content.sros.iter().flat_map(pieces));
    texts.extend(content.registers.iter().flat_map(pieces));
    texts.extend(content.risks.iter().flat_map(pieces));
    texts.extend(content.timeline.iter().flat_map(pieces));
    texts.extend(content.milestones.iter().flat_map(pieces));
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::Html;

    fn at(text: &str, offset: usize, style: Style) -> TextAt<'_> {
        TextAt {
            text,
            offset,
            kind: Kind::Short,
            style,
        }
    }

    /// The HTML made for the text at `offset`, as shared: `None` for HTML not held apart.
    fn shared_html(markdown: &Markdown, offset: usize) -> Option<Arc<str>> {
        match &markdown.get(offset)?.html {
            Html::Fixed(html) | Html::Marked(html) => Some(html.clone()),
            _ => None,
        }
    }

    #[test]
    fn a_text_parsed_before_word_for_word_and_shown_the_same_way_is_taken_and_no_other() {
        let file = Path::new("content/priorities/a.toml");
        let texts = || {
            vec![
                at("Kept **as it was**", 10, Style::Inline),
                at("Old *words*", 40, Style::Inline),
            ]
        };
        let before = Markdown::parse(texts(), file, true);
        let earlier = Earlier::of(texts(), &before);
        let now = || {
            vec![
                at("Kept **as it was**", 12, Style::Inline),
                at("New *words*", 44, Style::Inline),
                at("Kept **as it was**", 80, Style::Block),
            ]
        };
        let again = Markdown::parse_again(now(), file, true, &earlier);
        let (kept, taken) = (shared_html(&before, 10), shared_html(&again, 12));
        assert!(
            matches!((&kept, &taken), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
            "the unchanged text's parse is taken: {kept:?}, {taken:?}"
        );
        let fresh = Markdown::parse(now(), file, true);
        assert_eq!(again.get(44), fresh.get(44), "a new text is parsed");
        assert_eq!(
            again.get(80),
            fresh.get(80),
            "shown another way, parsed again"
        );
        assert!(again.get(80).unwrap().html.clone() != again.get(12).unwrap().html);
    }

    #[test]
    fn texts_after_one_added_or_taken_away_are_still_taken() {
        let file = Path::new("content/priorities/a.toml");
        let texts = ["*One*", "*Two*", "*Three*"];
        let at_all = |texts: &[&'static str]| {
            let each = texts.iter().enumerate();
            each.map(|(i, t)| at(t, 10 * i, Style::Inline))
                .collect::<Vec<_>>()
        };
        let before = Markdown::parse(at_all(&texts), file, true);
        let earlier = Earlier::of(at_all(&texts), &before);
        let added = Markdown::parse_again(
            at_all(&["*New*", "*One*", "*Two*", "*Three*"]),
            file,
            true,
            &earlier,
        );
        let shared = |now: &Markdown, offset, was| matches!((shared_html(now, offset), shared_html(&before, was)), (Some(a), Some(b)) if Arc::ptr_eq(&a, &b));
        assert!(
            shared(&added, 10, 0) && shared(&added, 30, 20),
            "taken after one added"
        );
        let taken_away = Markdown::parse_again(at_all(&["*Two*", "*Three*"]), file, true, &earlier);
        assert!(
            shared(&taken_away, 0, 10) && shared(&taken_away, 10, 20),
            "taken after one taken away"
        );
    }

    #[test]
    fn a_parse_made_without_html_is_not_taken_for_one_with_it() {
        let file = Path::new("content/priorities/a.toml");
        // A link: `check` keeps its parse, for the link.
        let texts = || {
            vec![at(
                "See [the plan](https://example.org/)",
                10,
                Style::Inline,
            )]
        };
        let checked = Markdown::parse(texts(), file, false);
        assert!(checked.get(10).is_some(), "kept by check");
        let earlier = Earlier::of(texts(), &checked);
        let again = Markdown::parse_again(texts(), file, true, &earlier);
        assert_eq!(again.get(10), Markdown::parse(texts(), file, true).get(10));
        assert_ne!(again.get(10).map(|p| &p.html), Some(&Html::NotMade));
    }
}
