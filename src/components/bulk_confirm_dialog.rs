//! The one confirmation of an action on the selected versions, then its
//! progress and results, in the same modal dialog (the native `<dialog>`,
//! like the single confirmation). Which versions the action is allowed on is
//! the rules' word (`journey_sync::BulkPlan`); nothing is sent before the
//! user confirms.

use journey_sync::{BulkPlan, NamedVersion, RunEntry};
use leptos::html;
use leptos::prelude::*;
use lifecycle::{Action, Command, PauseAgainstFinish};
use wording::{action_key, Phrase};

use crate::components::home_selection::{BulkDialog, HomeSelection};
use crate::components::pause_terms::{PauseTerms, PauseTermsFields};
use crate::components::stop_reason_field::StopReasonField;
use crate::focus;
use crate::sync::{use_bulk_actions, use_journeys};
use crate::words::use_words;

/// A titled list of versions (to act on, refused, succeeded, failed). A long
/// one scrolls in its box (ten lines, the CSS's `.bulk-dialog ul`), so the
/// dialog's buttons stay in sight; it can be focused, so the keyboard
/// scrolls it too, however many lines its items take.
fn version_list(
    id: &'static str,
    class: &'static str,
    heading: String,
    items: AnyView,
) -> impl IntoView {
    view! {
        <section class=class aria-labelledby=id>
            <h3 id=id>{heading}</h3>
            <ul tabindex="0" aria-labelledby=id>{items}</ul>
        </section>
    }
}

/// The command each selected version is sent, for the action confirmed
/// (every version gets its own copy): a stop's reason, a pause's terms.
/// `None` while the terms cannot be sent.
fn command_for(action: Action, reason: Option<String>, terms: PauseTerms) -> Option<Command> {
    match action {
        Action::Finish => Some(Command::Finish),
        Action::Stop => Some(Command::Stop { reason }),
        Action::Pause => terms.command(),
        _ => None,
    }
}

