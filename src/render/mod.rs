//! Stage 4, render: the plan and the theme in, the site's files (as bytes in memory) out. Pure apart
//! from reading the theme, which `ThemeFiles::read` does before rendering starts.

mod abbreviations;
pub mod cache;
mod charts;
mod chrome;
mod contexts;
pub mod data;
mod find;
mod highlight;
mod links;
mod markdown;
mod outcomes;
mod print;
mod progress;
mod registers;
mod say;
pub mod search;
pub mod theme;
mod versions;
mod views;
mod words;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::{ContentError, Source};
use crate::load::Attachment;
use crate::model::{Plan, Text};
use crate::{lock, Stop};
use links::LinkTargets;
pub use theme::Theme;
use views::*;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// '/'-separated path under the site root (`actions/antenatal-care.html`).
    pub path: String,
    pub bytes: Bytes,
}

/// A file's bytes, shared: `serve` keeps each page and serves it without copying it.
pub type Bytes = std::sync::Arc<Vec<u8>>;

#[cfg(test)]
impl OutputFile {
    /// A file of text, as tests write them.
    pub fn text(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: Bytes::new(text.as_bytes().to_vec()),
        }
    }
}

/// Where rendered files go as they are made (from many threads): into memory, or straight to disk.
pub trait Sink: Sync {
    /// Takes a whole file.
    fn put(&self, file: OutputFile);
    /// Takes a file that `write` writes in pieces: a national plan's data files and print edition
    /// are each over 100 MB, and on disk they are never held whole.
    fn put_written(&self, path: &str, write: &mut Written);
}

/// Writes a file's bytes in pieces to the writer it is given.
pub type Written<'w> = dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()> + 'w;

/// The site's files, kept in memory.
struct Collect(Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn put(&self, file: OutputFile) {
        lock(&self.0).push(file);
    }

    fn put_written(&self, path: &str, write: &mut Written) {
        let mut bytes = Vec::new();
        // Writing into memory cannot fail.
        let _ = write(&mut bytes);
        self.put(OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        });
    }
}

/// What `serve` is handed early: the files made so far, already right for the new content.
pub type Early<'e> = dyn Fn(&[OutputFile]) + Sync + 'e;

