use std::rc::Rc;

use chrono::{DateTime, Utc};
use contract::Role;
use leptos::prelude::*;
use lifecycle::{Action, Applied, Catalog, Command, JourneyVersion, Status};

use super::backend::{Backend, BackendError, Change, ErrorKind};
use crate::{clock, format};

/// Who the console acts as when the backend has no accounts.
const LOCAL_USER: &str = "You";

/// An action that did not happen, and why, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionFailure {
    pub message: String,
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
    /// Versions received so far while the first load is under way.
    progress: RwSignal<Option<usize>>,
    /// Why the latest refresh failed, until one succeeds.
    problem: RwSignal<Option<String>>,
    role: RwSignal<Option<Role>>,
    /// Changes sent and not yet answered: refreshes wait for them, so a poll
    /// never shows the state from before a change the user just made.
    in_flight: RwSignal<u32>,
    /// A refresh is under way; a slow backend gets no second one on top.
    refreshing: StoredValue<bool>,
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
            progress: RwSignal::new(None),
            problem: RwSignal::new(None),
            role: RwSignal::new(None),
            in_flight: RwSignal::new(0),
            refreshing: StoredValue::new(false),
        }
    }

    pub fn catalog(&self) -> ReadSignal<Catalog> {
        self.catalog.read_only()
    }

    /// Whether the first load from the backend has arrived.
    pub fn loaded(&self) -> ReadSignal<bool> {
        self.loaded.read_only()
    }

    /// The time of the latest refresh, so "5 minutes ago" moves on by itself.
    pub fn now(&self) -> ReadSignal<DateTime<Utc>> {
        self.now.read_only()
    }

    pub fn progress(&self) -> ReadSignal<Option<usize>> {
        self.progress.read_only()
    }

    /// Why the journeys shown may be out of date (offline, server failing).
    pub fn problem(&self) -> ReadSignal<Option<String>> {
        self.problem.read_only()
    }

    /// A problem with the backend that the marketer should know about.
    pub fn warning(&self) -> ReadSignal<Option<String>> {
        self.warning.read_only()
    }

    pub fn can_reset(&self) -> bool {
        self.backend.get_value().can_reset()
    }

    /// Asks the backend who the user is, so actions the role may not take
    /// are not offered.
    pub async fn identify(&self) {
        let Some(backend) = self.backend.try_get_value() else {
            return;
        };
        if let Ok(Some(me)) = backend.me().await {
            change(self.role, Some(me.role));
        }
    }

    /// Whether the console was unmounted (its signals disposed) while a call
    /// was under way: what the call brings back then has nowhere to go.
    fn gone(&self) -> bool {
        self.catalog.is_disposed()
    }

    /// Fetches what the backend has now (and, for the embedded backend, lets
    /// the simulation move customers along).
    pub async fn refresh(&self) {
        if self.gone() || self.in_flight.get_untracked() > 0 || self.refreshing.get_value() {
            return;
        }
        self.refreshing.set_value(true);
        self.refresh_now().await;
        self.refreshing.try_set_value(false);
    }

    async fn refresh_now(&self) {
        let Some(backend) = self.backend.try_get_value() else {
            return;
        };
        let now = clock::now();
        let first = !self.loaded.get_untracked();
        let progress = self.progress;
        let result = backend
            .load(now, &|count| {
                if first {
                    change(progress, Some(count));
                }
            })
            .await;
        // A change made while the list was loading is newer than the list.
        if self.gone() || self.in_flight.get_untracked() > 0 {
            return;
        }
        match result {
            Ok(catalog) => {
                self.catalog.set(catalog);
                self.now.set(now);
                change(self.loaded, true);
                change(self.progress, None);
                change(self.problem, None);
            }
            Err(error) => change(self.problem, Some(error.message)),
        }
        change(self.warning, backend.warning());
    }

    /// Reads a version's history into the catalog (the embedded backend's
    /// catalog has it already).
    pub async fn load_history(&self, id: &str) {
        let Some(backend) = self.backend.try_get_value() else {
            return;
        };
        if let Ok(Some(entries)) = backend.history(id).await {
            self.catalog.try_update(|c| {
                c.set_history(id, entries);
            });
        }
    }

    /// Whether the user's role lets them take `action` (the server decides;
    /// this only keeps the console from offering what will be refused).
    pub fn permission(&self, action: Action) -> Result<(), String> {
        match self.role.get() {
            Some(role) if !role.may(action) => Err(format!(
                "Your role ({}) does not allow this; ask an operator or an admin.",
                match role {
                    Role::Viewer => "viewer",
                    Role::Operator => "operator",
                    Role::Admin => "admin",
                }
            )),
            _ => Ok(()),
        }
    }

    /// Whether `action` is allowed on `id` right now, by the rules and the
    /// user's role, for views that only need a yes or no (quick actions).
    pub fn allows(&self, id: &str, action: Action) -> bool {
        self.permission(action).is_ok()
            && self
                .catalog
                .with(|catalog| catalog.check(id, action).is_ok())
    }

    /// Takes `command` on the version `id`, once: `idempotency_key` is fresh
    /// for each user action and the same when the user retries it. The rules
    /// are asked first, so a refused action never leaves the browser. With a
    /// remote backend the change shows at once and is rolled back, with the
    /// server's reason, if the server refuses it.
    pub async fn act(
        &self,
        id: &str,
        command: Command,
        idempotency_key: &str,
    ) -> Result<Applied, ActionFailure> {
        let action = command.action();
        if let Err(reason) = untrack(|| self.permission(action)) {
            return Err(ActionFailure { message: reason });
        }
        let before = self.catalog.get_untracked();
        let seen = before
            .check(id, action)
            .and_then(|()| {
                before
                    .get(id)
                    .cloned()
                    .ok_or(lifecycle::ActionError::NotFound { id: id.into() })
            })
            .map_err(|e| ActionFailure {
                message: e.to_string(),
            })?;
        let backend = self.backend.get_value();
        let now = clock::now();
        let optimistic = backend.is_remote()
            && matches!(action, Action::Finish | Action::Stop | Action::Publish);
        if optimistic {
            self.catalog.update(|c| {
                let _ = c.apply(id, command.clone(), LOCAL_USER, now);
            });
        }
        self.in_flight.update(|n| *n += 1);
        let result = backend
            .apply(Change {
                id,
                command,
                revision: seen.revision,
                idempotency_key,
                by: LOCAL_USER,
                at: now,
            })
            .await;
        if self.gone() {
            return Err(ActionFailure {
                message: "The console was closed before the answer came.".into(),
            });
        }
        self.in_flight.update(|n| *n = n.saturating_sub(1));
        match result {
            Ok(applied) => {
                if let Some(version) = applied.version() {
                    self.catalog.update(|c| {
                        c.upsert(version.clone());
                    });
                }
                self.refresh_now().await;
                self.load_history(id).await;
                Ok(applied)
            }
            Err(error) => {
                let message = explain(&error, &seen, self.now.get_untracked());
                self.catalog.update(|c| {
                    *c = before;
                    if let Some(current) = error.current.clone() {
                        c.upsert(*current);
                    }
                });
                Err(ActionFailure { message })
            }
        }
    }

    pub async fn reset(&self) -> Result<(), ActionFailure> {
        let backend = self.backend.get_value();
        let reset = backend.reset(clock::now()).await;
        if self.gone() {
            return Ok(());
        }
        match reset {
            Ok(Some(catalog)) => self.catalog.set(catalog),
            Ok(None) => {}
            Err(error) => {
                return Err(ActionFailure {
                    message: error.message,
                })
            }
        }
        change(self.warning, backend.warning());
        Ok(())
    }
}

