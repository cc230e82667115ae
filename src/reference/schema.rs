//! The content format as data: every struct of `src/load/format/` with its fields, read from the
//! Rust source the loader is compiled from (`include_str!`), so the reference and the
//! missing-field check can never disagree with what the loader accepts.
//!
//! Why a reader of our own rather than `syn` or `schemars`: the format files are plain serde
//! structs written in one style (`///` docs, one `#[serde(…)]` per attribute, `pub name: Type,`),
//! so a line reader of a hundred lines reads them exactly; `syn` would add a heavy compile for that,
//! and `schemars` would need an attribute on every `Spanned` field. The tests below read every
//! format file and fail if any field is not understood.

/// The format files, as the loader is compiled from them. Snapshot records are written by
/// `planpress snapshot`, not by editors, so they are not here.
pub const SOURCES: &[(&str, &str)] = &[
    ("mod.rs", include_str!("../load/format/mod.rs")),
    ("measures.rs", include_str!("../load/format/measures.rs")),
    ("narrative.rs", include_str!("../load/format/narrative.rs")),
    ("registers.rs", include_str!("../load/format/registers.rs")),
    ("updates.rs", include_str!("../load/format/updates.rs")),
];

/// A struct (a file or a table in one) or an enum of the format.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub name: String,
    /// Its `///` docs, one line each.
    pub docs: Vec<String>,
    /// Every field is optional: `#[serde(default)]` on the struct.
    pub all_default: bool,
    pub fields: Vec<Field>,
    pub is_enum: bool,
}

/// One field as a TOML file writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Its key in TOML (after any `rename`).
    pub key: String,
    /// Other keys serde accepts for it (`alias`).
    pub aliases: Vec<String>,
    /// The Rust type as written (`Option<Spanned<String>>`).
    pub ty: String,
    pub docs: Vec<String>,
    /// The field may be left out: `#[serde(default…)]`, an `Option`, or a struct-wide default.
    pub optional: bool,
    /// `#[serde(flatten)]`: its struct's fields sit in this table.
    pub flatten: bool,
    /// The TOML value of its `/// Example:` line.
    pub example: Option<String>,
}

impl Field {
    /// What it means: its docs without the example line.
    pub fn meaning(&self) -> String {
        self.docs
            .iter()
            .filter(|line| !line.starts_with(EXAMPLE))
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The type inside `Spanned`, `Option`, `Box` and `Arc`: what the TOML value is.
    pub fn value_type(&self) -> &str {
        unwrap_type(&self.ty)
    }
}

/// The line in a field's docs that gives an example value.
pub const EXAMPLE: &str = "Example: ";

/// The whole format, read from [`SOURCES`].
#[derive(Debug, Clone, PartialEq)]
pub struct Schema {
    pub items: Vec<Item>,
}

impl Schema {
    /// The format, read once.
    pub fn get() -> &'static Schema {
        static SCHEMA: std::sync::OnceLock<Schema> = std::sync::OnceLock::new();
        SCHEMA.get_or_init(Schema::read)
    }

    pub fn read() -> Schema {
        let items = SOURCES
            .iter()
            .flat_map(|(_, text)| read_items(text))
            .collect();
        Schema { items }
    }

    pub fn item(&self, name: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.name == name)
    }

    /// The fields of a struct as one TOML table holds them, with flattened structs' fields in place.
    pub fn fields<'s>(&'s self, item: &'s Item) -> Vec<&'s Field> {
        item.fields
            .iter()
            .flat_map(|field| match field.flatten {
                true => self
                    .item(field.value_type())
                    .map(|inner| self.fields(inner))
                    .unwrap_or_default(),
                false => vec![field],
            })
            .collect()
    }

    /// The struct a field's value (or each of its list's values) is a table of, if any.
    pub fn table_of(&self, field: &Field) -> Option<&Item> {
        let inner = field.value_type();
        let inner = inner
            .strip_prefix("Vec<")
            .map_or(inner, |t| unwrap_type(&t[..t.len() - 1]));
        self.item(inner).filter(|item| !item.is_enum)
    }
}

/// Strips the wrappers that do not change what is written: `Spanned<T>`, `Option<T>`, `Box<T>`,
/// `Arc<T>`.
fn unwrap_type(ty: &str) -> &str {
    let ty = ty.trim();
    for wrapper in ["Spanned<", "Option<", "Box<", "Arc<"] {
        if let Some(inner) = ty.strip_prefix(wrapper).and_then(|t| t.strip_suffix('>')) {
            return unwrap_type(inner);
        }
    }
    ty
}

/// Reads every `pub struct` and `pub enum` of one Rust file, with docs, attributes and fields.
fn read_items(text: &str) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut docs = Vec::new();
    let mut attrs = String::new();
    let mut open_attr = 0i32;
    let mut inside: Option<Item> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if open_attr > 0 || trimmed.starts_with("#[") {
            open_attr += depth(trimmed);
            attrs.push_str(trimmed);
            continue;
        }
        if let Some(doc) = trimmed.strip_prefix("///") {
            docs.push(doc.trim().to_string());
            continue;
        }
        if let Some(item) = inside.as_mut() {
            if trimmed.starts_with('}') {
                items.extend(inside.take());
            } else if let Some(field) = read_field(trimmed, &docs, &attrs, item) {
                item.fields.push(field);
            }
        } else if let Some(item) = read_item_start(trimmed, &docs, &attrs) {
            match trimmed.ends_with('{') {
                true => inside = Some(item),
                false => items.push(item),
            }
        }
        if !trimmed.is_empty() && !trimmed.starts_with("//") {
            docs.clear();
            attrs.clear();
        }
    }
    items
}

