use leptos::prelude::*;
use wording::Phrase;

use crate::components::click_guard::ClickGuard;
use crate::components::home_selection::HomeSelection;
use crate::words::use_words;

/// A Home row's tick for bulk actions, named after the version the row shows
/// ("Select Welcome series, version 2"). Its state follows the version, not
/// the row: Home keeps rows in place and changes what they show.
#[component]
pub fn RowCheckbox(
    #[prop(into)] id: Signal<String>,
    /// The version the row shows, by name and number.
    #[prop(into)]
    version: Signal<String>,
    clicks: ClickGuard,
) -> impl IntoView {
    let selection = expect_context::<HomeSelection>();
    let words = use_words();
    let label = move || words.say(&Phrase::new("select-version").with("version", version.get()));
    let checked = move || id.with(|id| selection.picks.with(|picks| picks.is_selected(id)));
    view! {
        <input
            type="checkbox"
            class="row-checkbox"
            aria-label=label
            hidden=move || !selection.may_select()
            prop:checked=checked
            on:click=move |ev| {
                // Aimed at the version the row showed before: the box stays as it was.
                if clicks.held_back() {
                    ev.prevent_default();
                    return;
                }
                let extend = ev.shift_key();
                let now = event_target_checked(&ev);
                selection.click(&id.get_untracked(), now, extend);
            }
        />
    }
}
