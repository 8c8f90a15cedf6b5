use std::rc::Rc;

use chrono::{DateTime, Utc};
use contract::Role;
use journey_sync::{
    drain_phrase, drain_row_phrase, moved_on_as_seen, Attempt, BackendError, ChangeTicket,
    Dispatch, DrainWatch, ErrorKind, JourneyStore, Offered, ToSend, UnsettledSends,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use lifecycle::{Action, ActionError, Applied, Catalog, Command, DrainForecast, JourneyVersion};
use wording::{action_error_phrase, phase_key, Locale, Phrase};

use super::backend::{Backend, Change};
use super::leaving::OnItsWay;
use crate::words::Words;
use crate::{clock, format};

/// While a long list loads, what has arrived is shown at most this often.
const SHOW_ARRIVED_EVERY_MS: f64 = 250.0;

/// Who the console acts as when the backend has no accounts.
const LOCAL_USER: &str = "You";

/// An action that did not happen, and why, as a phrase the view words.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionFailure {
    pub message: Phrase,
    /// The request may have been carried out though no answer said so (see
    /// `ErrorKind::may_have_been_applied`): a retry must reuse its key.
    pub maybe_applied: bool,
    /// The message says what the version is now (who changed it, from a
    /// refusal's current version; a change made though its answer could not
    /// be read), so the version as shown after it is what the user read.
    pub shows_current: bool,
}

impl ActionFailure {
    /// Nothing was sent, or the server's answer says nothing changed.
    fn nothing_done(message: Phrase) -> ActionFailure {
        ActionFailure {
            message,
            maybe_applied: false,
            shows_current: false,
        }
    }
}

/// What the views show: the server's journeys with the user's pending changes
/// on top (`JourneyStore::shown`), read in place rather than copied.
#[derive(Clone, Copy)]
pub struct ShownCatalog(RwSignal<JourneyStore>);

impl ShownCatalog {
    pub fn with<R>(&self, f: impl FnOnce(&Catalog) -> R) -> R {
        self.0.with(|store| f(store.shown()))
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&Catalog) -> R) -> R {
        self.0.with_untracked(|store| f(store.shown()))
    }

    /// As `with_untracked`, or `None` once the console is unmounted.
    pub fn try_with_untracked<R>(&self, f: impl FnOnce(&Catalog) -> R) -> Option<R> {
        self.0.try_with_untracked(|store| f(store.shown()))
    }
}

/// The journeys the views show, kept in step with the backend. Views read
/// `catalog()` and call `act`; the rules decide in the lifecycle crate, and
/// how server answers and pending changes combine is decided in
/// `journey_sync::JourneyStore`: this is its reactive shell.
#[derive(Clone, Copy)]
pub struct Journeys {
    store: RwSignal<JourneyStore>,
    backend: StoredValue<Rc<Backend>, LocalStorage>,
    warning: RwSignal<Option<Phrase>>,
    loaded: RwSignal<bool>,
    now: RwSignal<DateTime<Utc>>,
    /// Why the latest refresh failed, until one succeeds.
    problem: RwSignal<Option<Phrase>>,
    role: RwSignal<Option<Role>>,
    /// What the backend offers beyond the seed's actions (pausing, a
    /// scheduled finish); known once `identified`.
    offered: RwSignal<Offered>,
    /// The backend has said who the user is (or that it does not say).
    identified: RwSignal<bool>,
    /// A `GET /me` is under way.
    identifying: StoredValue<bool>,
    /// A refresh is under way; a slow backend gets no second one on top.
    refreshing: StoredValue<bool>,
    /// The store's `shown_generation` the views were last told of by a load.
    told: StoredValue<u64>,
    /// The backend's data set at the latest load (see `Backend::data_set`).
    data_set: StoredValue<Option<journey_sync::Epoch>>,
    /// The user's language, for the times in "who changed it" sentences.
    words: Words,
    /// Recent counts of running and finishing versions, for drain forecasts.
    drain: RwSignal<DrainWatch>,
    unsettled: StoredValue<UnsettledSends>,
}

