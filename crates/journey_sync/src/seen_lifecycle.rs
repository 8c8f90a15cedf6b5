//! What the user saw of a version when they decided on an action: its
//! lifecycle (status, pause, scheduled finish), not its counts, which move
//! all the time. A confirmation dialog and a bulk run each compare it with
//! the version as shown when they act, so that a version someone else
//! changed since is not acted on unseen.

use lifecycle::{JourneyVersion, Pause, ScheduledFinish, Status};
use wording::Phrase;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeenLifecycle {
    status: Status,
    pause: Option<Pause>,
    scheduled_finish: Option<ScheduledFinish>,
}

/// How a version changed since it was seen.
#[derive(Clone, Debug, PartialEq)]
pub enum SeenChange {
    /// Deleted.
    Gone,
    /// The same status, another pause or scheduled finish.
    Schedule,
    /// Another status, in words ("Finishing").
    Status(Phrase),
}

impl SeenLifecycle {
    pub fn of(version: &JourneyVersion) -> SeenLifecycle {
        SeenLifecycle {
            status: version.status,
            pause: version.pause.clone(),
            scheduled_finish: version.scheduled_finish.clone(),
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
            Some(SeenChange::Schedule)
        } else {
            Some(SeenChange::Status(wording::status_label(now.phase())))
        }
    }
}
