//! Pause: what happens to the customers in the journey (held or discarded),
//! for how many days, and what happens when the pause ends. The terms are
//! asked of the rules (`Catalog::check_command`) as they are typed; what
//! they refuse is said beside the field and never sent.

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use lifecycle::{Action, ActionError, Command, Outcome, Pause, PauseCustomers, PauseEnd};
use wording::Phrase;

use crate::clock;
use crate::components::action_dialog::{version_named, ActionDialog, DialogTarget};
use crate::sync::use_journeys;
use crate::words::use_words;

/// A pause lasts this long unless the user says otherwise.
const DEFAULT_DAYS: &str = "1";

#[component]
pub fn PauseDialog() -> impl IntoView {
    let target = DialogTarget::of(&[Action::Pause]);
    let catalog = use_journeys().catalog();
    let words = use_words();
    let customers = RwSignal::new(PauseCustomers::Hold);
    let at_end = RwSignal::new(PauseEnd::Resume);
    let days = RwSignal::new(DEFAULT_DAYS.to_owned());
    // The pause is counted from the dialog's opening, so the end shown is
    // the end sent, and a retry sends the same pause (the same key).
    let opened_at = RwSignal::new(clock::now());

    let until = Memo::new(move |_| {
        let days: i64 = days.with(|d| d.trim().parse().ok())?;
        Some(opened_at.get() + Duration::days(days))
    });
    let command = move || {
        until.get().map(|until| Command::Pause {
            customers: customers.get(),
            until,
            at_end: at_end.get(),
        })
    };
    // Why the rules refuse these terms, if they do; the action itself
    // was allowed when the dialog opened.
    let refusal = Memo::new(move |_| -> Option<Phrase> {
        let Some(id) = target.id() else {
            return None;
        };
        let Some(command) = command() else {
            return Some(Phrase::new("pause-days-invalid").with("longest", Pause::LONGEST_DAYS));
        };
        match catalog.with(|c| c.check_command(&id, &command, clock::now())) {
            Err(ActionError::Refused(refusal)) if refusal.action == Action::Pause => {
                Some(wording::refusal_phrase(&refusal))
            }
            _ => None,
        }
    });
    let active = move || {
        target
            .version
            .with(|v| v.as_ref().map_or(0, |v| v.stats.active))
    };

    let radio = move |name: &'static str,
                      id: &'static str,
                      label: Signal<String>,
                      hint: Signal<String>,
                      checked: Signal<bool>,
                      choose: Callback<()>| {
        view! {
            <div class="choice">
                <input
                    type="radio"
                    name=name
                    id=id
                    aria-describedby=format!("{id}-hint")
                    prop:checked=checked
                    on:change=move |_| choose.run(())
                />
                <label for=id>{label}</label>
                <span id=format!("{id}-hint") class="hint">{hint}</span>
            </div>
        }
    };
    let said =
        move |phrase: fn(u64) -> Phrase| Signal::derive(move || words.say(&phrase(active())));

    view! {
        <ActionDialog
            target
            name="pause"
            title=Signal::derive(move || words.text("pause-title"))
            confirm_label=Signal::derive(move || words.say(&wording::action_label(Action::Pause)))
            command=Callback::new(move |_| refusal.get_untracked().is_none().then(command).flatten())
            on_open=Callback::new(move |_| {
                customers.set(PauseCustomers::Hold);
                at_end.set(PauseEnd::Resume);
                days.set(DEFAULT_DAYS.to_owned());
                opened_at.set(clock::now());
            })
            done=Callback::new(move |(before, applied): (lifecycle::JourneyVersion, lifecycle::Applied)| {
                match &applied.outcome {
                    Outcome::Updated { version } => match &version.pause {
                        Some(pause) => Phrase::new("done-paused-until")
                            .with("version", version_named(&before))
                            .with("until", pause.until),
                        None => Phrase::new("done-paused").with("version", version_named(&before)),
                    },
                    _ => Phrase::new("done-paused").with("version", version_named(&before)),
                }
            })
        >
            <p>{words.label("pause-no-entry")}</p>
            <fieldset class="choices">
                <legend>{words.label("pause-customers")}</legend>
                {radio(
                    "pause-customers",
                    "pause-hold",
                    Signal::derive(move || words.text("pause-hold")),
                    said(|active| Phrase::new("pause-hold-hint").with("active", active)),
                    Signal::derive(move || customers.get() == PauseCustomers::Hold),
                    Callback::new(move |_| customers.set(PauseCustomers::Hold)),
                )}
                {radio(
                    "pause-customers",
                    "pause-discard",
                    Signal::derive(move || words.text("pause-discard")),
                    said(|active| Phrase::new("pause-discard-hint").with("active", active)),
                    Signal::derive(move || customers.get() == PauseCustomers::Discard),
                    Callback::new(move |_| customers.set(PauseCustomers::Discard)),
                )}
            </fieldset>
            <div class="field">
                <label for="pause-days">{words.label("pause-for")}</label>
                <input
                    id="pause-days"
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max=Pause::LONGEST_DAYS
                    step="1"
                    aria-describedby="pause-days-note"
                    aria-invalid=move || refusal.with(Option::is_some).then_some("true")
                    prop:value=move || days.get()
                    on:input:target=move |ev| days.set(ev.target().value())
                />
                <span id="pause-days-note" class="hint" aria-live="polite">
                    {move || match refusal.get() {
                        Some(why) => view! { <span class="field-error">{words.say(&why)}</span> }.into_any(),
                        None => view! {
                            <span>
                                {move || words.say(&Phrase::new("pause-for-hint").with("longest", Pause::LONGEST_DAYS))}
                                " "
                                {move || until.get().map(|until: DateTime<Utc>| {
                                    words.say(&Phrase::new("pause-ends-at").with("until", until))
                                })}
                            </span>
                        }.into_any(),
                    }}
                </span>
            </div>
            <fieldset class="choices">
                <legend>{words.label("pause-at-end")}</legend>
                {radio(
                    "pause-at-end",
                    "pause-end-resume",
                    Signal::derive(move || words.text("pause-at-end-resume")),
                    Signal::derive(move || words.text("pause-at-end-resume-hint")),
                    Signal::derive(move || at_end.get() == PauseEnd::Resume),
                    Callback::new(move |_| at_end.set(PauseEnd::Resume)),
                )}
                {radio(
                    "pause-at-end",
                    "pause-end-stop",
                    Signal::derive(move || words.text("pause-at-end-stop")),
                    Signal::derive(move || words.text("pause-at-end-stop-hint")),
                    Signal::derive(move || at_end.get() == PauseEnd::Stop),
                    Callback::new(move |_| at_end.set(PauseEnd::Stop)),
                )}
            </fieldset>
        </ActionDialog>
    }
}
