use std::fmt;

use chrono::{DateTime, Utc};

use crate::Status;

/// What a marketer sees as the state of a journey version.
///
/// Same as [`Status`] except that a finished version with customers still in it is
/// shown as finishing: it admits nobody new but is still sending messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    Draft,
    Live,
    /// `held` customers wait in it until it resumes or stops by itself at `until`.
    Paused {
        held: u64,
        until: DateTime<Utc>,
    },
    Finishing {
        active: u64,
    },
    Finished,
    Stopped,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::Draft => "Draft",
            Phase::Live => "Live",
            Phase::Paused { .. } => "Paused",
            Phase::Finishing { .. } => "Finishing",
            Phase::Finished => "Finished",
            Phase::Stopped => "Stopped",
        }
    }

    pub fn status(self) -> Status {
        match self {
            Phase::Draft => Status::Draft,
            Phase::Live => Status::Live,
            Phase::Paused { .. } => Status::Paused,
            Phase::Finishing { .. } | Phase::Finished => Status::Finished,
            Phase::Stopped => Status::Stopped,
        }
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