impl Journeys {
    pub fn new(backend: Backend, words: Words) -> Journeys {
        let warning = RwSignal::new(backend.warning());
        let journeys = Journeys {
            store: RwSignal::new(JourneyStore::default()),
            backend: StoredValue::new_local(Rc::new(backend)),
            warning,
            loaded: RwSignal::new(false),
            now: RwSignal::new(clock::now()),
            problem: RwSignal::new(None),
            role: RwSignal::new(None),
            offered: RwSignal::new(Offered::Listed(Vec::new())),
            identified: RwSignal::new(false),
            identifying: StoredValue::new(false),
            refreshing: StoredValue::new(false),
            data_set: StoredValue::new(None),
            told: StoredValue::new(0),
            words,
            drain: RwSignal::new(DrainWatch::default()),
            unsettled: StoredValue::new(UnsettledSends::new()),
        };
        // Another tab's change to the shared demo data shows at once.
        if let Backend::Embedded(embedded) = &*journeys.backend.get_value() {
            embedded.on_news(move || journeys.refresh_soon());
        }
        journeys
    }

    pub fn catalog(&self) -> ShownCatalog {
        ShownCatalog(self.store)
    }

    /// Whether the whole list has arrived once. Before, what is shown is the
    /// part of it that has arrived so far.
    pub fn loaded(&self) -> ReadSignal<bool> {
        self.loaded.read_only()
    }

    /// The time of the latest refresh, so "5 minutes ago" moves on by itself.
    pub fn now(&self) -> ReadSignal<DateTime<Utc>> {
        self.now.read_only()
    }

    /// Why the journeys shown may be out of date (offline, server failing).
    pub fn problem(&self) -> ReadSignal<Option<Phrase>> {
        self.problem.read_only()
    }

    /// A problem with the backend that the marketer should know about.
    pub fn warning(&self) -> ReadSignal<Option<Phrase>> {
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
        // One question at a time.
        self.identifying.set_value(true);
        let answer = backend.me().await;
        self.identifying.try_set_value(false);
        let offered = match answer {
            Ok(me) => {
                if let Some(me) = &me {
                    change(self.role, Some(me.role));
                }
                backend.offered(me.as_ref())
            }
            // Not an answer about what it offers: asked again at the next
            // refresh (`refresh_now`), and said so meanwhile.
            Err(_) => Offered::NotYetSaid,
        };
        change(self.offered, offered);
        // Whatever the answer: a backend that cannot say leaves the server
        // to refuse what the role does not allow.
        change(self.identified, true);
    }

    /// Whether the console was unmounted (its signals disposed) while a call
    /// was under way: what the call brings back then has nowhere to go.
    fn gone(&self) -> bool {
        self.store.is_disposed()
    }

    /// Fetches what the backend has now (and, for the embedded backend, lets
    /// the simulation move customers along). Changes under way are not
    /// waited for: the store keeps them apart from the list.
    async fn refresh(&self) {
        if self.gone() || self.refreshing.get_value() {
            return;
        }
        self.refreshing.set_value(true);
        self.refresh_now().await;
        self.refreshing.try_set_value(false);
    }

    /// Fetches the list soon (a poll, a "Try again", another tab's news, a
    /// change the server made: its answer names only the version acted on,
    /// and the list brings what else the change moved, such as the live
    /// version a publish finished). One place spawns it, so the refresh's
    /// code is in the wasm once.
    pub fn refresh_soon(&self) {
        let journeys = *self;
        spawn_local(async move { journeys.refresh().await });
    }

