//! The default backend: journeys kept in the browser (localStorage), seeded with
//! demo data, and moved by the lifecycle crate's simulation, so a marketer can
//! try Finish and Stop on journeys that really fill up and drain.
//!
//! Several tabs share the one saved copy. No tab ever overwrites it with an
//! older state: every tab merges version by version (`journey_sync::merge`: the
//! higher revision wins), hears the others' writes through the `storage` event
//! at once, and writes back whatever the stored copy lacks. Actions take
//! turns across the tabs (`tab_turns`), each on what the ones before it did.
//! One tab at a time (the holder of a Web Lock, where the browser has them)
//! keeps the customer counts; the others show its counts as they arrive.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use chrono::{DateTime, Duration, Utc};
use journey_sync::{merge, BackendError, Epoch, ErrorKind, TabData};
use lifecycle::{demo, Applied, Catalog, Command, JourneyVersion, Simulation, SimulationSettings};
use runtime_config::EmbeddedSettings;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wording::{Arg, Phrase};

use super::tab_turns::{last_copy, take_turn, Act};
use crate::clock;

/// The simulation state is saved at most this often; what happens in between is
/// recomputed from elapsed time after a reload, so nothing is lost by waiting.
/// Actions are saved at once.
const SAVE_INTERVAL_SECONDS: i64 = 10;

const SEED: u64 = 20_261_125;

/// As stored. Data saved before tabs were merged has no epoch and no
/// deletions; it reads as the first epoch.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SavedState {
    #[serde(default = "first_epoch")]
    epoch: Epoch,
    catalog: Catalog,
    #[serde(default)]
    deleted: std::collections::BTreeMap<String, u64>,
    simulation: Simulation,
    #[serde(deserialize_with = "lifecycle::rfc3339::deserialize")]
    advanced_at: DateTime<Utc>,
}

fn first_epoch() -> Epoch {
    Epoch {
        started_at: DateTime::UNIX_EPOCH,
        nonce: 0,
    }
}

impl SavedState {
    fn data(&self) -> TabData {
        TabData {
            epoch: self.epoch,
            catalog: self.catalog.clone(),
            deleted: self.deleted.clone(),
        }
    }

    fn take(&mut self, data: TabData) {
        self.epoch = data.epoch;
        self.catalog = data.catalog;
        self.deleted = data.deleted;
    }
}

struct Inner {
    key: String,
    state: RefCell<SavedState>,
    saved_at: Cell<DateTime<Utc>>,
    warning: RefCell<Option<Phrase>>,
    /// Holds the Web Lock: keeps the counts, saves them, wins ties on them.
    keeps_counts: Cell<bool>,
    /// Told when another tab's write brought something new.
    on_news: RefCell<Option<Box<dyn Fn()>>>,
    /// The stamp of the copy the last action left, as last read by a poll
    /// (`tab_turns::last_copy`); a number no stamp is before the first.
    last_stamp: Cell<f64>,
    /// Another tab wrote a copy this one cannot read (a newer console's,
    /// most likely): not written over, or the two would overwrite each other
    /// without end.
    unreadable_elsewhere: Cell<bool>,
    /// The saved copy was unreadable when this tab opened: its first save
    /// mends it (the copy kept aside first). Any other unreadable copy was
    /// written by another tab.
    mend_pending: Cell<bool>,
}

/// What `EmbeddedBackend::in_turn` runs: given the copy the last action
/// left, what to return and the copy to leave for the next turn.
type TurnAct<T> = Rc<dyn Fn(&Inner, Option<String>) -> (T, Option<String>)>;

pub struct EmbeddedBackend {
    settings: EmbeddedSettings,
    /// The saved copy could not be read when this tab opened.
    unreadable: Option<Phrase>,
    inner: Rc<Inner>,
    listener: Option<Closure<dyn FnMut(web_sys::StorageEvent)>>,
    /// Releases the Web Lock when the console is unmounted.
    release_lock: Option<js_sys::Function>,
}