/// Renders every page of the site into memory, sorted by path, or every problem found. `serving`
/// is what `serve` keeps between builds, where it wants the first pages early, and when it no
/// longer wants the rest (the files are then not a whole site).
pub fn render_site(
    plan: &Plan,
    sources: &[Source],
    attachments: &[Attachment],
    theme: &Theme,
    serving: Option<(&cache::PageCache, &Early, &Stop)>,
) -> Result<Vec<OutputFile>, Vec<ContentError>> {
    let files = Collect(Mutex::new(Vec::new()));
    let early = || {
        if let Some((_, early, _)) = serving {
            early(&lock(&files.0));
        }
    };
    let cache = serving.map(|(cache, ..)| cache);
    let stop = serving.map_or(crate::NEVER, |(.., stop)| stop);
    render_site_into(
        plan,
        sources,
        attachments,
        theme,
        cache,
        &files,
        &early,
        stop,
    )?;
    let mut files = files.0.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Renders every page of the site, handing each file to `sink` as soon as it is made (from many
/// threads) and calling `early` once the priorities' and action areas' pages are made; returns
/// the paths of all of them, sorted, or every problem found. After an error, or once `stop` says
/// so after `early`, the files handed over are not a whole site.
#[allow(clippy::too_many_arguments)]
pub fn render_site_into(
    plan: &Plan,
    sources: &[Source],
    attachments: &[Attachment],
    theme: &Theme,
    cache: Option<&cache::PageCache>,
    sink: &dyn Sink,
    early: &(dyn Fn() + Sync),
    stop: &Stop,
) -> Result<Vec<String>, Vec<ContentError>> {
    if let Some(cache) = cache {
        cache.start();
    }
    let site = json(&site_view(plan, &theme.words, theme.words_looked_up));
    let renderer = Renderer {
        cache,
        plan,
        sources,
        theme,
        sink,
        early,
        stop,
        past_early: AtomicBool::new(false),
        paths: Mutex::new(Vec::new()),
        targets: LinkTargets::new(plan, sources.iter().map(|s| s.path.as_path()), attachments),
        problems: Mutex::new(Vec::new()),
        made: Mutex::new(Vec::new()),
        site_fingerprint: cache.map_or(0, |_| cache::json_fingerprint(&site)),
        contexts: contexts::Contexts::new(site),
        chrome: chrome::Chrome::default(),
        glossary: abbreviations::Glossary::new(plan.glossary.iter().map(|t| {
            (
                t.term.as_str(),
                t.expansion.as_str(),
                crate::validate::slugify(&t.term),
            )
        })),
    };
    renderer.pages();
    renderer.emit(attachments.iter().map(|(path, bytes)| OutputFile {
        path: links::published_path(path),
        bytes: Bytes::new(bytes.clone()),
    }));
    renderer.emit(theme.assets.iter().map(|(path, bytes)| OutputFile {
        path: path.clone(),
        bytes: Bytes::new(bytes.clone()),
    }));
    let mut problems = renderer
        .problems
        .into_inner()
        .unwrap_or_else(|e| e.into_inner());
    if let (Some(cache), true) = (cache, problems.is_empty()) {
        cache.keep_priorities(
            renderer
                .made
                .into_inner()
                .unwrap_or_else(|e| e.into_inner()),
        );
    }
    if problems.is_empty() {
        let mut paths = renderer
            .paths
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        paths.sort();
        Ok(paths)
    } else {
        problems.sort_by(|a, b| {
            (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
        });
        problems.dedup();
        Err(problems)
    }
}

/// Pages without preformatted text lose their blank lines and indentation: a lighter page for a
/// phone, the same page for a reader.
fn trim_lines(html: &str) -> String {
    if html.contains("<pre") || html.contains("<textarea") {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    for line in html.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

struct Renderer<'a> {
    /// Pages kept from the last build (only `serve` keeps them).
    cache: Option<&'a cache::PageCache>,
    plan: &'a Plan,
    sources: &'a [Source],
    theme: &'a Theme,
    sink: &'a dyn Sink,
    /// Called once the pages an edit is most likely about (priorities, action areas) are made.
    early: &'a (dyn Fn() + Sync),
    /// Asked after `early`, before each later page or job: stop if it says so.
    stop: &'a Stop<'a>,
    /// Whether `early` was called: the priorities' pages before it are always made whole.
    past_early: AtomicBool,
    /// Every file handed to the sink so far (the sitemap lists the pages).
    paths: Mutex<Vec<String>>,
    targets: LinkTargets,
    problems: Mutex<Vec<ContentError>>,
    /// The priorities rendered in full, for `serve` to keep if the build succeeds.
    made: Mutex<Vec<(String, cache::KeptPriority)>>,
    /// What the site's view is, for `serve`'s page fingerprints (0 outside `serve`).
    site_fingerprint: u64,
    /// What every page is told about the site, made once, and template contexts holding it,
    /// each lent to one page at a time.
    contexts: contexts::Contexts,
    /// The header and footer, rendered once for each place they differ.
    chrome: chrome::Chrome,
    glossary: abbreviations::Glossary,
}

/// A page's own part of the template context.
type Extra<'a> = Vec<(&'static str, tera::Value)>;

impl<'a> Renderer<'a> {
    /// Renders every page and hands it on; the views of every priority and action are made once,
    /// in summary, and in full only for the pages that show an action's columns.
    fn pages(&self) {
        let print_parts = self.priority_pages();
        if lock(&self.problems).is_empty() {
            (self.early)();
        }
        self.past_early.store(true, Ordering::Relaxed);
        if self.stopped() {
            return;
        }
        let priorities = self.priority_views();
        let sros = self.sro_views();
        // The lists, data files, search index and print edition need nothing from each other, and
        // some are one long job each (the print edition, the index): made side by side, they keep
        // every core busy. Only the sitemap, which lists them all, waits for them. The longest
        // jobs are spawned first and last: an idle thread takes the first, this one the last.
        let (priorities, sros) = (&priorities, &sros);
        let jobs: Vec<Box<dyn FnOnce() + Send + '_>> = vec![
            Box::new(move || {
                let coverage = self.register_pages();
                self.print_page(priorities, coverage, print_parts);
            }),
            Box::new(|| {
                data::files(self.plan, &self.theme.words, &|path, write| {
                    self.emit_written(path, write)
                })
            }),
            Box::new(|| self.emit(self.finding_pages(priorities))),
            Box::new(|| self.emit(self.top_pages(priorities, sros))),
            Box::new(|| {
                self.emit(self.print_stylesheet());
                self.emit(self.update_pages());
                self.emit(self.timeline_page());
                self.emit(self.dashboard_page());
                self.emit(self.outcome_pages());
                self.emit(self.versions_page());
            }),
            Box::new(|| self.emit(self.sro_pages(priorities, sros))),
            Box::new(|| self.emit(search::files(self.plan, &|| self.stopped()))),
        ];
        rayon::scope(|s| {
            for job in jobs {
                // A job not started when the build stops being wanted (in `serve`, a newer save
                // came in) is skipped.
                s.spawn(move |_| {
                    if !self.stopped() {
                        job();
                    }
                });
            }
        });
        if !self.stopped() {
            self.emit(self.sitemap());
        }
    }

    /// A page per senior responsible owner, with the priorities they own.
    fn sro_pages(&self, priorities: &[PriorityView], sros: &[SroView]) -> Vec<OutputFile> {
        sros.par_iter()
            .filter_map(|sro| {
                let owned: Vec<&PriorityView> =
                    sro.priorities.iter().map(|&i| &priorities[i]).collect();
                let extra = vec![("sro", json(sro)), ("priorities", json(&owned))];
                self.page("sro.html", &sro.href, "../", extra)
            })
            .collect()
    }

    /// Whether the rest of the build is no longer wanted: only ever after the early pages.
    fn stopped(&self) -> bool {
        self.past_early.load(Ordering::Relaxed) && (self.stop)()
    }

    /// Hands files on to the sink, noting their paths.
    fn emit(&self, files: impl IntoIterator<Item = OutputFile>) {
        for file in files {
            lock(&self.paths).push(file.path.clone());
            self.sink.put(file);
        }
    }

    /// Hands on a file written in pieces, noting its path; none once the build is not wanted
    /// (each data file of a national plan takes a few tenths of a second).
    fn emit_written(&self, path: &str, write: &mut Written) {
        if self.stopped() {
            return;
        }
        lock(&self.paths).push(path.to_string());
        self.sink.put_written(path, write);
    }

    /// The pages at the top of the site: home, 404, the owners' index and the Markdown pages.
    fn top_pages(&self, priorities: &[PriorityView], sros: &[SroView]) -> Vec<OutputFile> {
        let plan = self.plan;
        let home = vec![
            ("priorities", json(&headings(priorities))),
            (
                "counts",
                json(&counts(plan, plan.actions().map(|(_, a)| a))),
            ),
            ("action_count", json(&plan.actions().count())),
            (
                "introduction",
                json(&self.markdown(&plan.introduction, "", false)),
            ),
            ("latest", self.latest_changes()),
            (
                "overdue",
                json(&plan.actions().filter(|(_, a)| plan.is_overdue(a)).count()),
            ),
        ];
        let mut pages = vec![
            ("index.html", "index.html".to_string(), home),
            ("404.html", "404.html".to_string(), vec![]),
            (
                "data.html",
                "data.html".to_string(),
                vec![(
                    "tables",
                    json(&data::table_views(&self.plan.labels, &self.theme.words)),
                )],
            ),
            (
                "sros.html",
                "sros.html".to_string(),
                vec![
                    ("sros", json(sros)),
                    ("priorities", json(&headings(priorities))),
                ],
            ),
        ];
        if !plan.glossary.is_empty() {
            let terms: Vec<_> = plan
                .glossary
                .iter()
                .map(|t| serde_json::json!({ "term": t.term, "expansion": t.expansion, "meaning": t.meaning, "id": crate::validate::slugify(&t.term) }))
                .collect();
            pages.push((
                "glossary.html",
                "glossary.html".to_string(),
                vec![("terms", json(&terms))],
            ));
        }
        for page in &plan.pages {
            let html = self.markdown(&page.body, "", false);
            let view =
                serde_json::json!({ "title": page.title, "summary": page.summary, "html": html });
            pages.push(("page.html", page_href(&page.slug), vec![("page", view)]));
        }
        pages
            .into_par_iter()
            .filter_map(|(template, path, extra)| self.page(template, &path, "", extra))
            .collect()
    }

    /// A page per priority, with links to its neighbours, and a page per action area: independent
    /// pages, rendered in parallel. Each priority's actions are viewed in full only here, one
    /// priority at a time, so a large plan never holds every action's rendered text at once; the
    /// same view gives the priority's part of the print edition, returned in order.
    fn priority_pages(&self) -> Vec<Bytes> {
        // In `serve`, a priority that is the same model (the model keeps a priority a save did
        // not touch) in the same surroundings is not viewed again.
        let shared = self.cache.map(|_| cache::plan_without_actions(self.plan));
        (0..self.plan.priorities.len())
            .into_par_iter()
            .map(|i| {
                let model = &self.plan.priorities[i];
                let surroundings = shared.map(|shared| {
                    let made_from = (self.theme.fingerprint, self.targets.fingerprint(), shared);
                    cache::fingerprint(&(made_from, i))
                });
                let kept = self.cache.zip(surroundings);
                if let Some((files, print_part)) =
                    kept.and_then(|(cache, surroundings)| cache.priority(model, surroundings))
                {
                    self.emit(files);
                    return print_part;
                }
                let (files, print_part) = self.priority_files(i);
                if let Some(surroundings) = surroundings {
                    let paths = files.iter().map(|f| f.path.clone()).collect();
                    let made = cache::KeptPriority {
                        model: model.clone(),
                        surroundings,
                        paths,
                        print_part: print_part.clone(),
                    };
                    lock(&self.made).push((model.id.clone(), made));
                }
                self.emit(files);
                print_part
            })
            .collect()
    }

    /// The page of the `i`th priority, its action areas' pages, and its part of the print edition.
    fn priority_files(&self, i: usize) -> (Vec<OutputFile>, Bytes) {
        let (plan, priorities) = (self.plan, &self.plan.priorities);
        let priority = self.priority_view(&priorities[i], Detail::Full);
        let neighbour = |j: Option<usize>| {
            let link = j
                .and_then(|j| priorities.get(j))
                .map(|p| PriorityLink::to(plan, p));
            json(&link)
        };
        let extra = vec![
            ("priority", json(&priority)),
            ("previous", neighbour(i.checked_sub(1))),
            ("next", neighbour(Some(i + 1))),
        ];
        let mut files: Vec<OutputFile> = self
            .page("priority.html", &priority.heading.href, "../", extra)
            .into_iter()
            .collect();
        let link = json(&PriorityLink::to(plan, &priorities[i]));
        files.par_extend(priority.actions.par_iter().filter_map(|action| {
            let extra = vec![("action", json(action)), ("priority", link.clone())];
            self.page("action.html", &action.href, "../", extra)
        }));
        (files, self.print_part(&priority))
    }

    /// Renders one template to one file; a template error is reported against the theme.
    fn page(&self, template: &str, path: &str, root: &str, extra: Extra) -> Option<OutputFile> {
        let bytes = self.cached(template, path, path, root, extra, |html| {
            let html = if path == "glossary.html" {
                html
            } else {
                self.glossary.mark(&html, &format!("{root}glossary.html"))
            };
            trim_lines(&html).into_bytes()
        })?;
        Some(OutputFile {
            path: path.to_string(),
            bytes,
        })
    }

    /// Renders `template` for the page at `path` and finishes it; `serve` keeps the result under
    /// `key` (the path, or a part of the page) and reuses it while nothing it is made from changes.
    fn cached(
        &self,
        template: &str,
        key: &str,
        path: &str,
        root: &str,
        extra: Extra,
        finish: impl FnOnce(String) -> Vec<u8>,
    ) -> Option<Bytes> {
        if self.stopped() {
            return None;
        }
        // Built as a map and handed over whole: `Context::insert` would serialise each value again.
        let mut map = serde_json::Map::new();
        map.insert("root".into(), root.into());
        map.insert("path".into(), path.into());
        for (key, value) in extra {
            map.insert(key.into(), value);
        }
        let fingerprint = self.cache.map(|_| {
            let page = cache::json_fingerprint(&map);
            cache::fingerprint(&(
                template,
                self.theme.fingerprint,
                self.site_fingerprint,
                page,
            ))
        });
        let render = || {
            // The header and footer follow from what the fingerprint already holds.
            let mut map = map;
            let chrome = self.chrome(root, path);
            map.insert("header".into(), chrome.header.clone());
            map.insert("footer".into(), chrome.footer.clone());
            let lent = self.contexts.with_page(map);
            let html = self.render(template, &lent.context);
            self.contexts.give_back(lent);
            html.map(|html| finish(html).into())
        };
        match (self.cache, fingerprint) {
            (Some(cache), Some(fingerprint)) => cache.page(key, fingerprint, render),
            _ => render(),
        }
    }

    fn render(&self, template: &str, context: &Context) -> Option<String> {
        match self.theme.tera.render(template, context) {
            Ok(text) => Some(text),
            Err(e) => {
                let file = Path::new("themes")
                    .join(&self.plan.theme)
                    .join("templates")
                    .join(template);
                self.problem(ContentError::in_file(&file, theme::describe(&e)).hint(
                    "a template uses a value the page does not have, or has a syntax error; fix the template, or remove your copy to use the default",
                ));
                None
            }
        }
    }

    /// The print stylesheet: A4 pages with the plan's title in the running header and page numbers
    /// in the footer (CSS page-margin boxes need the words in the stylesheet itself).
    fn print_stylesheet(&self) -> Option<OutputFile> {
        let css_string = |text: &str| {
            format!(
                "\"{}\"",
                text.replace('\\', "\\\\")
                    .replace('"', "\\\"")
                    .replace('\n', " ")
            )
        };
        let mut context = Context::new();
        context.insert("title", &css_string(&self.plan.title));
        context.insert("organisation", &css_string(&self.plan.organisation));
        // "Page 3 of 41", in the plan's language.
        let word = |key: &str| self.theme.words.get(key).map_or("", String::as_str);
        context.insert(
            "page_word",
            &css_string(&format!("{} ", word("print_page"))),
        );
        context.insert(
            "of_word",
            &css_string(&format!(" {} ", word("print_page_of"))),
        );
        self.render("print.css", &context).map(|css| OutputFile {
            path: "print.css".into(),
            bytes: css.into_bytes().into(),
        })
    }

    fn sitemap(&self) -> Option<OutputFile> {
        let mut paths = lock(&self.paths).clone();
        paths.sort();
        let urls: Vec<String> = paths
            .iter()
            .filter(|p| p.ends_with(".html") && *p != "404.html")
            .map(|p| format!("{}{}", self.plan.base_url, p))
            .collect();
        let mut context = Context::new();
        context.insert("urls", &urls);
        context.insert("lastmod", &self.plan.as_of.iso());
        self.render("sitemap.xml", &context).map(|xml| OutputFile {
            path: "sitemap.xml".into(),
            bytes: xml.into_bytes().into(),
        })
    }

    fn priority_views(&self) -> Vec<PriorityView<'a>> {
        self.plan
            .priorities
            .par_iter()
            .map(|p| self.priority_view(p, Detail::Summary))
            .collect()
    }

    fn priority_view(&self, p: &'a crate::model::Priority, detail: Detail) -> PriorityView<'a> {
        let plan = self.plan;
        PriorityView {
            heading: PriorityHeading {
                id: &p.id,
                number: p.number,
                title: &p.title,
                workstream: &p.workstream,
                trust_priority: &p.trust_priority,
                href: priority_href(&p.id),
                sro: sro_link(plan, p),
                action_count: p.actions.len(),
                counts: counts(plan, p.actions.iter()),
                compact: p.actions.len() > COMPACT_OVER,
                measures: self.measures_for_priority(p),
                risks: self.risks_for_priority(&p.id),
            },
            actions: p
                .actions
                .par_iter()
                .map(|a| self.action_view(a, detail))
                .collect(),
        }
    }

    /// Actions appear on pages one folder down (priorities/, actions/, sros/), so links start "../".
    /// In summary, the rendered parts (columns, notes, history, answers) are left empty.
    fn action_view(&self, action: &'a crate::model::Action, detail: Detail) -> ActionView<'a> {
        let mut view = ActionView {
            id: &action.id,
            reference: &action.reference,
            title: &action.title,
            href: action_href(&action.id),
            status: status_view(self.plan.status(&action.status)),
            assurance: assurance_view(self.plan.assurance(&action.assurance)),
            due: action.due.as_deref(),
            due_long: action.due.as_deref().map(|d| {
                crate::model::Date::parse_iso(d).map_or(d.to_string(), |date| self.date(date).long)
            }),
            overdue: self.plan.is_overdue(action),
            done: self.plan.is_done(action),
            lead: action.lead.as_deref(),
            last_updated: action.last_updated.map(|d| self.date(d)),
            next_review: action.next_review.map(|d| self.date(d)),
            history: Vec::new(),
            milestones: Vec::new(),
            measures: self.measures_for_action(&action.id),
            answers: Vec::new(),
            achieve: Vec::new(),
            doing: Vec::new(),
            families: Vec::new(),
            notes: None,
        };
        if detail == Detail::Full {
            let bullets = |items: &[Text]| {
                items
                    .iter()
                    .map(|t| self.markdown(t, "../", true))
                    .collect()
            };
            view.history = self.history_views(action);
            view.milestones = self.milestone_views(action);
            view.answers = action
                .answers
                .iter()
                .filter_map(|reference| self.plan.recommendation(reference))
                .map(|(register, item)| AnswerLink {
                    label: registers::label(register, item),
                    href: registers::recommendation_href(&item.reference),
                    text: self.markdown(&item.text, "../", true),
                })
                .collect();
            view.achieve = bullets(&action.achieve);
            view.doing = bullets(&action.doing);
            view.families = bullets(&action.families);
            view.notes = action
                .notes
                .as_ref()
                .map(|n| self.markdown(n, "../", false));
        }
        view
    }

    fn sro_views(&self) -> Vec<SroView<'a>> {
        let plan = self.plan;
        plan.sros
            .iter()
            .map(|s| {
                let owned: Vec<usize> = (0..plan.priorities.len())
                    .filter(|&i| plan.priorities[i].sro == s.id)
                    .collect();
                let actions = owned
                    .iter()
                    .flat_map(|&i| plan.priorities[i].actions.iter());
                SroView {
                    id: &s.id,
                    title: &s.title,
                    href: sro_href(&s.id),
                    summary: self.markdown(&s.summary, "../", true),
                    action_count: actions.clone().count(),
                    counts: counts(plan, actions),
                    priorities: owned,
                }
            })
            .collect()
    }

    /// Renders Markdown from a content file; broken links become errors pointing into that file.
    fn markdown(&self, text: &Text, root: &str, inline: bool) -> String {
        let style = if inline {
            Style::Inline
        } else {
            Style::Block("")
        };
        self.markdown_as(text, root, style)
    }

    fn markdown_as(&self, text: &Text, root: &str, style: Style) -> String {
        let Some(source) = self.sources.get(text.source) else {
            return String::new();
        };
        let resolve = |url: &str| self.targets.resolve(&source.path, url, root);
        let render = || match style {
            Style::Inline => markdown::render_inline(&text.markdown, &resolve),
            Style::Block(prefix) => markdown::render_with_prefix(&text.markdown, &resolve, prefix),
        };
        let (html, problems) = match self.cache {
            // The same text, in the same file, shown from the same folder, with the same files to
            // link to, renders the same.
            Some(cache) => {
                let key = cache::fingerprint(&(
                    &text.markdown,
                    &source.path,
                    root,
                    style,
                    self.targets.fingerprint(),
                ));
                cache.markdown(key, render)
            }
            None => render(),
        };
        for problem in problems {
            let at = text.offset + problem.range.start;
            self.problem(
                ContentError::at(source, at..at + problem.range.len(), problem.message)
                    .hint("check the file name; links to other content files are written relative to this file"),
            );
        }
        html
    }

    fn problem(&self, error: ContentError) {
        self.problems
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(error);
    }
}

/// How much of an action a view holds: the summary that lists and tables need, or everything its
/// own page shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Detail {
    Summary,
    Full,
}

/// A priority with more action areas than this lists them in a table on its page instead of
/// showing each one's columns: the page stays light on a phone, and each action has its own page.
const COMPACT_OVER: usize = 20;

/// How a piece of Markdown is rendered: inline (a bullet), or as blocks whose heading ids start
/// with a prefix ("" on its own page).
#[derive(Clone, Copy, Hash)]
enum Style<'p> {
    Inline,
    Block(&'p str),
}

fn json<T: Serialize + ?Sized>(value: &T) -> tera::Value {
    serde_json::to_value(value).unwrap_or(tera::Value::Null)
}
