use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A Finish set to happen by itself at `at`, until then changed or cancelled
/// at will.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledFinish {
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub at: DateTime<Utc>,
    /// Who set it (or last changed it); the finish is recorded as done by the
    /// schedule they set.
    pub by: String,
}

impl ScheduledFinish {
    /// The last moment a finish can be scheduled for: the end of the year
    /// 9999, the last that a time in RFC 3339 (four-digit years) can name, so
    /// the last that the contract and a saved copy can carry.
    pub fn latest() -> DateTime<Utc> {
        DateTime::from_timestamp(253_402_300_799, 999_999_999).unwrap_or(DateTime::<Utc>::MAX_UTC)
    }
}