impl EmbeddedBackend {
    /// Opens the saved demo data, or seeds new demo data when there is none.
    pub fn open(settings: EmbeddedSettings, now: DateTime<Utc>) -> EmbeddedBackend {
        let key = storage_key(&settings);
        let mut unreadable = None;
        let state = match read_saved(&key) {
            Ok(Some(state)) => state,
            // Tabs opened together on an empty store seed the same data set
            // (the first epoch), so they merge instead of one replacing the
            // other's first actions.
            Ok(None) => seed(&settings, now, first_epoch()),
            Err(problem) => {
                // The parser's words for what is wrong with the saved copy.
                unreadable = Some(match keep_unreadable(&key) {
                    Some(backup) => Phrase::new("sync-demo-data-unreadable-kept")
                        .with("problem", problem)
                        .with("key", backup),
                    None => Phrase::new("sync-demo-data-unreadable").with("problem", problem),
                });
                // The first data set, not a new one: a new one would win
                // whole over every other copy (another tab's, the one the
                // last action left in IndexedDB), undoing the actions they
                // hold. The first merges with them version by version.
                seed(&settings, now, first_epoch())
            }
        };
        let inner = Rc::new(Inner {
            key,
            state: RefCell::new(state),
            saved_at: Cell::new(now),
            warning: RefCell::new(None),
            // Until a lock says otherwise (or where there are none), every
            // tab keeps counts; the lifecycle is safe either way.
            keeps_counts: Cell::new(true),
            on_news: RefCell::new(None),
            last_stamp: Cell::new(-1.0),
            unreadable_elsewhere: Cell::new(false),
            mend_pending: Cell::new(unreadable.is_some()),
        });
        let listener = listen_to_other_tabs(&inner);
        let release_lock = take_counts_lock(&inner);
        EmbeddedBackend {
            settings,
            unreadable,
            inner,
            listener,
            release_lock,
        }
    }

    /// `news` is called whenever another tab's write changes what this tab
    /// shows, so the views refresh at once instead of at the next poll.
    pub fn on_news(&self, news: impl Fn() + 'static) {
        *self.inner.on_news.borrow_mut() = Some(Box::new(news));
    }

    /// The shared data as of `now`, with every action a tab has taken: a
    /// tab closed right after its action may have left it in IndexedDB only,
    /// its write to localStorage never handed to the other tabs.
    pub async fn snapshot(&self, now: DateTime<Utc>) -> Catalog {
        if let Some((stamp, copy)) = last_copy(&self.inner.key, self.inner.last_stamp.get()).await {
            self.inner.last_stamp.set(stamp);
            if self.inner.take_last(&copy) {
                self.inner.save(now);
            }
        }
        let falls_due =
            (self.inner.state.borrow().catalog.next_due()).is_some_and(|due| due <= now);
        // A tab that cannot read what another saved carries nothing out for
        // the others (below, for its own view only, which says to reload).
        if falls_due && !self.inner.unreadable_elsewhere.get() {
            // A pause's end or a scheduled finish is carried out in a turn,
            // as an action is: on the copy the last action left, so that a
            // cancellation another tab made a moment ago comes first and is
            // never overruled by this tab's older copy.
            return self
                .in_turn(Rc::new(move |inner: &Inner, after_last_action| {
                    let news = inner.take_newest(after_last_action);
                    // What fell due is saved by `advance`; news alone, here.
                    let copy = match inner.advance(now) {
                        Some(copy) => Some(copy),
                        None if news => inner.save(now),
                        None => None,
                    };
                    (inner.state.borrow().catalog.clone(), copy)
                }))
                .await;
        }
        self.inner.advance(now);
        self.inner.state.borrow().catalog.clone()
    }

    /// One version as the shared data has it now.
    pub fn version(&self, id: &str) -> Option<JourneyVersion> {
        self.inner.state.borrow().catalog.get(id).cloned()
    }

    /// Takes an action on the shared data, sent on revision `sent_on` (the
    /// one the user saw; `TabData::act` refuses it if another tab changed the
    /// version since). Tabs take turns (`take_turn`), and each acts on the
    /// copy the last action left, so two tabs acting at the same moment never
    /// both act on the same old state, one of them then silently overruled
    /// after being told its action was made.
    pub async fn apply(
        &self,
        id: &str,
        command: Command,
        sent_on: u64,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<Applied, BackendError> {
        let (id, by) = (id.to_owned(), by.to_owned());
        self.in_turn(Rc::new(move |inner: &Inner, after_last_action| {
            inner.apply_now(&id, command.clone(), sent_on, &by, now, after_last_action)
        }))
        .await
    }

    /// A new data set for every tab, in a turn of its own so that no action
    /// is taken on the old one after it.
    pub async fn reset(&self, now: DateTime<Utc>) -> Catalog {
        let settings = self.settings.clone();
        self.in_turn(Rc::new(move |inner: &Inner, _| {
            *inner.state.borrow_mut() = seed(&settings, now, new_epoch(now));
            let copy = inner.save(now);
            (inner.state.borrow().catalog.clone(), copy)
        }))
        .await
    }

    /// Runs `act` in this tab's turn, with the copy the last action left;
    /// what it returns to keep becomes the copy the next turn reads. Where no
    /// turn can be had (no IndexedDB: storage turned off; or none within
    /// `tab_turns`' wait, IndexedDB not answering), it runs at once, on what
    /// this tab's localStorage shows of the other tabs' actions.
    async fn in_turn<T: 'static>(&self, act: TurnAct<T>) -> T {
        let done: Rc<RefCell<Option<T>>> = Rc::default();
        let turn: Act = {
            let (inner, act, done) = (self.inner.clone(), act.clone(), done.clone());
            Box::new(move |after_last_action| {
                let (result, copy) = act(&inner, after_last_action);
                *done.borrow_mut() = Some(result);
                copy
            })
        };
        take_turn(&self.inner.key, turn).await;
        let taken = done.borrow_mut().take();
        taken.unwrap_or_else(|| act(&self.inner, None).0)
    }

