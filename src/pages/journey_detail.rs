//! A journey version: its counts, when and by whom it was published, finished
//! or stopped, its other versions, its history, and the actions menu.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use lifecycle::{Action, HistoryEntry, JourneyVersion, Phase};

use crate::components::action_menu::ActionMenu;
use crate::components::pause_details::PauseDetails;
use crate::components::relative_time::RelativeTime;
use crate::components::status_badge::StatusBadge;
use crate::console_path::use_console_path;
use crate::pages::not_found::JourneyNotFound;
use crate::sync::use_journeys;
use crate::words::use_words;
use wording::Phrase;

#[component]
pub fn JourneyDetail() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let journeys = use_journeys();
    let catalog = journeys.catalog();
    let loaded = journeys.loaded();
    let words = use_words();
    let exists = Memo::new(move |_| catalog.with(|c| c.get(&id.get()).is_some()));
    // Opened from a link while the list still loads: the version is asked
    // for on its own rather than after every page. `Some(false)`: the
    // backend has no such version.
    let found_alone = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        let id = id.get();
        found_alone.set(None);
        if !loaded.get_untracked() && !exists.get_untracked() {
            leptos::task::spawn_local(async move {
                let found = journeys.load_version(&id).await;
                // The user may have left the page meanwhile (Home, Back, the
                // host unmounting the console): its parameters are gone then.
                if id_now(params).is_some_and(|now| now == id) {
                    found_alone.try_set(found);
                }
            });
        }
    });
    move || {
        // The router keeps this page when only the id changes (a link to
        // another version, a new version just created), so the id is tracked
        // here: component props in `view!` are read untracked.
        let id = id.get();
        if exists.get() {
            view! { <JourneyView id /> }.into_any()
        } else if loaded.get() || found_alone.get() == Some(false) {
            view! { <JourneyNotFound id /> }.into_any()
        } else {
            view! { <p class="loading" role="status">{words.label("loading-journey")}</p> }
                .into_any()
        }
    }
}

/// The id the page shows now; `None` once the page is gone.
fn id_now(params: Memo<leptos_router::params::ParamsMap>) -> Option<String> {
    params.try_with_untracked(|p| p.get("id").unwrap_or_default())
}

