//! What the print edition needs of a theme: `print.html` must place the priorities' parts (a loop
//! over `priority_parts`), or the edition would lack every priority. A theme whose `print.html`
//! does not is a theme error before any page is made.

use std::path::Path;

use tera::ast::{Block, Expr, ExprVal, Node};
use tera::{Template, Tera};

use crate::diagnostics::{ContentError, ThemeKind};

/// The template of the print edition, and the value it must place.
const PRINT: &str = "print.html";
const PARTS: &str = "priority_parts";

/// A problem if the theme's `print.html` never places the priorities' parts. `folder` is where
/// the theme's templates are, as errors name it.
pub fn check(tera: &Tera, folder: &Path) -> Option<ContentError> {
    let print = tera.templates.get(PRINT)?;
    let root = print
        .parents
        .last()
        .and_then(|name| tera.templates.get(name))
        .unwrap_or(print);
    let places = Places { tera, page: print };
    if places.any(&root.ast) {
        return None;
    }
    let kind = ThemeKind::PrintWithoutParts;
    Some(ContentError::in_file(&folder.join(PRINT), kind))
}

/// Looks through what the print edition renders, blocks as its templates define them.
struct Places<'t> {
    tera: &'t Tera,
    page: &'t Template,
}

impl Places<'_> {
    fn any(&self, nodes: &[Node]) -> bool {
        nodes.iter().any(|node| self.node(node))
    }

    fn node(&self, node: &Node) -> bool {
        match node {
            Node::VariableBlock(_, expr) => names_parts(expr),
            Node::Forloop(_, forloop, _) => {
                names_parts(&forloop.container)
                    || self.any(&forloop.body)
                    || forloop.empty_body.as_deref().is_some_and(|b| self.any(b))
            }
            Node::If(branches, _) => {
                branches
                    .conditions
                    .iter()
                    .any(|(_, _, body)| self.any(body))
                    || branches
                        .otherwise
                        .as_ref()
                        .is_some_and(|(_, b)| self.any(b))
            }
            Node::Block(_, block, _) => self.block(block),
            Node::FilterSection(_, section, _) => self.any(&section.body),
            Node::Include(_, names, _) => names
                .iter()
                .filter_map(|name| self.tera.templates.get(name))
                .any(|t| self.any(&t.ast)),
            _ => false,
        }
    }
}

impl Places<'_> {
    /// A block as the page renders it: the nearest definition of it, from the page up through its
    /// parents, and the ones above it that it calls with `super()`.
    fn block(&self, block: &Block) -> bool {
        let templates = std::iter::once(self.page).chain(
            self.page
                .parents
                .iter()
                .filter_map(|p| self.tera.templates.get(p)),
        );
        for template in templates {
            if let Some(definitions) = template.blocks_definitions.get(&block.name) {
                for (_, definition) in definitions {
                    if self.any(&definition.body) {
                        return true;
                    }
                    if !calls_super(&definition.body) {
                        return false;
                    }
                }
                return false;
            }
        }
        self.any(&block.body)
    }
}

/// Whether a block's body calls `super()`, at any depth.
fn calls_super(nodes: &[Node]) -> bool {
    nodes.iter().any(|node| match node {
        Node::Super => true,
        Node::Forloop(_, forloop, _) => calls_super(&forloop.body),
        Node::If(branches, _) => {
            branches
                .conditions
                .iter()
                .any(|(_, _, body)| calls_super(body))
                || branches
                    .otherwise
                    .as_ref()
                    .is_some_and(|(_, b)| calls_super(b))
        }
        Node::FilterSection(_, section, _) => calls_super(&section.body),
        _ => false,
    })
}

/// Whether an expression reads the priorities' parts.
fn names_parts(expr: &Expr) -> bool {
    match &expr.val {
        ExprVal::Ident(name) => name == PARTS || name.starts_with("priority_parts."),
        ExprVal::Array(items) => items.iter().any(names_parts),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tera(templates: &[(&str, &str)]) -> Tera {
        let mut tera = Tera::default();
        tera.add_raw_templates(templates.to_vec()).unwrap();
        tera
    }

    fn places(templates: &[(&str, &str)]) -> bool {
        check(&tera(templates), Path::new("themes/t/templates")).is_none()
    }

    #[test]
    fn the_parts_may_be_placed_in_a_loop_in_a_block_or_through_a_parent() {
        let base = (
            "base.html",
            "<main>{% block content %}{% endblock content %}</main>",
        );
        let looped = "{% extends \"base.html\" %}{% block content %}{% for p in priority_parts %}{{ p | safe }}{% endfor %}{% endblock content %}";
        assert!(places(&[base, ("print.html", looped)]));
        let inherited = "{% extends \"default.html\" %}{% block title %}T{% endblock title %}";
        assert!(places(&[
            base,
            ("default.html", looped),
            ("print.html", inherited)
        ]));
    }

    #[test]
    fn a_print_template_without_the_parts_is_a_theme_error() {
        let base = (
            "base.html",
            "<main>{% block content %}{% endblock content %}</main>",
        );
        let without =
            "{% extends \"base.html\" %}{% block content %}<h1>Report</h1>{% endblock content %}";
        let error = check(
            &tera(&[base, ("print.html", without)]),
            Path::new("themes/t/templates"),
        )
        .expect("an error");
        assert_eq!(error.path, Path::new("themes/t/templates/print.html"));
        assert!(error.hint().unwrap_or_default().contains("priority_parts"));
        // Overriding the block that held them drops them too.
        let looped = "{% extends \"base.html\" %}{% block content %}{% for p in priority_parts %}{{ p }}{% endfor %}{% endblock content %}";
        let over =
            "{% extends \"default.html\" %}{% block content %}<h1>Mine</h1>{% endblock content %}";
        assert!(!places(&[
            base,
            ("default.html", looped),
            ("print.html", over)
        ]));
    }
}
