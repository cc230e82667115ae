//! Every piece of Markdown in the content, with where it sits, so checks that read Markdown (links,
//! images, headings, plain English) walk one list instead of each knowing every file format.

use std::sync::Arc;

use toml::Spanned;

use crate::load::format::PriorityFile;
use crate::load::{Content, Loaded};

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

/// A piece of Markdown: its source, its text and the byte offset of the text in the source.
pub struct TextAt<'a> {
    pub source: usize,
    pub text: &'a str,
    pub offset: usize,
    pub kind: Kind,
}

/// Where a TOML string's text starts: after its opening quote.
fn string_start(text: &Spanned<String>) -> usize {
    text.span().start + 1
}

fn spanned(source: usize, text: &Spanned<String>, kind: Kind) -> TextAt<'_> {
    TextAt {
        source,
        text: text.get_ref(),
        offset: string_start(text),
        kind,
    }
}

/// Every piece of Markdown in the content.
pub fn markdown_texts(content: &Content) -> Vec<TextAt<'_>> {
    let mut texts = texts_outside_registers(content);
    for priority in &content.priorities {
        texts.extend(register_texts(priority));
    }
    texts
}

/// The Markdown of one priority's action register: most of the text of a large plan.
pub fn register_texts(priority: &Loaded<Arc<PriorityFile>>) -> Vec<TextAt<'_>> {
    let mut texts = Vec::new();
    for action in &priority.value.actions {
        for text in action
            .achieve
            .iter()
            .chain(&action.doing)
            .chain(&action.notes)
        {
            texts.push(spanned(priority.source, text, Kind::Short));
        }
        for text in &action.families {
            texts.push(spanned(priority.source, text, Kind::ForFamilies));
        }
    }
    texts
}

/// Every piece of Markdown but the action registers'.
pub fn texts_outside_registers(content: &Content) -> Vec<TextAt<'_>> {
    let mut texts = Vec::new();
    for page in &content.pages {
        texts.push(TextAt {
            source: page.source,
            text: &page.value.body,
            offset: page.value.body_offset,
            kind: Kind::Document,
        });
    }
    for update in &content.updates {
        texts.push(TextAt {
            source: update.source,
            text: &update.value.body,
            offset: update.value.body_offset,
            kind: Kind::Document,
        });
        for change in &update.value.front_matter.actions {
            texts.push(spanned(update.source, &change.note, Kind::ForFamilies));
        }
    }
    if let Some(plan) = &content.plan {
        // The introduction is a plain string: its offset is not kept, so places point at the file.
        texts.push(TextAt {
            source: plan.source,
            text: &plan.value.introduction,
            offset: 0,
            kind: Kind::Short,
        });
    }
    if let Some(sros) = &content.sros {
        for sro in &sros.value.sros {
            texts.push(TextAt {
                source: sros.source,
                text: &sro.summary,
                offset: 0,
                kind: Kind::Short,
            });
        }
    }
    for register in &content.registers {
        texts.push(TextAt {
            source: register.source,
            text: &register.value.summary,
            offset: 0,
            kind: Kind::Short,
        });
        for item in &register.value.items {
            texts.push(spanned(register.source, &item.text, Kind::Short));
        }
    }
    if let Some(risks) = &content.risks {
        for risk in &risks.value.risks {
            let all = std::iter::once(&risk.description).chain(&risk.mitigation);
            texts.extend(all.map(|text| TextAt {
                source: risks.source,
                text,
                offset: 0,
                kind: Kind::Short,
            }));
        }
    }
    texts
}