/// How many more brackets a line opens than it closes.
fn depth(line: &str) -> i32 {
    line.chars()
        .map(|c| match c {
            '[' | '(' => 1,
            ']' | ')' => -1,
            _ => 0,
        })
        .sum()
}

/// `pub struct Name {` or `pub enum Name {`, with the docs and attributes before it.
fn read_item_start(line: &str, docs: &[String], attrs: &str) -> Option<Item> {
    let (is_enum, rest) = match line.strip_prefix("pub struct ") {
        Some(rest) => (false, rest),
        None => (true, line.strip_prefix("pub enum ")?),
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    Some(Item {
        name,
        docs: docs.to_vec(),
        all_default: serde_words(attrs).iter().any(|w| w == "default"),
        fields: Vec::new(),
        is_enum,
    })
}

/// `pub name: Type,` inside a struct; an enum's variants are not fields.
fn read_field(line: &str, docs: &[String], attrs: &str, item: &Item) -> Option<Field> {
    if item.is_enum {
        return None;
    }
    let rest = line.strip_prefix("pub ")?;
    let (name, ty) = rest.split_once(':')?;
    let ty = ty.trim().trim_end_matches(',').trim().to_string();
    let words = serde_words(attrs);
    if words
        .iter()
        .any(|w| w == "skip" || w == "skip_deserializing")
    {
        return None;
    }
    let renamed = words.iter().find_map(|w| {
        w.strip_prefix("rename=")
            .map(|v| v.trim_matches('"').to_string())
    });
    let example = docs
        .iter()
        .find_map(|d| d.strip_prefix(EXAMPLE).map(str::to_string));
    let aliases = words
        .iter()
        .filter_map(|w| {
            w.strip_prefix("alias=")
                .map(|v| v.trim_matches('"').to_string())
        })
        .collect();
    Some(Field {
        key: renamed.unwrap_or_else(|| name.trim().to_string()),
        aliases,
        optional: item.all_default
            || words.iter().any(|w| w.starts_with("default"))
            || ty.starts_with("Option<"),
        flatten: words.iter().any(|w| w == "flatten"),
        ty,
        docs: docs.to_vec(),
        example,
    })
}

/// The words of every `#[serde(…)]` attribute, spaces removed: `default`, `rename="for"`.
fn serde_words(attrs: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in attrs.split("#[serde(").skip(1) {
        let inside = part.rsplit_once(")]").map_or(part, |(inside, _)| inside);
        words.extend(
            inside
                .split(',')
                .map(|w| w.chars().filter(|c| !c.is_whitespace()).collect::<String>())
                .filter(|w| !w.is_empty()),
        );
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
/// A thing.
/// Second line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thing {
    /// Its name.
    /// Example: "Ward 1"
    pub name: String,
    #[serde(
        default = "no_text"
    )]
    pub summary: Spanned<String>,
    #[serde(rename = "for", alias = "to")]
    pub audiences: Vec<Spanned<String>>,
    pub due: Option<Spanned<String>>,
    #[serde(flatten)]
    pub more: More,
    #[serde(skip)]
    pub cache: u32,
}

impl Thing {
    pub fn name(&self) -> &str { &self.name }
}

/// Defaults everywhere.
#[derive(Default)]
#[serde(deny_unknown_fields, default)]
pub struct More {
    pub extra: u32,
}

/// One or several.
pub enum Owners {
    /// One.
    One(String),
}
"#;

    #[test]
    fn reads_docs_attributes_and_fields_as_serde_does() {
        let schema = Schema {
            items: read_items(SAMPLE),
        };
        let thing = schema.item("Thing").unwrap();
        assert_eq!(thing.docs, ["A thing.", "Second line."]);
        let keys: Vec<(&str, bool)> = schema
            .fields(thing)
            .iter()
            .map(|f| (f.key.as_str(), f.optional))
            .collect();
        assert_eq!(
            keys,
            [
                ("name", false),
                ("summary", true),
                ("for", false),
                ("due", true),
                ("extra", true)
            ]
        );
        assert_eq!(thing.fields[0].example.as_deref(), Some("\"Ward 1\""));
        assert_eq!(thing.fields[2].aliases, ["to"]);
        assert_eq!(thing.fields[0].meaning(), "Its name.");
        assert_eq!(thing.fields[3].value_type(), "String");
        assert!(schema.item("Owners").unwrap().is_enum);
        assert!(schema.item("Owners").unwrap().fields.is_empty());
    }

    #[test]
    fn every_format_file_is_read_with_its_structs() {
        let schema = Schema::read();
        for name in ["PlanFile", "ActionEntry", "RegisterFile", "MeasureEntry"] {
            let item = schema.item(name).unwrap();
            assert!(!item.fields.is_empty(), "{name}");
        }
        let action = schema.item("ActionEntry").unwrap();
        let id = action.fields.iter().find(|f| f.key == "id").unwrap();
        assert!(!id.optional);
        let priority = schema.item("PriorityFile").unwrap();
        let actions = priority.fields.iter().find(|f| f.key == "actions").unwrap();
        assert_eq!(
            schema.table_of(actions).map(|i| i.name.as_str()),
            Some("ActionEntry")
        );
    }
}
