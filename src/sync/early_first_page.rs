//! The list's first page as web/boot.js asked for it, as soon as config.json
//! said where the journeys are: on a slow network it then arrives while the
//! code downloads, instead of being asked for only once the code runs.
//!
//! web/boot.js builds that request in JavaScript, so the console takes its
//! answer only for the very request it would make itself (the same address,
//! the same token) and only when it is a whole 200; otherwise it asks again,
//! with its own deadline and retries. At worst the early request was wasted.
//!
//! web/boot.js hands the answer over read (`{ status, contentType, etag,
//! body }`): reading a response's body takes tasks of their own, which the
//! browser runs only when the main thread is free, and the console starts
//! once it is in (`arrived`), or a moment later at most.

use std::time::Duration;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::asked_by_boot;

const KEY: &str = "journeyConsoleFirstPage";
/// A promise web/boot.js settles once that answer is in, failed, or was never asked for.
const ARRIVED_KEY: &str = "journeyConsoleFirstPageIn";

/// How long the console's start waits for that answer once its code is
/// ready. On loopback the answer and the code arrive together, and started
/// with the page in hand, the console draws Home with its rows in one go:
/// about 20 ms sooner (bench/RESULTS.md). A server slower than this
/// only delays the console's header by as much; the list says it is loading.
const LONGEST_WAIT: Duration = Duration::from_millis(100);

/// web/boot.js's request for the first page; taken once, at the first load.
pub struct EarlyFirstPage(js_sys::Promise);

/// A 200 to the first page, read whole.
pub struct EarlyAnswer {
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub body: String,
}

impl EarlyFirstPage {
    /// What web/boot.js left (none when it did not start the console, as in a
    /// host page).
    pub fn take() -> Option<EarlyFirstPage> {
        asked_by_boot::take(KEY).map(EarlyFirstPage)
    }

    /// Waits until web/boot.js's answer is in (or failed), for at most
    /// `LONGEST_WAIT`; at once when it asked for nothing.
    pub async fn arrived() {
        let Some(answered) = asked_by_boot::peek(ARRIVED_KEY) else {
            return;
        };
        let deadline = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    &resolve,
                    LONGEST_WAIT.as_millis() as i32,
                );
            }
        });
        let first = js_sys::Promise::race(&js_sys::Array::of2(&answered, &deadline));
        let _ = JsFuture::from(first).await;
    }

    /// The answer to `url` sent with `token`, if that is the request
    /// web/boot.js made and it was answered 200.
    pub async fn answer_to(self, url: &str, token: Option<&str>) -> Option<EarlyAnswer> {
        // { url, token, answer } once config.json was read; undefined when it
        // named no HTTP backend (the console then never gets here).
        let asked = JsFuture::from(self.0).await.ok()?;
        let same_request = text(&asked, "url").as_deref() == Some(url)
            && text(&asked, "token").as_deref() == token;
        if !same_request {
            return None;
        }
        let answer = asked_by_boot::field(&asked, "answer")?;
        let answer = JsFuture::from(js_sys::Promise::resolve(&answer))
            .await
            .ok()?;
        let status = asked_by_boot::field(&answer, "status")?.as_f64()?;
        if status != 200.0 {
            return None;
        }
        Some(EarlyAnswer {
            content_type: text(&answer, "contentType"),
            etag: text(&answer, "etag"),
            body: text(&answer, "body")?,
        })
    }
}

fn text(object: &JsValue, name: &str) -> Option<String> {
    asked_by_boot::field(object, name)?.as_string()
}
