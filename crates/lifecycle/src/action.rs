use std::fmt;

use serde::{Deserialize, Serialize};

/// Something a marketer can ask to do with a journey version.
///
/// Restart is never allowed, and Resume only on a paused version: they exist so
/// the console can say why a finished or stopped version cannot be brought back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    Publish,
    Finish,
    Stop,
    Pause,
    Resume,
    ScheduleFinish,
    CancelScheduledFinish,
    Restart,
    Delete,
    NewVersion,
    Duplicate,
}

impl Action {
    /// In declaration order (an action's position is its discriminant).
    pub const ALL: [Action; 11] = [
        Action::Publish,
        Action::Finish,
        Action::Stop,
        Action::Pause,
        Action::Resume,
        Action::ScheduleFinish,
        Action::CancelScheduledFinish,
        Action::Restart,
        Action::Delete,
        Action::NewVersion,
        Action::Duplicate,
    ];

    /// Whether the rules judge it, or what it does, by the journey's other
    /// versions: a new version is made from the newest, and a journey has
    /// at most one draft; publishing finishes the version it replaces. A
    /// console that knows only some of a journey's versions cannot judge it.
    pub fn needs_every_version(self) -> bool {
        matches!(self, Action::NewVersion | Action::Publish)
    }

    /// The action's name in English, for logs (a console words it per language).
    pub fn label(self) -> &'static str {
        match self {
            Action::Publish => "Publish",
            Action::Finish => "Finish",
            Action::Stop => "Stop",
            Action::Pause => "Pause",
            Action::Resume => "Resume",
            Action::ScheduleFinish => "Schedule finish",
            Action::CancelScheduledFinish => "Cancel scheduled finish",
            Action::Restart => "Restart",
            Action::Delete => "Delete",
            Action::NewVersion => "Create new version",
            Action::Duplicate => "Duplicate",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