    async fn refresh_now(&self) {
        let Some(backend) = self.backend.try_get_value() else {
            return;
        };
        // A server that has not said what it offers is asked again, in a
        // task of its own: the list never waits for it.
        if self.offered.with_untracked(Offered::not_yet_said) && !self.identifying.get_value() {
            let journeys = *self;
            spawn_local(async move { journeys.identify().await });
        }
        let now = clock::now();
        let first = !self.loaded.get_untracked();
        // Not a change anyone sees: taken without notifying the views.
        let Some(ticket) = self.store.try_update_untracked(|store| store.begin_load()) else {
            return;
        };
        // A menu's creation of unknown outcome is known once a list asked
        // for after its answer is taken.
        let mark = self.unsettled.try_with_value(UnsettledSends::mark);
        let journeys = *self;
        let shown_at = std::cell::Cell::new(None::<f64>);
        let result = backend
            .load(now, &|arrived| {
                // The first load shows its pages as they come (later ones
                // replace what is shown only when complete): the first at
                // once, the rest a few times a second, since each showing
                // sorts everything that has arrived.
                if first && !arrived.is_empty() {
                    let quiet = shown_at
                        .get()
                        .is_some_and(|at| clock::millis() - at < SHOW_ARRIVED_EVERY_MS);
                    journeys.change_store(!quiet, |store| store.take_arrived(ticket, arrived));
                    if !quiet {
                        shown_at.set(Some(clock::millis()));
                    }
                }
            })
            .await;
        if self.gone() {
            return;
        }
        match result {
            Ok(catalog) => {
                let data_set = backend.data_set();
                let new_data_set = self.data_set.get_value() != data_set;
                self.data_set.set_value(data_set);
                // A poll that brought nothing new redraws nothing.
                let taken = self.change_store(true, |store| {
                    if new_data_set {
                        store.reset(catalog);
                        true
                    } else {
                        store.finish_load(ticket, catalog)
                    }
                });
                if let (Some(true), Some(mark)) = (taken, mark) {
                    self.unsettled.try_update_value(|sends| sends.listed(mark));
                }
                let store = self.store;
                self.drain
                    .update(|watch| store.with_untracked(|s| watch.observe(s.confirmed(), now)));
                self.now.set(now);
                change(self.loaded, true);
                change(self.problem, None);
            }
            Err(error) => {
                change(self.problem, Some(error.message));
            }
        }
        change(self.warning, backend.warning());
    }

    /// Changes the store, telling the views only when what they show has
    /// changed since they were last told (and `tell` allows it now).
    fn change_store<R>(&self, tell: bool, f: impl FnOnce(&mut JourneyStore) -> R) -> Option<R> {
        let result = self.store.try_update_untracked(f)?;
        let generation = self.store.with_untracked(JourneyStore::shown_generation);
        if tell && self.told.get_value() != generation {
            self.told.set_value(generation);
            self.store.notify();
        }
        Some(result)
    }

    /// Asks for one version on its own, for a view that needs it before the
    /// list is complete. Returns `Some(false)` when the backend says there
    /// is no such version, `None` when it could not be asked.
    pub async fn load_version(&self, id: &str) -> Option<bool> {
        let backend = self.backend.try_get_value()?;
        match backend.version(id).await {
            Ok(Some(version)) => {
                self.store.try_update(|store| store.take_version(version))?;
                Some(true)
            }
            Ok(None) => Some(false),
            Err(_) => None,
        }
    }

    /// Reads a version's history into the catalog (the embedded backend's
    /// catalog has it already).
    pub async fn load_history(&self, id: &str) -> Result<(), Phrase> {
        let Some(backend) = self.backend.try_get_value() else {
            return Ok(());
        };
        match backend.history(id).await {
            Ok(Some(entries)) => {
                self.store.try_update(|store| {
                    store.set_history(id, entries);
                });
                Ok(())
            }
            Ok(None) => Ok(()),
            Err(error) => Err(error.message),
        }
    }

    /// What the latest read of version `id`'s history left out (entries
    /// that could not be read), whichever read it was: the detail view's, the
    /// one after an action, or a list's when the version changed. Tracked
    /// through the store, which every read of a history updates.
    pub fn history_left_out(&self, id: &str) -> Option<Phrase> {
        self.store.track();
        self.backend
            .try_with_value(|backend| backend.history_left_out(id))
            .flatten()
    }

    /// When the last customer of version `id` is expected out if it finishes
    /// (or, finishing, as it goes), in words for a dialog or the detail view:
    /// `None` if it cannot drain (a draft, an ended or empty version).
    pub fn drain_forecast(&self, id: &str) -> Option<Phrase> {
        self.forecast(id, drain_phrase)
    }

    /// The same, short enough for a row of the list.
    pub fn drain_forecast_short(&self, id: &str) -> Option<Phrase> {
        self.forecast(id, drain_row_phrase)
    }

    fn forecast(
        &self,
        id: &str,
        say: fn(&DrainForecast, DateTime<Utc>) -> Phrase,
    ) -> Option<Phrase> {
        let now = self.now.get();
        let version = self.store.with(|store| store.shown().get(id).cloned())?;
        self.drain.with(|watch| {
            watch
                .forecast(&version, now)
                .map(|forecast| say(&forecast, now))
        })
    }