    /// A save that failed, or else a saved copy this tab could not read when
    /// it opened (said for as long as the tab runs: a later save mends the
    /// copy, not what the user was not shown).
    pub fn warning(&self) -> Option<Phrase> {
        (self.inner.warning.borrow().clone()).or_else(|| self.unreadable.clone())
    }

    /// Which data set the tabs share now; another tab's reset starts a new one.
    pub fn epoch(&self) -> Epoch {
        self.inner.state.borrow().epoch
    }
}

impl Drop for EmbeddedBackend {
    fn drop(&mut self) {
        if let (Some(listener), Some(window)) = (self.listener.take(), web_sys::window()) {
            let _ = window
                .remove_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
        }
        if let Some(release) = self.release_lock.take() {
            let _ = release.call0(&JsValue::NULL);
        }
    }
}

impl Inner {
    /// Acts on the newest copy this tab can read (its own, merged with the
    /// stored one and with the copy the last action left, if it has it) and
    /// saves; an action made comes with the copy saved.
    fn apply_now(
        &self,
        id: &str,
        command: Command,
        sent_on: u64,
        by: &str,
        now: DateTime<Utc>,
        after_last_action: Option<String>,
    ) -> (Result<Applied, BackendError>, Option<String>) {
        // What this tab shows may lack what the other tab did, and its copy
        // would go without it: no action until it is reloaded.
        if self.unreadable_elsewhere.get() {
            let reload = Phrase::new("sync-demo-data-reload-first");
            return (Err(BackendError::new(ErrorKind::Refused, reload)), None);
        }
        self.take_newest(after_last_action);
        self.advance(now);
        let mut data = self.state.borrow().data();
        match data.act(id, command, sent_on, by, now) {
            Ok(applied) => {
                self.state.borrow_mut().take(data);
                (Ok(applied), self.save(now))
            }
            Err(error) => (Err(error), None),
        }
    }

    /// Merges in the newest copies this tab can read, in its turn: the
    /// stored one (another tab may have written a moment ago, its event not
    /// here yet) and the one the last action left. Returns whether the
    /// latter brought news.
    fn take_newest(&self, after_last_action: Option<String>) -> bool {
        self.catch_up();
        after_last_action.is_some_and(|copy| self.take_last(&copy))
    }

    /// Merges in the lifecycle of the copy the last action left: its counts
    /// are as old as that action, so ours win ties. Returns whether it
    /// brought news.
    fn take_last(&self, copy: &str) -> bool {
        serde_json::from_str::<SavedState>(copy).is_ok_and(|last| {
            let merged = merge(&self.state.borrow().data(), &last.data());
            self.state.borrow_mut().take(merged.data);
            merged.theirs_newer
        })
    }

    /// Moves the demo on to `now`: what fell due, then the customers. Returns
    /// the copy saved, when it saved.
    fn advance(&self, now: DateTime<Utc>) -> Option<String> {
        let scheduled = {
            let mut state = self.state.borrow_mut();
            let elapsed = now - state.advanced_at;
            if elapsed <= Duration::zero() {
                return None;
            }
            let SavedState {
                catalog,
                simulation,
                advanced_at,
                ..
            } = &mut *state;
            // Pause ends and scheduled finishes first, as a server does. Every
            // tab reaches the same result (each is stamped with the time it
            // fell due and the person who set it), so tabs agree when they merge.
            let scheduled = !catalog.run_due(now).is_empty();
            simulation.advance(catalog, elapsed, now);
            *advanced_at = now;
            scheduled
        };
        let due = now - self.saved_at.get() >= Duration::seconds(SAVE_INTERVAL_SECONDS);
        if scheduled || due && self.keeps_counts.get() {
            return self.save(now);
        }
        None
    }

