use leptos::prelude::*;
use lifecycle::Action;
use wording::Phrase;

use crate::components::home_selection::{BulkDialog, HomeSelection};
use crate::sync::{use_bulk_actions, use_journeys};
use crate::words::use_words;

/// Shown while versions are selected: how many, Finish, Stop and (where the
/// backend offers it) Pause for all of them, and Clear selection. The latest bulk action's progress and results
/// stay here (with a button back to them) until the next one starts.
#[component]
pub fn SelectionToolbar() -> impl IntoView {
    let selection = expect_context::<HomeSelection>();
    let bulk = use_bulk_actions();
    let journeys = use_journeys();
    let run = bulk.run();
    let words = use_words();
    // A version deleted meanwhile (here or elsewhere) is not counted.
    let catalog = journeys.catalog();
    let exists = move |id: &str| catalog.with(|c| c.get(id).is_some());
    let any = Memo::new(move |_| selection.picks.with(|picks| !picks.is_empty()));
    let count = Memo::new(move |_| {
        selection
            .picks
            .with(|picks| picks.ids().filter(|id| exists(id)).count())
    });
    // Ticked versions the search or filter hide: a bulk action acts on them too.
    let hidden = Memo::new(move |_| selection.hidden(count.get(), exists));
    let has_run = Memo::new(move |_| run.with(Option::is_some));
    let running = Memo::new(move |_| bulk.running());
    let open = move |action: Action| {
        if running.get_untracked() {
            return;
        }
        selection.open(BulkDialog::Ask(action));
    };
    let action_button = move |action: Action, class: &'static str| {
        view! {
            <button
                type="button"
                class=class
                aria-disabled=move || running.get().then_some("true")
                on:click=move |_| open(action)
            >
                {move || words.say(&wording::action_label(action))}
            </button>
        }
    };
    let last_run = move || {
        run.with(|run| {
            run.as_ref().map(|run| {
                words.say(
                    &Phrase::new("bulk-last-run")
                        .with("action", wording::action_key(run.action()))
                        .with("progress", run.progress()),
                )
            })
        })
    };
    view! {
        <div
            class="selection-toolbar"
            role="group"
            aria-label=words.label("bulk-selection")
            hidden=move || !selection.may_select()
            // Nothing selected and no run yet: kept in its place, unseen, so
            // that the first tick does not push the list down under the
            // pointer (nor the last one pull it up).
            class:idle=move || !any.get() && !has_run.get()
        >
            // Also when every version selected is gone: Clear selection stays.
            <Show when=move || any.get() || !has_run.get()>
                <span class="selected-count">
                    {move || match hidden.get() {
                        0 => words.say(&Phrase::new("bulk-selected").with("count", count.get())),
                        hidden => words.say(
                            &Phrase::new("bulk-selected-hidden")
                                .with("count", count.get())
                                .with("hidden", hidden),
                        ),
                    }}
                </span>
                {action_button(Action::Finish, "primary")}
                {action_button(Action::Stop, "destructive")}
                // Only where the backend offers pausing and the role allows it.
                <Show when=move || journeys.permission(Action::Pause).is_ok()>
                    {action_button(Action::Pause, "")}
                </Show>
                <button
                    type="button"
                    on:click=move |ev| {
                        // The button goes with the selection: focus would
                        // fall to the top of the page. It goes on to
                        // "Select all shown", beside the list.
                        let button = event_target::<web_sys::HtmlElement>(&ev);
                        if let Some(all) = crate::focus::find_all(&button, ".select-all input").first() {
                            let _ = all.focus();
                        }
                        selection.picks.update(|p| p.clear());
                    }
                >
                    {words.label("clear-selection")}
                </button>
            </Show>
            <p class="bulk-last-run" role="status">{last_run}</p>
            <Show when=move || has_run.get()>
                <button
                    type="button"
                    on:click=move |_| selection.open(BulkDialog::Results)
                >
                    {words.label("bulk-show-results")}
                </button>
            </Show>
        </div>
    }
}
