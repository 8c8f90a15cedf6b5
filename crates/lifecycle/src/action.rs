use std::fmt;

use serde::{Deserialize, Serialize};

/// Something a marketer can ask to do with a journey version.
///
/// Resume and restart are never allowed; they exist so the console can say why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    Publish,
    Finish,
    Stop,
    Resume,
    Restart,
    Delete,
    NewVersion,
    Duplicate,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::Publish,
        Action::Finish,
        Action::Stop,
        Action::Resume,
        Action::Restart,
        Action::Delete,
        Action::NewVersion,
        Action::Duplicate,
    ];

    /// The text of the button or menu item.
    pub fn label(self) -> &'static str {
        match self {
            Action::Publish => "Publish",
            Action::Finish => "Finish",
            Action::Stop => "Stop",
            Action::Resume => "Resume",
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
