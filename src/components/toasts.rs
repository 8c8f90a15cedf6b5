use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wording::Phrase;

use crate::focus;
use crate::words::use_words;

/// How long a message stays before it leaves by itself.
const SHOWN_FOR: Duration = Duration::from_secs(8);

/// How often a message held back while a modal dialog is open looks again.
const WAIT_FOR_DIALOG: Duration = Duration::from_millis(500);

/// Short messages saying what just happened ("… is stopped").
#[derive(Clone, Copy)]
pub struct Toasts {
    shown: RwSignal<Vec<(u64, Phrase)>>,
    next_id: StoredValue<u64>,
    /// Time-outs still to run, cleared when the console is unmounted.
    pending: StoredValue<Vec<TimeoutHandle>>,
    /// The messages' live region, in the console's own document or shadow
    /// root: where its dialogs are looked for.
    region: NodeRef<html::Div>,
}

impl Toasts {
    /// Made inside the console, whose cleanup clears the pending time-outs.
    pub fn new() -> Toasts {
        let pending = StoredValue::new(Vec::<TimeoutHandle>::new());
        on_cleanup(move || {
            if let Some(handles) = pending.try_update_value(std::mem::take) {
                handles.iter().for_each(TimeoutHandle::clear);
            }
        });
        Toasts {
            shown: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
            pending,
            region: NodeRef::new(),
        }
    }

    /// Shows what happened; said in the language of the moment, so a switch
    /// of language while it is shown says it again.
    pub fn show(&self, text: Phrase) {
        // The console may have been unmounted while the action was under way.
        if self.shown.is_disposed() {
            return;
        }
        // While a modal dialog is open the rest of the page is inert: a
        // message added there would be neither announced nor dismissable,
        // and would leave unread. It is shown once the dialog has closed.
        if self.modal_open() {
            let this = *self;
            // Not kept with the pending time-outs: after an unmount it finds
            // the console gone and shows nothing.
            set_timeout(move || this.show(text), WAIT_FOR_DIALOG);
            return;
        }
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.shown.update(|shown| shown.push((id, text)));
        self.expire_later(id);
    }

    fn expire_later(&self, id: u64) {
        let this = *self;
        if let Ok(handle) = set_timeout_with_handle(move || this.expire(id), SHOWN_FOR) {
            self.pending.update_value(|pending| pending.push(handle));
        }
    }

    /// A message leaves by itself, unless the user is on it (its dismiss
    /// button has focus: taken away then, it would drop their focus to the
    /// top of the page; or the pointer rests on the messages, being read)
    /// or a modal dialog stands over it. It is given the same time again.
    fn expire(&self, id: u64) {
        let on_it = focus::active_element()
            .and_then(|element| element.get_attribute("data-toast"))
            .is_some_and(|toast| toast == id.to_string());
        let read = self
            .region
            .try_get_untracked()
            .flatten()
            .is_some_and(|region| region.matches(":hover").unwrap_or(false));
        if on_it || read || self.modal_open() {
            self.expire_later(id);
        } else {
            self.dismiss(id);
        }
    }

    /// The user dismissed a message with its button. Focus on that button
    /// goes on to the next message's (or, for the last, the one before), so
    /// that the messages can be dismissed one after another from the
    /// keyboard; it would otherwise fall to the page itself.
    fn dismiss_by_user(&self, id: u64, event: &web_sys::MouseEvent) {
        let button = event
            .current_target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok());
        let focused = focus::active_element();
        let neighbour = button
            .filter(|button| focused.as_ref() == Some(button))
            .and_then(|button| {
                let all = focus::find_all(&button, "[data-toast]");
                let at = all.iter().position(|other| other == &button)?;
                all.get(at + 1)
                    .or_else(|| at.checked_sub(1).and_then(|before| all.get(before)))
                    .cloned()
            });
        self.dismiss(id);
        if let Some(neighbour) = neighbour {
            let _ = neighbour.focus();
        }
    }

    /// Whether one of the console's dialogs is open, modal: the rest of
    /// the console is inert then. A host page's own dialogs are not the
    /// console's (nor seen from inside its shadow root).
    fn modal_open(&self) -> bool {
        self.region
            .try_get_untracked()
            .flatten()
            .is_some_and(|region| !focus::find_all(&region, "dialog:modal").is_empty())
    }

    fn dismiss(&self, id: u64) {
        self.shown
            .update(|shown| shown.retain(|(shown_id, _)| *shown_id != id));
    }
}

/// The live region that announces toasts; always in the page so screen
/// readers hear what is added to it.
#[component]
pub fn ToastsView() -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let words = use_words();
    view! {
        <div class="toasts" role="status" aria-live="polite" node_ref=toasts.region>
            <For
                each=move || toasts.shown.get()
                key=|(id, _)| *id
                children=move |(id, text)| {
                    view! {
                        <p class="toast">
                            <span>{move || words.say(&text)}</span>
                            <button
                                type="button"
                                class="toast-dismiss"
                                data-toast=id.to_string()
                                aria-label=words.label("dismiss-message")
                                on:click=move |event| toasts.dismiss_by_user(id, &event)
                            >
                                "×"
                            </button>
                        </p>
                    }
                }
            />
        </div>
    }
}
