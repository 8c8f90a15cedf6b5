use journey_sync::ConfirmFlow;
use leptos::prelude::*;
use lifecycle::JourneyVersion;

use crate::words::use_words;

/// Said in an open confirmation dialog whose version changed since it opened
/// (`ConfirmFlow::change_notice`): the next click on its confirm button only
/// shows this, and the one after acts.
#[component]
pub fn ChangedNotice(
    flow: RwSignal<ConfirmFlow>,
    version: Memo<Option<JourneyVersion>>,
) -> impl IntoView {
    let words = use_words();
    move || {
        flow.with(|flow| version.with(|shown| flow.change_notice(shown.as_ref())))
            .map(|notice| view! { <p class="dialog-changed" role="alert">{words.say(&notice)}</p> })
    }
}
