//! Tells an embedding host what the user did, as DOM events on the host's
//! element, so it can update its own chrome:
//! `journey-finished`, `journey-stopped`, `journey-published`,
//! `journey-deleted` and `journey-created` (a new version or a duplicate),
//! each with `detail: {id, journeyId, name, version, status}`.

use leptos::prelude::*;
use lifecycle::{Action, Applied, JourneyVersion, Outcome};
use wasm_bindgen::JsValue;

#[derive(Clone, Copy)]
pub struct HostEvents(StoredValue<Option<web_sys::HtmlElement>, LocalStorage>);

impl HostEvents {
    pub fn new(host: Option<web_sys::HtmlElement>) -> HostEvents {
        HostEvents(StoredValue::new_local(host))
    }

    /// Announces a change the user made; `before` is the version acted on.
    pub fn announce(&self, before: &JourneyVersion, applied: &Applied) {
        let Some(host) = self.0.get_value() else {
            return;
        };
        let name = match applied.action {
            Action::Finish => "journey-finished",
            Action::Stop => "journey-stopped",
            Action::Publish => "journey-published",
            Action::Delete => "journey-deleted",
            Action::NewVersion | Action::Duplicate => "journey-created",
            Action::Resume | Action::Restart => return,
        };
        let version = match &applied.outcome {
            Outcome::Updated { version } | Outcome::Created { version } => version,
            Outcome::Deleted { .. } => before,
        };
        let detail = serde_json::json!({
            "id": version.id,
            "journeyId": version.journey_id,
            "name": version.name,
            "version": version.version,
            "status": version.status,
        });
        let detail = js_sys::JSON::parse(&detail.to_string()).unwrap_or(JsValue::NULL);
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}
