//! Home: every journey version, with search, status filter, sort (all kept in
//! the URL query), the Finish / Stop quick actions on rows, and rows ticked
//! for one Finish or Stop on many versions.
//!
//! Only the rows in view are in the page: an account can hold ten thousand
//! versions, and a keystroke in search must show its result within a frame.

use journey_list::{scroll_to_show, ListQuery, RowWindow, SortKey, SortedList, StatusFilter};
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::components::built_when_asked::BuiltWhenAsked;
use crate::components::bulk_confirm_dialog::BulkConfirmDialog;
use crate::components::home_selection::HomeSelection;
use crate::components::journey_row::{JourneyRow, ROW_HEIGHT_PX};
use crate::components::reveal_row::RevealRow;
use crate::components::select_all_shown::SelectAllShown;
use crate::components::selection_toolbar::SelectionToolbar;
use crate::console_path::{use_console_path, ConsolePath};
use crate::sync::use_journeys;
use crate::words::use_words;
use wording::Phrase;

/// Rows rendered beyond each edge of the view, so fast scrolling shows no gaps.
const OVERSCAN_ROWS: usize = 4;
/// How long typing pauses before the URL shows the search.
const URL_WRITE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);
/// Until the list has been measured, and where the window's height cannot be read.
const FALLBACK_VIEW_HEIGHT_PX: f64 = 1200.0;

/// How tall the list may be before it is measured: no taller than the window
/// it is in (the stylesheet gives it the window's height less what stands
/// above it), so a phone's first rows are a phone's screenful, not a tall
/// monitor's. The rows are drawn once, for this height, and the first frame
/// then measures the list; rows drawn beyond it are built and laid out for
/// nothing. Reading the window's height lays out the page as it stands
/// before Home is in it (about 2 ms in a trace here).
fn first_view_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .filter(|height| *height >= ROW_HEIGHT_PX)
        .unwrap_or(FALLBACK_VIEW_HEIGHT_PX)
}

