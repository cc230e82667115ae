//! The files in `content/files/`, published as they are. Which may be is a policy: documents,
//! images, data and media only (`diagnostics::PUBLISHED`); never HTML, scripts or an SVG image
//! holding script, which would run as if they were the site; never a computer's hidden files
//! (`.git/`, `.env`, `.DS_Store`). A file is never read whole here: the load stage keeps where it
//! is and its size, and the write stage copies it file to file.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::diagnostics::{AttachmentKind, ContentError, FileKind, MB, PUBLISHED};

/// A file under `content/files/`, to publish as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// From the project root (`content/files/audit.pdf`).
    pub path: PathBuf,
    /// Where it is on disk, to copy from.
    pub file: PathBuf,
    /// Its size in bytes when it was found: no more than this is ever read of it.
    pub size: u64,
}

impl Attachment {
    /// Its bytes, for a site kept in memory (`serve`, `snapshot`, `pdf`): no more than `size`,
    /// which the size limit bounds, even if the file has grown since.
    pub fn bytes(&self) -> io::Result<Vec<u8>> {
        read_at_most(&self.file, self.size)
    }
}

/// The largest SVG image read to check it for script. SVGs are drawings, rarely over a
/// megabyte; a larger one is refused rather than held in memory.
const SVG_MOST: u64 = 32 * MB;

/// Extensions of files that would run script on the site's address.
const SCRIPTED: &[&str] = &[
    "html", "htm", "xhtml", "xht", "shtml", "js", "mjs", "svgz", "xml", "xsl", "xslt",
];

