use chrono::{DateTime, Utc};
use lifecycle::{Applied, Catalog, Command};

use super::embedded_backend::EmbeddedBackend;

/// Where journeys live. Every backend answers the same calls, so the views and
/// the store never know which one they talk to.
pub enum Backend {
    /// In the browser, persisted in localStorage, moved by the simulation.
    Embedded(EmbeddedBackend),
}

/// A backend's refusal or failure, in words for the marketer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackendError {
    pub message: String,
}

impl Backend {
    /// Everything the console shows, as the backend has it now.
    pub async fn load(&self, now: DateTime<Utc>) -> Result<Catalog, BackendError> {
        match self {
            Backend::Embedded(embedded) => Ok(embedded.snapshot(now)),
        }
    }

    pub async fn apply(
        &self,
        id: &str,
        command: Command,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<Applied, BackendError> {
        match self {
            Backend::Embedded(embedded) => embedded.apply(id, command, by, now),
        }
    }

    /// A backend of demo data can be put back as it was.
    pub fn can_reset(&self) -> bool {
        matches!(self, Backend::Embedded(_))
    }

    pub async fn reset(&self, now: DateTime<Utc>) -> Result<Catalog, BackendError> {
        match self {
            Backend::Embedded(embedded) => Ok(embedded.reset(now)),
        }
    }

    /// A warning to show while the backend works in a degraded way.
    pub fn warning(&self) -> Option<String> {
        match self {
            Backend::Embedded(embedded) => embedded.warning(),
        }
    }
}