    /// Merges another tab's copy into ours. Returns whether theirs brought
    /// news for this tab, and whether ours has news the stored copy lacks.
    fn merge_in(&self, theirs: &TabData) -> (bool, bool) {
        let ours = self.state.borrow().data();
        // A tie on a version (same lifecycle) keeps the first copy's counts:
        // this tab's if it keeps the counts, the stored ones otherwise.
        let (news_here, news_there, data) = if self.keeps_counts.get() {
            let merged = merge(&ours, theirs);
            (merged.theirs_newer, merged.ours_newer, merged.data)
        } else {
            let merged = merge(theirs, &ours);
            (merged.ours_newer, merged.theirs_newer, merged.data)
        };
        self.state.borrow_mut().take(data);
        (news_here, news_there)
    }

    /// Reads the stored copy and merges it in; an unreadable one is left for
    /// `save`, which keeps it aside.
    fn catch_up(&self) {
        if let Ok(Some(stored)) = read_saved(&self.key) {
            self.merge_in(&stored.data());
        }
    }

    /// Another tab wrote `json`.
    fn hear(&self, json: Option<String>) {
        let news = match json.as_deref().map(serde_json::from_str::<SavedState>) {
            Some(Ok(theirs)) => {
                if self.unreadable_elsewhere.replace(false) {
                    *self.warning.borrow_mut() = None;
                }
                let (news_here, news_there) = self.merge_in(&theirs.data());
                if news_here || news_there {
                    // Our write may have crossed theirs: write the merge, so
                    // the stored copy has every tab's latest lifecycle.
                    self.save(clock::now());
                }
                news_here
            }
            // Written in a form this tab cannot read: left as it is, the
            // user told to reload, and no action taken until then
            // (`apply_now`).
            Some(Err(problem)) => {
                self.left_as_it_is(problem.to_string());
                false
            }
            // Removed (storage cleared): put ours back.
            None => {
                self.save(clock::now());
                false
            }
        };
        if news {
            if let Some(news) = &*self.on_news.borrow() {
                news();
            }
        }
    }

    /// Writes our copy merged with the stored one, so that nothing another
    /// tab wrote is lost. A full or refusing storage keeps the stored copy as
    /// it was and says so; nothing in memory is lost either. Returns the copy
    /// it wrote, or would have.
    fn save(&self, now: DateTime<Utc>) -> Option<String> {
        self.saved_at.set(now);
        match read_saved(&self.key) {
            Ok(Some(stored)) => {
                // Readable again (written over by a console that can): this
                // tab takes part again.
                self.unreadable_elsewhere.set(false);
                self.merge_in(&stored.data());
            }
            Ok(None) => {}
            // Unreadable when this tab opened: kept aside, and mended.
            Err(_) if self.mend_pending.get() => {
                keep_unreadable(&self.key);
            }
            Err(problem) => {
                self.left_as_it_is(problem);
                return serde_json::to_string(&*self.state.borrow()).ok();
            }
        }
        let copy =
            serde_json::to_string(&*self.state.borrow()).map_err(|e| Arg::from(e.to_string()));
        let result = copy
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|json| write(&self.key, json));
        if result.is_ok() {
            self.mend_pending.set(false);
        }
        *self.warning.borrow_mut() = result
            .err()
            .map(|problem| Phrase::new("sync-demo-data-not-saved").with("problem", problem));
        copy.ok()
    }

    /// Another tab wrote a copy this one cannot read: it is not written
    /// over, and the user is told to reload.
    fn left_as_it_is(&self, problem: String) {
        self.unreadable_elsewhere.set(true);
        *self.warning.borrow_mut() =
            Some(Phrase::new("sync-demo-data-written-elsewhere").with("problem", problem));
    }
}