/// Sets `signal` only when the value differs. Setting a signal notifies its
/// readers even with the same value, and views that switch on these (the
/// detail view on `loaded`) would be drawn anew on every refresh, closing
/// menus and losing focus.
///
/// Nothing happens once the console is unmounted (the signal disposed).
fn change<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.try_with_untracked(|shown| *shown != value) == Some(true) {
        signal.try_set(value);
    }
}

/// The server's refusal in words: who changed the journey and when, from
/// what the server says is current, then the server's own reason.
fn explain(error: &BackendError, seen: &JourneyVersion, now: DateTime<Utc>) -> String {
    let Some(current) = &error.current else {
        return error.message.clone();
    };
    if !matches!(error.kind, ErrorKind::Refused | ErrorKind::Conflict) {
        return error.message.clone();
    }
    let changed = current.revision != seen.revision || current.status != seen.status;
    if !changed {
        return error.message.clone();
    }
    let what = match current.status {
        Status::Draft => "changed",
        Status::Live => "published",
        Status::Finished => "finished",
        Status::Stopped => "stopped",
    };
    let when = format::relative(current.updated_at, now.max(current.updated_at));
    format!(
        "{} {what} this journey {when}; it is {} now. {}",
        current.updated_by,
        current.phase().label().to_lowercase(),
        error.message
    )
}

/// The store of the running console, provided by `App`.
pub fn use_journeys() -> Journeys {
    expect_context::<Journeys>()
}
