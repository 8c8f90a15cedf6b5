//! Schedule finish: the date and time (in the user's time zone) at which a
//! live or paused journey finishes by itself, set or changed. The time is
//! asked of the rules (`Catalog::check_terms`) as it is typed.

use leptos::prelude::*;
use lifecycle::{Action, ActionError, Applied, Command, JourneyVersion};
use wording::Phrase;

use crate::components::action_dialog::{version_named, ActionDialog, DialogTarget};
use crate::sync::use_journeys;
use crate::words::use_words;
use crate::{clock, format};

/// The action this dialog asks about: it opens for a request of it.
pub const ACTION: Action = Action::ScheduleFinish;

#[component]
pub fn ScheduleFinishDialog() -> impl IntoView {
    let target = DialogTarget::of(ACTION);
    let catalog = use_journeys().catalog();
    let words = use_words();
    let when = RwSignal::new(String::new());
    let zone = RwSignal::new(String::new());
    // Changing a finish already set, rather than setting one.
    let changing = Memo::new(move |_| {
        target
            .version
            .with(|v| v.as_ref().is_some_and(|v| v.scheduled_finish.is_some()))
    });
    let at = Memo::new(move |_| when.with(|w| format::from_local_input(w)));
    let refusal = Memo::new(move |_| -> Option<Phrase> {
        let id = target.id()?;
        let Some(at) = at.get() else {
            return Some(Phrase::new("schedule-time-invalid"));
        };
        let command = Command::ScheduleFinish { at };
        // A version no longer running is said by the dialog as a change.
        match catalog.with(|c| c.check_terms(&id, &command, clock::now())) {
            Err(ActionError::Refused(refusal)) => Some(wording::refusal_phrase(&refusal)),
            _ => None,
        }
    });
    // The time zone, and a pause that stops the journey before this
    // finish, which then comes first.
    let hint = move || {
        let mut hint = words.say(&Phrase::new("schedule-at-hint").with("zone", zone.get()));
        let stopped_first = at.get().and_then(|at| {
            target
                .version
                .with(|v| v.as_ref()?.stopped_before_finish(at))
        });
        if let Some(until) = stopped_first {
            hint.push(' ');
            hint.push_str(
                &words.say(&Phrase::new("schedule-pause-stops-first").with("until", until)),
            );
        }
        hint
    };
    let title = Signal::derive(move || {
        words.text(if changing.get() {
            "schedule-change-title"
        } else {
            "schedule-title"
        })
    });
    let confirm_label = Signal::derive(move || {
        if changing.get() {
            words.text("schedule-save")
        } else {
            words.say(&wording::action_label(ACTION))
        }
    });

    view! {
        <ActionDialog
            target
            name="schedule-finish"
            title
            confirm_label
            command=Callback::new(move |_| {
                if refusal.get_untracked().is_some() {
                    return None;
                }
                at.get_untracked().map(|at| Command::ScheduleFinish { at })
            })
            on_open=Callback::new(move |_| {
                // The finish already set, or this time tomorrow.
                let start = target
                    .version
                    .with_untracked(|v| v.as_ref().and_then(|v| v.scheduled_finish.as_ref().map(|s| s.at)))
                    .unwrap_or_else(|| clock::now() + chrono::Duration::days(1));
                when.set(format::local_input_value(start));
                zone.set(format::time_zone());
            })
            done=Callback::new(|(before, applied): (JourneyVersion, Applied)| {
                let at = applied
                    .version()
                    .and_then(|v| v.scheduled_finish.as_ref().map(|s| s.at));
                match at {
                    Some(at) => Phrase::new("done-finish-scheduled")
                        .with("version", version_named(&before))
                        .with("at", at),
                    None => Phrase::new("done-finish-scheduled-somewhen")
                        .with("version", version_named(&before)),
                }
            })
        >
            <p>{words.label("schedule-consequence")}</p>
            <p>{words.label("schedule-irreversible")}</p>
            <div class="field">
                <label for="schedule-finish-at">{words.label("schedule-at")}</label>
                <input
                    id="schedule-finish-at"
                    type="datetime-local"
                    aria-describedby="schedule-finish-note"
                    aria-invalid=move || refusal.with(Option::is_some).then_some("true")
                    prop:value=move || when.get()
                    on:input:target=move |ev| when.set(ev.target().value())
                />
                <span id="schedule-finish-note" class="hint" aria-live="polite">
                    {move || match refusal.get() {
                        Some(why) => view! { <span class="field-error">{words.say(&why)}</span> }.into_any(),
                        None => view! { <span>{hint}</span> }.into_any(),
                    }}
                </span>
            </div>
        </ActionDialog>
    }
}
