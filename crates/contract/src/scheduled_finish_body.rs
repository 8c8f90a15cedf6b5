use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The body of `PUT {apiBase}/journeys/{id}/scheduled-finish`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledFinishBody {
    #[serde(deserialize_with = "lifecycle::rfc3339::deserialize")]
    pub at: DateTime<Utc>,
}
