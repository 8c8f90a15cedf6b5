//! Focus in a page where the console may live inside a shadow root (embedded):
//! there, `document.activeElement` is the host's element, not what has focus.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, Node};

/// The element that has keyboard focus, looking inside shadow roots.
pub fn active_element() -> Option<HtmlElement> {
    let mut active = leptos::prelude::document().active_element()?;
    while let Some(inner) = active.shadow_root().and_then(|root| root.active_element()) {
        active = inner;
    }
    active.dyn_into().ok()
}

/// The elements matching `selector` in the document or shadow root that
/// holds `node`.
pub fn find_all(node: &Node, selector: &str) -> Vec<HtmlElement> {
    let root = node.get_root_node();
    let found = if let Some(shadow) = root.dyn_ref::<web_sys::ShadowRoot>() {
        shadow.query_selector_all(selector)
    } else if let Some(document) = root.dyn_ref::<web_sys::Document>() {
        document.query_selector_all(selector)
    } else {
        return Vec::new();
    };
    let Ok(list) = found else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into().ok())
        .collect()
}

/// Whether the user has put focus somewhere of their own since `dialog`
/// closed. A dialog's `close` event comes in a task of its own, and a key
/// pressed or a click made in between goes first: by then focus may be in
/// a menu the user opened. Focus on the page itself (`<body>`, where it falls
/// when the focused element goes), inside the dialog, or on `opener` (where
/// the browser puts it back) is not the user's.
pub fn moved_on_from(dialog: &Node, opener: Option<&HtmlElement>) -> bool {
    let Some(active) = active_element() else {
        return false;
    };
    let on_the_page = leptos::prelude::document()
        .body()
        .is_some_and(|body| body == active);
    !on_the_page && !dialog.contains(Some(&active)) && opener != Some(&active)
}