#[component]
fn JourneyView(id: String) -> impl IntoView {
    let journeys = use_journeys();
    let paths = use_console_path();
    let catalog = journeys.catalog();
    let version = Memo::new({
        let id = id.clone();
        move |_| catalog.with(|c| c.get(&id).cloned())
    });
    // Read once here; the backend keeps it fresh when the version changes.
    // A history that cannot be read, or only in part, is said, with a way
    // to try again.
    let history_problem = RwSignal::new(None::<wording::Phrase>);
    let read_history = {
        let id = id.clone();
        move || {
            let id = id.clone();
            leptos::task::spawn_local(async move {
                let read = journeys.load_history(&id).await;
                history_problem.try_set(read.err());
            });
        }
    };
    let history_left_out = Memo::new({
        let id = id.clone();
        move |_| journeys.history_left_out(&id)
    });
    read_history();
    let history = Memo::new({
        let id = id.clone();
        move |_| catalog.with(|c| c.history(&id).to_vec())
    });
    let siblings = Memo::new(move |_| {
        version.with(|v| {
            v.as_ref().map_or_else(Vec::new, |v| {
                catalog.with(|c| {
                    c.versions_of(&v.journey_id)
                        .map(|s| (s.id.clone(), s.version))
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let read = move |f: fn(&JourneyVersion) -> String| {
        move || version.with(|v| v.as_ref().map(f).unwrap_or_default())
    };
    let phase =
        Signal::derive(move || version.with(|v| v.as_ref().map_or(Phase::Draft, |v| v.phase())));
    let pause_end = Signal::derive(move || {
        version.with(|v| v.as_ref().and_then(|v| v.pause_now().map(|p| p.at_end)))
    });
    let words = use_words();
    let count = move |pick: fn(&lifecycle::Stats) -> u64| {
        move || version.with(|v| words.count(v.as_ref().map_or(0, |v| pick(&v.stats))))
    };
    let text = move |id: &'static str| words.label(id);
    let id_for_forecast = id.clone();
    let menu_id = Signal::derive({
        let id = id.clone();
        move || id.clone()
    });

    view! {
        <article class="journey-detail" aria-labelledby="journey-title">
            <nav class="breadcrumb" aria-label=text("breadcrumb")>
                <A href=paths.home()>{text("home")}</A>
            </nav>
            <header class="journey-header">
                <div class="journey-heading">
                    <h1 id="journey-title" tabindex="-1">{read(|v| v.name.clone())}</h1>
                    <p class="journey-version">
                        {move || {
                            let number = version.with(|v| v.as_ref().map_or(0, |v| v.version));
                            words.say(&Phrase::new("version-number").with("version", number))
                        }}
                        " "
                        <StatusBadge phase pause_end />
                    </p>
                </div>
                <ActionMenu id=menu_id />
            </header>

            <section aria-labelledby="counts-title" class="counts">
                <h2 id="counts-title">{text("customers")}</h2>
                <dl>
                    <div><dt>{text("count-entered")}</dt><dd>{count(|s| s.entered)}</dd></div>
                    <div><dt>{text("count-in-journey")}</dt><dd>{count(|s| s.active)}</dd></div>
                    <div><dt>{text("count-completed")}</dt><dd>{count(|s| s.completed)}</dd></div>
                    <div><dt>{text("count-exited")}</dt><dd>{count(|s| s.exited)}</dd></div>
                </dl>
            </section>

            <section aria-labelledby="lifecycle-title" class="lifecycle">
                <h2 id="lifecycle-title">{text("lifecycle")}</h2>
                <dl>
                    <Moment label="moment-created" at=move || version.with(|v| v.as_ref().map(|v| v.created_at)) by=Signal::derive(|| None) />
                    <Moment
                        label="moment-published"
                        at=move || version.with(|v| v.as_ref().and_then(|v| v.published_at))
                        by=Signal::derive(move || last_by(&history.get(), Action::Publish))
                    />
                    <Moment
                        label="moment-finished"
                        at=move || version.with(|v| v.as_ref().and_then(|v| v.finished_at))
                        by=Signal::derive(move || last_by(&history.get(), Action::Finish))
                    />
                    {move || {
                        // While finishing: when the last customer is expected out.
                        let finishing = matches!(phase.get(), Phase::Finishing { .. });
                        let forecast = finishing.then(|| journeys.drain_forecast(&id_for_forecast)).flatten();
                        forecast.map(|forecast| {
                            view! { <div><dt>{text("drain-label")}</dt><dd class="drain-forecast">{words.say(&forecast)}</dd></div> }
                        })
                    }}
                    <Moment
                        label="moment-stopped"
                        at=move || version.with(|v| v.as_ref().and_then(|v| v.stopped_at))
                        by=Signal::derive(move || last_by(&history.get(), Action::Stop))
                    />
                    {move || {
                        version.with(|v| v.as_ref().and_then(|v| v.stop_reason.clone())).map(|reason| {
                            view! { <div><dt>{text("stop-reason")}</dt><dd class="stop-reason-text">{reason}</dd></div> }
                        })
                    }}
                    <PauseDetails version=Signal::derive(move || version.get()) />
                    <div><dt>{text("last-modified-by")}</dt><dd>{read(|v| v.updated_by.clone())}</dd></div>
                </dl>
            </section>

            <section aria-labelledby="versions-title" class="versions">
                <h2 id="versions-title">{text("versions-of-journey")}</h2>
                <ul>
                    <For
                        each=move || siblings.get()
                        key=|s| s.clone()
                        children=move |(sibling_id, number)| {
                            let current = sibling_id == id;
                            // Follows the sibling's counts in place, so the link
                            // beside it keeps focus while they change.
                            let phase = Signal::derive({
                                let sibling_id = sibling_id.clone();
                                move || {
                                    catalog.with(|c| {
                                        c.get(&sibling_id).map_or(Phase::Draft, |v| v.phase())
                                    })
                                }
                            });
                            view! {
                                <li>
                                    <A
                                        href=paths.journey(&sibling_id)
                                        attr:aria-current=current.then_some("page")
                                    >
                                        {move || words.say(&Phrase::new("version-number").with("version", number))}
                                    </A>
                                    " "
                                    <StatusBadge phase />
                                </li>
                            }
                        }
                    />
                </ul>
            </section>

            <section aria-labelledby="history-title" class="history">
                <h2 id="history-title">{text("history")}</h2>
                {move || {
                    let read_history = read_history.clone();
                    let unreadable = history_problem.get().map(|why| {
                        wording::Phrase::new("history-unreadable").with("why", why)
                    });
                    unreadable
                        .or_else(|| history_left_out.get())
                        .map(|problem| {
                            view! {
                                <p class="history-problem" role="alert">
                                    {move || words.say(&problem)}
                                    " "
                                    <button type="button" on:click=move |_| read_history()>
                                        {text("history-try-again")}
                                    </button>
                                </p>
                            }
                        })
                }}
                <table aria-labelledby="history-title">
                    <thead>
                        <tr>
                            <th scope="col">{text("history-when")}</th>
                            <th scope="col">{text("history-what")}</th>
                            <th scope="col">{text("history-status")}</th>
                            <th scope="col">{text("history-by")}</th>
                            <th scope="col">{text("history-reason")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || history.get().into_iter().rev().map(move |entry| history_row(entry, words)).collect_view()}
                    </tbody>
                </table>
            </section>
        </article>
    }
}

#[component]
fn Moment(
    label: &'static str,
    #[prop(into)] at: Signal<Option<DateTime<Utc>>>,
    by: Signal<Option<String>>,
) -> impl IntoView {
    // Memos: the version changes with every count, these rarely; redrawing
    // on every count would take focus from the time.
    let at = Memo::new(move |_| at.get());
    let by = Memo::new(move |_| by.get());
    let words = use_words();
    move || {
        at.get().map(|when| {
            view! {
                <div>
                    <dt>{move || words.text(label)}</dt>
                    <dd>
                        <RelativeTime at=Signal::stored(when) />
                        {by.get().map(|by| {
                            let by = Phrase::new("by-whom").with("by", by);
                            move || format!(" {}", words.say(&by))
                        })}
                    </dd>
                </div>
            }
        })
    }
}

fn last_by(history: &[HistoryEntry], action: Action) -> Option<String> {
    history
        .iter()
        .rev()
        .find(|entry| entry.action == action)
        .map(|entry| entry.by.clone())
}

fn history_row(entry: HistoryEntry, words: crate::words::Words) -> impl IntoView {
    let status = move |status: lifecycle::Status| words.say(&wording::status_name(status));
    let (from, to) = (entry.from, entry.to);
    let change = move || match (from, to) {
        (Some(from), Some(to)) if from != to => format!("{} → {}", status(from), status(to)),
        (_, Some(to)) => status(to),
        _ => String::new(),
    };
    let action = entry.action;
    // The rules' own entries are said in the user's language; a reason a
    // person typed (or an older server wrote) is shown as it is.
    let reason = entry
        .cause
        .map(|cause| wording::history_cause_phrase(&cause));
    let typed = entry.reason.unwrap_or_default();
    let reason = move || {
        reason
            .as_ref()
            .map_or_else(|| typed.clone(), |phrase| words.say(phrase))
    };
    view! {
        <tr>
            <td><RelativeTime at=Signal::stored(entry.at) /></td>
            <td>{move || words.say(&wording::action_label(action))}</td>
            <td>{change}</td>
            <td>{entry.by}</td>
            <td>{reason}</td>
        </tr>
    }
}
