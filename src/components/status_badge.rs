use leptos::prelude::*;
use lifecycle::{PauseEnd, Phase};
use wording::Phrase;

use crate::sync::use_journeys;
use crate::words::use_words;

/// The status of a version as a badge; a finished version with customers still
/// in it reads "Finishing" with how many are left, a paused one when its pause
/// ends and what happens then ("Paused · resumes in 3 days").
#[component]
pub fn StatusBadge(
    #[prop(into)] phase: Signal<Phase>,
    /// What happens when a pause ends (a paused version's).
    #[prop(optional, into)]
    pause_end: MaybeProp<PauseEnd>,
) -> impl IntoView {
    let words = use_words();
    let now = use_journeys().now();
    // The class names the phase in the code's words, whatever the language.
    let class = move || format!("status-badge status-{}", phase.get().label().to_lowercase());
    let text = move || match phase.get() {
        Phase::Finishing { active } => {
            words.say(&Phrase::new("finishing-left").with("active", active))
        }
        Phase::Paused { until, .. } => {
            let now = now.get();
            // A pause a server has yet to end reads as ending now.
            let when = words.relative(until.max(now), now);
            let id = match pause_end.get() {
                Some(PauseEnd::Stop) => "paused-stops",
                _ => "paused-resumes",
            };
            words.say(&Phrase::new(id).with("when", when))
        }
        other => words.text(wording::status_label(other).id),
    };
    view! { <span class=class>{text}</span> }
}
