//! The confirmation for Finish, Stop, Publish and Delete: one modal dialog for
//! the whole console, opened from Home's quick actions and from the detail
//! view's menu alike.

use journey_sync::{AnswerEffect, ConfirmFlow, Opening};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate};
use lifecycle::{Action, Applied, Catalog, Command, JourneyVersion, Outcome, Status};

use crate::clock;
use crate::components::changed_notice::ChangedNotice;
use crate::components::dialog_buttons::DialogButtons;
use crate::components::reveal_row::RevealRow;
use crate::components::stop_reason_field::StopReasonField;
use crate::components::toasts::Toasts;
use crate::console_path::{use_console_path, ConsolePath};
use crate::focus;
use crate::host_events::HostEvents;
use crate::new_id::new_id;
use crate::sync::{use_journeys, ActionFailure};
use crate::words::use_words;
use wording::Phrase;

/// The actions that ask before they happen.
pub fn needs_confirmation(action: Action) -> bool {
    matches!(
        action,
        Action::Finish | Action::Stop | Action::Publish | Action::Delete
    )
}

#[derive(Clone)]
pub(crate) struct Confirmation {
    pub(crate) id: String,
    pub(crate) action: Action,
    /// Where focus goes back to when the dialog closes. If it is gone by then
    /// (a quick action the change just removed), focus goes to the version's
    /// link in its Home row, see [`row_link`].
    opener: Option<web_sys::HtmlElement>,
}

/// Opens the confirmation dialog, or the dialog of the action asked for
/// (`action_dialog.rs`). Provided by the console; each dialog reads it and
/// opens for its own actions.
#[derive(Clone, Copy)]
pub struct ConfirmRequest(pub(crate) RwSignal<Option<Confirmation>, LocalStorage>);

impl ConfirmRequest {
    pub fn new() -> ConfirmRequest {
        ConfirmRequest(RwSignal::new_local(None))
    }

    /// Asks to confirm `action` on version `id`. Focus will return to the
    /// element that has it now, the control that opened the dialog.
    pub fn open(&self, id: String, action: Action) {
        let opener = focus::active_element();
        self.0.set(Some(Confirmation { id, action, opener }));
    }

    /// Whether a request is open for an action `of` says yes to.
    pub fn asks(&self, of: fn(Action) -> bool) -> Signal<bool> {
        let request = self.0;
        Signal::derive(move || request.with(|r| r.as_ref().is_some_and(|r| of(r.action))))
    }
}

