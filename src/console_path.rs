//! Where the console's pages live. Standalone, that is wherever its
//! `index.html` is served from (Trunk's `public_url`, written into `<base>`), so
//! one build works from `/` or from `/tools/journeys/` on a CDN. Every link and
//! navigation goes through here: the router matches under its base but does not
//! add it to absolute paths.

use leptos::prelude::*;
use leptos_router::NavigateOptions;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsolePath {
    /// `""` at the root, otherwise `/sub/path` without a trailing slash.
    base: String,
}

impl ConsolePath {
    /// The base path of the page's `<base href>` (the document's address when
    /// there is none).
    pub fn from_document() -> ConsolePath {
        let path = document()
            .base_uri()
            .ok()
            .flatten()
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|url| url.pathname())
            .unwrap_or_default();
        // A base names a folder: what follows its last slash is a file.
        let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
        ConsolePath::new(folder)
    }

    pub fn new(base: &str) -> ConsolePath {
        ConsolePath {
            base: base.trim_end_matches('/').to_owned(),
        }
    }

    /// The router's base, if any.
    pub fn router_base(&self) -> Option<String> {
        (!self.base.is_empty()).then(|| self.base.clone())
    }

    /// The address of a console page: `home()`, `journey(id)`.
    pub fn home(&self) -> String {
        format!("{}/", self.base)
    }

    pub fn journey(&self, id: &str) -> String {
        format!(
            "{}/journeys/{}",
            self.base,
            String::from(js_sys::encode_uri_component(id))
        )
    }
}

impl ConsolePath {
    /// Options for `navigate` to one of these paths: they carry the base
    /// already, and the router would add it again if asked to resolve them.
    pub fn navigation() -> NavigateOptions {
        NavigateOptions {
            resolve: false,
            ..NavigateOptions::default()
        }
    }
}

pub fn use_console_path() -> ConsolePath {
    expect_context::<ConsolePath>()
}
