//! Numbers and times as the user's language writes them (the browser's Intl).

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;
use wording::Locale;

/// The formatters of one language. Dates and times are the wording's
/// (`wording::Wording::time` and `date`), which messages use too.
struct Formatters {
    numbers: Intl::NumberFormat,
    relative: Intl::RelativeTimeFormat,
}

thread_local! {
    static FORMATTERS: std::cell::RefCell<HashMap<Locale, Rc<Formatters>>> = Default::default();
}

fn formatters(locale: Locale) -> Rc<Formatters> {
    FORMATTERS.with(|all| {
        all.borrow_mut()
            .entry(locale)
            .or_insert_with(|| {
                let locales = Array::of1(&JsValue::from_str(locale.tag()));
                Rc::new(Formatters {
                    numbers: Intl::NumberFormat::new(&locales, &Object::new()),
                    relative: Intl::RelativeTimeFormat::new(
                        &locales,
                        &options(&[("numeric", "auto")]),
                    ),
                })
            })
            .clone()
    })
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

/// 12,345
pub fn count(locale: Locale, value: u64) -> String {
    formatters(locale)
        .numbers
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(value as f64))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| value.to_string())
}

/// "3 minutes ago", "yesterday"
pub fn relative(locale: Locale, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
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
    String::from(formatters(locale).relative.format(value, unit))
}

/// The viewer's time zone, "Europe/Berlin".
pub fn time_zone() -> String {
    let options = Intl::DateTimeFormat::new(&Array::new(), &Object::new()).resolved_options();
    Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|zone| zone.as_string())
        .unwrap_or_else(|| "UTC".to_owned())
}

/// The value of an `<input type="datetime-local">` showing `at` in the
/// viewer's time zone: "2026-12-03T09:00".
pub fn local_input_value(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// The moment an `<input type="datetime-local">` value names in the viewer's
/// time zone; `None` when it names none (empty, incomplete).
pub fn from_local_input(value: &str) -> Option<DateTime<Utc>> {
    // "YYYY-MM-DDTHH:MM" without a zone is read as local time by Date.
    let well_formed = value.len() >= 16 && value.as_bytes().get(10) == Some(&b'T');
    if !well_formed {
        return None;
    }
    let millis = js_sys::Date::new(&JsValue::from_str(value)).get_time();
    if millis.is_nan() {
        return None;
    }
    DateTime::from_timestamp_millis(millis as i64)
}

/// Makes the language's formatters now. The first one a page makes costs tens
/// of milliseconds (the browser loads its locale data): made while the first
/// requests are on their way, that time is not added to the first rows.
pub fn prepare(locale: Locale) {
    formatters(locale);
}