/// Hears the writes of the other tabs (the `storage` event fires in every
/// tab but the writer's).
fn listen_to_other_tabs(inner: &Rc<Inner>) -> Option<Closure<dyn FnMut(web_sys::StorageEvent)>> {
    let window = web_sys::window()?;
    let weak: Weak<Inner> = Rc::downgrade(inner);
    let listener =
        Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            let Some(inner) = weak.upgrade() else { return };
            // A `clear()` has no key: it concerns us too.
            if event.key().is_none_or(|key| key == inner.key) {
                inner.hear(event.new_value());
            }
        });
    window
        .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref())
        .ok()?;
    Some(listener)
}

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks.request(name, callback)`, from the Web Locks API
    /// (web-sys has it only behind its unstable-API flag): the lock is held
    /// while the promise `granted` returns is pending. Throws where the
    /// browser has no Web Locks (insecure contexts).
    #[wasm_bindgen(js_namespace = ["navigator", "locks"], js_name = request, catch)]
    fn request_lock(
        name: &str,
        granted: &Closure<dyn FnMut(JsValue) -> js_sys::Promise>,
    ) -> Result<js_sys::Promise, JsValue>;
}

/// Where the counts lock stands for this console.
enum CountsLock {
    Waiting,
    /// Granted: held until this function is called.
    Held(js_sys::Function),
    /// Let go, or to be let go at once if granted later.
    Released,
}

/// Asks for the lock that makes one tab the keeper of the customer counts.
/// Held until the returned function is called (unmount) or the tab closes;
/// the next tab waiting then gets it.
fn take_counts_lock(inner: &Rc<Inner>) -> Option<js_sys::Function> {
    let lock = Rc::new(RefCell::new(CountsLock::Waiting));
    let weak = Rc::downgrade(inner);
    let held = lock.clone();
    let granted = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |_lock| {
        // Granted after the console was unmounted (it was waiting for a tab
        // that has since closed): let go at once, or no tab could keep the
        // counts until this one closes.
        if matches!(*held.borrow(), CountsLock::Released) {
            return js_sys::Promise::resolve(&JsValue::UNDEFINED);
        }
        if let Some(inner) = weak.upgrade() {
            inner.keeps_counts.set(true);
        }
        // The lock is held while this promise is pending.
        let held = held.clone();
        js_sys::Promise::new(&mut move |resolve, _reject| {
            *held.borrow_mut() = CountsLock::Held(resolve);
        })
    });
    let name = format!("{}.counts", inner.key);
    let _pending = request_lock(&name, &granted).ok()?;
    // Waiting for the lock: another tab keeps the counts.
    if matches!(*lock.borrow(), CountsLock::Waiting) {
        inner.keeps_counts.set(false);
    }
    // The callback must outlive this call; it runs once, when granted.
    granted.forget();
    let releaser = Closure::<dyn Fn()>::new(move || {
        if let CountsLock::Held(resolve) = lock.replace(CountsLock::Released) {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    Some(releaser.into_js_value().unchecked_into())
}

/// A reset is a new data set: every tab takes it whole.
fn new_epoch(now: DateTime<Utc>) -> Epoch {
    Epoch {
        started_at: now,
        nonce: (js_sys::Math::random() * 2f64.powi(53)) as u64,
    }
}

fn seed(settings: &EmbeddedSettings, now: DateTime<Utc>, epoch: Epoch) -> SavedState {
    let catalog = match settings.demo_journeys {
        Some(count) => demo::large_catalog(now, count as usize, SEED),
        None => demo::catalog(now, SEED),
    };
    SavedState {
        epoch,
        catalog,
        deleted: Default::default(),
        simulation: Simulation::new(SEED, SimulationSettings::default()),
        advanced_at: now,
    }
}

/// Each size of demo data keeps its own saved copy.
fn storage_key(settings: &EmbeddedSettings) -> String {
    match settings.demo_journeys {
        Some(count) => format!("journey-console.embedded.v1.generated-{count}"),
        None => "journey-console.embedded.v1".into(),
    }
}

/// The browser's localStorage, or why there is none.
fn local_storage() -> Result<web_sys::Storage, Phrase> {
    web_sys::window()
        .ok_or_else(|| Phrase::new("sync-storage-no-window"))?
        .local_storage()
        .map_err(|_| Phrase::new("sync-storage-unavailable"))?
        .ok_or_else(|| Phrase::new("sync-storage-turned-off"))
}

fn read_saved(key: &str) -> Result<Option<SavedState>, String> {
    let Ok(storage) = local_storage() else {
        return Ok(None);
    };
    match storage.get_item(key) {
        Ok(Some(json)) => serde_json::from_str(&json)
            .map(Some)
            .map_err(|e| e.to_string()),
        _ => Ok(None),
    }
}

/// Moves unreadable saved data aside instead of overwriting it; returns the
/// key it is kept under, if it could be kept.
fn keep_unreadable(key: &str) -> Option<String> {
    let backup = format!("{key}.unreadable");
    let storage = local_storage().ok()?;
    let json = storage.get_item(key).ok().flatten()?;
    storage.set_item(&backup, &json).ok()?;
    Some(backup)
}

/// Saves `json` under `key`; why not, in the browser's words when it gives any.
fn write(key: &str, json: &str) -> Result<(), Arg> {
    local_storage()?.set_item(key, json).map_err(|e| {
        e.as_string()
            .or_else(|| {
                js_sys::Reflect::get(&e, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
            })
            .map_or_else(
                || Phrase::new("sync-storage-refused-write").into(),
                Arg::from,
            )
    })
}
