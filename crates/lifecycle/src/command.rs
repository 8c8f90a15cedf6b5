use serde::{Deserialize, Serialize};

use chrono::{DateTime, Utc};

use crate::{Action, PauseCustomers, PauseEnd};

/// An action together with what it needs.
///
/// Ids of versions and journeys that an action creates are chosen by the caller
/// (the server, or the browser's embedded backend), so this crate never invents one.
///
/// In JSON the action name is the `action` key: `{"action": "stop", "reason": "…"}`,
/// `{"action": "duplicate", "id": "…", "journeyId": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    tag = "action",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Command {
    Publish,
    Finish,
    /// The reason is kept on the version; a blank one counts as none.
    Stop {
        #[serde(default)]
        reason: Option<String>,
    },
    /// Pauses a live version until `until` (at most [`crate::Pause::LONGEST`]
    /// away), holding or discarding its customers; `at_end` says whether it
    /// then resumes or stops.
    Pause {
        customers: PauseCustomers,
        #[serde(deserialize_with = "crate::rfc3339::deserialize")]
        until: DateTime<Utc>,
        at_end: PauseEnd,
    },
    Resume,
    /// Sets, or moves, the time at which a live or paused version finishes by
    /// itself.
    ScheduleFinish {
        #[serde(deserialize_with = "crate::rfc3339::deserialize")]
        at: DateTime<Utc>,
    },
    CancelScheduledFinish,
    Restart,
    Delete,
    /// `id` is the id of the new draft version.
    NewVersion {
        id: String,
    },
    /// `id` is the id of the new version, `journey_id` the id of the new journey.
    Duplicate {
        id: String,
        journey_id: String,
    },
}

impl Command {
    pub fn action(&self) -> Action {
        match self {
            Command::Publish => Action::Publish,
            Command::Finish => Action::Finish,
            Command::Stop { .. } => Action::Stop,
            Command::Pause { .. } => Action::Pause,
            Command::Resume => Action::Resume,
            Command::ScheduleFinish { .. } => Action::ScheduleFinish,
            Command::CancelScheduledFinish => Action::CancelScheduledFinish,
            Command::Restart => Action::Restart,
            Command::Delete => Action::Delete,
            Command::NewVersion { .. } => Action::NewVersion,
            Command::Duplicate { .. } => Action::Duplicate,
        }
    }

    /// The id of the version this command creates (a new version, a
    /// duplicate); `None` for a command that changes or deletes a version.
    pub fn created_version(&self) -> Option<&str> {
        match self {
            Command::NewVersion { id } | Command::Duplicate { id, .. } => Some(id),
            _ => None,
        }
    }
}
