//! Times in messages as the user reads them: their language and time zone
//! (the browser's `Intl.DateTimeFormat` in wasm), or UTC natively, where only
//! servers and tests say them.

use chrono::{DateTime, Utc};

use crate::Locale;

/// The date and time, e.g. "Dec 3, 2026, 9:00 AM" or "03.12.2026, 09:00".
#[cfg(target_arch = "wasm32")]
pub(crate) fn write_time(locale: Locale, at: DateTime<Utc>) -> String {
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    thread_local! {
        static FORMATS: RefCell<Vec<(Locale, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    }
    let format = FORMATS.with(|formats| {
        let mut formats = formats.borrow_mut();
        if let Some((_, format)) = formats.iter().find(|(l, _)| *l == locale) {
            return format.clone();
        }
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        let locales = js_sys::Array::of1(&JsValue::from_str(&locale.identifier().to_string()));
        let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
        formats.push((locale, format.clone()));
        format
    });
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    format
        .call1(&JsValue::NULL, &date)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| at.to_rfc3339())
}

/// The date and time in UTC, e.g. "2026-12-03 09:00 UTC".
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn write_time(_: Locale, at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}
