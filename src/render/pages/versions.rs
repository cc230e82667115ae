//! The "previous versions" page: every published snapshot, and what changed between each one and
//! the one before it.

use super::{Kind, Lists};
use crate::model::{Date, Horizon, Plan};
use crate::render::page::{json, Extra};
use crate::render::say::month_year;
use crate::render::search::Doc;
use crate::render::site::Site;
use crate::render::OutputFile;
use crate::snapshot::changes::compare;

pub struct Versions;

impl Kind for Versions {
    fn make(&self, site: &Site, _: &Lists) {
        site.emit(page(site));
    }

    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    /// A printed edition is itself one version.
    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}

fn page(site: &Site) -> Option<OutputFile> {
    let plan = site.plan;
    let label = |status: &str| {
        plan.statuses
            .iter()
            .find(|s| s.id == status)
            .map_or(status.to_string(), |s| s.label.clone())
    };
    let snapshots: Vec<_> = plan
        .snapshots
        .iter()
        .rev()
        .map(|s| {
            let date = match Horizon::parse(&s.report_date) {
                Some(Horizon::Day(d)) => site.date(d).long,
                Some(Horizon::Month { year, month }) => {
                    let first = Date {
                        year,
                        month,
                        day: 1,
                    };
                    month_year(&site.theme.words, first)
                }
                _ => s.report_date.clone(),
            };
            serde_json::json!({
                "label": s.label,
                "date": date,
                "date_iso": s.report_date,
                "manifest_sha256": s.manifest_sha256,
                "commit": s.content_commit,
            })
        })
        .collect();
    let changes: Vec<_> = plan
        .snapshots
        .windows(2)
        .rev()
        .map(|pair| {
            let mut report = serde_json::to_value(compare(&pair[0], &pair[1])).unwrap_or_default();
            // Statuses are kept as ids; readers see the words.
            if let Some(list) = report
                .get_mut("status_changes")
                .and_then(|v| v.as_array_mut())
            {
                for change in list {
                    for end in ["from", "to"] {
                        let id = change[end].as_str().unwrap_or_default().to_string();
                        change[end] = serde_json::Value::String(label(&id));
                    }
                }
            }
            report
        })
        .collect();
    site.page(
        "versions.html",
        "versions.html",
        "",
        vec![("snapshots", json(&snapshots)), ("changes", json(&changes))],
    )
}
