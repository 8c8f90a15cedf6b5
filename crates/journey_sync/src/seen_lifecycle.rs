//! What the user saw of a version when they decided on an action: its
//! lifecycle (status, pause, scheduled finish), not its counts, which move
//! all the time. A confirmation dialog and a bulk run each compare it with
//! the version as shown when they act, so that a version someone else
//! changed since is not acted on unseen.

use chrono::{DateTime, Utc};
use lifecycle::{JourneyVersion, PauseCustomers, PauseEnd, Status};
use wording::Phrase;

/// What the user reads of a version's lifecycle: its status, a pause's end
/// and terms, a scheduled finish's time. Not who set them nor when (a change
/// the console shows ahead says "You" at the browser's time, the server's
/// answer the user's name at its own time), nor the counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeenLifecycle {
    status: Status,
    pause: Option<(DateTime<Utc>, PauseCustomers, PauseEnd)>,
    scheduled_finish: Option<DateTime<Utc>>,
}

/// How a version changed since it was seen.
#[derive(Clone, Debug, PartialEq)]
pub enum SeenChange {
    /// Deleted.
    Gone,
    /// The same status, another pause or scheduled finish, changed by `by`.
    Schedule { by: String },
    /// Another status, in words ("Finishing"), given by `by`.
    Status { status: Phrase, by: String },
}

impl SeenLifecycle {
    pub fn of(version: &JourneyVersion) -> SeenLifecycle {
        SeenLifecycle {
            status: version.status,
            pause: (version.pause.as_ref()).map(|p| (p.until, p.customers, p.at_end)),
            scheduled_finish: version.scheduled_finish.as_ref().map(|s| s.at),
        }
    }

    /// How `now` (the version as shown now, `None` when it is gone) differs
    /// from what was seen, if it does.
    pub fn change(&self, now: Option<&JourneyVersion>) -> Option<SeenChange> {
        let Some(now) = now else {
            return Some(SeenChange::Gone);
        };
        if SeenLifecycle::of(now) == *self {
            None
        } else if now.status == self.status {
            Some(SeenChange::Schedule {
                by: now.updated_by.clone(),
            })
        } else {
            Some(SeenChange::Status {
                status: wording::status_label(now.phase()),
                by: now.updated_by.clone(),
            })
        }
    }
}
