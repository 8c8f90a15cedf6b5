use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::toasts::Toasts;
use crate::sync::use_journeys;
use crate::words::use_words;
use wording::Phrase;

/// Puts the embedded backend's demo journeys back as they were at the start.
#[component]
pub fn ResetDemo() -> impl IntoView {
    let journeys = use_journeys();
    let toasts = expect_context::<Toasts>();
    let words = use_words();
    journeys.can_reset().then(|| {
        view! {
            <button
                type="button"
                class="reset-demo"
                on:click=move |_| {
                    spawn_local(async move {
                        match journeys.reset().await {
                            Ok(()) => toasts.show(Phrase::new("demo-was-reset")),
                            Err(failure) => toasts.show(failure.message),
                        }
                    })
                }
            >
                {words.label("reset-demo")}
            </button>
        }
    })
}
