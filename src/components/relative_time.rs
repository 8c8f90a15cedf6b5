use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::sync::use_journeys;
use crate::words::use_words;

/// "3 minutes ago", with the exact time shown on hover and on keyboard focus
/// (and always read out by screen readers).
#[component]
pub fn RelativeTime(#[prop(into)] at: Signal<DateTime<Utc>>) -> impl IntoView {
    let now = use_journeys().now();
    let words = use_words();
    view! {
        <time class="relative-time" tabindex="0" datetime=move || at.get().to_rfc3339()>
            {move || words.relative(at.get(), now.get())}
            <span class="exact-time">{move || format!(" ({})", words.exact(at.get()))}</span>
        </time>
    }
}
