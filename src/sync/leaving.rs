//! Leaving the page (closing the tab, reloading, following a link away from
//! the console) while a confirmed change is still on its way would lose it:
//! the browser cancels the request under way, and the retries after a failed
//! attempt never happen, though the console already shows the change made.
//! While any change or bulk run is sending, the browser asks the user first
//! (its own "Leave site?" question, in its own words); at any other time the
//! page is left as usual.

use leptos::ev;
use leptos::prelude::*;

use super::{BulkActions, Journeys};

/// Asks before the page is left while something is sending, for as long as
/// the console is mounted.
pub fn ask_before_leaving_while_sending(journeys: Journeys, bulk: BulkActions) {
    let sending = Memo::new(move |_| journeys.sending() || bulk.running());
    // Only while sending is a listener there: a page with a `beforeunload`
    // listener is kept out of some browsers' back-forward cache.
    let listener = StoredValue::new(None::<WindowListenerHandle>);
    Effect::new(move |_| {
        let sending = sending.get();
        listener.update_value(|listener| {
            if sending && listener.is_none() {
                *listener = Some(window_event_listener(ev::beforeunload, |event| {
                    event.prevent_default();
                    // Older browsers ask only when a return value is set.
                    event.set_return_value("");
                }));
            } else if !sending {
                if let Some(listener) = listener.take() {
                    listener.remove();
                }
            }
        });
    });
    on_cleanup(move || {
        if let Some(listener) = listener.try_update_value(Option::take).flatten() {
            listener.remove();
        }
    });
}
