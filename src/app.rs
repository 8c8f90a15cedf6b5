use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use runtime_config::{RuntimeConfig, Theme};

use crate::components::confirm_dialog::{ConfirmDialog, ConfirmRequest};
use crate::components::reset_demo::ResetDemo;
use crate::components::reveal_row::RevealRow;
use crate::components::toasts::{Toasts, ToastsView};
use crate::config;
use crate::console_path::ConsolePath;
use crate::host_events::HostEvents;
use crate::pages::config_error::ConfigErrorPage;
use crate::pages::home::Home;
use crate::pages::journey_detail::JourneyDetail;
use crate::pages::not_found::NotFound;
use crate::sync::TokenCell;
use crate::sync::{Backend, Journeys};
use crate::{clock, format, sync};

/// How often the embedded backend's simulation moves customers along on screen.
const EMBEDDED_REFRESH_INTERVAL: Duration = Duration::from_secs(1);

/// How the console was started: standalone from its own `index.html`, or
/// embedded in a host page by `mount` (src/embed.rs).
#[derive(Clone)]
pub struct Setup {
    /// Given by the host, or `None` to read `config.json`.
    pub config: Option<RuntimeConfig>,
    pub paths: ConsolePath,
    /// The host's element, which hears what the user did (HostEvents).
    pub host: Option<web_sys::HtmlElement>,
    /// The bearer token, which the host may replace while the console runs.
    pub token: TokenCell,
    /// Given by the host, who may change it while the console runs; read
    /// from `config.json` standalone.
    pub theme: ArcRwSignal<Theme>,
}

impl Setup {
    pub fn standalone() -> Setup {
        Setup {
            config: None,
            paths: ConsolePath::from_document(),
            host: None,
            token: TokenCell::default(),
            theme: ArcRwSignal::new(Theme::default()),
        }
    }
}

/// Reads `config.json` (unless the host gave the configuration), then starts
/// the console on the backend it names, or explains what is wrong with it.
#[component]
pub fn App(setup: Setup) -> impl IntoView {
    let given = setup.config.clone();
    let theme = RwSignal::from(setup.theme.clone());
    // Browser objects are not Send; the view only needs to reach them here.
    let setup = StoredValue::new_local(setup);
    let config = LocalResource::new(move || {
        let given = given.clone();
        async move {
            match given {
                Some(config) => Ok(config),
                None => config::load().await.map(|file| {
                    theme.set(file.theme);
                    file.backend
                }),
            }
        }
    });
    view! {
        // The stylesheet keys the theme's colours on data-theme.
        <div class="journey-console" data-theme=move || theme.get().as_str()>
            <Suspense fallback=|| {
                view! { <p class="starting" role="status">"Starting Journey Console…"</p> }
            }>
                {move || Suspend::new(async move {
                    match config.await {
                        Ok(config) => {
                            view! { <Console config setup=setup.get_value() /> }.into_any()
                        }
                        Err(error) => view! { <ConfigErrorPage message=error.message /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Console(config: RuntimeConfig, setup: Setup) -> impl IntoView {
    // Unmounted, the console sends nothing more, not even a retry under way.
    let stopped = Arc::new(AtomicBool::new(false));
    on_cleanup({
        let stopped = stopped.clone();
        move || stopped.store(true, Ordering::Relaxed)
    });
    let (backend, interval) = match config {
        RuntimeConfig::Embedded(settings) => (
            Backend::Embedded(sync::EmbeddedBackend::open(settings, clock::now())),
            EMBEDDED_REFRESH_INTERVAL,
        ),
        RuntimeConfig::Http(settings) => (
            Backend::Http(sync::HttpBackend::new(
                &settings,
                setup.token.clone(),
                stopped.clone(),
            )),
            Duration::from_millis(u64::from(settings.poll_interval_ms)),
        ),
    };
    let paths = setup.paths.clone();
    provide_context(paths.clone());
    provide_context(HostEvents::new(setup.host.clone()));
    let journeys = Journeys::new(backend);
    provide_context(journeys);
    provide_context(Toasts::new());
    provide_context(ConfirmRequest::new());
    provide_context(RevealRow::new());

    // Who the user is and the list are asked for together; until the role
    // is known, no action is offered.
    spawn_local(async move { journeys.identify().await });
    spawn_local(async move { journeys.refresh().await });
    // Once those requests are on their way (tasks run in the order spawned).
    spawn_local(async { format::prepare() });
    // Polling pauses while the tab is hidden: nobody is looking, and the
    // first poll after it shows again catches up.
    let refresh = set_interval_with_handle(
        move || {
            if !document().hidden() {
                spawn_local(async move { journeys.refresh().await });
            }
        },
        interval,
    );
    on_cleanup(move || {
        if let Ok(handle) = refresh {
            handle.clear();
        }
    });

    view! {
        <Router base=paths.router_base().unwrap_or_default()>
            <header class="console-header">
                <A href=paths.home() attr:class="product-name">"Journey Console"</A>
                <ResetDemo />
            </header>
            <BackendWarning />
            <SyncProblem />
            <main class="console-main">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/journeys/:id") view=JourneyDetail />
                </Routes>
            </main>
            <ConfirmDialog />
            <ToastsView />
        </Router>
    }
    .into_any()
}

/// The journeys shown may be out of date: say why, and offer to try again.
#[component]
fn SyncProblem() -> impl IntoView {
    let journeys = expect_context::<Journeys>();
    let problem = journeys.problem();
    move || {
        problem.get().map(|text| {
            view! {
                <div class="sync-problem" role="alert">
                    <p>{text}</p>
                    <button
                        type="button"
                        on:click=move |_| spawn_local(async move { journeys.refresh().await })
                    >
                        "Try again"
                    </button>
                </div>
            }
        })
    }
}

#[component]
fn BackendWarning() -> impl IntoView {
    let warning = expect_context::<Journeys>().warning();
    move || {
        warning
            .get()
            .map(|text| view! { <p class="backend-warning" role="alert">{text}</p> })
    }
}
