//! Tabs take turns acting on the shared demo data, each on what every tab
//! before it did.
//!
//! localStorage cannot give that: a browser hands one tab's write to the other
//! tabs' processes a moment later, so a tab whose turn comes right after
//! another's may still read the copy from before it (in Chromium, under a Web
//! Lock too), act on it, and confirm an action that was no longer possible.
//! An IndexedDB read-write transaction can: the browser runs the transactions
//! on one store one at a time, across every tab of the origin, and each reads
//! what the ones before it wrote. So a turn is a transaction: read the copy the
//! last action left, act, write the copy back, all in one.

use std::cell::RefCell;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "journey-console";
const STORE: &str = "after-last-action";

/// The turns of every tab, on one database opened once.
#[derive(Default)]
pub struct TabTurns {
    database: RefCell<Option<IdbDatabase>>,
}

impl TabTurns {
    /// Waits for this tab's turn on `key`, then calls `act` once with the copy
    /// the last action left there (none before the first) and writes what
    /// `act` returns in its place, in the same turn.
    ///
    /// `Err` when there is no IndexedDB to take turns on (some private
    /// modes, storage turned off) or the turn could not be had; whether `act`
    /// ran then, the caller knows from `act` itself.
    pub async fn take(
        &self,
        key: &str,
        act: impl FnOnce(Option<String>) -> Option<String> + 'static,
    ) -> Result<(), JsValue> {
        let database = self.open().await?;
        let turn = database
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .inspect_err(|_| {
                // Closed by the browser (its data cleared): opened again next time.
                self.database.take();
            })?;
        let store = turn.object_store(STORE)?;
        let read = store.get(&key.into())?;
        let (read_back, key) = (read.clone(), JsValue::from(key));
        // Runs inside the transaction, which stays open for the write.
        let on_read = Closure::once_into_js(move || {
            let stored = read_back.result().ok().and_then(|copy| copy.as_string());
            if let Some(copy) = act(stored) {
                let _ = store.put_with_key(&copy.into(), &key);
            }
        });
        read.set_onsuccess(Some(on_read.unchecked_ref()));
        // The turn ends when the transaction is written, or given up.
        let ended = Promise::new(&mut |done, failed| {
            turn.set_oncomplete(Some(&done));
            turn.set_onerror(Some(&failed));
            turn.set_onabort(Some(&failed));
        });
        JsFuture::from(ended).await.map(drop)
    }

    async fn open(&self) -> Result<IdbDatabase, JsValue> {
        if let Some(database) = &*self.database.borrow() {
            return Ok(database.clone());
        }
        let factory = web_sys::window()
            .ok_or(JsValue::NULL)?
            .indexed_db()?
            .ok_or(JsValue::NULL)?;
        // Version 1 for good: a new layout takes a new database name, as a
        // version change would wait for every tab that has this one open.
        let request = factory.open_with_u32(DATABASE, 1)?;
        let creating = request.clone();
        // The first tab ever to open it makes the store.
        let create = Closure::once_into_js(move || {
            if let Ok(database) = creating.result() {
                let _ = database
                    .unchecked_into::<IdbDatabase>()
                    .create_object_store(STORE);
            }
        });
        request.set_onupgradeneeded(Some(create.unchecked_ref()));
        settled(&request).await?;
        let database: IdbDatabase = request.result()?.unchecked_into();
        *self.database.borrow_mut() = Some(database.clone());
        Ok(database)
    }
}

/// When `request` has succeeded or failed.
async fn settled(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let answered = Promise::new(&mut |done, failed| {
        request.set_onsuccess(Some(&done));
        request.set_onerror(Some(&failed));
    });
    JsFuture::from(answered).await
}
