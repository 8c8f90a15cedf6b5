use leptos::prelude::*;
use leptos_router::components::A;
use wording::Phrase;

use crate::console_path::use_console_path;
use crate::words::use_words;

#[component]
pub fn NotFound() -> impl IntoView {
    let words = use_words();
    view! {
        <section class="not-found">
            <h1>{words.label("page-not-found")}</h1>
            <p>{words.label("no-page-here")}</p>
            <A href=use_console_path().home()>{words.label("back-home")}</A>
        </section>
    }
}

/// A journey id that no version has (deleted, or a mistyped link).
#[component]
pub fn JourneyNotFound(id: String) -> impl IntoView {
    let words = use_words();
    let missing = Phrase::new("no-such-journey").with("id", id);
    view! {
        <section class="not-found">
            <h1>{words.label("journey-not-found")}</h1>
            <p>{move || words.say(&missing)}</p>
            <A href=use_console_path().home()>{words.label("back-home")}</A>
        </section>
    }
}
