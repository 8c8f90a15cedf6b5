use leptos::prelude::*;
use lifecycle::Action;

use crate::components::click_guard::ClickGuard;
use crate::components::confirm_dialog::ConfirmRequest;
use crate::sync::use_journeys;
use crate::words::use_words;

/// Resume (on a paused row), Finish and Stop on a Home row, shown while the
/// pointer is over the row or focus is inside it. Only what the rules (and
/// the backend) allow now is offered; the detail view's menu explains the
/// rest. A click just after the row came to show another version by itself
/// opens nothing and says which version the row now shows.
#[component]
pub fn QuickActions(
    #[prop(into)] id: Signal<String>,
    /// The version the row shows, by name and number, said after the
    /// action in each button's name ("Stop Birthday offer, version 2").
    #[prop(into)]
    version: Signal<String>,
    clicks: ClickGuard,
) -> impl IntoView {
    let journeys = use_journeys();
    let confirm = expect_context::<ConfirmRequest>();
    let click = move |action: Action| {
        if !clicks.held_back() {
            confirm.open(id.get_untracked(), action);
        }
    };
    let words = use_words();
    let button = move |action: Action, class: &'static str| {
        let allowed = Memo::new(move |_| id.with(|id| journeys.allows(id, action)));
        // Hidden rather than removed: a row that comes to show another
        // journey (see `JourneyRow`) flips an attribute instead of building
        // a button. A hidden button is neither seen, focused nor announced.
        view! {
            <button
                type="button"
                class=class
                hidden=move || !allowed.get()
                // Which version the button acts on, for the dialog to tell
                // whether focus can go back to it.
                data-version=id
                on:click=move |_| click(action)
            >
                {move || words.say(&wording::action_label(action))}
                <span class="visually-hidden">" " {version}</span>
            </button>
        }
    };
    view! {
        <div class="quick-actions">
            {button(Action::Resume, "quick-action")}
            {button(Action::Finish, "quick-action")}
            {button(Action::Stop, "quick-action destructive")}
        </div>
    }
}
