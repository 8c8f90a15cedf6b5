use leptos::prelude::*;

use crate::words::use_words;

/// Shown instead of the console when `config.json` can't be used, so whoever
/// deployed it sees what to fix rather than a blank page. The message names
/// config.json's own keys and values, so it stays in English.
#[component]
pub fn ConfigErrorPage(message: String) -> impl IntoView {
    let words = use_words();
    view! {
        <main class="console-main config-error">
            <h1>{words.label("cannot-start")}</h1>
            <p role="alert" class="config-error-message" lang="en">{message}</p>
            <p>{words.label("fix-config")}</p>
        </main>
    }
}
