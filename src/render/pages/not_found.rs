//! The page a web server shows for an address the site does not have.

use sha2::{Digest, Sha256};

use super::{Kind, Lists};
use crate::model::Plan;
use crate::render::page::{json, Extra};
use crate::render::search::Doc;
use crate::render::site::Site;

pub struct NotFound;

/// Its address: the sitemap leaves it out, as no reader asks for it.
pub const PATH: &str = "404.html";

impl Kind for NotFound {
    fn make(&self, site: &Site, _: &Lists) {
        let extra = inline_style(site).unwrap_or_default();
        site.emit(site.page_unmarked(PATH, PATH, &root(site.plan), extra));
    }

    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}

/// What the page puts before its links. A host (GitHub Pages, Netlify, S3) serves this page at
/// the address that was asked for, however deep (`/plan/actions/nope/deeper.html`), so links
/// relative to the page would lead to more missing pages. With the plan's `base_url` its links
/// are whole addresses: they work at any depth (opened from disk, they lead to the published
/// site). Root-relative links (`/plan/index.html`) would work on the host too, but not from disk,
/// where `/` is the disk's root. Without `base_url` the links are relative, so they work at the
/// top of the site only: the build's warning about a missing `base_url` says so.
fn root(plan: &Plan) -> String {
    plan.base_url.clone().unwrap_or_default()
}

/// The theme's stylesheet, written into the page with its hash for the Content-Security-Policy,
/// so the page is styled at any depth, on any host, with or without `base_url` (and a checker or
/// a preview served from another address sees it styled too). On one line, so trimming the
/// page's lines leaves it as hashed. `None`, and the page links the stylesheet, when a theme's
/// stylesheet could end the `<style>` element early.
fn inline_style(site: &Site) -> Option<Extra> {
    let (_, bytes) = site.theme.assets.iter().find(|(n, _)| n == "style.css")?;
    let css = std::str::from_utf8(bytes).ok()?.replace(['\r', '\n'], " ");
    if css.to_ascii_lowercase().contains("</style") {
        return None;
    }
    let hash = format!("sha256-{}", base64(&Sha256::digest(css.as_bytes())));
    Some(vec![
        ("inline_style", json(&css)),
        ("style_hash", json(&hash)),
    ])
}

/// Standard base64 with padding (RFC 4648 §4), as a CSP hash source is written.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_rfc_4648s_examples() {
        for (text, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(text.as_bytes()), coded);
        }
    }
}
