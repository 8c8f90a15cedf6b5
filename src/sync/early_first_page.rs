//! The list's first page as web/boot.js asked for it, as soon as config.json
//! said where the journeys are: on a slow network it then arrives while the
//! code downloads, instead of being asked for only once the code runs.
//!
//! web/boot.js builds that request in JavaScript, so the console takes its
//! answer only for the very request it would make itself (the same address,
//! the same token) and only when it is a whole 200; otherwise it asks again,
//! with its own deadline and retries. At worst the early request was wasted.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::asked_by_boot;

/// web/boot.js's request for the first page; taken once, at the first load.
pub struct EarlyFirstPage(js_sys::Promise);

impl EarlyFirstPage {
    /// What web/boot.js left (none when it did not start the console, as in a
    /// host page).
    pub fn take() -> Option<EarlyFirstPage> {
        asked_by_boot::take("journeyConsoleFirstPage").map(EarlyFirstPage)
    }

    /// The response to `url` sent with `token`, if that is the request
    /// web/boot.js made and it was answered 200; the body is not read yet.
    pub async fn response_to(self, url: &str, token: Option<&str>) -> Option<web_sys::Response> {
        // { url, token, answer } once config.json was read; undefined when it
        // named no HTTP backend (the console then never gets here).
        let asked = JsFuture::from(self.0).await.ok()?;
        let field = |name: &str| js_sys::Reflect::get(&asked, &name.into()).ok();
        let same_request = field("url")?.as_string().as_deref() == Some(url)
            && field("token")?.as_string().as_deref() == token;
        if !same_request {
            return None;
        }
        let answer = field("answer")?.dyn_into::<js_sys::Promise>().ok()?;
        let response = JsFuture::from(answer)
            .await
            .ok()?
            .dyn_into::<web_sys::Response>()
            .ok()?;
        (response.status() == 200).then_some(response)
    }
}