#[component]
pub fn BulkConfirmDialog() -> impl IntoView {
    let selection = expect_context::<HomeSelection>();
    let bulk = use_bulk_actions();
    let run = bulk.run();
    let catalog = use_journeys().catalog();
    let words = use_words();
    let dialog = NodeRef::<html::Dialog>::new();
    let close_button = NodeRef::<html::Button>::new();
    let reason = RwSignal::new(String::new());
    let terms = PauseTerms::new();
    let state = selection.dialog;
    // The plan as the dialog showed it when it opened: what the user read.
    let opened = StoredValue::new(None::<BulkPlan>);

    // Follows what is shown while the user reads it (a poll, another tab).
    let plan = Memo::new(move |_| match state.get() {
        Some(BulkDialog::Ask(action)) => {
            Some(selection.picks.with(|picks| bulk.plan(picks.ids(), action)))
        }
        _ => None,
    });
    // The plan without its customer counts: what the fields and buttons are
    // built from, so that counts moving (every poll) never build them again,
    // which would take the focus and the keys from a reason being typed.
    let shape = Memo::new(move |_| plan.with(|plan| plan.as_ref().map(BulkPlan::without_counts)));
    // Which of the versions the action is allowed on were ticked before a
    // search or filter that hides them now: acted on all the same, so said
    // first and marked in the list. Flags, so that the list sorted again as
    // counts move builds nothing again.
    let hidden = Memo::new(move |_| {
        shape.with(|plan| {
            plan.as_ref().map_or_else(Vec::new, |plan| {
                let ids: Vec<&str> = plan.allowed.iter().map(|v| v.id.as_str()).collect();
                selection.hidden_of(&ids)
            })
        })
    });
    let asking = move || matches!(state.get(), Some(BulkDialog::Ask(_)));
    // Why the rules refuse the pause's terms: the same for every version
    // the rules let pause, so asked of the first.
    let terms_refusal = Memo::new(move |_| {
        let plan = plan.get()?;
        let first = plan.allowed.first()?;
        (plan.action == Action::Pause)
            .then(|| catalog.with(|c| terms.refusal(c, &first.id)))
            .flatten()
    });
    // For how many versions a scheduled finish comes before the pause would
    // end, and for how many the pause stops the journey before its
    // scheduled finish (the rules' word, as in the single Pause dialog).
    let finish_first = move || {
        let until = terms.until()?;
        let at_end = terms.at_end();
        let (first, after) = plan.with(|plan| {
            catalog.with(|c| {
                let versions = plan.iter().flat_map(|plan| &plan.allowed);
                versions
                    .filter_map(|v| c.get(&v.id)?.pause_against_finish(until, at_end))
                    .fold((0, 0), |(first, after), which| match which {
                        PauseAgainstFinish::FinishFirst(_) => (first + 1, after),
                        PauseAgainstFinish::StoppedFirst(_) => (first, after + 1),
                    })
            })
        });
        let line = |key, versions| {
            (versions > 0).then(|| words.say(&Phrase::new(key).with("versions", versions)))
        };
        let lines = [
            line("bulk-pause-finish-comes-first", first),
            line("bulk-pause-stops-before-finish", after),
        ];
        let said = lines.into_iter().flatten().collect::<Vec<_>>().join(" ");
        (!said.is_empty()).then_some(said)
    };
    let action = move || match state.get() {
        Some(BulkDialog::Ask(action)) => action,
        _ => run.with(|run| run.as_ref().map_or(Action::Finish, |run| run.action())),
    };

    Effect::new(move |_| {
        let open = state.with(Option::is_some);
        let Some(dialog) = dialog.get() else { return };
        if open && !dialog.open() {
            opened.set_value(plan.get_untracked());
            reason.set(String::new());
            terms.reset();
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
    // Escape, Cancel and Close all end here.
    let on_close = move |_| {
        let Some(dialog) = dialog.get_untracked() else {
            return;
        };
        // The close event comes in a task of its own: opened again by then
        // (the user asked for it again), it is not this close's to end.
        if dialog.open() {
            return;
        }
        state.set(None);
        let opener = selection.opener.get_value();
        if focus::moved_on_from(&dialog, opener.as_ref()) {
            return;
        }
        if let Some(opener) = opener.filter(|e| e.is_connected()) {
            let _ = opener.focus();
        }
    };
    let focus_close = move || {
        // A frame later the dialog may be gone (unmounted): hence `try_`.
        request_animation_frame(move || {
            if let Some(button) = close_button.try_get_untracked().flatten() {
                let _ = button.focus();
            }
        });
    };

    let confirm = move |_| {
        let Some(BulkDialog::Ask(action)) = state.get_untracked() else {
            return;
        };
        // Asked again now: what is sent is what the rules allow this moment,
        // each version checked against what the dialog showed of it when it
        // opened (a version changed since is held back, and said so).
        let plan = selection
            .picks
            .with_untracked(|picks| untrack(|| bulk.plan(picks.ids(), action)));
        let plan = match opened.get_value() {
            Some(opened) => plan.as_seen_in(&opened),
            None => plan,
        };
        let reason = Some(reason.get_untracked().trim().to_owned()).filter(|r| !r.is_empty());
        let command = untrack(|| command_for(action, reason, terms));
        let Some(command) = command.filter(|_| terms_refusal.get_untracked().is_none()) else {
            return;
        };
        if !plan.can_confirm() {
            return;
        }
        bulk.start(&plan, |_| command.clone());
        state.set(Some(BulkDialog::Results));
        focus_close();
    };
    let retry = move |_| {
        bulk.retry_failed();
        focus_close();
    };

    let title = move || {
        if let Some(plan) = plan.get() {
            words.say(
                &Phrase::new("bulk-confirm-title")
                    .with("action", action_key(plan.action))
                    .with("versions", plan.allowed.len()),
            )
        } else {
            let total = run.with(|run| run.as_ref().map_or(0, |run| run.counts().total));
            words.say(
                &Phrase::new("bulk-results-title")
                    .with("action", action_key(action()))
                    .with("versions", total),
            )
        }
    };

    // What the plan says with its counts, followed as they move.
    let customers = move || {
        plan.with(|plan| {
            plan.as_ref().map(|plan| {
                words.say(
                    &Phrase::new("bulk-customers")
                        .with("active", plan.customers())
                        .with("versions", plan.allowed.len()),
                )
            })
        })
    };
    let refused_items = move || {
        plan.with(|plan| {
            plan.iter()
                .flat_map(|plan| {
                    plan.refused
                        .iter()
                        .map(|refused| {
                            Phrase::new("bulk-refused-item")
                                .with("version", refused.version.phrase())
                                .with("why", refused.why())
                        })
                        .chain(plan.missing.iter().map(|id| BulkPlan::missing_phrase(id)))
                })
                .map(|item| view! { <li>{words.say(&item)}</li> })
                .collect_view()
        })
    };
    let customers_now =
        Signal::derive(move || plan.with(|plan| plan.as_ref().map_or(0, BulkPlan::customers)));
    let asking_view = move || {
        shape.get().map(|plan| {
            let can_confirm = plan.can_confirm();
            let versions = plan.allowed.len();
            let mut lines = Vec::new();
            if can_confirm {
                match plan.action {
                    Action::Stop => {
                        lines.push(Phrase::new("bulk-stop-consequence").with("versions", versions));
                        let finishable = catalog.with_untracked(|c| {
                            plan.allowed
                                .iter()
                                .any(|v| c.check(&v.id, Action::Finish).is_ok())
                        });
                        if finishable {
                            lines.push(
                                Phrase::new("bulk-stop-finish-instead").with("versions", versions),
                            );
                        }
                        lines.push(Phrase::new("bulk-stop-irreversible"));
                    }
                    Action::Pause => {
                        lines.push(Phrase::new("bulk-pause-consequence").with("versions", versions));
                    }
                    _ => {
                        lines.push(Phrase::new("bulk-finish-consequence").with("versions", versions));
                        lines.push(Phrase::new("finish-recommended"));
                        lines.push(Phrase::new("bulk-finish-irreversible"));
                    }
                }
            }
            if let Some(forbidden) = &plan.forbidden {
                lines.push(forbidden.clone());
            }
            // Every version the action goes to, by name: what the user
            // confirms, not only how many. Which are hidden is followed on
            // its own, so that it never builds the fields again.
            let allowed = can_confirm.then(|| {
                let heading = Phrase::new("bulk-allowed-heading")
                    .with("action", action_key(plan.action))
                    .with("count", versions);
                let named: Vec<Phrase> = plan.allowed.iter().map(NamedVersion::phrase).collect();
                let items = move || {
                    hidden.with(|hidden| {
                        named
                            .iter()
                            .zip(hidden.iter().copied().chain(std::iter::repeat(false)))
                            .map(|(named, hidden)| {
                                let item = match hidden {
                                    true => Phrase::new("bulk-allowed-hidden")
                                        .with("version", named.clone()),
                                    false => named.clone(),
                                };
                                view! { <li>{words.say(&item)}</li> }
                            })
                            .collect_view()
                    })
                };
                let heading = words.say(&heading);
                version_list("bulk-allowed-heading", "bulk-allowed", heading, items.into_any())
            });
            // Versions ticked before a search or filter that hides them now
            // are acted on all the same: said first.
            let hidden_line = move || {
                let count = hidden.with(|hidden| hidden.iter().filter(|&&h| h).count());
                (can_confirm && count > 0).then(|| {
                    let line = Phrase::new("bulk-hidden-included").with("hidden", count);
                    view! { <p>{words.say(&line)}</p> }
                })
            };
            let not_done = plan.refused.len() + plan.missing.len();
            let refused_heading = (not_done > 0).then(|| {
                Phrase::new("bulk-refused-heading")
                    .with("action", action_key(plan.action))
                    .with("count", not_done)
            });
            view! {
                {can_confirm.then(|| view! { <p class="in-journey-now"><strong>{customers}</strong></p> })}
                <div id="bulk-dialog-body">
                    {hidden_line}
                    {lines.iter().map(|line| view! { <p>{words.say(line)}</p> }).collect_view()}
                </div>
                {allowed}
                {refused_heading.map(|heading| {
                    let heading = words.say(&heading);
                    version_list("bulk-refused-heading", "bulk-refused", heading, refused_items.into_any())
                })}
                <Show when=move || can_confirm && plan.action == Action::Stop>
                    <StopReasonField prefix="bulk-stop" reason />
                </Show>
                {(can_confirm && plan.action == Action::Pause).then(|| {
                    view! {
                        <PauseTermsFields terms prefix="bulk-pause" refusal=terms_refusal active=customers_now />
                        <p aria-live="polite">{finish_first}</p>
                    }
                })}
                <div class="dialog-buttons">
                    <button type="button" class="cancel" autofocus on:click=move |_| close()>
                        {words.label("cancel")}
                    </button>
                    {can_confirm.then(|| {
                        let class = match plan.action {
                            Action::Stop => "confirm destructive",
                            _ => "confirm primary",
                        };
                        view! {
                            <button type="button" class=class on:click=confirm>
                                {move || words.say(&wording::action_label(plan.action))}
                            </button>
                        }
                    })}
                </div>
            }
        })
    };

    let named = move |entry: &RunEntry| words.say(&entry.version.phrase());
    let results_view = move || {
        run.with(|run| {
            run.as_ref().map(|run| {
                let counts = run.counts();
                let succeeded: Vec<String> = run.succeeded().map(named).collect();
                let failed: Vec<String> = run
                    .failed()
                    .map(|(entry, failure)| {
                        words.say(
                            &Phrase::new("bulk-refused-item")
                                .with("version", entry.version.phrase())
                                .with("why", failure.why.clone()),
                        )
                    })
                    .collect();
                let retry_count = (!counts.is_running() && counts.failed > 0).then_some(counts.failed);
                view! {
                    {(!succeeded.is_empty()).then(|| {
                        let count = succeeded.len();
                        let heading = words.say(&Phrase::new("bulk-succeeded-heading").with("count", count));
                        let items = succeeded.into_iter().map(|item| view! { <li>{item}</li> });
                        version_list("bulk-succeeded-heading", "bulk-succeeded", heading, items.collect_view().into_any())
                    })}
                    {(!failed.is_empty()).then(|| {
                        let count = failed.len();
                        let heading = words.say(&Phrase::new("bulk-failed-heading").with("count", count));
                        let items = failed.into_iter().map(|item| view! { <li>{item}</li> });
                        version_list("bulk-failed-heading", "bulk-failed", heading, items.collect_view().into_any())
                    })}
                    <div class="dialog-buttons">
                        {retry_count.map(|count| view! {
                            <button type="button" class="primary" on:click=retry>
                                {words.say(&Phrase::new("bulk-retry-failed").with("count", count))}
                            </button>
                        })}
                    </div>
                }
            })
        })
    };
    let progress = move || {
        if asking() {
            return None;
        }
        run.with(|run| run.as_ref().map(|run| words.say(&run.progress())))
    };

    view! {
        <dialog
            node_ref=dialog
            class="confirm-dialog bulk-dialog"
            aria-labelledby="bulk-dialog-title"
            aria-describedby="bulk-dialog-body"
            on:close=on_close
        >
            <h2 id="bulk-dialog-title">{title}</h2>
            <p class="bulk-progress" role="status">{progress}</p>
            {move || if asking() { asking_view().into_any() } else { results_view().into_any() }}
            <div class="dialog-buttons" hidden=asking>
                <button type="button" class="cancel" node_ref=close_button on:click=move |_| close()>
                    {words.label("bulk-close")}
                </button>
            </div>
        </dialog>
    }
}
