use std::sync::Arc;

use lifecycle::{HistoryEntry, JourneyVersion};
use serde::{Deserialize, Serialize};

/// The largest `limit` a client may ask of `GET {apiBase}/journeys`. A server
/// may give fewer per page (its own largest page); clients follow `next`
/// whatever the size of a page.
pub const LARGEST_PAGE: u32 = 500;

/// `GET {apiBase}/journeys`: one page of versions; follow `?cursor={next}`
/// until `next` is null.
///
/// Each version is read into an `Arc`: a client keeps the page (for its ETag)
/// and the same versions in its lists without copying them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JourneyPage {
    pub items: Vec<Arc<JourneyVersion>>,
    pub next: Option<String>,
}

/// `GET {apiBase}/journeys/{id}/history`, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryPage {
    pub items: Vec<HistoryEntry>,
}
