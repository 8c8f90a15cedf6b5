use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wording::Phrase;

use crate::sync::use_journeys;
use crate::words::use_words;

/// Under a Home row's status: how many customers a pause holds ("1,234
/// held") and when a scheduled finish falls ("Finishes Dec 3", with the year
/// when it is a year or so away; the detail view gives the exact time).
#[component]
pub fn StatusNote(
    #[prop(into)] held: Signal<Option<u64>>,
    #[prop(into)] finishes: Signal<Option<DateTime<Utc>>>,
) -> impl IntoView {
    let words = use_words();
    let now = use_journeys().now();
    let text = move || {
        let held = held
            .get()
            .map(|held| words.say(&Phrase::new("held-count").with("held", held)));
        let finishes = finishes.get().map(|at| {
            let date = words.short_date(at, now.get());
            words.say(&Phrase::new("finishes-on").with("date", date))
        });
        match (held, finishes) {
            (None, None) => None,
            (Some(one), None) | (None, Some(one)) => Some(one),
            (Some(held), Some(finishes)) => Some(format!("{held} · {finishes}")),
        }
    };
    move || text().map(|text| view! { " " <span class="row-note">{text}</span> })
}
