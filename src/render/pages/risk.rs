//! The key risks: one page of them, highest first, each with its rating, owner and mitigations.

use super::{Kind, Lists};
use crate::model::Plan;
use crate::render::page::{json, Extra};
use crate::render::search::Doc;
use crate::render::site::Site;
use crate::render::views::outcomes::{all_risks, risk_views};

pub struct Risks;

impl Kind for Risks {
    fn make(&self, site: &Site, _: &Lists) {
        let plan = site.plan;
        if plan.risks.is_empty() {
            return;
        }
        let scale = &plan.risk_scale;
        let bands: Vec<(u32, &str, &str)> = scale
            .bands
            .iter()
            .map(|b| (b.min, b.label.as_str(), b.tone.name()))
            .collect();
        let extra: Extra = vec![
            ("risks", json(&risk_views(site, ""))),
            ("likelihood", json(&scale.likelihood)),
            ("impact", json(&scale.impact)),
            ("bands", json(&bands)),
            // The scale is explained only where some risk is rated on it.
            (
                "rated",
                json(&plan.risks.iter().any(|r| r.score().is_some())),
            ),
        ];
        site.emit(site.page("risks.html", "risks.html", "", extra));
    }

    fn search<'p>(&self, plan: &'p Plan, docs: &mut Vec<Doc<'p>>) {
        for risk in &plan.risks {
            let mut texts = vec![&*risk.description.markdown];
            texts.extend(risk.owner.as_deref());
            texts.extend(risk.mitigation.iter().map(|m| &*m.markdown));
            docs.push(Doc {
                title: risk.title.clone(),
                url: format!("risks.html#risk-{}", risk.id),
                kind: "risk",
                status: None,
                line: None,
                texts,
            });
        }
    }

    fn print(&self, site: &Site, _: &Lists, values: &mut Extra) {
        values.push(("risks", all_risks(site, "../")));
    }
}
