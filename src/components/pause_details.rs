use leptos::prelude::*;
use lifecycle::{JourneyVersion, PauseCustomers, PauseEnd};
use wording::Phrase;

use crate::sync::use_journeys;
use crate::words::use_words;

/// The detail view's lines about a pause (since when and by whom, until when
/// exactly in the user's time zone, what happened to the customers, what
/// happens at its end, how many it holds) and about a scheduled finish (its
/// exact time and who set it), for the Lifecycle list.
#[component]
pub fn PauseDetails(#[prop(into)] version: Signal<Option<JourneyVersion>>) -> impl IntoView {
    let words = use_words();
    let now = use_journeys().now();
    // Memos: the version changes with every count; these rarely.
    let pause =
        Memo::new(move |_| version.with(|v| v.as_ref().and_then(|v| v.pause_now().cloned())));
    let schedule =
        Memo::new(move |_| version.with(|v| v.as_ref().and_then(|v| v.finish_ahead().cloned())));
    let held = move || version.with(|v| words.count(v.as_ref().map_or(0, |v| v.stats.active)));
    // A moment said as passed or to come, whichever it is: a clock a little
    // off from the server's never puts a pause's start ahead or its end
    // behind.
    let exact_and_relative = move |at: chrono::DateTime<chrono::Utc>, to_come: bool| {
        move || {
            let now = now.get();
            let when = match to_come {
                true => at.max(now),
                false => at.min(now),
            };
            words.say(
                &Phrase::new("time-and-relative")
                    .with("at", words.exact(at))
                    .with("when", words.relative(when, now)),
            )
        }
    };
    let line = move |term: &'static str, value: AnyView| {
        view! { <div><dt>{move || words.text(term)}</dt><dd>{value}</dd></div> }
    };
    view! {
        {move || pause.get().map(|pause| {
            let since = Phrase::new("by-whom").with("by", pause.by.as_str());
            let customers = match pause.customers {
                PauseCustomers::Hold => "pause-customers-held",
                PauseCustomers::Discard => "pause-customers-discarded",
            };
            let then = match pause.at_end {
                PauseEnd::Resume => "pause-then-resume",
                PauseEnd::Stop => "pause-then-stop",
            };
            view! {
                {line("moment-paused", view! {
                    <time datetime=pause.since.to_rfc3339()>{exact_and_relative(pause.since, false)}</time>
                    {move || format!(" {}", words.say(&since))}
                }.into_any())}
                {line("pause-ends", view! {
                    <time datetime=pause.until.to_rfc3339()>{exact_and_relative(pause.until, true)}</time>
                }.into_any())}
                {line("pause-customers-label", view! { {move || words.text(customers)} }.into_any())}
                {line("pause-then", view! { {move || words.text(then)} }.into_any())}
                {(pause.customers == PauseCustomers::Hold).then(|| line("held-customers", view! { {held} }.into_any()))}
            }
        })}
        {move || schedule.get().map(|schedule| {
            let at = schedule.at;
            let by = schedule.by.clone();
            line("scheduled-finish", view! {
                <time datetime=at.to_rfc3339()>
                    {move || {
                        let now = now.get();
                        words.say(
                            &Phrase::new("scheduled-finish-value")
                                .with("at", words.exact(at))
                                .with("when", words.relative(at.max(now), now))
                                .with("by", by.as_str()),
                        )
                    }}
                </time>
            }.into_any())
        })}
    }
}
