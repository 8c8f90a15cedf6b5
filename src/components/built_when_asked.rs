//! A part of the view built the first time it is asked for, and kept after.
//!
//! The dialogs are hidden until someone opens one; building them all when the
//! console starts took about a third of the time between the start and the
//! first request for the list (`scripts/bench`, first rows). Kept once built,
//! so a dialog's closing (focus going back, an answer after Escape) is never
//! cut short by taking it out of the page.

use leptos::prelude::*;

#[component]
pub fn BuiltWhenAsked(
    /// True while the part is wanted; once true, the part stays.
    #[prop(into)]
    asked: Signal<bool>,
    children: ChildrenFn,
) -> impl IntoView {
    let built =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || asked.get());
    move || built.get().then(|| children())
}
