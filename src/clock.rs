//! The wall clock, read in one place; the lifecycle rules take time as an argument.

use chrono::{DateTime, Utc};

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Milliseconds on the wall clock, for measuring how long since something.
pub fn millis() -> f64 {
    js_sys::Date::now()
}

/// Milliseconds since the page started, on a clock that only goes forward
/// (`performance.now()`), for how long ago something happened on screen.
pub fn page_millis() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
