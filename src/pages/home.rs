//! Home: every journey version, with search, status filter, sort (all kept in
//! the URL query) and the Finish / Stop quick actions on rows.
//!
//! Only the rows in view are in the page: an account can hold ten thousand
//! versions, and a keystroke in search must show its result within a frame.

use journey_list::{select, ListQuery, RowWindow, SortKey, StatusFilter};
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::components::journey_row::{JourneyRow, ROW_HEIGHT_PX};
use crate::components::reveal_row::RevealRow;
use crate::console_path::{use_console_path, ConsolePath};
use crate::format;
use crate::sync::use_journeys;

/// Rows rendered beyond each edge of the view, so fast scrolling shows no gaps.
const OVERSCAN_ROWS: usize = 4;
/// Until the list has been measured, assume a tall window.
const INITIAL_VIEW_HEIGHT_PX: f64 = 1200.0;

#[component]
pub fn Home() -> impl IntoView {
    let journeys = use_journeys();
    let catalog = journeys.catalog();
    let loaded = journeys.loaded();
    let progress = journeys.progress();

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
    Effect::new({
        let paths = paths.clone();
        move |first_run: Option<()>| {
            let params: ParamsMap = query.with(ListQuery::to_query).into_iter().collect();
            let in_url = url_query.with_untracked(|q| q.to_query_string());
            if first_run.is_some() && params.to_query_string() != in_url {
                written.update_value(|w| w.push(params.to_query_string()));
                let options = NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..ConsolePath::navigation()
                };
                navigate(
                    &format!("{}{}", paths.home(), params.to_query_string()),
                    options,
                );
            }
        }
    });

    let shown = Memo::new(move |_| {
        query.with(|q| {
            catalog.with(|c| {
                select(c.versions(), q)
                    .into_iter()
                    .map(|v| v.id.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let total = Memo::new(move |_| catalog.with(|c| c.len()));

    let list = NodeRef::<html::Div>::new();
    let scroll_top = RwSignal::new(0.0);
    let view_height = RwSignal::new(INITIAL_VIEW_HEIGHT_PX);
    let measure = move || {
        if let Some(list) = list.get_untracked() {
            scroll_top.set(f64::from(list.scroll_top()));
            view_height.set(f64::from(list.client_height()).max(ROW_HEIGHT_PX));
        }
    };
    Effect::new(move |_| {
        if list.get().is_some() {
            measure();
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
            scroll_top.get(),
            view_height.get(),
            ROW_HEIGHT_PX,
            OVERSCAN_ROWS,
        )
    });
    let visible = Memo::new(move |_| {
        let RowWindow { first, last, .. } = rows_in_view.get();
        shown.with(|ids| {
            ids[first..last]
                .iter()
                .enumerate()
                .map(|(offset, id)| (first + offset, id.clone()))
                .collect::<Vec<_>>()
        })
    });
    let space_above = move || format!("{}px", rows_in_view.get().space_above(ROW_HEIGHT_PX));
    let space_below = move || format!("{}px", rows_in_view.get().space_below(ROW_HEIGHT_PX));

    // A row the user just acted on, moved out of view by the new order, is
    // scrolled back into view and its link focused.
    let reveal = expect_context::<RevealRow>();
    Effect::new(move |_| {
        let Some(id) = reveal.take() else { return };
        let Some(index) = shown.with_untracked(|ids| ids.iter().position(|shown| *shown == id))
        else {
            return;
        };
        if let Some(list) = list.get_untracked() {
            list.set_scroll_top((index as f64 * ROW_HEIGHT_PX) as i32);
            measure();
        }
        let href = format!("a[href=\"{}\"]", paths.journey(&id));
        request_animation_frame(move || {
            let link = list
                .get_untracked()
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
        if !marked && !visible.with(Vec::is_empty) {
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
                    {key.label()}
                    <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };

    view! {
        <section class="home" aria-labelledby="home-title">
            <h1 id="home-title">"Journeys"</h1>
            <div class="list-tools">
                <label class="search">
                    <span>"Search journeys"</span>
                    <input
                        type="search"
                        placeholder="Name"
                        prop:value=move || query.with(|q| q.search.clone())
                        on:input:target=move |ev| {
                            let text = ev.target().value();
                            query.update(|q| q.search = text);
                        }
                    />
                </label>
                <label class="status-filter">
                    <span>"Status"</span>
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
                            .map(|f| view! { <option value=f.query_value()>{f.label()}</option> })
                            .collect_view()}
                    </select>
                </label>
                <p class="list-count" role="status">
                    {move || {
                        if !loaded.get() {
                            match progress.get() {
                                Some(count) => format!("Loading journeys… {} so far", format::count(count as u64)),
                                None => "Loading journeys…".to_owned(),
                            }
                        } else {
                            format!(
                                "Showing {} of {} journey versions",
                                format::count(shown.with(Vec::len) as u64),
                                format::count(total.get() as u64),
                            )
                        }
                    }}
                </p>
            </div>
            <div class="journey-list" node_ref=list on:scroll=move |_| measure()>
                <table aria-labelledby="home-title" aria-rowcount=move || rows_in_view.get().count + 1>
                    <thead>
                        <tr aria-rowindex="1">
                            {SortKey::ALL.into_iter().map(sort_header).collect_view()}
                            <th scope="col" class="col-actions">
                                <span class="visually-hidden">"Quick actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="spacer" aria-hidden="true">
                            <td colspan="8" style:height=space_above></td>
                        </tr>
                        <For
                            each=move || visible.get()
                            key=|row| row.clone()
                            children=move |(index, id)| view! { <JourneyRow id index /> }
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
                                "There are no journeys yet.".to_owned()
                            } else {
                                "No journey versions match this search and filter.".to_owned()
                            }
                        }}
                    </p>
                </Show>
            </div>
        </section>
    }
}
