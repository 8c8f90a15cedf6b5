use leptos::prelude::*;
use leptos_router::components::A;
use lifecycle::Phase;

use crate::components::quick_actions::QuickActions;
use crate::components::relative_time::RelativeTime;
use crate::components::status_badge::StatusBadge;
use crate::console_path::use_console_path;
use crate::format;
use crate::sync::use_journeys;

/// Every row has this height (style/console.css), so the list can tell which
/// rows are in view from the scroll position alone.
pub const ROW_HEIGHT_PX: f64 = 48.0;

/// One journey version on Home. Each cell follows its own value, so live counts
/// change in place without disturbing focus, hover or an open dialog.
#[component]
pub fn JourneyRow(id: String, index: usize) -> impl IntoView {
    let catalog = use_journeys().catalog();
    let version = Memo::new({
        let id = id.clone();
        move |_| catalog.with(|c| c.get(&id).cloned())
    });
    let name = move || version.with(|v| v.as_ref().map(|v| v.name.clone()).unwrap_or_default());
    let number = move || version.with(|v| v.as_ref().map_or(0, |v| v.version));
    let phase =
        Signal::derive(move || version.with(|v| v.as_ref().map_or(Phase::Draft, |v| v.phase())));
    let count = move |pick: fn(&lifecycle::Stats) -> u64| {
        move || version.with(|v| format::count(v.as_ref().map_or(0, |v| pick(&v.stats))))
    };
    let updated_at = Signal::derive(move || {
        version.with(|v| v.as_ref().map(|v| v.updated_at).unwrap_or_default())
    });
    let updated_by =
        move || version.with(|v| v.as_ref().map(|v| v.updated_by.clone()).unwrap_or_default());
    let href = use_console_path().journey(&id);

    view! {
        <tr class="journey-row" aria-rowindex=index + 2>
            <th scope="row" class="col-name">
                <A href=href>{name}</A>
            </th>
            <td class="col-version">{number}</td>
            <td class="col-status">
                <StatusBadge phase />
            </td>
            <td class="col-entered number">{count(|s| s.entered)}</td>
            <td class="col-in-journey number">{count(|s| s.active)}</td>
            <td class="col-modified">
                <RelativeTime at=updated_at />
            </td>
            <td class="col-modified-by">{updated_by}</td>
            <td class="col-actions">
                <QuickActions id name=Signal::derive(name) />
            </td>
        </tr>
    }
}
