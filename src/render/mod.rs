//! Stage 4, render: the plan and the theme in, the site's files (as bytes in memory) out. Pure apart
//! from reading the theme, which `ThemeFiles::read` does before rendering starts.

mod abbreviations;
pub mod cache;
mod charts;
mod chrome;
mod contexts;
pub mod data;
mod find;
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

use std::cell::RefCell;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::{ContentError, Source, ThemeKind};
use crate::load::Attachment;
use crate::lock;
use crate::markdown;
use crate::model::{Plan, Priority, Text};
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
#[derive(Default)]
pub struct Collect(Mutex<Vec<OutputFile>>);

impl Collect {
    /// The files, sorted by path.
    pub fn sorted(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

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

/// What a run may take from an earlier run instead of rendering it again, and what `serve` wants
/// of a run besides the site. A build takes nothing; `serve` keeps the theme, each page and each
/// priority's pages between saves, and wants the pages an edit is most likely about as soon as
/// they are made.
pub trait Reuse: Sync {
    /// The theme made from `files`.
    fn theme(&self, files: theme::ThemeFiles) -> Result<Arc<Theme>, Vec<ContentError>> {
        Theme::compile(files).map(Arc::new)
    }

    /// The page (or part of a page) kept under `key`, as `render` makes it; it depends on nothing
    /// but what `fingerprint` fingerprints.
    fn page(
        &self,
        key: &str,
        fingerprint: &dyn Fn() -> u64,
        render: &mut dyn FnMut() -> Option<Bytes>,
    ) -> Option<Bytes> {
        let _ = (key, fingerprint);
        render()
    }

    /// The pages of a priority and its action areas, and its part of the print edition, as
    /// `make` makes them; they depend on nothing but the priority's model and what
    /// `surroundings` fingerprints. `None`: a page could not be made (the problem is reported).
    fn priority(
        &self,
        model: &Arc<Priority>,
        surroundings: &dyn Fn() -> u64,
        make: &mut dyn FnMut() -> Option<PriorityPages>,
    ) -> Option<PriorityPages> {
        let _ = (model, surroundings);
        make()
    }

    /// Whether the run is to hand over the priorities' and action areas' pages as soon as they
    /// are made, before the lists, search index and print edition that take the rest of the time.
    fn shows_early(&self) -> bool {
        false
    }

    /// Takes those pages: already right for the new content, but not yet the whole site.
    fn early(&self, files: &[OutputFile]) {
        let _ = files;
    }

    /// Asked after the early pages, before each later page or job: whether the rest of the site is
    /// no longer wanted (a newer save came in). The files handed over are then not a whole site.
    fn stopped(&self) -> bool {
        false
    }
}

/// The key a priority's part of the print edition is kept under (`Reuse::page`).
pub fn print_part_key(priority: &str) -> String {
    format!("print/index.html#{priority}")
}

/// A priority's pages (its own and its action areas') and its part of the print edition.
#[derive(Clone)]
pub struct PriorityPages {
    pub files: Vec<OutputFile>,
    pub print_part: Bytes,
}

/// Renders every page of the site, handing each file to `sink` as soon as it is made (from many
/// threads); returns the paths of all of them, sorted, or every problem found. After an error, or
/// once `reuse` says the rest is not wanted, the files handed over are not a whole site.
pub fn render_site(
    plan: &Plan,
    sources: &[Source],
    attachments: &[Attachment],
    theme: &Theme,
    sink: &dyn Sink,
    reuse: &dyn Reuse,
) -> Result<Vec<String>, Vec<ContentError>> {
    let site = json(&site_view(plan, &theme.words, theme.words_looked_up));
    let renderer = Renderer {
        plan,
        sources,
        attachments,
        theme,
        sink,
        reuse,
        past_early: AtomicBool::new(false),
        paths: Mutex::new(Vec::new()),
        problems: Mutex::new(Vec::new()),
        early: Mutex::new(Vec::new()),
        fingerprints: Fingerprints::default(),
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
        path: markdown::links::published_path(path),
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
    if problems.is_empty() {
        let mut paths = renderer
            .paths
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        paths.sort();
        Ok(paths)
    } else {
        problems.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.message()).cmp(&(&b.path, b.line, b.column, b.message()))
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
    plan: &'a Plan,
    sources: &'a [Source],
    attachments: &'a [Attachment],
    theme: &'a Theme,
    sink: &'a dyn Sink,
    /// What `serve` kept from the last run, and what it wants of this one.
    reuse: &'a dyn Reuse,
    /// Whether the early pages were handed over: the priorities' pages before are always made whole.
    past_early: AtomicBool,
    /// Every file handed to the sink so far (the sitemap lists the pages).
    paths: Mutex<Vec<String>>,
    problems: Mutex<Vec<ContentError>>,
    /// The priorities' and action areas' pages, for `reuse` to be shown early.
    early: Mutex<Vec<OutputFile>>,
    /// What the pages are made from, for `reuse` (worked out only when it asks).
    fingerprints: Fingerprints,
    /// What every page is told about the site, made once, and template contexts holding it,
    /// each lent to one page at a time.
    contexts: contexts::Contexts,
    /// The header and footer, rendered once for each place they differ.
    chrome: chrome::Chrome,
    glossary: abbreviations::Glossary,
}

/// Fingerprints of what every page, and every priority's pages, are made from besides their own
/// values: worked out once a run, and only for `serve`.
#[derive(Default)]
struct Fingerprints {
    /// The site's view.
    site: OnceLock<u64>,
    /// Everything a priority's pages may show besides its own actions.
    around_priorities: OnceLock<u64>,
}

/// A page's own part of the template context.
type Extra<'a> = Vec<(&'static str, tera::Value)>;

impl<'a> Renderer<'a> {
    /// Renders every page and hands it on; the views of every priority and action are made once,
    /// in summary, and in full only for the pages that show an action's columns.
    fn pages(&self) {
        let print_parts = self.priority_pages();
        if self.reuse.shows_early() && lock(&self.problems).is_empty() {
            self.reuse.early(&lock(&self.early));
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
        self.past_early.load(Ordering::Relaxed) && self.reuse.stopped()
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
        (0..self.plan.priorities.len())
            .into_par_iter()
            .map(|i| {
                let model = &self.plan.priorities[i];
                // In `serve`, a priority that is the same model (the model keeps a priority a
                // save did not touch) in the same surroundings is not viewed again.
                let surroundings = || {
                    let around = self.fingerprints.around_priorities.get_or_init(|| {
                        cache::around_priorities(self.plan, self.sources, self.attachments)
                    });
                    cache::fingerprint(&(self.theme.fingerprint, *around, i))
                };
                let made = self
                    .reuse
                    .priority(model, &surroundings, &mut || self.priority_files(i));
                let Some(PriorityPages { files, print_part }) = made else {
                    return Bytes::default();
                };
                if self.reuse.shows_early() {
                    lock(&self.early).extend(files.iter().cloned());
                }
                self.emit(files);
                print_part
            })
            .collect()
    }

    /// The page of the `i`th priority, its action areas' pages, and its part of the print edition;
    /// `None` if a page could not be made (the problem is reported).
    fn priority_files(&self, i: usize) -> Option<PriorityPages> {
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
        let actions: Vec<Option<OutputFile>> = priority
            .actions
            .par_iter()
            .map(|action| {
                let extra = vec![("action", json(action)), ("priority", link.clone())];
                self.page("action.html", &action.href, "../", extra)
            })
            .collect();
        let whole = files.len() == 1 && actions.iter().all(Option::is_some);
        files.extend(actions.into_iter().flatten());
        let print_part = self.print_part(&priority)?;
        whole.then_some(PriorityPages { files, print_part })
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
        // Both closures below see the page's values; the second takes them, once.
        let page = RefCell::new(Some((map, finish)));
        let fingerprint = || {
            let site = self
                .fingerprints
                .site
                .get_or_init(|| cache::json_fingerprint(self.contexts.site()));
            let values = page.borrow();
            let values = values.as_ref().map(|(map, _)| cache::json_fingerprint(map));
            cache::fingerprint(&(template, self.theme.fingerprint, site, values))
        };
        let mut render = || {
            let (mut map, finish) = page.borrow_mut().take()?;
            // The header and footer follow from what the fingerprint already holds.
            let chrome = self.chrome(root, path);
            map.insert("header".into(), chrome.header.clone());
            map.insert("footer".into(), chrome.footer.clone());
            let lent = self.contexts.with_page(map);
            let html = self.render(template, &lent.context);
            self.contexts.give_back(lent);
            html.map(|html| finish(html).into())
        };
        self.reuse.page(key, &fingerprint, &mut render)
    }

    fn render(&self, template: &str, context: &Context) -> Option<String> {
        match self.theme.tera.render(template, context) {
            Ok(text) => Some(text),
            Err(e) => {
                let file = Path::new("themes")
                    .join(&self.plan.theme)
                    .join("templates")
                    .join(template);
                let explanation = theme::describe(&e);
                let kind = ThemeKind::TemplateFailed { explanation };
                self.problem(ContentError::in_file(&file, kind));
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

    /// The HTML of Markdown from a content file, shown from a page `root` away from the site root.
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
        let (shown, prefix) = match style {
            Style::Inline => (markdown::Style::Inline, ""),
            Style::Block(prefix) => (markdown::Style::Block, prefix),
        };
        // The load stage made the HTML for the one way each text is shown (`load::TextAt`).
        let made = text.html != markdown::Html::NotMade;
        debug_assert!(!made || text.style == shown, "{:?}", text.markdown);
        text.html
            .shown(&text.markdown, &source.path, shown, root, prefix)
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
#[derive(Clone, Copy)]
enum Style<'p> {
    Inline,
    Block(&'p str),
}

fn json<T: Serialize + ?Sized>(value: &T) -> tera::Value {
    serde_json::to_value(value).unwrap_or(tera::Value::Null)
}
