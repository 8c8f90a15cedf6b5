//! Tells an embedding host what the user did, as DOM events on the host's
//! element, so it can update its own chrome:
//! `journey-finished`, `journey-stopped`, `journey-published`,
//! `journey-deleted`, `journey-created` (a new version or a duplicate),
//! `journey-paused`, `journey-resumed` and `journey-finish-scheduled` (set,
//! changed or cancelled), each with `detail: {id, journeyId, name, version, status}`.

use leptos::prelude::*;
use lifecycle::{Action, Applied, JourneyVersion, Outcome, Status};
use serde::Serialize;
use wasm_bindgen::JsValue;

/// An event's `detail`. A struct rather than `serde_json::json!`, whose
/// `Value` would bring a second JSON serializer into the console.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Detail<'a> {
    id: &'a str,
    journey_id: &'a str,
    name: &'a str,
    version: u32,
    status: Status,
}

#[derive(Clone, Copy)]
pub struct HostEvents(StoredValue<Option<web_sys::HtmlElement>, LocalStorage>);

impl HostEvents {
    pub fn new(host: Option<web_sys::HtmlElement>) -> HostEvents {
        HostEvents(StoredValue::new_local(host))
    }

    /// Announces a change the user made; `before` is the version acted on.
    ///
    /// The event goes out once the console has finished taking the answer
    /// in (a microtask later): a host may remove the console in its handler,
    /// and the console must not be taken down halfway through. Nothing is
    /// announced by a console already unmounted.
    pub fn announce(&self, before: &JourneyVersion, applied: &Applied) {
        let Some(host) = self.0.try_get_value().flatten() else {
            return;
        };
        let name = match applied.action {
            Action::Finish => "journey-finished",
            Action::Stop => "journey-stopped",
            Action::Publish => "journey-published",
            Action::Delete => "journey-deleted",
            Action::NewVersion | Action::Duplicate => "journey-created",
            Action::Pause => "journey-paused",
            Action::Resume => "journey-resumed",
            Action::ScheduleFinish | Action::CancelScheduledFinish => "journey-finish-scheduled",
            Action::Restart => return,
        };
        let version = match &applied.outcome {
            Outcome::Updated { version } | Outcome::Created { version } => version,
            Outcome::Deleted { .. } => before,
        };
        let detail = serde_json::to_string(&Detail {
            id: &version.id,
            journey_id: &version.journey_id,
            name: &version.name,
            version: version.version,
            status: version.status,
        })
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .unwrap_or(JsValue::NULL);
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            queue_microtask(move || {
                let _ = host.dispatch_event(&event);
            });
        }
    }
}