    /// Whether the backend offers `action` and the user's role lets them
    /// take it (the server decides; this only keeps the console from
    /// offering what will be refused, and says why).
    pub fn permission(&self, action: Action) -> Result<(), Phrase> {
        if !self.identified.get() {
            return Err(Phrase::new("sync-checking-role"));
        }
        if let Some(why) = self.offered.with(|offered| offered.refusal(action)) {
            return Err(why);
        }
        match self.role.get() {
            Some(role) if !role.may(action) => {
                let role = match role {
                    Role::Viewer => "viewer",
                    Role::Operator => "operator",
                    Role::Admin => "admin",
                };
                Err(Phrase::new("sync-role-forbids").with("role", role))
            }
            _ => Ok(()),
        }
    }

    /// Whether `action` is allowed on `id` right now, by the rules and the
    /// user's role, for views that only need a yes or no (quick actions).
    pub fn allows(&self, id: &str, action: Action) -> bool {
        self.permission(action).is_ok()
            && self.store.with(|store| {
                store.shown().check(id, action).is_ok() && store.check_listed(id, action).is_ok()
            })
    }

    /// Whether a whole list has been taken (`JourneyStore::listed`).
    pub fn listed(&self) -> bool {
        self.store.with(JourneyStore::listed)
    }

    /// Why `action` on `id` waits for the whole list, if it does
    /// (`JourneyStore::check_listed`): a new version or a publish, while a
    /// version of its journey may be on a page still to come.
    pub fn waits_for_list(&self, id: &str, action: Action) -> Option<Phrase> {
        self.store
            .with(|store| store.check_listed(id, action).err())
            .map(|error| action_error_phrase(&error))
    }

    /// Takes a menu action that has no dialog of its own (a new version, a
    /// duplicate, cancelling a scheduled finish) on the version `id`. Chosen
    /// again after an attempt whose outcome is unknown (no answer came), it
    /// is sent again as it was, so the server carries it out once
    /// (`journey_sync::UnsettledSends`); `fresh` makes a new command.
    pub async fn act_from_menu(
        &self,
        id: &str,
        action: Action,
        fresh: impl FnOnce() -> Command,
    ) -> Result<Applied, ActionFailure> {
        let (command, key) = self.store.with_untracked(|store| {
            self.unsettled
                .try_update_value(|sends| {
                    sends.request(id, action, store.shown(), || {
                        (fresh(), crate::new_id::new_id())
                    })
                })
                .ok_or_else(closed)
        })?;
        let outcome = self.act(id, command, &key, Attempt::New).await;
        let unknown = matches!(&outcome, Err(failure) if failure.maybe_applied);
        self.unsettled
            .try_update_value(|sends| sends.answered(id, action, unknown));
        outcome
    }

    /// Takes on the version `id` what a confirmation dialog's flow hands
    /// over once the user confirmed ([`Journeys::act`]).
    pub async fn act_confirmed(&self, id: &str, send: &ToSend) -> Result<Applied, ActionFailure> {
        let command = send.command.clone();
        self.act(id, command, &send.idempotency_key, send.attempt)
            .await
    }

