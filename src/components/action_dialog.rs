//! The frame of the dialogs that ask for a pause, a resume or a scheduled
//! finish: a native modal `<dialog>` like the confirmation of Finish and
//! Stop, opened by the same [`ConfirmRequest`], sending through
//! `Journeys::act` with the same [`ConfirmFlow`] (one idempotency key per
//! user action, reused on a retry, an error shown in the dialog, an answer
//! after Escape told in a toast), and giving focus back the same way.
//! Each dialog brings its own fields and the command they make.

use journey_sync::ConfirmFlow;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use lifecycle::{Action, Applied, Command, JourneyVersion};

use crate::clock;
use crate::components::changed_notice::ChangedNotice;
use crate::components::confirm_dialog::{
    answer_flow, close_on_another_page, give_focus_back, tell_answer, ConfirmRequest,
};
use crate::components::dialog_buttons::DialogButtons;
use crate::components::reveal_row::RevealRow;
use crate::components::toasts::Toasts;
use crate::console_path::use_console_path;
use crate::host_events::HostEvents;
use crate::new_id::new_id;
use crate::sync::use_journeys;
use crate::words::use_words;
use wording::Phrase;

/// What an action dialog is asked about: the version, and the action.
#[derive(Clone, Copy)]
pub struct DialogTarget {
    pub target: Memo<Option<(String, Action)>>,
    pub version: Memo<Option<JourneyVersion>>,
}

impl DialogTarget {
    /// The target while the request is for `action`.
    pub fn of(action: Action) -> DialogTarget {
        let request = expect_context::<ConfirmRequest>().0;
        let catalog = use_journeys().catalog();
        let target = Memo::new(move |_| {
            request.with(|r| {
                r.as_ref()
                    .filter(|r| r.action == action)
                    .map(|r| (r.id.clone(), r.action))
            })
        });
        let version = Memo::new(move |_| {
            target.with(|t| {
                t.as_ref()
                    .and_then(|(id, _)| catalog.with(|c| c.get(id).cloned()))
            })
        });
        DialogTarget { target, version }
    }

    pub fn id(&self) -> Option<String> {
        self.target.with(|t| t.as_ref().map(|(id, _)| id.clone()))
    }
}

/// The dialog. `command` makes what is sent from the fields, or `None`
/// while they hold something the rules refuse (the field says why);
/// `on_open` resets the fields; `done` words the success toast.
#[component]
pub fn ActionDialog(
    target: DialogTarget,
    /// Makes the element ids unique: `{name}-dialog-title`, `-body`.
    name: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    #[prop(optional)] destructive: bool,
    command: Callback<(), Option<Command>>,
    on_open: Callback<()>,
    done: Callback<(JourneyVersion, Applied), Phrase>,
    children: Children,
) -> impl IntoView {
    let request = expect_context::<ConfirmRequest>().0;
    let journeys = use_journeys();
    let toasts = expect_context::<Toasts>();
    let host_events = expect_context::<HostEvents>();
    let reveal = expect_context::<RevealRow>();
    let paths = use_console_path();
    let words = use_words();
    let dialog = NodeRef::<html::Dialog>::new();
    let flow = RwSignal::new(ConfirmFlow::new());
    let is_open = Memo::new(move |_| target.target.with(Option::is_some));

    Effect::new(move |_| {
        // Every request, not only a change of target: asked again for the
        // same version (before the last opening's close event came), the
        // dialog opens again.
        request.track();
        let open = is_open.get();
        let Some(dialog) = dialog.get() else { return };
        if open && !dialog.open() {
            let shown = target.version.get_untracked();
            flow.update(|flow| {
                flow.open(shown.as_ref());
            });
            untrack(|| on_open.run(()));
            let _ = dialog.show_modal();
        } else if !open && dialog.open() {
            dialog.close();
        }
    });

    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    close_on_another_page(close);
    let on_close = move |_| {
        // The close event comes in a task of its own: by then the user may
        // have asked for this dialog again (it is open) or for another
        // dialog, or for none. Neither is this close's to end.
        let reopened = dialog.get_untracked().is_some_and(|dialog| dialog.open());
        if reopened || !is_open.get_untracked() {
            return;
        }
        let Some(closed) = request.get_untracked() else {
            return;
        };
        flow.update(ConfirmFlow::close);
        request.set(None);
        if let Some(dialog) = dialog.get_untracked() {
            give_focus_back(closed, &dialog, &paths, reveal);
        }
    };

    let confirm = move |_| {
        let Some(id) = target.id() else { return };
        let Some(command) = command.run(()) else {
            return;
        };
        // Nothing to send while the action is on its way already, nor when
        // the version changed since the user read the dialog (it says so).
        let before = target.version.get_untracked();
        let Some(send) = flow
            .try_update(|flow| {
                flow.confirm(command, new_id(), before.as_ref(), clock::page_millis())
            })
            .flatten()
        else {
            return;
        };
        spawn_local(async move {
            let outcome = journeys.act_confirmed(&id, &send).await;
            if flow.is_disposed() {
                return;
            }
            let done = match &outcome {
                Ok(applied) => before.map(|before| {
                    host_events.announce(&before, applied);
                    done.run((before, applied.clone()))
                }),
                Err(_) => None,
            };
            let effect = answer_flow(flow, send.opening, &outcome, target.version);
            let failure = outcome.as_ref().err().map(|f| f.message.clone());
            tell_answer(effect, done, failure, toasts, close);
        });
    };

    let confirm_class = if destructive {
        "confirm destructive"
    } else {
        "confirm primary"
    };
    let under_action = move || {
        target.version.with(|v| {
            v.as_ref().map(|v| {
                words.say(
                    &Phrase::new("journey-and-version")
                        .with("name", v.name.as_str())
                        .with("version", v.version),
                )
            })
        })
    };

    view! {
        <dialog
            node_ref=dialog
            class="confirm-dialog"
            aria-labelledby=format!("{name}-dialog-title")
            aria-describedby=format!("{name}-dialog-version {name}-dialog-body")
            on:close=on_close
        >
            <h2 id=format!("{name}-dialog-title")>{title}</h2>
            <p class="journey-under-action" id=format!("{name}-dialog-version")>{under_action}</p>
            <ChangedNotice flow version=target.version />
            <div id=format!("{name}-dialog-body") class="action-dialog-body">{children()}</div>
            <DialogButtons
                flow
                confirm_class=confirm_class
                confirm_label
                on_cancel=Callback::new(move |_| close())
                on_confirm=Callback::new(confirm)
            />
        </dialog>
    }
}

/// "“Spring sale” version 2", for the toasts.
pub fn version_named(version: &JourneyVersion) -> Phrase {
    Phrase::new("version-named")
        .with("name", version.name.as_str())
        .with("version", version.version)
}
