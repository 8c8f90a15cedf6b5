//! Times in messages as the user reads them: their language and time zone
//! (the browser's `Intl.DateTimeFormat` in wasm), or UTC natively, where only
//! servers and tests say them.

use chrono::{DateTime, Utc};

use crate::Locale;

/// How much of a moment a message says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Precision {
    /// "Dec 3, 2026, 9:00 AM"
    Minute,
    /// "Dec 3": for what is days or weeks away, where the year goes without saying.
    Day,
}

/// The moment, e.g. "Dec 3, 2026, 9:00 AM" or "03.12.2026, 09:00".
#[cfg(target_arch = "wasm32")]
pub(crate) fn write_time(locale: Locale, at: DateTime<Utc>, precision: Precision) -> String {
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    thread_local! {
        static FORMATS: RefCell<Vec<(Locale, Precision, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    }
    let format = FORMATS.with(|formats| {
        let mut formats = formats.borrow_mut();
        if let Some((.., format)) = formats
            .iter()
            .find(|(l, p, _)| *l == locale && *p == precision)
        {
            return format.clone();
        }
        let options = js_sys::Object::new();
        let set = |key: &str, value: &str| {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        };
        match precision {
            Precision::Minute => {
                set("dateStyle", "medium");
                set("timeStyle", "short");
            }
            Precision::Day => {
                set("month", "short");
                set("day", "numeric");
            }
        }
        let locales = js_sys::Array::of1(&JsValue::from_str(&locale.identifier().to_string()));
        let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
        formats.push((locale, precision, format.clone()));
        format
    });
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    format
        .call1(&JsValue::NULL, &date)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| at.to_rfc3339())
}

/// The moment in UTC, e.g. "2026-12-03 09:00 UTC" or "Dec 3".
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn write_time(_: Locale, at: DateTime<Utc>, precision: Precision) -> String {
    match precision {
        Precision::Minute => at.format("%Y-%m-%d %H:%M UTC").to_string(),
        Precision::Day => at.format("%b %-d").to_string(),
    }
}