#[component]
pub fn Home() -> impl IntoView {
    let journeys = use_journeys();
    let catalog = journeys.catalog();
    let loaded = journeys.loaded();
    let problem = journeys.problem();
    let words = use_words();

    let url_query = use_query_map();
    let query = RwSignal::new(url_query.with_untracked(|q| ListQuery::from_query(|k| q.get(k))));
    let navigate = use_navigate();
    let paths = use_console_path();
    // Queries this page wrote to the URL and the router has not shown yet: the
    // URL catching up with typing must not undo the keys typed since.
    let written = StoredValue::new(Vec::<String>::new());
    // A link to Home (the header's), Back and Forward change the URL's query
    // without drawing Home anew: the list follows.
    Effect::new(move |_| {
        let in_url = url_query.with(|q| q.to_query_string());
        let ours = written.with_value(|w| w.iter().position(|q| *q == in_url));
        if let Some(position) = ours {
            written.update_value(|w| {
                w.drain(..=position);
            });
            return;
        }
        let from_url = url_query.with_untracked(|q| ListQuery::from_query(|k| q.get(k)));
        if query.with_untracked(|shown| *shown != from_url) {
            query.set(from_url);
        }
    });
    // The URL follows the list, once typing pauses for the search: writing
    // it costs more than filtering ten thousand rows, and nobody reads it
    // between two keys. A filter or an order is written at once.
    let pending_write = StoredValue::new(None::<TimeoutHandle>);
    // Which change the latest timer writes: a timer of an earlier change that
    // fires anyway (a cleared timer can still be on its way) writes nothing.
    let latest_write = StoredValue::new(0u64);
    Effect::new({
        let paths = paths.clone();
        move |before: Option<ListQuery>| {
            let now = query.get();
            if let Some(earlier) = pending_write.get_value() {
                earlier.clear();
            }
            let Some(before) = before else {
                return now;
            };
            latest_write.update_value(|n| *n += 1);
            let this_write = latest_write.get_value();
            let typing = ListQuery {
                search: now.search.clone(),
                ..before
            } == now;
            let navigate = navigate.clone();
            let home = paths.home();
            let ours = now.to_query();
            let write = move || {
                if latest_write.try_get_value() != Some(this_write) {
                    return;
                }
                pending_write.try_set_value(None);
                // The page's other query parameters (a host's, where the
                // console is embedded) stay as they are now; only the
                // list's are written.
                let Some(mut params) = url_query.try_with_untracked(Clone::clone) else {
                    return;
                };
                let in_url = params.to_query_string();
                for key in ListQuery::KEYS {
                    params.remove(key);
                }
                for (key, value) in ours {
                    params.replace(key, value);
                }
                let target = params.to_query_string();
                if target != in_url {
                    let href = format!("{home}{target}");
                    written.update_value(|w| w.push(target));
                    let options = NavigateOptions {
                        replace: true,
                        scroll: false,
                        ..ConsolePath::navigation()
                    };
                    navigate(&href, options);
                }
            };
            let delay = if typing {
                URL_WRITE_DELAY
            } else {
                std::time::Duration::ZERO
            };
            pending_write.set_value(set_timeout_with_handle(write, delay).ok());
            now
        }
    });
    // Leaving Home (a row's link) before the pause: the URL is no longer ours.
    on_cleanup(move || {
        if let Some(Some(pending)) = pending_write.try_get_value() {
            pending.clear();
        }
    });

    // Sorted when the list or its order changes; a keystroke only filters.
    let order = Memo::new(move |_| query.with(|q| (q.sort, q.direction)));
    let sorted = Memo::new(move |_| {
        let (sort, direction) = order.get();
        catalog.with(|c| SortedList::new(c.versions(), sort, direction))
    });
    let filter = Memo::new(move |_| query.with(|q| (q.search.clone(), q.status)));
    // Positions in `sorted` of the rows the search and filter show.
    let shown = Memo::new(move |_| {
        filter.with(|(search, status)| sorted.with(|list| list.matching(search, *status)))
    });
    let total = Memo::new(move |_| catalog.with(|c| c.len()));
    // The versions ticked for a bulk action, by id: they stay ticked
    // whatever the search, filter or order shows.
    let selection = HomeSelection::new(sorted, shown);
    provide_context(selection);

    let list = NodeRef::<html::Div>::new();
    let scroll_top = RwSignal::new(0.0);
    let view_height = RwSignal::new(first_view_height());
    // Also run in an animation frame, which may come after Home is gone
    // (the user went on, the host unmounted the console): hence `try_`.
    let measure = move || {
        if let Some(list) = list.try_get_untracked().flatten() {
            scroll_top.set(f64::from(list.scroll_top()));
            view_height.set(f64::from(list.client_height()).max(ROW_HEIGHT_PX));
        }
    };
    // Measured in the next frame, when the browser lays the page out anyway:
    // measuring now would make it lay out at once, before the requests for
    // the list are even sent.
    Effect::new(move |_| {
        if list.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // A new search, filter or order starts at the top of its results.
    // Only when scrolled: touching the scroll position makes the browser lay
    // the page out at once, a cost a keystroke at the top need not pay.
    Effect::new(move |first_run: Option<()>| {
        query.track();
        if first_run.is_some() && scroll_top.get_untracked() > 0.0 {
            if let Some(list) = list.get_untracked() {
                list.set_scroll_top(0);
            }
            scroll_top.set(0.0);
        }
    });

    let rows_in_view = Memo::new(move |_| {
        RowWindow::new(
            shown.with(Vec::len),
            loaded.get(),
            scroll_top.get(),
            view_height.get(),
            ROW_HEIGHT_PX,
            OVERSCAN_ROWS,
        )
    });
    // The version shown at a place in the list. Rows stay in the page by
    // place: a keystroke changes what a row shows, in place, rather than
    // building new rows (see `JourneyRow`).
    let id_at = move |index: usize| {
        shown.with(|positions| {
            sorted.with(|list| {
                positions
                    .get(index)
                    .and_then(|&position| list.id(position))
                    .map(str::to_owned)
            })
        })
    };
    let space_above = move || format!("{}px", rows_in_view.get().space_above(ROW_HEIGHT_PX));
    let space_below = move || format!("{}px", rows_in_view.get().space_below(ROW_HEIGHT_PX));

    // A row the user just acted on, moved out of view by the new order, is
    // scrolled back into view and its link focused.
    let reveal = expect_context::<RevealRow>();
    Effect::new(move |_| {
        let Some(id) = reveal.take() else { return };
        let index = shown.with_untracked(|positions| {
            sorted.with_untracked(|list| {
                positions
                    .iter()
                    .position(|&position| list.id(position) == Some(id.as_str()))
            })
        });
        let Some(index) = index else {
            return;
        };
        // Scrolled only as far as the row needs, and not at all when it is
        // in sight (`scroll_to_show`).
        if let Some(list) = list.get_untracked() {
            let seen_from = f64::from(list.scroll_top());
            // The column headings stay at the top of the box (sticky) and
            // hide the rows under them.
            let headings = list
                .query_selector("thead")
                .ok()
                .flatten()
                .and_then(|thead| thead.dyn_into::<web_sys::HtmlElement>().ok())
                .map_or(0.0, |thead| f64::from(thead.offset_height()));
            let height = f64::from(list.client_height()) - headings;
            if let Some(to) = scroll_to_show(index, seen_from, height, ROW_HEIGHT_PX) {
                list.set_scroll_top(to as i32);
                measure();
            }
        }
        let href = format!("a[href=\"{}\"]", paths.journey(&id));
        request_animation_frame(move || {
            let link = list
                .try_get_untracked()
                .flatten()
                .and_then(|list| list.query_selector(&href).ok().flatten())
                .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(link) = link {
                let _ = link.focus();
            }
        });
    });

    // Lets the benchmark (and anyone profiling) see when the first rows are in the page.
    Effect::new(move |marked: Option<bool>| {
        let marked = marked.unwrap_or(false);
        if !marked && rows_in_view.with(|window| window.last > window.first) {
            if let Some(performance) = window().performance() {
                let _ = performance.mark("journey-console:first-rows");
            }
            return true;
        }
        marked
    });

    let sort_header = move |key: SortKey| {
        let aria_sort = move || query.with(|q| (q.sort == key).then(|| q.direction.aria_sort()));
        let arrow = move || {
            query.with(|q| match (q.sort == key, q.direction.aria_sort()) {
                (false, _) => "",
                (true, "ascending") => "▲",
                (true, _) => "▼",
            })
        };
        view! {
            <th scope="col" aria-sort=aria_sort class=format!("col-{}", key.query_value())>
                <button
                    type="button"
                    class="sort-button"
                    on:click=move |_| query.update(|q| *q = q.sorted_by(key))
                >
                    {move || words.say(&wording::sort_label(key))}
                    <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };

    view! {
        <section class="home" aria-labelledby="home-title">
            <h1 id="home-title">{words.label("journeys-title")}</h1>
            <div class="list-tools">
                <label class="search">
                    <span>{words.label("search-journeys")}</span>
                    <input
                        type="search"
                        placeholder=words.label("search-placeholder")
                        prop:value=move || query.with(|q| q.search.clone())
                        on:input:target=move |ev| {
                            let text = ev.target().value();
                            query.update(|q| q.search = text);
                        }
                    />
                </label>
                <label class="status-filter">
                    <span>{words.label("status-filter")}</span>
                    <select
                        prop:value=move || query.with(|q| q.status.query_value())
                        on:change:target=move |ev| {
                            let value = ev.target().value();
                            let status = StatusFilter::from_query_value(&value).unwrap_or_default();
                            query.update(|q| q.status = status);
                        }
                    >
                        {StatusFilter::ALL
                            .into_iter()
                            .map(|f| view! { <option value=f.query_value()>{move || words.say(&wording::filter_label(f))}</option> })
                            .collect_view()}
                    </select>
                </label>
                <SelectAllShown />
                <SelectionToolbar />
                <p class="list-count" role="status">
                    {move || {
                        let (shown, total) = (shown.with(Vec::len), total.get());
                        if !loaded.get() && total == 0 {
                            // The alert above says why; the next refresh tries again.
                            return if problem.with(Option::is_some) {
                                words.text("journeys-not-loaded")
                            } else {
                                words.text("loading-journeys")
                            };
                        }
                        let phrase = if loaded.get() {
                            Phrase::new("showing-all")
                        } else if problem.with(Option::is_some) {
                            // The alert above says why; the next refresh tries again.
                            Phrase::new("showing-loaded-failed")
                        } else {
                            // Search, filter and sort cover what has arrived.
                            Phrase::new("showing-loading")
                        };
                        words.say(&phrase.with("shown", shown).with("total", total))
                    }}
                </p>
            </div>
            <div class="journey-list" node_ref=list on:scroll=move |_| measure()>
                <table aria-labelledby="home-title" aria-rowcount=move || rows_in_view.get().count + 1>
                    <thead>
                        <tr aria-rowindex="1">
                            {SortKey::ALL.into_iter().map(sort_header).collect_view()}
                            <th scope="col" class="col-actions">
                                <span class="visually-hidden">{words.label("quick-actions")}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="spacer" aria-hidden="true">
                            <td colspan="8" style:height=space_above></td>
                        </tr>
                        <For
                            each=move || {
                                let RowWindow { first, last, .. } = rows_in_view.get();
                                first..last
                            }
                            key=|index| *index
                            children=move |index| {
                                let id = Memo::new(move |_| id_at(index).unwrap_or_default());
                                view! { <JourneyRow id index query /> }
                            }
                        />
                        <tr class="spacer" aria-hidden="true">
                            <td colspan="8" style:height=space_below></td>
                        </tr>
                    </tbody>
                </table>
                <Show when=move || loaded.get() && shown.with(Vec::is_empty)>
                    <p class="empty-list">
                        {move || {
                            if total.get() == 0 {
                                // Versions left out as unreadable are not "no journeys".
                                match journeys.warning().with(Option::is_some) {
                                    true => words.text("no-journeys-readable"),
                                    false => words.text("no-journeys"),
                                }
                            } else {
                                words.text("no-match")
                            }
                        }}
                    </p>
                </Show>
            </div>
            <BuiltWhenAsked asked=Signal::derive(move || selection.dialog.with(Option::is_some))>
                <BulkConfirmDialog />
            </BuiltWhenAsked>
        </section>
    }
}