#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let request = expect_context::<ConfirmRequest>().0;
    let journeys = use_journeys();
    let catalog = journeys.catalog();
    let toasts = expect_context::<Toasts>();
    let host_events = expect_context::<HostEvents>();
    let navigate = use_navigate();
    let paths = use_console_path();
    let dialog = NodeRef::<html::Dialog>::new();
    // The dialog's states, the action it sends and its idempotency key live
    // in `ConfirmFlow` (crates/journey_sync): one key per user action, reused
    // on a retry, renewed when the stop reason changed; an answer that comes
    // after Escape never touches a later opening.
    let words = use_words();
    let flow = RwSignal::new(ConfirmFlow::new());
    let reason = RwSignal::new(String::new());

    let target = Memo::new(move |_| request.with(|r| r.as_ref().map(|r| (r.id.clone(), r.action))));
    let version = Memo::new(move |_| {
        target.with(|t| {
            t.as_ref()
                .and_then(|(id, _)| catalog.with(|c| c.get(id).cloned()))
        })
    });
    let action = move || target.with(|t| t.as_ref().map_or(Action::Finish, |(_, a)| *a));

    Effect::new(move |_| {
        // Read from the request itself, not `target`: asked again for the
        // same version and action (before the last opening's close event
        // came), the dialog opens again.
        let open = request.with(|r| r.as_ref().is_some_and(|r| needs_confirmation(r.action)));
        let Some(dialog) = dialog.get() else { return };
        if open && !dialog.open() {
            let shown = version.get_untracked();
            flow.update(|flow| {
                flow.open(shown.as_ref());
            });
            reason.set(String::new());
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
    // Escape, Cancel, success and another page all end here.
    let reveal = expect_context::<RevealRow>();
    let paths_for_focus = paths.clone();
    let on_close = move |_| {
        // The close event comes in a task of its own: by then the user may
        // have asked for this dialog again (it is open) or for another one.
        // Neither is this close's to end.
        if dialog.get_untracked().is_some_and(|dialog| dialog.open()) {
            return;
        }
        let Some(closed) = request
            .get_untracked()
            .filter(|closed| needs_confirmation(closed.action))
        else {
            return;
        };
        flow.update(ConfirmFlow::close);
        request.set(None);
        if let Some(dialog) = dialog.get_untracked() {
            give_focus_back(closed, &dialog, &paths_for_focus, reveal);
        }
    };

    let confirm = move |_| {
        let Some((id, action)) = target.get_untracked() else {
            return;
        };
        let command = match action {
            Action::Finish => Command::Finish,
            Action::Stop => Command::Stop {
                reason: Some(reason.get_untracked().trim().to_owned()).filter(|r| !r.is_empty()),
            },
            Action::Publish => Command::Publish,
            Action::Delete => Command::Delete,
            _ => return,
        };
        // Nothing to send while the action is on its way already, nor when
        // the version changed since the user read the dialog (it says so).
        let before = version.get_untracked();
        let Some(send) = flow
            .try_update(|flow| {
                flow.confirm(command, new_id(), before.as_ref(), clock::page_millis())
            })
            .flatten()
        else {
            return;
        };
        let navigate = navigate.clone();
        let home = paths.home();
        let deleted_page = paths.journey(&id);
        spawn_local(async move {
            let outcome = journeys.act_confirmed(&id, &send).await;
            // Unmounted while the action was under way: nothing left to update.
            if flow.is_disposed() {
                return;
            }
            let done = match &outcome {
                Ok(applied) => before.as_ref().map(|before| {
                    host_events.announce(before, applied);
                    catalog.with_untracked(|c| done_message(before, applied, c))
                }),
                Err(_) => None,
            };
            let effect = answer_flow(flow, send.opening, &outcome, version);
            let failure = outcome.as_ref().err().map(|f| f.message.clone());
            tell_answer(effect, done, failure, toasts, close);
            // Off the page of a version that is gone, to Home; a user who
            // went elsewhere while the delete was on its way stays there.
            if let Ok(applied) = &outcome {
                let on_deleted_page = window()
                    .location()
                    .pathname()
                    .is_ok_and(|shown| shown == deleted_page);
                if matches!(applied.outcome, Outcome::Deleted { .. }) && on_deleted_page {
                    navigate(&home, ConsolePath::navigation());
                }
            }
        });
    };

    let title = move || {
        words.text(match action() {
            Action::Finish => "confirm-finish-title",
            Action::Stop => "confirm-stop-title",
            Action::Publish => "confirm-publish-title",
            _ => "confirm-delete-title",
        })
    };
    let body = move || {
        let action = action();
        version.with(|v| {
            v.as_ref().map(|v| {
                let mut lines = catalog.with(|c| consequences(c, v, action));
                // How long finishing will take, from the counts seen lately.
                if action == Action::Finish {
                    if let Some(forecast) = journeys.drain_forecast(&v.id) {
                        lines.insert(1, Phrase::new("drain-line").with("forecast", forecast));
                    }
                }
                lines
                    .into_iter()
                    .map(|phrase| view! { <p>{words.say(&phrase)}</p> })
                    .collect_view()
            })
        })
    };
    let in_journey = move || {
        version.with(|v| {
            v.as_ref()
                .map(|v| words.count(v.stats.active))
                .unwrap_or_default()
        })
    };
    let confirm_class = move || match action() {
        Action::Stop | Action::Delete => "confirm destructive",
        _ => "confirm primary",
    };

    view! {
        <dialog
            node_ref=dialog
            class="confirm-dialog"
            aria-labelledby="confirm-dialog-title"
            aria-describedby="confirm-dialog-version confirm-dialog-body"
            on:close=on_close
        >
            <h2 id="confirm-dialog-title">{title}</h2>
            <p class="journey-under-action" id="confirm-dialog-version">
                {move || version.with(|v| v.as_ref().map(|v| {
                    words.say(&Phrase::new("journey-and-version").with("name", v.name.as_str()).with("version", v.version))
                }))}
            </p>
            <ChangedNotice flow version />
            <p class="in-journey-now">
                {words.label("customers-in-journey-now")} " " <strong>{in_journey}</strong>
            </p>
            <div id="confirm-dialog-body">{body}</div>
            <Show when=move || action() == Action::Stop>
                <StopReasonField prefix="stop" reason />
            </Show>
            <DialogButtons
                flow
                confirm_class=Signal::derive(confirm_class)
                confirm_label=Signal::derive(move || words.say(&wording::action_label(action())))
                on_cancel=Callback::new(move |_| close())
                on_confirm=Callback::new(confirm)
            />
        </dialog>
    }
}

/// Closes a dialog, as Escape would, once the user is on another page (Back,
/// a link the host follows): it asks about the page it was opened on, and
/// left open it would stand over another journey.
pub(crate) fn close_on_another_page(close: impl Fn() + 'static) {
    let location = use_location();
    Effect::watch(
        move || location.pathname.get(),
        move |_, _, _| close(),
        false,
    );
}

/// Returns focus to the control that opened a dialog, when it can take it;
/// else to the version's link in its Home row; else brings that row back
/// into view (it moved out of the rows on screen). Focus the user has put
/// elsewhere since the dialog closed stays there.
pub(crate) fn give_focus_back(
    closed: Confirmation,
    dialog: &web_sys::Node,
    paths: &ConsolePath,
    reveal: RevealRow,
) {
    if focus::moved_on_from(dialog, closed.opener.as_ref()) {
        return;
    }
    let usable = |e: &web_sys::HtmlElement| e.is_connected() && !e.has_attribute("disabled");
    // A Home row keeps its buttons while it comes to show another
    // journey: focus goes back only to a button of this one.
    let same_version = |e: &web_sys::HtmlElement| {
        e.get_attribute("data-version")
            .is_none_or(|version| version == closed.id)
            && !e.hidden()
    };
    let back = closed
        .opener
        .filter(|e| usable(e) && same_version(e))
        .or_else(|| row_link(dialog, paths, &closed.id).filter(usable));
    match back {
        Some(element) => {
            let _ = element.focus();
        }
        None => reveal.request(closed.id),
    }
}

/// The link to version `id` in its Home row, looked up when the dialog closes:
/// the change may have moved the row (Home sorts by last change), and a moved
/// row is drawn anew, so an element remembered at opening would be gone.
fn row_link(inside: &web_sys::Node, paths: &ConsolePath, id: &str) -> Option<web_sys::HtmlElement> {
    let href = paths.journey(id);
    focus::find_all(inside, "tr a[href]")
        .into_iter()
        .find(|link| link.get_attribute("href").as_deref() == Some(href.as_str()))
}

/// What the action will do, in the words of the product.
fn consequences(catalog: &Catalog, version: &JourneyVersion, action: Action) -> Vec<Phrase> {
    let active = version.stats.active;
    match action {
        Action::Finish => vec![
            Phrase::new("finish-consequence-entry").with("active", active),
            Phrase::new("finish-recommended"),
            Phrase::new("finish-irreversible"),
        ],
        Action::Stop => {
            let mut lines = vec![Phrase::new("stop-consequence").with("active", active)];
            if catalog.check(&version.id, Action::Finish).is_ok() {
                lines.push(Phrase::new("stop-finish-instead"));
            }
            lines.push(Phrase::new("stop-irreversible"));
            lines
        }
        Action::Publish => {
            let mut lines = vec![Phrase::new("publish-consequence")];
            // A paused version is replaced as a live one is.
            let replaced = catalog
                .replaced_on_publish(&version.journey_id, &version.id)
                .next();
            if let Some(running) = replaced {
                let said = match running.status {
                    Status::Paused => "publish-replaces-paused",
                    _ => "publish-replaces",
                };
                lines.push(
                    Phrase::new(said)
                        .with("version", running.version)
                        .with("active", running.stats.active),
                );
            }
            lines
        }
        _ => vec![Phrase::new("delete-consequence")],
    }
}

fn done_message(before: &JourneyVersion, applied: &Applied, catalog: &Catalog) -> Phrase {
    let name = Phrase::new("version-named")
        .with("name", before.name.as_str())
        .with("version", before.version);
    match &applied.outcome {
        Outcome::Updated { version } => match version.status {
            Status::Finished => Phrase::new("done-finished")
                .with("version", name)
                .with("active", version.stats.active),
            Status::Stopped => Phrase::new("done-stopped").with("version", name),
            // Publishing finishes the version that was live (a journey has
            // at most one live version).
            Status::Live => match applied.also_changed.iter().find_map(|id| catalog.get(id)) {
                Some(replaced) => Phrase::new("done-live-replacing")
                    .with("version", name)
                    .with("replaced", replaced.version),
                None => Phrase::new("done-live").with("version", name),
            },
            Status::Draft => Phrase::new("done-draft").with("version", name),
            Status::Paused => Phrase::new("done-paused").with("version", name),
        },
        Outcome::Created { version } => Phrase::new("done-created")
            .with("version", version.version)
            .with("name", version.name.as_str()),
        Outcome::Deleted { .. } => Phrase::new("done-deleted").with("version", name),
    }
}

/// Gives the flow of a dialog asking about `version` the answer to what it
/// sent for `opening`; says where the answer goes. A failure that says what
/// the version is now (`ActionFailure::shows_current`) makes the dialog ask
/// on the version as it shows it; one that leaves the outcome unknown
/// (`ActionFailure::maybe_applied`) makes a retry the same request, sent as
/// it was.
pub(crate) fn answer_flow(
    flow: RwSignal<ConfirmFlow>,
    opening: Opening,
    outcome: &Result<Applied, ActionFailure>,
    version: Memo<Option<JourneyVersion>>,
) -> AnswerEffect {
    flow.try_update(|flow| {
        let effect = flow.answer(
            opening,
            outcome.as_ref().map(|_| ()).map_err(|f| f.message.clone()),
        );
        if let (Err(failure), AnswerEffect::ShowError(_)) = (outcome, &effect) {
            if failure.shows_current {
                version.with_untracked(|shown| flow.failure_shows(shown.as_ref()));
            }
            if failure.maybe_applied {
                flow.failure_may_be_made();
            }
        }
        effect
    })
    .unwrap_or(AnswerEffect::NotThisDialog)
}

/// Tells the user how a confirmed action went, once the flow has said where
/// the answer goes: the dialog closes with a toast of what was done, or shows
/// the error itself; closed meanwhile (Escape) or another dialog open since,
/// the answer is told in a toast, never in that dialog.
pub(crate) fn tell_answer(
    effect: AnswerEffect,
    done: Option<Phrase>,
    failure: Option<Phrase>,
    toasts: Toasts,
    close: impl FnOnce(),
) {
    match effect {
        AnswerEffect::Close => {
            if let Some(done) = done {
                toasts.show(done);
            }
            close();
        }
        AnswerEffect::ShowError(_) => {}
        AnswerEffect::NotThisDialog => {
            if let Some(message) = failure.or(done) {
                toasts.show(message);
            }
        }
    }
}
