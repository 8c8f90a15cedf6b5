//! Tabs take turns acting on the shared demo data, each on what every tab
//! before it did.
//!
//! localStorage cannot give that: a browser hands one tab's write to the other
//! tabs' processes a moment later, so a tab whose turn comes right after
//! another's may still read the copy from before it (in Chromium, under a Web
//! Lock too), act on it, and confirm an action that was no longer possible.
//! An IndexedDB read-write transaction can: the browser runs the read-write
//! transactions on one store one at a time, across every tab of the origin,
//! and each reads what the ones before it wrote. So a turn is a transaction:
//! read the copy the last action left, act, write the copy back, all in one.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "journey-console";
const STORE: &str = "after-last-action";

/// How long a tab waits for its turn, or for a read, before doing without:
/// a browser whose IndexedDB never answers must not hold up an action, or the
/// polls, for good. A turn takes milliseconds.
const TURN_WAIT_MS: i32 = 5_000;

/// What a tab does in its turn: given the copy the last action left, it
/// returns the copy to leave for the next.
pub type Act = Box<dyn FnOnce(Option<String>) -> Option<String>>;

/// Waits for this tab's turn on `key`, then calls `act` with the copy the
/// last action left there (none before the first) and writes what `act`
/// returns in its place, in the same turn.
///
/// `act` runs at most once, and only before this returns: when it has not run
/// by then (no IndexedDB here, storage turned off, or no turn within
/// `TURN_WAIT_MS`), it never will. Whether it ran, the caller learns from
/// `act` itself.
pub async fn take_turn(key: &str, act: Act) {
    let waiting = Rc::new(RefCell::new(Some(act)));
    let _ = take_with(key, waiting.clone()).await;
    // An answer that never came keeps `act` from running later.
    waiting.take();
}

async fn take_with(key: &str, waiting: Rc<RefCell<Option<Act>>>) -> Result<(), JsValue> {
    // A connection per turn: actions are few, and one kept open could be
    // closed under it (the site's data cleared).
    let database = open().await?;
    let turn = database.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite);
    // Closed once the turn is over.
    database.close();
    let turn = turn?;
    let store = turn.object_store(STORE)?;
    let read = store.get(&key.into())?;
    let (read_back, stamp_key) = (read.clone(), JsValue::from(stamp_of(key)));
    let key = JsValue::from(key);
    // Runs inside the transaction, which stays open for the write. Left to
    // JS: it may still be called after a turn waited for in vain (it then
    // finds nothing to do).
    let on_read = Closure::once_into_js(move || {
        let Some(act) = waiting.take() else { return };
        let stored = read_back.result().ok().and_then(|copy| copy.as_string());
        if let Some(copy) = act(stored) {
            // Not written (storage full): the next turn reads the copy
            // before, merged with what it finds in localStorage.
            let _ = store.put_with_key(&copy.into(), &key);
            let _ = store.put_with_key(&js_sys::Math::random().into(), &stamp_key);
        }
    });
    read.set_onsuccess(Some(on_read.unchecked_ref()));
    // The turn ends when the transaction is written, or given up.
    let ended = Promise::new(&mut |done, failed| {
        turn.set_oncomplete(Some(&done));
        turn.set_onerror(Some(&failed));
        turn.set_onabort(Some(&failed));
    });
    within_wait(ended).await.map(drop)
}

/// The copy the last action left under `key`, with its stamp, unless its
/// stamp is `known` (the copy read last): read without taking a turn (after a
/// turn already under way). None before the first action, where there is no
/// IndexedDB, or when it does not answer.
pub async fn last_copy(key: &str, known: f64) -> Option<(f64, String)> {
    // The stamp first: a copy can be large, and mostly it has not changed.
    let stamp = read(&stamp_of(key)).await?.as_f64()?;
    if stamp == known {
        return None;
    }
    let copy = read(key).await?.as_string()?;
    Some((stamp, copy))
}

/// Each copy is written with a new random stamp beside it.
fn stamp_of(key: &str) -> String {
    format!("{key}.stamp")
}

/// What the store holds under `key`, in a read-only transaction of its own.
async fn read(key: &str) -> Option<JsValue> {
    let database = open().await.ok()?;
    let reading = database.transaction_with_str(STORE);
    database.close();
    let read = reading
        .ok()?
        .object_store(STORE)
        .ok()?
        .get(&key.into())
        .ok()?;
    within_wait(answer(&read)).await.ok()?;
    read.result().ok()
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or(JsValue::NULL)?
        .indexed_db()?
        .ok_or(JsValue::NULL)?;
    // Version 1 for good: a new layout takes a new database name, since
    // nothing here answers a version change.
    let request = factory.open_with_u32(DATABASE, 1)?;
    let creating = request.clone();
    // The first tab ever to open it makes the store.
    let create = Closure::once(move || {
        if let Ok(database) = creating.result() {
            let _ = database
                .unchecked_into::<IdbDatabase>()
                .create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(create.as_ref().unchecked_ref()));
    let opened = within_wait(answer(&request)).await;
    // An upgrade comes before the request's answer; one later than the wait
    // finds the handler gone, fails, and the next open makes the store.
    drop(create);
    opened?;
    Ok(request.result()?.unchecked_into())
}

/// Settles when `request` has succeeded or failed.
fn answer(request: &IdbRequest) -> Promise {
    Promise::new(&mut |done, failed| {
        request.set_onsuccess(Some(&done));
        request.set_onerror(Some(&failed));
    })
}

/// `promise`, given up after `TURN_WAIT_MS`.
async fn within_wait(promise: Promise) -> Result<JsValue, JsValue> {
    let given_up = Promise::new(&mut |_, failed| {
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&failed, TURN_WAIT_MS);
        }
    });
    JsFuture::from(Promise::race(&js_sys::Array::of2(&promise, &given_up))).await
}
