//! Numbers and times as the browser's locale writes them (Intl), in English.

use chrono::{DateTime, Utc};
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

const LOCALE: &str = "en";

thread_local! {
    static NUMBERS: Intl::NumberFormat = Intl::NumberFormat::new(&locales(), &Object::new());
    static RELATIVE: Intl::RelativeTimeFormat =
        Intl::RelativeTimeFormat::new(&locales(), &options(&[("numeric", "auto")]));
    // One formatter for every date: `toLocaleString` with options builds a new
    // one per call, which costs more than the whole row it is shown in.
    static EXACT: js_sys::Function = Intl::DateTimeFormat::new(
        &locales(),
        &options(&[("dateStyle", "medium"), ("timeStyle", "short")]),
    )
    .format();
}

fn locales() -> Array {
    Array::of1(&JsValue::from_str(LOCALE))
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

/// 12,345
pub fn count(value: u64) -> String {
    NUMBERS.with(|f| {
        f.format()
            .call1(&JsValue::NULL, &JsValue::from_f64(value as f64))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| value.to_string())
    })
}

/// "3 minutes ago", "yesterday"
pub fn relative(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (at - now).num_seconds() as f64;
    let (value, unit) = [
        (60.0, "second"),
        (3600.0, "minute"),
        (86_400.0, "hour"),
        (86_400.0 * 30.0, "day"),
        (86_400.0 * 365.0, "month"),
    ]
    .iter()
    .zip([1.0, 60.0, 3600.0, 86_400.0, 86_400.0 * 30.0])
    .find(|((limit, _), _)| seconds.abs() < *limit)
    .map(|((_, unit), size)| ((seconds / size).round(), *unit))
    .unwrap_or(((seconds / (86_400.0 * 365.0)).round(), "year"));
    RELATIVE.with(|f| String::from(f.format(value, unit)))
}

/// "25 Nov 2026, 14:05", in the viewer's time zone.
pub fn exact(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    EXACT.with(|format| {
        format
            .call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| at.to_rfc3339())
    })
}

/// Makes the formatters now. The first one a page makes costs tens of
/// milliseconds (the browser loads its locale data): made while the first
/// requests are on their way, that time is not added to the first rows.
pub fn prepare() {
    NUMBERS.with(|_| ());
    RELATIVE.with(|_| ());
    EXACT.with(|_| ());
}
