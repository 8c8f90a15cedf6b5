use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Action, HistoryCause, Status};

/// One lifecycle change of a journey version: who did what, when, and why.
///
/// `from` is `None` when the entry records the creation of the version.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub at: DateTime<Utc>,
    pub by: String,
    pub action: Action,
    pub from: Option<Status>,
    pub to: Option<Status>,
    pub reason: Option<String>,
    /// Set when the rules made the entry (a replaced, new or duplicated
    /// version); absent from what older servers wrote, and read as absent
    /// when of a kind this console does not know.
    #[serde(
        default,
        deserialize_with = "crate::cause_fields::of_entry",
        skip_serializing_if = "Option::is_none"
    )]
    pub cause: Option<HistoryCause>,
}
