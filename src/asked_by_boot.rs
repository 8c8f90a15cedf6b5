//! What web/boot.js asks for while the code downloads, handed to the console
//! on boot.js's script element: each request is taken once.

use wasm_bindgen::{JsCast, JsValue};

/// web/boot.js's script element (Trunk.toml, pattern_script); none when the
/// console was not started by web/boot.js (embedded in a host page).
pub fn boot_script() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .query_selector("script[data-journey-console-js]")
        .ok()?
}

/// The request web/boot.js left under `key` (a `Promise`), removed as it is
/// taken; none when web/boot.js did not start the console (embedded in a host
/// page) or it was taken before (the console started again).
pub fn take(key: &str) -> Option<js_sys::Promise> {
    let asked = peek(key)?;
    let boot = boot_script()?;
    let _ = js_sys::Reflect::delete_property(&boot, &JsValue::from_str(key));
    Some(asked)
}

/// The promise web/boot.js left under `key`, left in place.
pub fn peek(key: &str) -> Option<js_sys::Promise> {
    field(boot_script()?.as_ref(), key)?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// The field `name` of something web/boot.js made (its script element, or
/// an answer it read into a plain object); `undefined` when there is none.
pub fn field(object: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).ok()
}
