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
