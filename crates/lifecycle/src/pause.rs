use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// How a paused version came to be paused, and how the pause ends.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pause {
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub since: DateTime<Utc>,
    /// When the pause ends by itself (at most [`Pause::LONGEST`] after `since`).
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub until: DateTime<Utc>,
    pub customers: PauseCustomers,
    pub at_end: PauseEnd,
    /// Who paused it; the pause's end is recorded as done by them.
    pub by: String,
}

impl Pause {
    /// The longest a pause may last, in days.
    pub const LONGEST_DAYS: u32 = 14;
    /// The longest a pause may last.
    pub const LONGEST: Duration = Duration::days(Pause::LONGEST_DAYS as i64);
}

/// What happens to the customers in a version when it is paused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PauseCustomers {
    /// They wait before their next message until the version resumes (or
    /// finishes, when they continue to the end).
    Hold,
    /// They leave the journey now, counted as exited.
    Discard,
}

/// What happens when a pause reaches its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PauseEnd {
    /// The version is live again.
    Resume,
    /// The version is stopped, as the Stop action does.
    Stop,
}
