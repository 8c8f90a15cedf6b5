use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::toasts::Toasts;
use crate::sync::use_journeys;

/// Puts the embedded backend's demo journeys back as they were at the start.
#[component]
pub fn ResetDemo() -> impl IntoView {
    let journeys = use_journeys();
    let toasts = expect_context::<Toasts>();
    journeys.can_reset().then(|| {
        view! {
            <button
                type="button"
                class="reset-demo"
                on:click=move |_| {
                    spawn_local(async move {
                        match journeys.reset().await {
                            Ok(()) => toasts.show("The demo data was reset.".into()),
                            Err(failure) => toasts.show(failure.message),
                        }
                    })
                }
            >
                "Reset demo data"
            </button>
        }
    })
}
