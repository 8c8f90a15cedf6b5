use leptos::prelude::*;
use lifecycle::Phase;

use crate::format;

/// The status of a version as a badge; a finished version with customers still
/// in it reads "Finishing" with how many are left.
#[component]
pub fn StatusBadge(#[prop(into)] phase: Signal<Phase>) -> impl IntoView {
    let class = move || format!("status-badge status-{}", phase.get().label().to_lowercase());
    let text = move || match phase.get() {
        Phase::Finishing { active } => format!("Finishing · {} left", format::count(active)),
        other => other.label().to_owned(),
    };
    view! { <span class=class>{text}</span> }
}
