use serde::{Deserialize, Serialize};

use crate::{Action, JourneyVersion};

/// What a successful [`crate::Catalog::apply`] changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Applied {
    pub action: Action,
    pub outcome: Outcome,
    /// Ids of the other versions the action changed: on publish, the live version it
    /// replaced (now finished). Empty for every other action.
    pub also_changed: Vec<String>,
}

/// What happened to the version the action was taken on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Outcome {
    /// The version after the change (publish, finish, stop).
    Updated { version: JourneyVersion },
    /// The draft the action created (new version, duplicate).
    Created { version: JourneyVersion },
    /// The version is gone (delete).
    Deleted { id: String },
}

impl Applied {
    /// The changed or created version; `None` after a delete.
    pub fn version(&self) -> Option<&JourneyVersion> {
        match &self.outcome {
            Outcome::Updated { version } | Outcome::Created { version } => Some(version),
            Outcome::Deleted { .. } => None,
        }
    }

    /// Every version id the action touched, the acted-on or created one first:
    /// what a client has to refresh.
    pub fn changed_ids(&self) -> impl Iterator<Item = &str> {
        let main = match &self.outcome {
            Outcome::Updated { version } | Outcome::Created { version } => version.id.as_str(),
            Outcome::Deleted { id } => id.as_str(),
        };
        std::iter::once(main).chain(self.also_changed.iter().map(String::as_str))
    }
}
