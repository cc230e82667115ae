//! Files published as they are: the theme's static files (stylesheet, search script) and the
//! attachments in `content/files/`, copied as they are.

use super::{Kind, Lists};
use crate::markdown::links::published_path;
use crate::model::Plan;
use crate::render::page::Extra;
use crate::render::search::Doc;
use crate::render::site::{file, Site};
use crate::render::Bytes;

pub struct Files;

impl Kind for Files {
    fn make(&self, site: &Site, _: &Lists) {
        for attachment in site.attachments {
            site.emit_copy(&published_path(&attachment.path), attachment);
        }
        let assets = site.theme.assets.iter();
        site.emit(assets.map(|(path, bytes)| file(path, Bytes::from(bytes.clone()))));
    }

    /// Pages link to the files a reader may want; the files themselves are not searched.
    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}
