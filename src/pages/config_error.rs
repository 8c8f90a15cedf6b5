use leptos::prelude::*;

/// Shown instead of the console when `config.json` can't be used, so whoever
/// deployed it sees what to fix rather than a blank page.
#[component]
pub fn ConfigErrorPage(message: String) -> impl IntoView {
    view! {
        <main class="console-main config-error">
            <h1>"Journey Console can't start"</h1>
            <p role="alert" class="config-error-message">{message}</p>
            <p>
                "Fix config.json next to index.html, or remove it to use the embedded demo backend. "
                "The README's \"Runtime configuration\" section lists what it may contain."
            </p>
        </main>
    }
}
