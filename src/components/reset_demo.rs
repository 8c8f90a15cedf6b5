use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::toasts::Toasts;
use crate::sync::use_journeys;
use crate::words::use_words;
use wording::Phrase;

/// On the embedded backend: says that these are demo journeys, kept in this
/// browser, that reach no customer (a console embedded without its
/// `api-base`, by a slip, must not pass for a live one), and puts them back
/// as they were at the start.
#[component]
pub fn ResetDemo() -> impl IntoView {
    let journeys = use_journeys();
    let toasts = expect_context::<Toasts>();
    let words = use_words();
    journeys.can_reset().then(|| {
        view! {
            <p class="demo-notice">{words.label("demo-notice")}</p>
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
