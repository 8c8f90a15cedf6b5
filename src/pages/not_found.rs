use leptos::prelude::*;
use leptos_router::components::A;

use crate::console_path::use_console_path;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>"Journey Console has no page at this address."</p>
            <A href=use_console_path().home()>"Back to Home"</A>
        </section>
    }
}

/// A journey id that no version has (deleted, or a mistyped link).
#[component]
pub fn JourneyNotFound(id: String) -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"Journey not found"</h1>
            <p>"No journey version has the id \u{201c}" {id} "\u{201d}. It may have been deleted."</p>
            <A href=use_console_path().home()>"Back to Home"</A>
        </section>
    }
}
