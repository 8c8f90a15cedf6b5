use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Utc};
use contract::Feature;

use crate::access::Access;
use crate::clock::Clock;
use crate::faults::Faults;
use crate::journeys::Journeys;

/// What every request handler shares.
#[derive(Clone)]
pub(crate) struct ServerState {
    shared: Arc<Shared>,
}

struct Shared {
    /// One lock for the working copy and its database, so that changes are
    /// applied and saved one at a time, in the order they are answered.
    journeys: Mutex<Journeys>,
    access: Access,
    faults: Faults,
    /// The most versions a page of the list holds (`Config::page_limit`).
    page_limit: usize,
    /// What `GET /me` lists; none with `Config::without_features`.
    features: Vec<Feature>,
    clock: Clock,
}

impl ServerState {
    pub(crate) fn new(
        journeys: Journeys,
        access: Access,
        page_limit: usize,
        features: Vec<Feature>,
    ) -> Self {
        // Where the clock stood when the server last stopped.
        let clock = Clock::ahead_by(journeys.clock_ahead());
        ServerState {
            shared: Arc::new(Shared {
                journeys: Mutex::new(journeys),
                access,
                faults: Faults::default(),
                page_limit,
                features,
                clock,
            }),
        }
    }

    pub(crate) fn journeys(&self) -> MutexGuard<'_, Journeys> {
        // Carrying on after a panicked request beats failing every later one: a
        // change is one `Catalog::apply`, undone if it cannot be saved.
        self.shared
            .journeys
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn access(&self) -> &Access {
        &self.shared.access
    }

    pub(crate) fn faults(&self) -> &Faults {
        &self.shared.faults
    }

    pub(crate) fn page_limit(&self) -> usize {
        self.shared.page_limit
    }

    pub(crate) fn features(&self) -> &[Feature] {
        &self.shared.features
    }

    /// Now as the server sees it: every change, due time and expiry is judged
    /// by this, never by the wall clock directly.
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.shared.clock.now()
    }

    pub(crate) fn clock(&self) -> &Clock {
        &self.shared.clock
    }
}
