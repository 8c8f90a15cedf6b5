use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Action, Status};

/// Why an action is not allowed on a journey version, in words for the marketer
/// who asked: what the situation is and what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    pub action: Action,
    /// The status of the version when the action was refused.
    pub status: Status,
    pub reason: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for Refusal {}
