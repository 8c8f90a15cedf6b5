//! Pause: what happens to the customers in the journey (held or discarded),
//! for how many days, and what happens when the pause ends. The terms are
//! asked of the rules (`Catalog::check_command`) as they are typed; what
//! they refuse is said beside the field and never sent.

use leptos::prelude::*;
use lifecycle::{Action, Outcome, PauseAgainstFinish};
use wording::Phrase;

use crate::components::action_dialog::{version_named, ActionDialog, DialogTarget};
use crate::components::pause_terms::{PauseTerms, PauseTermsFields};
use crate::sync::use_journeys;
use crate::words::use_words;

/// The action this dialog asks about: it opens for a request of it.
pub const ACTION: Action = Action::Pause;

#[component]
pub fn PauseDialog() -> impl IntoView {
    let target = DialogTarget::of(ACTION);
    let catalog = use_journeys().catalog();
    let words = use_words();
    let terms = PauseTerms::new();
    // Why the rules refuse these terms, if they do; the action itself
    // was allowed when the dialog opened.
    let refusal = Memo::new(move |_| -> Option<Phrase> {
        let id = target.id()?;
        catalog.with(|c| terms.refusal(c, &id))
    });
    let active = Signal::derive(move || {
        target
            .version
            .with(|v| v.as_ref().map_or(0, |v| v.stats.active))
    });
    // A finish scheduled before the pause would end comes first; one
    // scheduled after a pause that stops the journey never happens.
    let finish_first = move || {
        let until = terms.until()?;
        let at_end = terms.at_end();
        let which = target
            .version
            .with(|v| v.as_ref()?.pause_against_finish(until, at_end))?;
        let (key, at) = match which {
            PauseAgainstFinish::FinishFirst(at) => ("pause-finish-comes-first", at),
            PauseAgainstFinish::StoppedFirst(at) => ("pause-stops-before-finish", at),
        };
        Some(words.say(&Phrase::new(key).with("at", at)))
    };

    view! {
        <ActionDialog
            target
            name="pause"
            title=Signal::derive(move || words.text("pause-title"))
            confirm_label=Signal::derive(move || words.say(&wording::action_label(ACTION)))
            command=Callback::new(move |_| refusal.get_untracked().is_none().then(|| terms.command()).flatten())
            on_open=Callback::new(move |_| terms.reset())
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
            <PauseTermsFields terms prefix="pause" refusal active />
            <p aria-live="polite">{finish_first}</p>
        </ActionDialog>
    }
}
