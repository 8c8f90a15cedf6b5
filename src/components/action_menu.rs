//! The detail view's top-right down-arrow menu, following the WAI-ARIA APG
//! menu-button pattern. Every action is listed; one the rules refuse is shown
//! disabled with the rules' reason written under it, for pointer, keyboard
//! and screen-reader users alike.

use journey_sync::SeenLifecycle;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use lifecycle::{Action, Command};
use wasm_bindgen::JsCast;

use crate::clock;
use crate::components::action_dialog::version_named;
use crate::components::click_guard::ClickGuard;
use crate::components::confirm_dialog::{needs_confirmation, ConfirmRequest};
use crate::components::toasts::Toasts;
use crate::console_path::{use_console_path, ConsolePath};
use crate::focus;
use crate::host_events::HostEvents;
use crate::new_id::new_id;
use crate::sync::use_journeys;
use crate::words::use_words;
use wording::Phrase;

/// The menu's order: the seed's two first, then pausing and a scheduled
/// finish, then the rest of the lifecycle.
const MENU: [Action; 11] = [
    Action::Finish,
    Action::Stop,
    Action::Pause,
    Action::Resume,
    Action::ScheduleFinish,
    Action::CancelScheduledFinish,
    Action::Publish,
    Action::NewVersion,
    Action::Duplicate,
    Action::Restart,
    Action::Delete,
];

/// Actions whose own dialog asks for what they need (`action_dialog.rs`).
fn has_dialog(action: Action) -> bool {
    matches!(
        action,
        Action::Pause | Action::Resume | Action::ScheduleFinish
    )
}

