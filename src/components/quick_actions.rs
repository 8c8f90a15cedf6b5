use leptos::prelude::*;
use lifecycle::Action;

use crate::components::confirm_dialog::ConfirmRequest;
use crate::sync::use_journeys;

/// Finish and Stop on a Home row, shown while the pointer is over the row or
/// focus is inside it. Only what the rules allow now is offered; the detail
/// view's menu explains the rest.
#[component]
pub fn QuickActions(id: String, #[prop(into)] name: Signal<String>) -> impl IntoView {
    let journeys = use_journeys();
    let confirm = expect_context::<ConfirmRequest>();
    let button = move |action: Action, class: &'static str| {
        let id = id.clone();
        let allowed = Memo::new({
            let id = id.clone();
            move |_| journeys.allows(&id, action)
        });
        view! {
            <Show when=move || allowed.get()>
                <button
                    type="button"
                    class=class
                    on:click={
                        let id = id.clone();
                        move |_| confirm.open(id.clone(), action)
                    }
                >
                    {action.label()}
                    <span class="visually-hidden">" " {name}</span>
                </button>
            </Show>
        }
    };
    view! {
        <div class="quick-actions">
            {button(Action::Finish, "quick-action")}
            {button(Action::Stop, "quick-action destructive")}
        </div>
    }
}
