use std::fmt;

use serde::{Deserialize, Serialize};

/// Where a journey version is in its life.
///
/// A version starts as a draft, goes live when published, and ends either finished
/// (no new customer can enter, those inside continue to the end) or stopped (everyone
/// inside is stopped at once). A live version may be paused for a while and
/// resumed; an ended version never goes back to draft, live or paused.
///
/// "Finishing" is not a status: it is a finished version that still has customers in
/// it, see [`crate::Phase`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Live,
    /// Admits nobody; the customers inside are held before their next message
    /// (or were discarded when it paused) until it resumes. See [`crate::Pause`].
    Paused,
    Finished,
    Stopped,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Draft,
        Status::Live,
        Status::Paused,
        Status::Finished,
        Status::Stopped,
    ];

    /// The word shown to a marketer.
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::Live => "Live",
            Status::Paused => "Paused",
            Status::Finished => "Finished",
            Status::Stopped => "Stopped",
        }
    }

    /// Finished and stopped versions are ended: they can never be live again.
    pub fn is_ended(self) -> bool {
        matches!(self, Status::Finished | Status::Stopped)
    }

    /// Live or paused: published and not ended. A journey has at most one
    /// version in one of these.
    pub fn is_running(self) -> bool {
        matches!(self, Status::Live | Status::Paused)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
