use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wording::Phrase;

use crate::words::use_words;

/// Under a Home row's status: how many customers a pause holds ("1,234
/// held") and when a scheduled finish falls ("Finishes Dec 3"; the detail
/// view gives the exact time).
#[component]
pub fn StatusNote(
    #[prop(into)] held: Signal<Option<u64>>,
    #[prop(into)] finishes: Signal<Option<DateTime<Utc>>>,
) -> impl IntoView {
    let words = use_words();
    let text = move || {
        let held = held
            .get()
            .map(|held| words.say(&Phrase::new("held-count").with("held", held)));
        let finishes = finishes
            .get()
            .map(|at| words.say(&Phrase::new("finishes-on").with("date", words.short_date(at))));
        match (held, finishes) {
            (None, None) => None,
            (Some(one), None) | (None, Some(one)) => Some(one),
            (Some(held), Some(finishes)) => Some(format!("{held} · {finishes}")),
        }
    };
    move || text().map(|text| view! { " " <span class="row-note">{text}</span> })
}
