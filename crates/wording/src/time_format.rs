//! Times in messages as the user reads them: their language and time zone
//! (the browser's `Intl.DateTimeFormat` in wasm), or UTC natively, where only
//! servers and tests say them.

use chrono::{DateTime, Months, Utc};

use crate::Locale;

/// How much of a moment a message says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Precision {
    /// "Dec 3, 2026, 9:00 AM"
    Minute,
    /// "Dec 3": for a day near enough that the year goes without saying.
    Day,
    /// "Dec 3, 2027": for a day further away.
    DayAndYear,
}

impl Precision {
    /// How to say the day of `at`, seen at `now`: without the year from a
    /// month before `now` to eleven months after it, with the year outside.
    ///
    /// A day said without its year ("Finishes Dec 3") is read as the coming
    /// one, or one just past. The window is one year long, so no two of its
    /// days share a day and month, and it lies mostly ahead, where the
    /// console's days lie (a scheduled finish, the latest a finishing journey
    /// empties): within it, that reading is the right one. A finish a year
    /// and a week away would read as next week's, and a day long past as
    /// one to come, so outside the window the day is said with its year.
    /// (The window is reckoned in UTC and the day said in the user's time
    /// zone, so on the window's first and last day the two can differ by
    /// the hours between them; that is accepted.)
    pub(crate) fn day(at: DateTime<Utc>, now: DateTime<Utc>) -> Precision {
        let from = now.checked_sub_months(Months::new(1)).unwrap_or(now);
        let until = now.checked_add_months(Months::new(11)).unwrap_or(now);
        if from <= at && at < until {
            Precision::Day
        } else {
            Precision::DayAndYear
        }
    }
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
            Precision::DayAndYear => {
                set("year", "numeric");
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

/// The moment in UTC, e.g. "2026-12-03 09:00 UTC", "Dec 3" or "Dec 3, 2027".
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn write_time(_: Locale, at: DateTime<Utc>, precision: Precision) -> String {
    match precision {
        Precision::Minute => at.format("%Y-%m-%d %H:%M UTC").to_string(),
        Precision::Day => at.format("%b %-d").to_string(),
        Precision::DayAndYear => at.format("%b %-d, %Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> DateTime<Utc> {
        format!("{text}T09:00:00Z").parse().unwrap()
    }

    fn said(at: &str, now: &str) -> String {
        write_time(Locale::English, day(at), Precision::day(day(at), day(now)))
    }

    #[test]
    fn a_day_in_the_coming_eleven_months_goes_without_its_year() {
        assert_eq!(said("2026-12-03", "2026-11-25"), "Dec 3");
        // Into the next year, still within eleven months.
        assert_eq!(said("2027-01-05", "2026-12-20"), "Jan 5");
        assert_eq!(said("2027-10-24", "2026-11-25"), "Oct 24");
        // Just past: read as the one a few days ago.
        assert_eq!(said("2026-11-20", "2026-11-25"), "Nov 20");
    }

    #[test]
    fn a_day_a_year_away_or_long_past_says_its_year() {
        // A year ahead would read as next week.
        assert_eq!(said("2027-12-03", "2026-11-25"), "Dec 3, 2027");
        assert_eq!(said("2027-11-25", "2026-11-25"), "Nov 25, 2027");
        assert_eq!(said("2027-10-26", "2026-11-25"), "Oct 26, 2027");
        assert_eq!(said("9999-12-31", "2026-11-25"), "Dec 31, 9999");
        // Long past.
        assert_eq!(said("2026-10-01", "2026-11-25"), "Oct 1, 2026");
        assert_eq!(said("2025-11-30", "2026-11-25"), "Nov 30, 2025");
    }
}