    /// Takes `command` on the version `id`, once: `idempotency_key` is fresh
    /// for each user action and the same when the user retries it. The rules
    /// are asked first (the action and its terms), so a refused action never
    /// leaves the browser, except for the same request as an attempt whose
    /// outcome is unknown (`Attempt::Again`): the server may have made it,
    /// and a list read since may show it made, which the rules would refuse
    /// as a new change; the server answers it as it did, or refuses it.
    /// Finish, Stop, Publish, a pause, a resume and a scheduled finish show
    /// at once; whatever the answer, only this change is settled, so nothing
    /// another change or a list brought is undone.
    pub async fn act(
        &self,
        id: &str,
        command: Command,
        idempotency_key: &str,
        attempt: Attempt,
    ) -> Result<Applied, ActionFailure> {
        let now = clock::now();
        let (seen, ahead) = self
            .store
            .try_with_untracked(|store| (store.shown().get(id).cloned(), store.shown_ahead(id)))
            .ok_or_else(closed)?;
        let (ticket, revision) = self
            .begin(id, &command, idempotency_key, now, true, attempt)
            .map_err(|failure| ActionFailure {
                // Nothing was sent, which says nothing of the attempt before.
                maybe_applied: attempt.is_again(),
                ..failure
            })?;
        let backend = self.backend.get_value();
        let on_its_way = OnItsWay::begin();
        let sent = Change {
            id,
            command,
            revision,
            idempotency_key,
            by: LOCAL_USER,
            at: now,
        };
        let (result, made_on) =
            apply_as_seen(&backend, sent, seen.as_ref().filter(|_| ahead)).await;
        drop(on_its_way);
        if self.gone() {
            return Err(closed());
        }
        match result {
            Ok(applied) => {
                self.store.update(|store| {
                    store.settle_applied(ticket, applied.clone());
                });
                change(self.warning, backend.warning());
                self.refresh_soon();
                // The history gains what was just done (and a new version
                // starts one of its own).
                // (A history that cannot be read is said by the detail view,
                // which reads it again when it is shown.)
                let _ = self.load_history(id).await;
                if let Some(created) = applied.version().filter(|v| v.id != id) {
                    let _ = self.load_history(&created.id).await;
                }
                Ok(applied)
            }
            Err(error) => {
                let maybe_applied = error.may_have_been_applied();
                // A change the server made but answered unreadably (it
                // answered 2xx): it stays shown made until a list read after
                // this answer shows what the server did.
                let made = error.kind == ErrorKind::MadeAnswerUnusable;
                let shows_current = made
                    || (error.current.is_some()
                        && matches!(error.kind, ErrorKind::Refused | ErrorKind::Conflict));
                let message = match &seen {
                    Some(seen) => explain(
                        self.words.untracked_locale(),
                        &error,
                        seen,
                        self.now.get_untracked(),
                    ),
                    None => error.message.clone(),
                };
                self.store.update(|store| {
                    if made {
                        store.settle_made_unread(ticket, made_on);
                    } else {
                        store.settle_failed(ticket, error.current.map(|current| *current));
                    }
                });
                if made {
                    self.refresh_soon();
                }
                Err(ActionFailure {
                    message,
                    maybe_applied,
                    shows_current,
                })
            }
        }
    }

    /// What `act` does before anything is sent: the role and the rules
    /// asked on what is shown (not for the same request as an attempt whose
    /// outcome is unknown: `Attempt::Again`), and the change made
    /// pending (shown at once, when `tell`: not to views being unmounted).
    /// Returns the change's ticket and the revision it is sent on.
    fn begin(
        &self,
        id: &str,
        command: &Command,
        idempotency_key: &str,
        now: DateTime<Utc>,
        tell: bool,
        attempt: Attempt,
    ) -> Result<(ChangeTicket, u64), ActionFailure> {
        let action = command.action();
        if let Err(reason) = untrack(|| self.permission(action)) {
            return Err(ActionFailure::nothing_done(reason));
        }
        let begun = self
            .store
            .try_update_untracked(|store| {
                // Where the rules allow it, the same as asking them.
                let command = command.clone();
                let begun = match attempt {
                    Attempt::Again { on } => {
                        store.begin_change_again(id, command, idempotency_key, LOCAL_USER, now, on)
                    }
                    Attempt::New => {
                        store.begin_change(id, command, idempotency_key, LOCAL_USER, now)
                    }
                };
                begun.map(|ticket| {
                    let revision = store.pending(id).map_or(0, |p| p.seen_revision);
                    (ticket, revision)
                })
            })
            .ok_or_else(closed)?;
        if tell {
            self.store.notify();
        }
        begun.map_err(|e| {
            // Refused by the rules on what is shown now: the version changed
            // while the user looked at it (a poll, another tab). Say who did it.
            let (current, pending) = self.store.with_untracked(|store| {
                (store.shown().get(id).cloned(), store.pending(id).is_some())
            });
            match (&e, current) {
                (ActionError::Refused(_), Some(current)) if !pending => ActionFailure {
                    shows_current: true,
                    ..ActionFailure::nothing_done(changed_meanwhile(
                        self.words.untracked_locale(),
                        &current,
                        now,
                        action_error_phrase(&e),
                    ))
                },
                _ => ActionFailure::nothing_done(action_error_phrase(&e)),
            }
        })
    }

