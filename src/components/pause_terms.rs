//! A pause's terms as the user chooses them: what happens to the customers
//! (held or discarded), for how many days, and what happens when the pause
//! ends. Shared by the Pause dialog and the confirmation of a pause on many
//! versions; the rules judge the terms (`Catalog::check_command`).

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use lifecycle::{ActionError, Catalog, Command, Pause, PauseCustomers, PauseEnd};
use wording::Phrase;

use crate::clock;
use crate::words::use_words;

/// A pause lasts this long unless the user says otherwise.
const DEFAULT_DAYS: &str = "1";

/// The terms being chosen.
#[derive(Clone, Copy)]
pub struct PauseTerms {
    customers: RwSignal<PauseCustomers>,
    at_end: RwSignal<PauseEnd>,
    days: RwSignal<String>,
    /// The pause is counted from the dialog's opening, so the end shown is
    /// the end sent, and a retry sends the same pause (the same key).
    opened_at: RwSignal<DateTime<Utc>>,
    until: Memo<Option<DateTime<Utc>>>,
}

impl PauseTerms {
    pub fn new() -> PauseTerms {
        let days = RwSignal::new(DEFAULT_DAYS.to_owned());
        let opened_at = RwSignal::new(clock::now());
        let until = Memo::new(move |_| {
            let days: i64 = days.with(|d| d.trim().parse().ok())?;
            // More days than a date can hold are no pause at all, not a crash.
            opened_at
                .get()
                .checked_add_signed(Duration::try_days(days)?)
        });
        PauseTerms {
            customers: RwSignal::new(PauseCustomers::Hold),
            at_end: RwSignal::new(PauseEnd::Resume),
            days,
            opened_at,
            until,
        }
    }

    /// Back to the defaults, counted from now: for a dialog that opens.
    pub fn reset(&self) {
        self.customers.set(PauseCustomers::Hold);
        self.at_end.set(PauseEnd::Resume);
        self.days.set(DEFAULT_DAYS.to_owned());
        self.opened_at.set(clock::now());
    }

    /// When the pause ends; `None` while the days are not a number.
    pub fn until(&self) -> Option<DateTime<Utc>> {
        self.until.get()
    }

    /// What happens when the pause ends.
    pub fn at_end(&self) -> PauseEnd {
        self.at_end.get()
    }

    /// The pause these terms make; `None` while the days are not a number
    /// (or one beyond any date).
    pub fn command(&self) -> Option<Command> {
        self.until.get().map(|until| Command::Pause {
            customers: self.customers.get(),
            until,
            at_end: self.at_end.get(),
        })
    }

    /// Why these terms cannot be sent for version `id`: the days are not a
    /// number, or the rules refuse them (too long a pause). A version no
    /// longer to be paused (paused or stopped since the dialog opened) is
    /// said by the dialog as a change, not here.
    pub fn refusal(&self, catalog: &Catalog, id: &str) -> Option<Phrase> {
        let Some(command) = self.command() else {
            return Some(Phrase::new("pause-days-invalid").with("longest", Pause::LONGEST_DAYS));
        };
        match catalog.check_terms(id, &command, clock::now()) {
            Err(ActionError::Refused(refusal)) => Some(wording::refusal_phrase(&refusal)),
            _ => None,
        }
    }
}

/// The fields of the terms. `prefix` keeps element ids apart between the
/// dialogs; `refusal` is what the rules say of the terms; `active` how many
/// customers the choice concerns.
#[component]
pub fn PauseTermsFields(
    terms: PauseTerms,
    prefix: &'static str,
    #[prop(into)] refusal: Signal<Option<Phrase>>,
    #[prop(into)] active: Signal<u64>,
) -> impl IntoView {
    let words = use_words();
    let id = move |what: &str| format!("{prefix}-{what}");
    let radio = move |group: &'static str,
                      what: &'static str,
                      label: Signal<String>,
                      hint: Signal<String>,
                      checked: Signal<bool>,
                      choose: Callback<()>| {
        let input_id = id(what);
        let hint_id = id(&format!("{what}-hint"));
        view! {
            <div class="choice">
                <input
                    type="radio"
                    name=id(group)
                    id=input_id.clone()
                    aria-describedby=hint_id.clone()
                    prop:checked=checked
                    on:change=move |_| choose.run(())
                />
                <label for=input_id>{label}</label>
                <span id=hint_id class="hint">{hint}</span>
            </div>
        }
    };
    let said =
        move |phrase: fn(u64) -> Phrase| Signal::derive(move || words.say(&phrase(active.get())));
    let PauseTerms {
        customers,
        at_end,
        days,
        until,
        ..
    } = terms;

    view! {
        <fieldset class="choices">
            <legend>{words.label("pause-customers")}</legend>
            {radio(
                "customers",
                "hold",
                Signal::derive(move || words.text("pause-hold")),
                said(|active| Phrase::new("pause-hold-hint").with("active", active)),
                Signal::derive(move || customers.get() == PauseCustomers::Hold),
                Callback::new(move |_| customers.set(PauseCustomers::Hold)),
            )}
            {radio(
                "customers",
                "discard",
                Signal::derive(move || words.text("pause-discard")),
                said(|active| Phrase::new("pause-discard-hint").with("active", active)),
                Signal::derive(move || customers.get() == PauseCustomers::Discard),
                Callback::new(move |_| customers.set(PauseCustomers::Discard)),
            )}
        </fieldset>
        <div class="field">
            <label for=id("days")>{words.label("pause-for")}</label>
            <input
                id=id("days")
                type="number"
                inputmode="numeric"
                min="1"
                max=Pause::LONGEST_DAYS
                step="1"
                aria-describedby=id("days-note")
                aria-invalid=move || refusal.with(Option::is_some).then_some("true")
                prop:value=move || days.get()
                on:input:target=move |ev| days.set(ev.target().value())
            />
            <span id=id("days-note") class="hint" aria-live="polite">
                {move || match refusal.get() {
                    Some(why) => view! { <span class="field-error">{words.say(&why)}</span> }.into_any(),
                    None => view! {
                        <span>
                            {move || words.say(&Phrase::new("pause-for-hint").with("longest", Pause::LONGEST_DAYS))}
                            " "
                            {move || until.get().map(|until| {
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
                "at-end",
                "end-resume",
                Signal::derive(move || words.text("pause-at-end-resume")),
                Signal::derive(move || words.text("pause-at-end-resume-hint")),
                Signal::derive(move || at_end.get() == PauseEnd::Resume),
                Callback::new(move |_| at_end.set(PauseEnd::Resume)),
            )}
            {radio(
                "at-end",
                "end-stop",
                Signal::derive(move || words.text("pause-at-end-stop")),
                Signal::derive(move || words.text("pause-at-end-stop-hint")),
                Signal::derive(move || at_end.get() == PauseEnd::Stop),
                Callback::new(move |_| at_end.set(PauseEnd::Stop)),
            )}
        </fieldset>
    }
}
