use journey_list::AllShown;
use leptos::prelude::*;

use crate::components::home_selection::HomeSelection;
use crate::words::use_words;

/// "Select all shown": every row the search and the filter show, drawn or
/// not; mixed while only some of them are selected.
#[component]
pub fn SelectAllShown() -> impl IntoView {
    let selection = expect_context::<HomeSelection>();
    let words = use_words();
    let state = Memo::new(move |_| selection.all_shown());
    view! {
        <label class="select-all" hidden=move || !selection.may_select()>
            <input
                type="checkbox"
                prop:checked=move || state.get() == AllShown::All
                prop:indeterminate=move || state.get() == AllShown::Some
                on:click=move |ev| {
                    selection.toggle_all_shown();
                    // The browser ticked the box itself; with nothing shown
                    // the selection did not move, so say it again.
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    let now = state.get_untracked();
                    input.set_checked(now == AllShown::All);
                    input.set_indeterminate(now == AllShown::Some);
                }
            />
            <span>{words.label("select-all-shown")}</span>
        </label>
    }
}
