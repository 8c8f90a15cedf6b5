use leptos::prelude::*;
use wording::Locale;

use crate::words::{self, use_words};

/// The standalone console's language; the choice is remembered in this
/// browser. (An embedded console takes its language from the host.)
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let words = use_words();
    view! {
        <label class="language-picker">
            <span>{words.label("language")}</span>
            <select
                prop:value=move || words.locale().tag()
                on:change:target=move |ev| {
                    if let Some(locale) = Locale::from_tag(&ev.target().value()) {
                        words::remember(locale);
                        words.set_locale(locale);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.tag() lang=l.tag()>{l.own_name()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
