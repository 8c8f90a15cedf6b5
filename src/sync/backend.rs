use std::sync::Arc;

use chrono::{DateTime, Utc};
use contract::Me;
use journey_sync::{BackendError, Offered};
use lifecycle::{Applied, Catalog, Command, HistoryEntry, JourneyVersion};
use wording::Phrase;

use super::embedded_backend::EmbeddedBackend;
use super::http_backend::HttpBackend;

/// Where journeys live. Every backend answers the same calls, so the views and
/// the store never know which one they talk to.
pub enum Backend {
    /// In the browser, persisted in localStorage, moved by the simulation.
    Embedded(EmbeddedBackend),
    /// A server implementing the HTTP contract (docs/contract/); boxed, as
    /// it is the larger by far.
    Http(Box<HttpBackend>),
}

/// One user action as sent to a backend.
#[derive(Clone)]
pub struct Change<'a> {
    pub id: &'a str,
    pub command: Command,
    /// The revision the user saw when deciding.
    pub revision: u64,
    /// Fresh for each user action, the same on its retries.
    pub idempotency_key: &'a str,
    pub by: &'a str,
    pub at: DateTime<Utc>,
}

impl Backend {
    /// Everything the console shows, as the backend has it now. While a
    /// long list loads, `arrived` is given each part as it comes (the
    /// whole list is still the answer).
    pub async fn load(
        &self,
        now: DateTime<Utc>,
        arrived: &dyn Fn(&[Arc<JourneyVersion>]),
    ) -> Result<Catalog, BackendError> {
        match self {
            Backend::Embedded(embedded) => Ok(embedded.snapshot(now).await),
            Backend::Http(http) => http.load(arrived).await,
        }
    }

    /// One version, asked for on its own (a detail view opened before the
    /// list is complete). `None` when the backend has no such version.
    pub async fn version(&self, id: &str) -> Result<Option<JourneyVersion>, BackendError> {
        match self {
            Backend::Embedded(embedded) => Ok(embedded.version(id)),
            Backend::Http(http) => http.version(id).await,
        }
    }

    /// A version's history; the embedded backend's catalog holds it already.
    pub async fn history(&self, id: &str) -> Result<Option<Vec<HistoryEntry>>, BackendError> {
        match self {
            Backend::Embedded(_) => Ok(None),
            Backend::Http(http) => http.history(id).await.map(Some),
        }
    }

    /// Entries of a version's history that its latest read left out; the
    /// embedded backend reads its own, and leaves none out.
    pub fn history_left_out(&self, id: &str) -> Option<Phrase> {
        match self {
            Backend::Embedded(_) => None,
            Backend::Http(http) => http.history_left_out(id),
        }
    }

    pub async fn apply(&self, change: Change<'_>) -> Result<Applied, BackendError> {
        match self {
            Backend::Embedded(embedded) => {
                embedded
                    .apply(
                        change.id,
                        change.command,
                        change.revision,
                        change.by,
                        change.at,
                    )
                    .await
            }
            Backend::Http(http) => {
                http.apply(
                    change.id,
                    &change.command,
                    change.revision,
                    change.idempotency_key,
                )
                .await
            }
        }
    }

    /// Who the backend says the user is; `None` when it does not say.
    pub async fn me(&self) -> Result<Option<Me>, BackendError> {
        match self {
            Backend::Embedded(_) => Ok(None),
            Backend::Http(http) => http.me().await,
        }
    }

    /// What the backend offers beyond the seed's actions, given what it said
    /// at `/me`: the embedded backend runs the rules itself and offers
    /// everything; a server offers what it lists.
    pub fn offered(&self, me: Option<&Me>) -> Offered {
        match self {
            Backend::Embedded(_) => Offered::Everything,
            Backend::Http(_) => Offered::by_server(me),
        }
    }

    /// A backend of demo data can be put back as it was.
    pub fn can_reset(&self) -> bool {
        matches!(self, Backend::Embedded(_))
    }

    pub async fn reset(&self, now: DateTime<Utc>) -> Result<Option<Catalog>, BackendError> {
        match self {
            Backend::Embedded(embedded) => Ok(Some(embedded.reset(now).await)),
            Backend::Http(_) => Ok(None),
        }
    }

    /// Which data set the backend holds: when it changes (the demo data was
    /// reset, maybe in another tab), what the console knew is replaced whole
    /// rather than merged. A server's data set never changes.
    pub fn data_set(&self) -> Option<journey_sync::Epoch> {
        match self {
            Backend::Embedded(embedded) => Some(embedded.epoch()),
            Backend::Http(_) => None,
        }
    }

    /// A warning to show while the backend works in a degraded way.
    pub fn warning(&self) -> Option<Phrase> {
        match self {
            Backend::Embedded(embedded) => embedded.warning(),
            Backend::Http(http) => http.warning(),
        }
    }
}
