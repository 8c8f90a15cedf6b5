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