#[component]
pub fn ActionMenu(#[prop(into)] id: Signal<String>) -> impl IntoView {
    let journeys = use_journeys();
    let catalog = journeys.catalog();
    let confirm = expect_context::<ConfirmRequest>();
    let toasts = expect_context::<Toasts>();
    let host_events = expect_context::<HostEvents>();
    let navigate = use_navigate();
    let paths = use_console_path();
    let words = use_words();
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    let menu = NodeRef::<html::Div>::new();
    let availability = Memo::new(move |_| catalog.with(|c| c.availability(&id.get())));
    // The rules' reason first; a journey that can be finished may still be
    // out of the user's role.
    let refusal_of = move |action: Action| -> Option<Phrase> {
        availability
            .with(|a| {
                a.as_ref()
                    .and_then(|a| a.refusal(action).map(wording::refusal_phrase))
            })
            .or_else(|| journeys.permission(action).err())
            .or_else(|| journeys.waits_for_list(&id.get(), action))
            .or_else(|| {
                // Cancelling needs a finish to cancel: the command's terms.
                (action == Action::CancelScheduledFinish)
                    .then(|| {
                        catalog.with(|c| {
                            c.check_command(
                                &id.get(),
                                &Command::CancelScheduledFinish,
                                clock::now(),
                            )
                            .err()
                        })
                    })
                    .flatten()
                    .map(|error| wording::action_error_phrase(&error))
            })
    };
    // A click or key press on an item just after the version changed by
    // itself while the menu was open (a colleague's change, brought by a
    // poll), or just after the whole list came in and took away the reason
    // under Publish or Create new version, does nothing and says so: its
    // items' reasons came or went, moving the items under the pointer, and
    // what an item does may have changed.
    let shown = Signal::derive(move || catalog.with(|c| id.with(|id| c.shared(id).cloned())));
    let guard = ClickGuard::new("menu-changed-under-pointer", shown);
    let waits_shown = move |action: Action| {
        let reason = refusal_of(action);
        reason.is_some() && reason == journeys.waits_for_list(&id.get(), action)
    };
    Effect::new(
        move |before: Option<(Option<(String, SeenLifecycle)>, [bool; 2])>| {
            let version =
                shown.with(|v| v.as_deref().map(|v| (v.id.clone(), SeenLifecycle::of(v))));
            let showing = (
                version,
                [
                    waits_shown(Action::Publish),
                    waits_shown(Action::NewVersion),
                ],
            );
            // Only while the menu is open: one opened after the change shows it.
            match before {
                Some(before) if open.get_untracked() && before.0 != showing.0 => guard.moved(),
                // Only once the list is in: a page bringing another version
                // of the journey, or the role coming in, changes the reasons
                // too.
                Some(before)
                    if open.get_untracked() && before.1 != showing.1 && journeys.listed() =>
                {
                    guard.moved_saying(Phrase::new("menu-list-loaded-under-pointer"))
                }
                _ => {}
            }
            showing
        },
    );
    let scheduled = Memo::new(move |_| {
        catalog.with(|c| {
            c.get(&id.get())
                .is_some_and(|v| v.scheduled_finish.is_some())
        })
    });
    // Items that open a dialog of their own say so ("Pause…").
    let label_of = move |action: Action| -> String {
        match action {
            Action::Pause => words.text("menu-pause"),
            Action::Resume => words.text("menu-resume"),
            Action::ScheduleFinish if scheduled.get() => words.text("menu-change-scheduled-finish"),
            Action::ScheduleFinish => words.text("menu-schedule-finish"),
            Action::CancelScheduledFinish => words.text("menu-cancel-scheduled-finish"),
            other => words.say(&wording::action_label(other)),
        }
    };

    let items = move || -> Vec<web_sys::HtmlElement> {
        let Some(menu) = menu.get_untracked() else {
            return Vec::new();
        };
        let Ok(list) = menu.query_selector_all("[role=menuitem]") else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
            .collect()
    };
    let focus_item = move |pick: fn(usize, Option<usize>) -> usize| {
        let items = items();
        if items.is_empty() {
            return;
        }
        let current = focus::active_element()
            .and_then(|active| items.iter().position(|item| *item == active));
        let _ = items[pick(items.len(), current) % items.len()].focus();
    };
    let show = move |first: bool| {
        open.set(true);
        // Shown at once rather than when the change above is rendered, so
        // focus moves into the menu now and a key pressed right after opening
        // reaches the menu instead of the button.
        if let Some(menu) = menu.get_untracked() {
            menu.set_hidden(false);
        }
        focus_item(if first { |_, _| 0 } else { |len, _| len - 1 });
    };
    let hide = move |refocus: bool| {
        open.set(false);
        if refocus {
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    };

    let choose = move |action: Action| {
        // The same answer the item shows: the rules, then the user's role.
        // Enter on an item disabled by either does nothing.
        let allowed = untrack(|| refusal_of(action)).is_none()
            && availability.with_untracked(|a| a.as_ref().is_some_and(|a| a.allowed(action)));
        if !allowed || guard.held_back() {
            return;
        }
        hide(true);
        let id = id.get_untracked();
        if needs_confirmation(action) || has_dialog(action) {
            confirm.open(id, action);
            return;
        }
        let fresh: fn() -> Command = match action {
            Action::CancelScheduledFinish => || Command::CancelScheduledFinish,
            Action::NewVersion => || Command::NewVersion { id: new_id() },
            Action::Duplicate => || Command::Duplicate {
                id: new_id(),
                journey_id: new_id(),
            },
            _ => return,
        };
        let navigate = navigate.clone();
        let paths = paths.clone();
        let before = catalog.with_untracked(|c| c.get(&id).cloned());
        spawn_local(async move {
            let outcome = journeys.act_from_menu(&id, action, fresh).await;
            // The menu may be gone by now (the user went elsewhere): the
            // outcome is still told, in a toast, but nobody is taken anywhere.
            let still_here = !open.is_disposed();
            match outcome {
                Ok(applied) => {
                    if let Some(before) = before.as_ref() {
                        host_events.announce(before, &applied);
                        if applied.action == Action::CancelScheduledFinish {
                            toasts.show(
                                Phrase::new("done-scheduled-finish-cancelled")
                                    .with("version", version_named(before)),
                            );
                        }
                    }
                    if let Some(created) = applied.version() {
                        toasts.show(
                            Phrase::new("version-created-draft")
                                .with("name", created.name.as_str())
                                .with("version", created.version),
                        );
                        if still_here {
                            navigate(&paths.journey(&created.id), ConsolePath::navigation());
                        }
                    }
                }
                Err(failure) => toasts.show(failure.message),
            }
        });
    };

    let on_button_key = move |ev: KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "Enter" | " " => {
            ev.prevent_default();
            show(true);
        }
        "ArrowUp" => {
            ev.prevent_default();
            show(false);
        }
        _ => {}
    };
    let on_menu_key = move |ev: KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            focus_item(|_, current| current.map_or(0, |i| i + 1));
        }
        "ArrowUp" => {
            ev.prevent_default();
            focus_item(|len, current| current.map_or(len - 1, |i| i + len - 1));
        }
        "Home" => {
            ev.prevent_default();
            focus_item(|_, _| 0);
        }
        "End" => {
            ev.prevent_default();
            focus_item(|len, _| len - 1);
        }
        "Escape" => {
            ev.prevent_default();
            hide(true);
        }
        "Tab" => hide(false),
        _ => {}
    };
    // Focus leaving the menu and its button (a click elsewhere, Tab) closes it.
    // The browser says so too as the menu is taken out of the page (the
    // version it acts on is gone), after the menu's own state: read with
    // `try_`, as reading what is gone would stop the console.
    let on_focus_out = move |ev: leptos::ev::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(menu.try_get_untracked().flatten())
            .is_some_and(|(target, menu)| {
                let root = menu.parent_element();
                root.is_some_and(|root| root.contains(Some(&target)))
            });
        if !inside {
            open.set(false);
        }
    };

    let item = move |action: Action| {
        let key = format!("{action:?}").to_lowercase();
        let label_id = format!("action-menu-{key}");
        let reason_id = format!("action-menu-{key}-reason");
        let refusal = Memo::new(move |_| refusal_of(action));
        let disabled = move || refusal.with(Option::is_some);
        let (on_click, on_key) = (choose.clone(), choose.clone());
        view! {
            <div
                role="menuitem"
                tabindex="-1"
                class="menu-item"
                class:destructive=matches!(action, Action::Stop | Action::Delete)
                aria-disabled=move || disabled().then_some("true")
                // The reason shown under a refused item is part of its name, so
                // the name holds all the item's visible text, label first.
                aria-labelledby=move || {
                    if disabled() {
                        format!("{label_id} {reason_id}")
                    } else {
                        label_id.clone()
                    }
                }
                on:click=move |_| on_click(action)
                on:keydown=move |ev: KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        on_key(action);
                    }
                }
            >
                <span id=format!("action-menu-{key}") class="menu-item-label">
                    {move || label_of(action)}
                </span>
                {move || refusal.get().map(|reason| {
                    // The space keeps label and reason apart in the item's text.
                    view! { " " <span id=format!("action-menu-{key}-reason") class="menu-item-reason">{move || words.say(&reason)}</span> }
                })}
            </div>
        }
    };

    view! {
        <div class="action-menu" on:focusout=on_focus_out>
            <button
                type="button"
                class="action-menu-button"
                node_ref=button
                aria-haspopup="menu"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="journey-action-menu"
                on:click=move |_| if open.get_untracked() { hide(true) } else { show(true) }
                on:keydown=on_button_key
            >
                {words.label("actions")}
                <svg class="down-arrow" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
                    <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="2"></path>
                </svg>
            </button>
            <div
                id="journey-action-menu"
                role="menu"
                aria-label=words.label("journey-actions")
                class="menu"
                node_ref=menu
                hidden=move || !open.get()
                on:keydown=on_menu_key
                on:pointerenter=move |_| guard.pointed()
                on:focusin=move |_| guard.pointed()
            >
                {MENU.into_iter().map(item).collect_view()}
            </div>
        </div>
    }
}
