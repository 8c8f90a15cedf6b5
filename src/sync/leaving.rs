//! Leaving the page (closing the tab, reloading, following a link away from
//! the console) while a confirmed change is still on its way would lose it:
//! the browser cancels the request under way, and the retries after a failed
//! attempt never happen, though the console already shows the change made.
//! While any change is on its way, the browser asks the user first (its own
//! "Leave site?" question, in its own words); at any other time the page is
//! left as usual.
//!
//! What is on its way is counted here, outside the console's reactive state:
//! a change still sent after the console is unmounted (its retries, a bulk
//! run's last versions) keeps the question until it is answered, and several
//! consoles on one page share it.

use std::cell::RefCell;

use leptos::ev;
use leptos::prelude::*;

/// How many changes are on their way, and the listener while any is.
#[derive(Default)]
struct Sending {
    count: usize,
    listener: Option<WindowListenerHandle>,
}

thread_local! {
    static SENDING: RefCell<Sending> = RefCell::default();
}

/// Held while a confirmed change is on its way; while one is held, leaving
/// the page asks first. Only then is a `beforeunload` listener there: a page
/// with one is kept out of some browsers' back-forward cache.
pub struct OnItsWay(());

impl OnItsWay {
    pub fn begin() -> OnItsWay {
        SENDING.with_borrow_mut(|sending| {
            sending.count += 1;
            if sending.listener.is_none() {
                sending.listener = Some(window_event_listener(ev::beforeunload, |event| {
                    event.prevent_default();
                    // Older browsers ask only when a return value is set.
                    event.set_return_value("");
                }));
            }
        });
        OnItsWay(())
    }
}

impl Drop for OnItsWay {
    fn drop(&mut self) {
        SENDING.with_borrow_mut(|sending| {
            sending.count -= 1;
            if sending.count == 0 {
                if let Some(listener) = sending.listener.take() {
                    listener.remove();
                }
            }
        });
    }
}
