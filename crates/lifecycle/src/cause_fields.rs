//! How a [`HistoryCause`] is read: its `kind`, then the fields that kind
//! uses, whatever else came beside them.
//!
//! serde's own reading of an internally tagged enum (`tag = "kind"`) buffers
//! each object into a generic tree first, and for `HistoryCause` that was the
//! largest single function of the console's wasm (18.8 KB of 1.2 MB). Here
//! each field is read once, as whatever JSON it is ([`Loose`]: a string, a
//! whole number, or the name of anything else, which is skipped), and only
//! the fields the kind uses must have the type it needs: a field another kind
//! uses, with a type of its own, is ignored, as serde's derive ignores it.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::de::value::StrDeserializer;
use serde::de::{self, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::{HistoryCause, PauseCustomers, PauseEnd};

/// The kinds of [`HistoryCause`], as written.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
enum CauseKind {
    ReplacedBy,
    CreatedFrom,
    DuplicatedFrom,
    Paused,
    PauseEnded,
    FinishScheduled,
    ScheduledBy,
}

/// A cause's `kind` as read: one of [`CauseKind`], or one a newer server
/// added, with serde's words on why it is not known.
enum Kind {
    Known(CauseKind),
    NotKnown(String),
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        let name = String::deserialize(d)?;
        let words: StrDeserializer<'_, de::value::Error> = name.as_str().into_deserializer();
        Ok(match CauseKind::deserialize(words) {
            Ok(kind) => Kind::Known(kind),
            Err(error) => Kind::NotKnown(error.to_string()),
        })
    }
}

/// A [`HistoryCause`] as read: its kind, and whichever fields came.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CauseFields {
    kind: Kind,
    version: Option<Loose>,
    name: Option<Loose>,
    until: Option<Loose>,
    customers: Option<Loose>,
    at_end: Option<Loose>,
    by: Option<Loose>,
    at: Option<Loose>,
}

/// One field's JSON value, of whatever type.
enum Loose {
    Text(String),
    Number(u64),
    /// Anything else (`null`, a negative or fractional number, `true`, an
    /// array, an object), named for a message.
    Other(&'static str),
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Loose, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Loose, E> {
        Ok(Loose::Text(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Loose, E> {
        Ok(Loose::Text(text))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Loose, E> {
        Ok(Loose::Number(number))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Loose, E> {
        Ok(Loose::Other("a negative number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Loose, E> {
        Ok(Loose::Other("a fractional number"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Loose, E> {
        Ok(Loose::Other("a boolean"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Other("null"))
    }

    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Other("null"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Loose, A::Error> {
        while items.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Loose::Other("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Loose, A::Error> {
        while entries.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose::Other("an object"))
    }
}

/// Why a cause could not be read; said as serde says it.
pub(crate) struct CauseError(String);

impl fmt::Display for CauseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The field `name` the kind needs, as text.
fn text(field: Option<Loose>, name: &str) -> Result<String, CauseError> {
    match field {
        Some(Loose::Text(text)) => Ok(text),
        other => Err(wrong(other, name, "a string")),
    }
}

/// The field `name` the kind needs, as a version number.
fn number(field: Option<Loose>, name: &str) -> Result<u32, CauseError> {
    match field {
        Some(Loose::Number(number)) => u32::try_from(number)
            .map_err(|_| CauseError(format!("invalid value for `{name}`: {number} is too large"))),
        other => Err(wrong(other, name, "a whole number")),
    }
}

/// The field `name` the kind needs, as an RFC 3339 time.
fn time(field: Option<Loose>, name: &str) -> Result<DateTime<Utc>, CauseError> {
    let text = text(field, name)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|e| CauseError(format!("invalid value for `{name}`: {e}")))
}

/// The field `name` the kind needs, as one of the names of `T` (an enum of
/// unit variants, read by its own `Deserialize`).
fn named<T: for<'de> Deserialize<'de>>(field: Option<Loose>, name: &str) -> Result<T, CauseError> {
    let text = text(field, name)?;
    let words: StrDeserializer<'_, de::value::Error> = text.as_str().into_deserializer();
    T::deserialize(words).map_err(|e| CauseError(format!("invalid value for `{name}`: {e}")))
}

fn wrong(field: Option<Loose>, name: &str, expected: &str) -> CauseError {
    CauseError(match field {
        None => format!("missing field `{name}`"),
        Some(Loose::Text(_)) => format!("invalid type for `{name}`: a string, expected {expected}"),
        Some(Loose::Number(_)) => {
            format!("invalid type for `{name}`: a number, expected {expected}")
        }
        Some(Loose::Other(what)) => {
            format!("invalid type for `{name}`: {what}, expected {expected}")
        }
    })
}

impl TryFrom<CauseFields> for HistoryCause {
    type Error = CauseError;

    fn try_from(fields: CauseFields) -> Result<HistoryCause, CauseError> {
        let CauseFields {
            kind,
            version,
            name,
            until,
            customers,
            at_end,
            by,
            at,
        } = fields;
        let kind = match kind {
            Kind::Known(kind) => kind,
            Kind::NotKnown(error) => return Err(CauseError(error)),
        };
        Ok(match kind {
            CauseKind::ReplacedBy => HistoryCause::ReplacedBy {
                version: number(version, "version")?,
            },
            CauseKind::CreatedFrom => HistoryCause::CreatedFrom {
                version: number(version, "version")?,
            },
            CauseKind::DuplicatedFrom => HistoryCause::DuplicatedFrom {
                name: text(name, "name")?,
                version: number(version, "version")?,
            },
            CauseKind::Paused => HistoryCause::Paused {
                until: time(until, "until")?,
                customers: named::<PauseCustomers>(customers, "customers")?,
                at_end: named::<PauseEnd>(at_end, "atEnd")?,
            },
            CauseKind::PauseEnded => HistoryCause::PauseEnded {
                by: text(by, "by")?,
            },
            CauseKind::FinishScheduled => HistoryCause::FinishScheduled {
                at: time(at, "at")?,
            },
            CauseKind::ScheduledBy => HistoryCause::ScheduledBy {
                by: text(by, "by")?,
            },
        })
    }
}

/// A history entry's `cause`: `None` when there is none, and when its `kind`
/// is one this console does not know. The contract has clients ignore such a
/// kind (a newer server's), so the entry is shown with its other fields and
/// its English `reason`, as an older server's entry without a cause is,
/// rather than left out. A kind it knows still needs its fields.
pub(crate) fn of_entry<'de, D: Deserializer<'de>>(d: D) -> Result<Option<HistoryCause>, D::Error> {
    match Option::<CauseFields>::deserialize(d)? {
        Some(CauseFields {
            kind: Kind::NotKnown(_),
            ..
        })
        | None => Ok(None),
        Some(fields) => HistoryCause::try_from(fields)
            .map(Some)
            .map_err(de::Error::custom),
    }
}
