//! Journey Console: the Home list of customer journeys, a journey's detail view,
//! and the Finish and Stop actions with their confirmations.
//!
//! Three layers: the lifecycle rules (crate `lifecycle`), sync with a backend
//! (`sync`), and the Leptos view (`app`, `pages`, `components`), which only reads
//! state and dispatches actions.

mod app;
mod clock;
mod components;
mod config;
mod console_path;
mod crash_notice;
mod format;
mod new_id;
mod pages;
mod sync;

/// Starts the console in the page's `<body>`.
pub fn start() {
    crash_notice::install();
    // The benchmark measures from here to Home's first rows.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("journey-console:start");
    }
    leptos::mount::mount_to_body(app::App);
}
