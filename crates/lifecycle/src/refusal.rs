use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Action, Status};

/// Why an action is not allowed on a journey version: which rule refused it,
/// with what it needs to be put in words. The rules decide; the console (or a
/// server) words it for the marketer who asked, in their language
/// (crates/wording).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    pub action: Action,
    /// The status of the version when the action was refused.
    pub status: Status,
    pub reason: Reason,
}

/// Which rule refused an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "rule")]
pub enum Reason {
    /// The version's status alone rules the action out: finishing a draft,
    /// publishing a stopped version, resuming anything. [`Refusal::action`]
    /// and [`Refusal::status`] say which.
    Status,
    /// Finishing a version that is already finishing: `active` customers are
    /// still completing their path.
    AlreadyFinishing { active: u64 },
    /// A new version of a draft: the draft itself is the next version.
    IsDraft,
    /// A new version while version `version` of the journey is a draft.
    OtherDraft { version: u32 },
    /// A new version of a version that is not the newest (`newest` is).
    NotNewest { newest: u32 },
    /// The journey's version numbers are used up.
    HighestVersionNumber,
    /// A pause's end or a scheduled finish that is not after the time of asking.
    NotInFuture,
    /// A pause longer than `longest_days` days.
    PauseTooLong { longest_days: u32 },
    /// A finish scheduled after [`crate::ScheduledFinish::latest`].
    PastLatestTime,
    /// Cancelling a scheduled finish on a version that has none.
    NothingScheduled,
    /// An earlier change (`earlier`) to this version is still waiting for
    /// the server's answer. Given by the console's store, not by the rules:
    /// the rules know nothing of what is in flight.
    AwaitingAnswer { earlier: Action },
    /// The list is still loading, and the action depends on every version of
    /// its journey (a new version is made from the newest, and a journey has
    /// at most one draft; publishing finishes the version it replaces): one
    /// may be on a page still to come. Given by the console's store.
    ListLoading,
}

impl Refusal {
    pub fn new(action: Action, status: Status, reason: Reason) -> Refusal {
        Refusal {
            action,
            status,
            reason,
        }
    }
}

/// The refusal as a developer reads it in a log; marketers read it worded by
/// crates/wording.
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} refused on a {} version ({:?})",
            self.action.label(),
            self.status.label(),
            self.reason
        )
    }
}

impl std::error::Error for Refusal {}
