//! `planpress pdf`: prints the whole-report edition to PDF with a Chromium installed on this
//! computer, headless and with no network: the page is a file, and every host name is made to
//! fail, so nothing is fetched while printing.

mod contents;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::render::OutputFile;
use crate::write::write_site;

/// The names Chromium is installed under.
const CHROMIUM_NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// The Chromium to use: the one given, `$CHROMIUM_PATH`, or the first on `PATH`.
pub fn find_chromium(given: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(path) = given {
        return if path.is_file() {
            Ok(path.to_path_buf())
        } else {
            Err(format!("there is no Chromium at {}", path.display()))
        };
    }
    if let Some(path) = std::env::var_os("CHROMIUM_PATH")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
    {
        return Ok(path);
    }
    let dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    CHROMIUM_NAMES
        .iter()
        .flat_map(|name| dirs.iter().map(move |d| d.join(name)))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            "planpress pdf needs Chromium, and none was found. Install it (on Debian or Ubuntu: sudo apt install chromium), or give its path with --chromium /path/to/chromium".to_string()
        })
}

/// Writes the site to a scratch folder and prints its `print/index.html` to `out`, with the
/// contents page numbered (`contents`): printed once with stand-ins for the numbers, then again
/// with the pages read from the first print, and a third time only if that moved a heading.
/// Returns why the contents have no numbers, where they could not be read.
pub fn print(files: &[OutputFile], chromium: &Path, out: &Path) -> io::Result<Option<String>> {
    let scratch = std::env::temp_dir().join(format!("planpress-pdf-{}", std::process::id()));
    let printed = print_numbered(files, chromium, out, &scratch);
    let _ = std::fs::remove_dir_all(&scratch);
    printed
}

fn print_numbered(
    files: &[OutputFile],
    chromium: &Path,
    out: &Path,
    scratch: &Path,
) -> io::Result<Option<String>> {
    let site = scratch.join("site");
    write_site(&site, files)?;
    let page = site.join("print").join("index.html").canonicalize()?;
    let out_abs = if out.is_absolute() {
        out.to_path_buf()
    } else {
        std::env::current_dir()?.join(out)
    };
    let edition = std::fs::read_to_string(&page)?;
    let mut pages = BTreeMap::new();
    for _ in 0..3 {
        std::fs::write(&page, contents::fill(&edition, &pages))?;
        print_once(chromium, &page, &out_abs, scratch)?;
        let read = match contents::destination_pages(&std::fs::read(&out_abs)?) {
            Ok(read) => read,
            Err(why) => {
                std::fs::write(&page, &edition)?;
                print_once(chromium, &page, &out_abs, scratch)?;
                return Ok(Some(why));
            }
        };
        if read == pages {
            return Ok(None);
        }
        pages = read;
    }
    Ok(None)
}

/// One run of Chromium, printing `page` to `out`.
fn print_once(chromium: &Path, page: &Path, out: &Path, scratch: &Path) -> io::Result<()> {
    let mut command = Command::new(chromium);
    command.args([
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--no-pdf-header-footer",
        "--generate-pdf-document-outline",
        "--export-tagged-pdf",
    ]);
    command.arg(format!(
        "--user-data-dir={}",
        scratch.join("profile").display()
    ));
    command.arg(format!("--print-to-pdf={}", out.display()));
    if running_as_root() {
        // Chromium will not start as root with its sandbox; the page printed is our own file.
        command.arg("--no-sandbox");
    }
    command.arg(format!("file://{}", page.display()));
    let _ = std::fs::remove_file(out);
    let output = command.output()?;
    let printed = std::fs::metadata(out).map(|m| m.len() > 0).unwrap_or(false);
    if output.status.success() && printed {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "Chromium did not print the report: {}",
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .unwrap_or("no message")
        )))
    }
}

fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}
