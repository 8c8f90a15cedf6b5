use journey_sync::{ConfirmFlow, DialogState};
use leptos::prelude::*;

use crate::words::use_words;

/// The end of a confirmation dialog: the error its flow shows (if the
/// action failed), Cancel, and the confirm button, marked busy while the
/// action is being sent.
#[component]
pub fn DialogButtons(
    flow: RwSignal<ConfirmFlow>,
    #[prop(into)] confirm_class: Signal<&'static str>,
    #[prop(into)] confirm_label: Signal<String>,
    on_cancel: Callback<()>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let words = use_words();
    view! {
        {move || match flow.with(|flow| flow.state().clone()) {
            DialogState::Failed(message) => {
                Some(view! { <p class="dialog-error" role="alert">{words.say(&message)}</p> })
            }
            _ => None,
        }}
        <div class="dialog-buttons">
            <button type="button" class="cancel" autofocus on:click=move |_| on_cancel.run(())>
                {words.label("cancel")}
            </button>
            <button
                type="button"
                class=confirm_class
                aria-disabled=move || {
                    flow.with(|flow| *flow.state() == DialogState::Sending).then_some("true")
                }
                on:click=move |_| on_confirm.run(())
            >
                {confirm_label}
            </button>
        </div>
    }
}
