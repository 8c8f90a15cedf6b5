use leptos::prelude::*;
use lifecycle::Phase;
use wording::Phrase;

use crate::words::use_words;

/// The status of a version as a badge; a finished version with customers still
/// in it reads "Finishing" with how many are left.
#[component]
pub fn StatusBadge(#[prop(into)] phase: Signal<Phase>) -> impl IntoView {
    let words = use_words();
    // The class names the phase in the code's words, whatever the language.
    let class = move || format!("status-badge status-{}", phase.get().label().to_lowercase());
    let text = move || match phase.get() {
        Phase::Finishing { active } => {
            words.say(&Phrase::new("finishing-left").with("active", active))
        }
        other => words.text(wording::status_label(other).id),
    };
    view! { <span class=class>{text}</span> }
}
