//! Journey Console: the Home list of customer journeys, a journey's detail view,
//! and the Finish and Stop actions with their confirmations.
//!
//! Three layers: the lifecycle rules (crate `lifecycle`), sync with a backend
//! (`sync`), and the Leptos view (`app`, `pages`, `components`), which only reads
//! state and dispatches actions.

mod app;
mod asked_by_boot;
mod clock;
mod components;
mod config;
mod console_path;
mod crash_notice;
mod embed;
mod focus;
mod format;
mod host_events;
mod new_id;
mod pages;
mod sync;
mod words;

pub use embed::{mount, ConsoleHandle};

/// Starts the console in the page's `<body>` when the page is the console's
/// own `index.html` (started by web/boot.js). In a host page that loaded the
/// console to embed it, nothing is drawn until the host calls `mount`.
pub fn start() {
    crash_notice::install();
    // The benchmark measures from here to Home's first rows.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("journey-console:start");
    }
    if asked_by_boot::boot_script().is_some() {
        // Once the first page web/boot.js asked for is in, if it is nearly
        // there: the browser hands a body over only while the main thread is
        // free, and the console's start holds it for tens of milliseconds.
        wasm_bindgen_futures::spawn_local(async {
            sync::EarlyFirstPage::arrived().await;
            show();
        });
    }
}

/// Puts the console in the page's `<body>`, in place of what index.html shows.
fn show() {
    // What index.html shows while the code downloads gives way to the
    // console, which in the same task says it is starting (until it has
    // read its configuration), so no frame in between is blank.
    let loading = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector("[data-journey-console-loading]")
            .ok()
            .flatten()
    });
    if let Some(loading) = loading {
        loading.remove();
    }
    let setup = app::Setup::standalone();
    leptos::mount::mount_to_body(move || leptos::view! { <app::App setup /> });
}
