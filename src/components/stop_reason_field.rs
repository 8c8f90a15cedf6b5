use leptos::prelude::*;

use crate::words::use_words;

/// The optional reason recorded with a Stop, in the single and the bulk
/// confirmation. `prefix` keeps their element ids apart.
#[component]
pub fn StopReasonField(prefix: &'static str, reason: RwSignal<String>) -> impl IntoView {
    let words = use_words();
    let text_id = format!("{prefix}-reason-text");
    let hint_id = format!("{prefix}-reason-hint");
    view! {
        <div class="stop-reason">
            <label for=text_id.clone()>{words.label("stop-reason-label")}</label>
            <textarea
                id=text_id
                rows="2"
                aria-describedby=hint_id.clone()
                prop:value=move || reason.get()
                on:input:target=move |ev| reason.set(ev.target().value())
            ></textarea>
            <span id=hint_id class="hint">
                {words.label("stop-reason-hint")}
            </span>
        </div>
    }
}