/// Whether a file or folder under `content/files/`, by its name, is a computer's or a program's
/// own rather than something for readers: hidden (`.git`, `.env`, `.DS_Store`), Windows's
/// `Thumbs.db` and `desktop.ini`, or an Office lock file (`~$report.docx`).
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~$")
        || name.eq_ignore_ascii_case("thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// The warning for a hidden file or folder, which is left out.
pub fn hidden(path: &Path, folder: bool) -> ContentError {
    ContentError::in_file(path, AttachmentKind::Hidden { folder })
}

/// The attachment at `file` (`path` from the project root), and why it may not be published if
/// it may not. A file that may not is still an attachment, so links to it are not also reported
/// as broken: its error stops the build before anything is written.
pub fn examine(
    path: PathBuf,
    file: PathBuf,
) -> Result<(Attachment, Option<ContentError>), ContentError> {
    let unreadable = |e: io::Error| {
        let error = e.to_string();
        ContentError::in_file(&path, FileKind::Unreadable { error })
    };
    let size = std::fs::metadata(&file).map_err(unreadable)?.len();
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let refused = if SCRIPTED.contains(&extension.as_str()) {
        Some(AttachmentKind::RunsScript { extension })
    } else if !PUBLISHED.contains(&extension.as_str()) {
        Some(AttachmentKind::NotAllowed { extension })
    } else if extension == "svg" {
        svg_problem(&file, size).map_err(unreadable)?
    } else {
        None
    };
    let problem = refused.map(|kind| ContentError::in_file(&path, kind));
    Ok((Attachment { path, file, size }, problem))
}

/// What stops an SVG image being published, if anything: script in it, or not being readable
/// as XML, or being too large to check.
fn svg_problem(file: &Path, size: u64) -> io::Result<Option<AttachmentKind>> {
    if size > SVG_MOST {
        return Ok(Some(AttachmentKind::ImageTooLargeToCheck {
            size,
            most: SVG_MOST,
        }));
    }
    let bytes = read_at_most(file, SVG_MOST)?;
    let unreadable = |error: String| Some(AttachmentKind::ImageUnreadable { error });
    let Ok(text) = String::from_utf8(bytes) else {
        return Ok(unreadable("it is not saved as UTF-8 text".into()));
    };
    Ok(match script_in_svg(&text) {
        Err(error) => unreadable(error),
        Ok(Some(found)) => Some(AttachmentKind::ScriptInImage { found }),
        Ok(None) => None,
    })
}

/// What in an SVG image could run script, read as a browser reads it (entities expanded,
/// character references decoded, any namespace prefix): script and the elements that embed
/// other documents, event-handler attributes, `javascript:` addresses, `data:` addresses that
/// are not plain images, anything in the XHTML namespace, and style-sheet instructions (which
/// may name an XSLT that writes script). `Err` when the text is not well-formed XML.
pub fn script_in_svg(text: &str) -> Result<Option<String>, String> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let document =
        roxmltree::Document::parse_with_options(text, options).map_err(|e| e.to_string())?;
    for node in document.descendants() {
        if let Some(pi) = node.pi() {
            if pi.target.eq_ignore_ascii_case("xml-stylesheet") {
                return Ok(Some(
                    "a style-sheet instruction (<?xml-stylesheet?>)".into(),
                ));
            }
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name();
        let local = name.name().to_ascii_lowercase();
        if matches!(
            local.as_str(),
            "script" | "foreignobject" | "iframe" | "embed" | "object" | "handler" | "listener"
        ) {
            return Ok(Some(format!("a <{}> element", name.name())));
        }
        if name.namespace() == Some("http://www.w3.org/1999/xhtml") {
            return Ok(Some(format!("a web-page element (<{}>)", name.name())));
        }
        for attribute in node.attributes() {
            if let Some(found) = scripted_attribute(attribute.name(), attribute.value()) {
                return Ok(Some(found));
            }
        }
    }
    Ok(None)
}

/// What an attribute could run, if anything: an event handler (`onload`), an animation that sets
/// one, or an address that runs script or opens something other than an image.
fn scripted_attribute(name: &str, value: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    if lower.starts_with("on") {
        return Some(format!("an event-handler attribute ({name})"));
    }
    // Browsers ignore spaces and control characters inside a scheme ("java\tscript:").
    let squeezed: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if lower == "attributename" && squeezed.starts_with("on") {
        return Some(format!("an animation that sets an event handler ({value})"));
    }
    if squeezed.contains("javascript:") || squeezed.contains("vbscript:") {
        return Some("a javascript: address".into());
    }
    let image = ["png", "jpeg", "jpg", "gif", "webp"]
        .iter()
        .any(|kind| squeezed.starts_with(&format!("data:image/{kind}")));
    if squeezed.starts_with("data:") && !image {
        return Some("a data: address that is not a plain image".into());
    }
    None
}

/// At most `most` bytes of the file at `file`.
fn read_at_most(file: &Path, most: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    File::open(file)?.take(most).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(svg: &str) -> Option<String> {
        script_in_svg(svg).unwrap()
    }

    const CLEAN: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <title>A chart</title>
  <style>.a { fill: #005eb8; }</style>
  <a href="https://www.nhs.uk/"><rect class="a" width="10" height="10"/></a>
  <image href="data:image/png;base64,iVBORw0KGgo="/>
  <use xlink:href="#shape"/>
</svg>"##;

    #[test]
    fn a_drawing_as_design_programs_save_it_is_clean() {
        assert_eq!(found(CLEAN), None);
    }

    #[test]
    fn every_way_an_svg_runs_script_is_found() {
        let svg =
            |inside: &str| format!(r#"<svg xmlns="http://www.w3.org/2000/svg">{inside}</svg>"#);
        for (inside, says) in [
            ("<script>alert(1)</script>", "<script>"),
            ("<SCRIPT>alert(1)</SCRIPT>", "<SCRIPT>"),
            (
                r#"<s:script xmlns:s="http://www.w3.org/2000/svg"/>"#,
                "<script>",
            ),
            (
                "<foreignObject><p>hi</p></foreignObject>",
                "<foreignObject>",
            ),
            (r#"<rect onclick="alert(1)"/>"#, "onclick"),
            (r#"<rect ONLOAD="alert(1)"/>"#, "ONLOAD"),
            (
                r#"<a href="javascript:alert(1)"><text>x</text></a>"#,
                "javascript:",
            ),
            (
                r#"<a href="&#106;ava&#x09;script:alert(1)">x</a>"#,
                "javascript:",
            ),
            (
                r#"<a xlink:href=" JavaScript:alert(1)" xmlns:xlink="http://www.w3.org/1999/xlink">x</a>"#,
                "javascript:",
            ),
            (
                r#"<set attributeName="onmouseover" to="alert(1)"/>"#,
                "event handler",
            ),
            (
                r#"<animate attributeName="href" values="javascript:alert(1)"/>"#,
                "javascript:",
            ),
            (
                r#"<use href="data:image/svg+xml;base64,PHN2Zz4="/>"#,
                "data:",
            ),
            (
                r#"<iframe xmlns="http://www.w3.org/1999/xhtml" src="x"/>"#,
                "<iframe>",
            ),
            (
                r#"<p xmlns="http://www.w3.org/1999/xhtml">x</p>"#,
                "web-page element",
            ),
        ] {
            let said = found(&svg(inside)).unwrap_or_else(|| panic!("not found in {inside}"));
            assert!(said.contains(says), "{inside}: {said}");
        }
    }

    #[test]
    fn script_hidden_in_an_entity_or_a_style_sheet_instruction_is_found() {
        let entity = r#"<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]>
<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"#;
        assert!(found(entity).unwrap().contains("script"));
        let xslt = r#"<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>"#;
        assert!(found(xslt).unwrap().contains("style-sheet"));
    }

    #[test]
    fn an_svg_that_is_not_xml_is_not_passed() {
        assert!(script_in_svg("<svg><script>alert(1)</svg>").is_err());
    }

    #[test]
    fn a_file_is_examined_from_its_name_and_size_and_an_svg_from_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let file = dir.path().join(name);
            std::fs::write(&file, text).unwrap();
            examine(Path::new("content/files").join(name), file).unwrap()
        };
        let (pdf, problem) = write("Audit.PDF", "%PDF-1.7");
        assert_eq!((pdf.size, problem), (8, None));
        for (name, kind) in [
            ("page.html", "could run script"),
            ("app.js", "could run script"),
            ("notes", "without a type"),
            ("archive.zip", "a .zip file cannot"),
            ("bad.svg", "holds a <script> element"),
        ] {
            let text = r#"<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>"#;
            let (attachment, problem) = write(name, text);
            let message = problem.unwrap_or_else(|| panic!("{name} passed")).message();
            assert!(message.contains(kind), "{name}: {message}");
            assert_eq!(attachment.size, text.len() as u64);
        }
        let (_, clean) = write("chart.svg", CLEAN);
        assert_eq!(clean, None);
    }

    #[test]
    fn a_file_read_for_memory_is_read_no_further_than_its_size_when_found() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "small").unwrap();
        let (attachment, _) = examine("content/files/a.txt".into(), file.clone()).unwrap();
        std::fs::write(&file, "small, and then it grew and grew").unwrap();
        assert_eq!(attachment.bytes().unwrap(), b"small");
    }

    #[test]
    fn hidden_and_system_files_are_known_by_name() {
        for name in [
            ".git",
            ".env",
            ".DS_Store",
            "Thumbs.db",
            "desktop.ini",
            "~$report.docx",
        ] {
            assert!(is_hidden(name), "{name}");
        }
        for name in ["report.docx", "env", "git-guide.pdf"] {
            assert!(!is_hidden(name), "{name}");
        }
    }
}

#[cfg(test)]
mod reference {
    use crate::diagnostics::PUBLISHED;
    use crate::reference::schema::Schema;

    #[test]
    fn the_reference_lists_every_kind_of_file_published() {
        let schema = Schema::get();
        let settings = schema.items.iter().find(|i| i.name == "FilesSettings");
        let docs = settings
            .expect("[files] is in the reference")
            .docs
            .join(" ");
        let words: Vec<&str> = docs.split(|c: char| !c.is_alphanumeric()).collect();
        for extension in PUBLISHED {
            assert!(words.contains(extension), "{extension} is not in: {docs}");
        }
    }
}
