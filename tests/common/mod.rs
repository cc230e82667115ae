//! Helpers shared by the end-to-end tests: build a fixture, read what a reader would get.
#![allow(dead_code)]

pub mod search;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies a fixture project to `to`, so a test can edit it.
pub fn copy_fixture(name: &str, to: &Path) {
    let from = fixture(name);
    for entry in walkdir::WalkDir::new(&from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// `planpress serve` on a free port, stopped when dropped, and its address ("127.0.0.1:PORT").
pub struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Server {
    /// The server's process id, to read what it uses.
    #[allow(dead_code)]
    pub fn id(&self) -> u32 {
        self.0.id()
    }
}

pub fn start_server(root: &Path) -> (Server, String) {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (Server(child), address)
}

/// Asks the server at `address` for `path`: the status and the whole response.
pub fn get(address: &str, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, response)
}

/// Runs a planpress command on the project at `root`: (succeeded, stdout, stderr).
pub fn run_in(root: &Path, args: &[&str]) -> (bool, String, String) {
    let mut all = args.to_vec();
    all.extend(["--root", root.to_str().unwrap()]);
    let output = planpress(&all);
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Runs the planpress binary with these arguments.
pub fn planpress(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(args)
        .output()
        .expect("the planpress binary runs")
}

/// Runs `planpress build` on the project at `root`, writing to `out`.
pub fn run_build(root: &Path, out: &Path) -> Output {
    planpress(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

/// Builds the project at `root` into a fresh temporary folder with the real binary.
pub fn build(root: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let output = run_build(root, &out);
    assert!(
        output.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (dir, out)
}

/// Replaces the first `from` with `to` in a content file of the project at `root`.
pub fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join("content").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Adds `more` at the end of a content file of the project at `root`.
pub fn append(root: &Path, file: &str, more: &str) {
    let path = root.join("content").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text + more).unwrap();
}

/// What a built page says, read as a reader reads it.
pub fn says(out: &Path, page: &str) -> String {
    visible_text(&read(out, page))
}

pub fn read(out: &Path, page: &str) -> String {
    std::fs::read_to_string(out.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

/// The text a reader sees: tags removed (block-level ones leave a space), the common entities
/// decoded, white space folded.
pub fn visible_text(html: &str) -> String {
    const BLOCKS: [&str; 24] = [
        "p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "dt", "dd", "ul",
        "ol", "section", "nav", "header", "footer", "main", "br", "caption", "title",
    ];
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start + 1..start + end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if BLOCKS.contains(&name.as_str()) {
            text.push(' ');
        }
        rest = &rest[start + end + 1..];
    }
    text.push_str(rest);
    let decoded = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    fold(&decoded)
}

pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Every `href` value in a page.
pub fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}
