use chrono::{DateTime, Utc};
use lifecycle::{PauseCustomers, PauseEnd};
use serde::{Deserialize, Serialize};

/// The body of `POST {apiBase}/journeys/{id}/pause`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PauseBody {
    pub customers: PauseCustomers,
    #[serde(deserialize_with = "lifecycle::rfc3339::deserialize")]
    pub until: DateTime<Utc>,
    pub at_end: PauseEnd,
}
