use std::rc::Rc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use lifecycle::{Action, Applied, Catalog, Command};

use super::backend::{Backend, BackendError};
use crate::clock;

/// Who the console acts as. The embedded backend has no accounts.
const USER: &str = "You";

/// An action that did not happen, and why, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionFailure {
    pub message: String,
}

impl From<BackendError> for ActionFailure {
    fn from(e: BackendError) -> Self {
        ActionFailure { message: e.message }
    }
}

/// The journeys the views show, kept in step with the backend. Views read
/// `catalog()` and call `act`; the rules decide in the lifecycle crate.
#[derive(Clone, Copy)]
pub struct Journeys {
    catalog: RwSignal<Catalog>,
    backend: StoredValue<Rc<Backend>, LocalStorage>,
    warning: RwSignal<Option<String>>,
    loaded: RwSignal<bool>,
    now: RwSignal<DateTime<Utc>>,
}

impl Journeys {
    pub fn new(backend: Backend) -> Journeys {
        let warning = RwSignal::new(backend.warning());
        Journeys {
            catalog: RwSignal::new(Catalog::default()),
            backend: StoredValue::new_local(Rc::new(backend)),
            warning,
            loaded: RwSignal::new(false),
            now: RwSignal::new(clock::now()),
        }
    }

    /// Whether the first load from the backend has arrived.
    pub fn loaded(&self) -> ReadSignal<bool> {
        self.loaded.read_only()
    }

    /// The time of the latest refresh, so "5 minutes ago" moves on by itself.
    pub fn now(&self) -> ReadSignal<DateTime<Utc>> {
        self.now.read_only()
    }

    pub fn catalog(&self) -> ReadSignal<Catalog> {
        self.catalog.read_only()
    }

    /// A problem with the backend that the marketer should know about.
    pub fn warning(&self) -> ReadSignal<Option<String>> {
        self.warning.read_only()
    }

    pub fn can_reset(&self) -> bool {
        self.backend.get_value().can_reset()
    }

    /// Fetches what the backend has now (and, for the embedded backend, lets
    /// the simulation move customers along).
    pub async fn refresh(&self) -> Result<(), ActionFailure> {
        let backend = self.backend.get_value();
        let now = clock::now();
        let catalog = backend.load(now).await?;
        self.catalog.set(catalog);
        self.now.set(now);
        self.loaded.set(true);
        self.warning.set(backend.warning());
        Ok(())
    }

    /// Takes `command` on the version `id`. The rules are asked first, so a
    /// refused action never reaches the backend; the backend stays the authority.
    pub async fn act(&self, id: &str, command: Command) -> Result<Applied, ActionFailure> {
        self.catalog
            .with_untracked(|catalog| catalog.check(id, command.action()))
            .map_err(|e| ActionFailure {
                message: e.to_string(),
            })?;
        let backend = self.backend.get_value();
        let applied = backend.apply(id, command, USER, clock::now()).await?;
        self.refresh().await?;
        Ok(applied)
    }

    /// Whether `action` is allowed on `id` right now, for views that only
    /// need a yes or no (quick actions).
    pub fn allows(&self, id: &str, action: Action) -> bool {
        self.catalog
            .with(|catalog| catalog.check(id, action).is_ok())
    }

    pub async fn reset(&self) -> Result<(), ActionFailure> {
        let backend = self.backend.get_value();
        let catalog = backend.reset(clock::now()).await?;
        self.catalog.set(catalog);
        self.warning.set(backend.warning());
        Ok(())
    }
}

/// The store of the running console, provided by `App`.
pub fn use_journeys() -> Journeys {
    expect_context::<Journeys>()
}
