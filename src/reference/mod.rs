//! The content-format reference for editors (`planpress reference`, kept as `content/FORMAT.md`):
//! every file in `content/`, every field, whether it is required, what it means and an example,
//! all from the field definitions the loader is compiled from ([`schema`]). Pure: text out.

mod markdown;
pub mod schema;

pub use markdown::markdown;
pub use schema::{Field, Item, Schema};

/// The committed copy of the reference, beside the files it describes. The loader skips it.
pub const COMMITTED: &str = "content/FORMAT.md";

/// The command that writes [`COMMITTED`] again.
pub const REGENERATE: &str = "cargo run -q -- reference > content/FORMAT.md";

/// A file an editor writes: where it goes, the struct it is read into, whether a plan needs it.
pub struct FileFormat {
    pub path: &'static str,
    pub root: &'static str,
    pub required: bool,
    /// `+++` front matter above a Markdown body, rather than a TOML file.
    pub front_matter: bool,
}

const fn file(path: &'static str, root: &'static str, required: bool) -> FileFormat {
    FileFormat {
        path,
        root,
        required,
        front_matter: false,
    }
}

const fn page(path: &'static str, root: &'static str) -> FileFormat {
    FileFormat {
        path,
        root,
        required: false,
        front_matter: true,
    }
}

/// Every kind of file in `content/`, in the order an editor meets them (as `load::parse` reads
/// them; a test checks every struct of the format is reached from one of these).
pub const FILES: &[FileFormat] = &[
    file("content/plan.toml", "PlanFile", true),
    file("content/sros.toml", "SroFile", false),
    file("content/priorities/<id>.toml", "PriorityFile", true),
    file("content/registers/<id>.toml", "RegisterFile", false),
    page("content/updates/<slug>.md", "UpdateFrontMatter"),
    file("content/timeline.toml", "TimelineFile", false),
    file("content/milestones.toml", "MilestonesFile", false),
    file("content/glossary.toml", "GlossaryFile", false),
    file("content/measures.toml", "MeasuresFile", false),
    file("content/risks.toml", "RisksFile", false),
    page("content/pages/<slug>.md", "PageFrontMatter"),
];

/// Whether `path` (from the project root) is the reference itself, which planpress never reads
/// as content.
pub fn is_reference(path: &std::path::Path) -> bool {
    path == std::path::Path::new(COMMITTED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_reference_is_what_the_code_generates() {
        let committed = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(COMMITTED),
        )
        .unwrap_or_default();
        assert!(
            committed == markdown(&Schema::read()),
            "{COMMITTED} is out of date with the fields in src/load/format/: run `{REGENERATE}` and commit it"
        );
    }

    #[test]
    fn every_field_an_editor_writes_has_docs_and_an_example() {
        let schema = Schema::read();
        let mut lacking = Vec::new();
        for item in reachable(&schema) {
            for field in schema.fields(item) {
                let table = schema.table_of(field).is_some();
                if field.meaning().is_empty() || (field.example.is_none() && !table) {
                    lacking.push(format!("{}.{}", item.name, field.key));
                }
            }
        }
        assert!(
            lacking.is_empty(),
            "give each of these fields a `///` doc and a `/// Example: <TOML value>` line in src/load/format/: {lacking:?}"
        );
    }

    #[test]
    fn every_example_is_a_toml_value() {
        let schema = Schema::read();
        for item in &schema.items {
            for field in &item.fields {
                if let Some(example) = &field.example {
                    let line = format!("{} = {example}", field.key);
                    assert!(
                        line.parse::<toml::Table>().is_ok(),
                        "{}.{}: `{line}` is not TOML",
                        item.name,
                        field.key
                    );
                }
            }
        }
    }

    #[test]
    fn every_struct_of_the_format_is_in_the_reference() {
        let schema = Schema::read();
        let reached: Vec<&str> = reachable(&schema).iter().map(|i| i.name.as_str()).collect();
        for item in schema.items.iter().filter(|i| !i.is_enum) {
            assert!(
                reached.contains(&item.name.as_str()),
                "{} is not reached from any file in reference::FILES: add its file there",
                item.name
            );
        }
    }

    #[test]
    fn every_type_a_field_names_is_known() {
        let schema = Schema::read();
        for item in &schema.items {
            for field in &item.fields {
                let ty = markdown::type_words(&schema, field);
                assert!(
                    !ty.is_empty(),
                    "{}.{}: the reference does not know the type `{}`; describe it in reference/markdown.rs",
                    item.name,
                    field.key,
                    field.ty
                );
            }
        }
    }

    #[test]
    fn every_format_file_and_every_file_root_is_read() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/load/format");
        for entry in std::fs::read_dir(folder).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            let read = schema::SOURCES.iter().any(|(source, _)| *source == name);
            assert!(
                read || name == "snapshots.rs",
                "src/load/format/{name} is not read for the reference: add it to SOURCES in src/reference/schema.rs"
            );
        }
        let schema = Schema::read();
        for file in FILES {
            assert!(schema.item(file.root).is_some(), "{}", file.root);
        }
    }

    /// Every struct reached from the files, in the reference's order.
    fn reachable(schema: &Schema) -> Vec<&Item> {
        markdown::sections(schema)
            .into_iter()
            .map(|(item, _)| item)
            .collect()
    }
}