    /// Sends changes the user confirmed but the console had not sent yet
    /// (a bulk run's waiting versions) as it is unmounted: each is still
    /// asked of the rules on what is shown now, then sent one after the
    /// other to its end, retries included, with nobody left to take the
    /// answers (over HTTP, a new version or a duplicate is not: see
    /// `HttpBackend::apply`).
    pub fn send_unanswered(&self, changes: Vec<Dispatch>) {
        let now = clock::now();
        let ready: Vec<_> = changes
            .into_iter()
            .filter_map(|change| {
                let ahead = self.store.with_untracked(|store| {
                    let seen = store.shown().get(&change.id).cloned();
                    seen.filter(|_| store.shown_ahead(&change.id))
                });
                let (_, revision) = self
                    .begin(
                        &change.id,
                        &change.command,
                        &change.idempotency_key,
                        now,
                        false,
                        change.attempt,
                    )
                    .ok()?;
                Some((change, revision, ahead))
            })
            .collect();
        let Some(backend) = self.backend.try_get_value().filter(|_| !ready.is_empty()) else {
            return;
        };
        let on_its_way = OnItsWay::begin();
        spawn_local(async move {
            for (change, revision, ahead) in ready {
                let sent = Change {
                    id: &change.id,
                    command: change.command,
                    revision,
                    idempotency_key: &change.idempotency_key,
                    by: LOCAL_USER,
                    at: now,
                };
                let _ = apply_as_seen(&backend, sent, ahead.as_ref()).await;
            }
            drop(on_its_way);
        });
    }

    pub async fn reset(&self) -> Result<(), ActionFailure> {
        let backend = self.backend.get_value();
        let reset = backend.reset(clock::now()).await;
        if self.gone() {
            return Ok(());
        }
        match reset {
            Ok(Some(catalog)) => {
                // The new data set is the one shown: the next poll is not
                // another reset (which would drop a change made meanwhile).
                self.data_set.set_value(backend.data_set());
                self.store.update(|store| store.reset(catalog));
            }
            Ok(None) => {}
            Err(error) => return Err(ActionFailure::nothing_done(error.message)),
        }
        change(self.warning, backend.warning());
        Ok(())
    }
}

/// Sends `change`. Refused because the version moved on (412) while it was
/// shown ahead of what is confirmed (`ahead`: the version as the user saw
/// it), and the server's copy is that version as seen, it is sent once more
/// at the server's revision, under the same key: a refused request changed
/// nothing and is judged afresh (`journey_sync::moved_on_as_seen`). Returns
/// the answer and the revision the change was last sent with.
async fn apply_as_seen(
    backend: &Backend,
    change: Change<'_>,
    ahead: Option<&JourneyVersion>,
) -> (Result<Applied, BackendError>, u64) {
    let sent = change.revision;
    let result = backend.apply(change.clone()).await;
    let current = match (&result, ahead) {
        (Err(error), Some(seen)) if error.kind == ErrorKind::Conflict => error
            .current
            .as_deref()
            .filter(|current| moved_on_as_seen(seen, sent, current)),
        _ => None,
    };
    match current {
        Some(current) => {
            let revision = current.revision;
            let again = Change { revision, ..change };
            (backend.apply(again).await, revision)
        }
        None => (result, sent),
    }
}

fn closed() -> ActionFailure {
    ActionFailure::nothing_done(Phrase::new("sync-console-closed"))
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
fn explain(
    locale: Locale,
    error: &BackendError,
    seen: &JourneyVersion,
    now: DateTime<Utc>,
) -> Phrase {
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
    changed_meanwhile(locale, current, now, error.message.clone())
}

/// "Olga Operator stopped this journey 2 minutes ago; it is stopped now.",
/// then `why`.
fn changed_meanwhile(
    locale: Locale,
    current: &JourneyVersion,
    now: DateTime<Utc>,
    why: Phrase,
) -> Phrase {
    // The relative time is the browser's (Intl), in the language of the
    // moment it was said.
    let when = format::relative(locale, current.updated_at, now.max(current.updated_at));
    let who = Phrase::new("sync-who-changed")
        .with("by", current.updated_by.as_str())
        .with("phase", phase_key(current.phase()))
        .with("when", when);
    Phrase::new("sync-changed-meanwhile")
        .with("who", who)
        .with("why", why)
}

/// The store of the running console, provided by `App`.
pub fn use_journeys() -> Journeys {
    expect_context::<Journeys>()
}
