//! Reading times from JSON as RFC 3339, with chrono's strict parser.
//!
//! The contract's times are RFC 3339 `date-time`s (`2025-03-03T09:00:00Z`,
//! `2025-03-03T09:00:00.250+02:00`), which is what chrono's `Serialize` for
//! `DateTime<Utc>` writes. chrono's `Deserialize` reads them through `FromStr`,
//! its general format parser, which also takes a relaxed form (a space for the
//! `T`, `UTC` for the offset): several times slower on a page of versions, and
//! more code in the console's download. [`DateTime::parse_from_rfc3339`] is
//! chrono's dedicated parser of the strict form.
//!
//! For a field of a type that derives `Deserialize` (what is written stays
//! chrono's own `Serialize`):
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use serde::Deserialize;
//!
//! #[derive(Deserialize)]
//! struct Seen {
//!     #[serde(deserialize_with = "lifecycle::rfc3339::deserialize")]
//!     at: DateTime<Utc>,
//!     // `default`: missing reads as `None`, as it would without the helper.
//!     #[serde(default, deserialize_with = "lifecycle::rfc3339::option")]
//!     until: Option<DateTime<Utc>>,
//! }
//!
//! let seen: Seen = serde_json::from_str(r#"{"at": "2025-03-03T09:00:00Z"}"#).unwrap();
//! assert_eq!(seen.at.to_rfc3339(), "2025-03-03T09:00:00+00:00");
//! assert_eq!(seen.until, None);
//! ```

use std::fmt;

use chrono::{DateTime, Utc};
use serde::de::{self, Deserialize, Deserializer, Visitor};

/// An RFC 3339 date and time, any offset, as the instant in UTC.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(Rfc3339Visitor)
}

/// `null` as `None`, otherwise as [`deserialize`]. With `#[serde(default)]` on
/// the field, a missing one is `None` too.
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    Ok(Option::<Strict>::deserialize(d)?.map(|Strict(at)| at))
}

/// One time read by [`deserialize`]: what an `Option` (or any container) holds.
struct Strict(DateTime<Utc>);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize(d).map(Strict)
    }
}

struct Rfc3339Visitor;

impl Visitor<'_> for Rfc3339Visitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 date and time")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        DateTime::parse_from_rfc3339(text)
            .map(|at| at.with_timezone(&Utc))
            .map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Timelike};
    use serde::{Deserialize, Serialize};

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct At {
        #[serde(deserialize_with = "deserialize")]
        at: DateTime<Utc>,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Until {
        #[serde(default, deserialize_with = "option")]
        until: Option<DateTime<Utc>>,
    }

    fn monday() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap()
    }

    fn read(json: &str) -> Result<At, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn what_chrono_writes_reads_back() {
        let with_millis = monday().with_nanosecond(250_000_000).unwrap();
        for at in [monday(), with_millis] {
            let json = serde_json::to_string(&At { at }).unwrap();
            assert_eq!(read(&json).unwrap(), At { at }, "{json}");
            let json = serde_json::to_string(&Until { until: Some(at) }).unwrap();
            let until: Until = serde_json::from_str(&json).unwrap();
            assert_eq!(until.until, Some(at), "{json}");
        }
        assert_eq!(
            serde_json::to_string(&At { at: with_millis }).unwrap(),
            r#"{"at":"2025-03-03T09:00:00.250Z"}"#
        );
    }

    #[test]
    fn an_offset_is_read_as_the_same_instant_in_utc() {
        let read = read(r#"{"at": "2025-03-03T11:00:00+02:00"}"#).unwrap();
        assert_eq!(read.at, monday());
    }

    #[test]
    fn null_or_a_missing_field_is_none() {
        for json in [r#"{"until": null}"#, "{}"] {
            let until: Until = serde_json::from_str(json).unwrap();
            assert_eq!(until, Until { until: None }, "{json}");
        }
    }

    #[test]
    fn a_required_time_stays_required() {
        let error = read("{}").unwrap_err();
        assert!(error.to_string().contains("missing field `at`"), "{error}");
    }

    #[test]
    fn anything_but_rfc_3339_is_refused() {
        for text in ["tomorrow", "2026-11-25 12:00:00 UTC", "2026-11-25", ""] {
            let error = read(&format!(r#"{{"at": "{text}"}}"#))
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("input contains invalid characters")
                    || error.contains("premature end of input"),
                "{text}: {error}"
            );
            let error = serde_json::from_str::<Until>(&format!(r#"{{"until": "{text}"}}"#))
                .unwrap_err()
                .to_string();
            assert!(error.contains("input"), "{text}: {error}");
        }
        let error = read(r#"{"at": 1741000000}"#).unwrap_err().to_string();
        assert!(error.contains("an RFC 3339 date and time"), "{error}");
    }
}
