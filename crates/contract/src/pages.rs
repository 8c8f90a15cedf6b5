use lifecycle::{HistoryEntry, JourneyVersion};
use serde::{Deserialize, Serialize};

/// `GET {apiBase}/journeys`: one page of versions; follow `?cursor={next}`
/// until `next` is null.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JourneyPage {
    pub items: Vec<JourneyVersion>,
    pub next: Option<String>,
}

/// `GET {apiBase}/journeys/{id}/history`, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryPage {
    pub items: Vec<HistoryEntry>,
}
