use journey_list::ListQuery;
use journey_sync::SeenLifecycle;
use leptos::prelude::*;
use lifecycle::Phase;

use wasm_bindgen::JsCast;

use crate::components::click_guard::ClickGuard;
use crate::components::quick_actions::QuickActions;
use crate::components::relative_time::RelativeTime;
use crate::components::reveal_row::RevealRow;
use crate::components::row_checkbox::RowCheckbox;
use crate::components::status_badge::StatusBadge;
use crate::components::status_note::StatusNote;
use crate::console_path::use_console_path;
use crate::sync::use_journeys;
use crate::words::use_words;

/// Every row has this height (style/console.css), so the list can tell which
/// rows are in view from the scroll position alone.
pub const ROW_HEIGHT_PX: f64 = 48.0;

/// The row at `index` on Home, showing the version `id`. Each cell follows
/// its own value, so live counts change in place without disturbing focus,
/// hover or an open dialog.
///
/// A row stays at its place while what it shows changes (a search, a new
/// order): changing a row's text costs far less than building a row. Focus
/// must not stay on a row that now shows another journey, so it follows the
/// journey it was on (or leaves the list when that journey is no longer
/// shown): a keypress never acts on a journey the user did not choose. A
/// click does not either: one on its actions just after the list moved by
/// itself under the pointer is held back ([`ClickGuard`]).
#[component]
pub fn JourneyRow(
    #[prop(into)] id: Signal<String>,
    index: usize,
    /// The user's search, filter and order: what they change is no surprise.
    query: RwSignal<ListQuery>,
) -> impl IntoView {
    let journeys = use_journeys();
    let catalog = journeys.catalog();
    // The catalog's own copy, shared: a row that comes to show another
    // version (every keystroke of a search) copies none of it.
    let version = Memo::new(move |_| id.with(|id| catalog.with(|c| c.shared(id).cloned())));
    let name = move || version.with(|v| v.as_ref().map(|v| v.name.clone()).unwrap_or_default());
    let number = move || version.with(|v| v.as_ref().map_or(0, |v| v.version));
    let words = use_words();
    // The version by name and number ("Birthday offer, version 2"): a
    // journey's versions share its name, and an action names the one it
    // acts on.
    let named = Memo::new(move |_| {
        words.say(
            &wording::Phrase::new("bulk-version")
                .with("name", name())
                .with("version", number()),
        )
    });
    let phase =
        Signal::derive(move || version.with(|v| v.as_ref().map_or(Phase::Draft, |v| v.phase())));
    let clicks = ClickGuard::new("row-moved-under-pointer", version.into());
    let row = NodeRef::<leptos::html::Tr>::new();
    let reveal = expect_context::<RevealRow>();
    // What the row shows of its version besides which one: its lifecycle
    // (the status, a pause, a scheduled finish; a Finish aimed at a live
    // version must not open on one a colleague just stopped). Not its counts.
    let lifecycle = move || version.with(|v| v.as_deref().map(SeenLifecycle::of));
    Effect::new(
        move |before: Option<(String, Option<SeenLifecycle>, ListQuery)>| {
            let now = id.get();
            let showing = lifecycle();
            let asked = query.get();
            if let (Some((before, showed, asked_before)), Some(row)) = (before, row.get_untracked())
            {
                if (before != now || showing != showed) && asked == asked_before {
                    clicks.moved();
                }
                if before != now && row.matches(":focus-within").unwrap_or(false) {
                    if let Ok(Some(focused)) = row.query_selector(":focus") {
                        if let Ok(focused) = focused.dyn_into::<web_sys::HtmlElement>() {
                            let _ = focused.blur();
                        }
                    }
                    reveal.request(before);
                }
            }
            (now, showing, asked)
        },
    );
    let pause_end = Signal::derive(move || {
        version.with(|v| v.as_ref().and_then(|v| v.pause_now().map(|p| p.at_end)))
    });
    // Customers a pause holds (none when it discarded them).
    let held = Signal::derive(move || {
        version.with(|v| {
            v.as_ref().and_then(|v| {
                v.pause_now()
                    .filter(|p| p.customers == lifecycle::PauseCustomers::Hold)
                    .map(|_| v.stats.active)
            })
        })
    });
    let finishes = Signal::derive(move || {
        version.with(|v| v.as_ref().and_then(|v| v.finish_ahead().map(|s| s.at)))
    });
    let count = move |pick: fn(&lifecycle::Stats) -> u64| {
        move || version.with(|v| words.count(v.as_ref().map_or(0, |v| pick(&v.stats))))
    };
    let updated_at = Signal::derive(move || {
        version.with(|v| v.as_ref().map(|v| v.updated_at).unwrap_or_default())
    });
    let updated_by =
        move || version.with(|v| v.as_ref().map(|v| v.updated_by.clone()).unwrap_or_default());
    // A plain link: the router takes its clicks all the same, and a row
    // never needs `A`'s active-link tracking, which costs more to set up
    // than the rest of the row.
    let paths = use_console_path();
    let href = move || id.with(|id| paths.journey(id));

    view! {
        <tr
            class="journey-row"
            aria-rowindex=index + 2
            node_ref=row
            on:pointerenter=move |_| clicks.pointed()
            on:focusin=move |_| clicks.pointed()
        >
            <th scope="row" class="col-name">
                <a href=href>{name}</a>
            </th>
            <td class="col-version">{number}</td>
            <td class="col-status">
                <StatusBadge phase pause_end />
                {move || {
                    // While finishing: when its last customer is expected out.
                    let finishing = matches!(phase.get(), Phase::Finishing { .. });
                    finishing
                        .then(|| id.with(|id| journeys.drain_forecast_short(id)))
                        .flatten()
                        .map(|note| view! { <span class="row-note">{words.say(&note)}</span> })
                }}
                <StatusNote held finishes />
            </td>
            <td class="col-entered number">{count(|s| s.entered)}</td>
            <td class="col-in-journey number">{count(|s| s.active)}</td>
            <td class="col-modified">
                <RelativeTime at=updated_at />
            </td>
            <td class="col-modified-by">{updated_by}</td>
            <td class="col-actions">
                <RowCheckbox id version=named clicks />
                <QuickActions id version=named clicks />
            </td>
        </tr>
    }
}
