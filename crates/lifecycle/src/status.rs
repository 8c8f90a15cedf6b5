use std::fmt;

use serde::{Deserialize, Serialize};

/// Where a journey version is in its life.
///
/// A version starts as a draft, goes live when published, and ends either finished
/// (no new customer can enter, those inside continue to the end) or stopped (everyone
/// inside is stopped at once). An ended version never goes back to draft or live.
///
/// "Finishing" is not a status: it is a finished version that still has customers in
/// it, see [`crate::Phase`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Live,
    Finished,
    Stopped,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Draft,
        Status::Live,
        Status::Finished,
        Status::Stopped,
    ];

    /// The word shown to a marketer.
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::Live => "Live",
            Status::Finished => "Finished",
            Status::Stopped => "Stopped",
        }
    }

    /// Finished and stopped versions are ended: they can never be live again.
    pub fn is_ended(self) -> bool {
        matches!(self, Status::Finished | Status::Stopped)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
