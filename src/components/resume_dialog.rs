//! Resume: a paused journey is live again; held customers continue from
//! where they waited, and new customers can enter.

use leptos::prelude::*;
use lifecycle::{Action, Applied, Command, JourneyVersion};
use wording::Phrase;

use crate::components::action_dialog::{version_named, ActionDialog, DialogTarget};
use crate::words::use_words;

/// The action this dialog asks about: it opens for a request of it.
pub const ACTION: Action = Action::Resume;

#[component]
pub fn ResumeDialog() -> impl IntoView {
    let target = DialogTarget::of(ACTION);
    let words = use_words();
    view! {
        <ActionDialog
            target
            name="resume"
            title=Signal::derive(move || words.text("resume-title"))
            confirm_label=Signal::derive(move || words.say(&wording::action_label(ACTION)))
            command=Callback::new(|_| Some(Command::Resume))
            on_open=Callback::new(|_| {})
            done=Callback::new(|(before, _): (JourneyVersion, Applied)| {
                Phrase::new("done-resumed").with("version", version_named(&before))
            })
        >
            <p class="in-journey-now">
                {words.label("held-customers")} ": "
                <strong>
                    {move || target.version.with(|v| v.as_ref().map(|v| words.count(v.stats.active)).unwrap_or_default())}
                </strong>
            </p>
            <p>{words.label("resume-consequence")}</p>
        </ActionDialog>
    }
}
