use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use runtime_config::RuntimeConfig;

use crate::components::confirm_dialog::{ConfirmDialog, ConfirmRequest};
use crate::components::reset_demo::ResetDemo;
use crate::components::toasts::{Toasts, ToastsView};
use crate::config;
use crate::pages::config_error::ConfigErrorPage;
use crate::pages::home::Home;
use crate::pages::journey_detail::JourneyDetail;
use crate::pages::not_found::NotFound;
use crate::sync::{Backend, Journeys};
use crate::{clock, sync};

/// How often journeys are refreshed while the console is open.
const REFRESH_INTERVAL: Duration = Duration::from_secs(1);

/// Reads `config.json`, then starts the console on the backend it names, or
/// explains what is wrong with it.
#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(config::load);
    view! {
        <div class="journey-console">
            <Suspense fallback=|| {
                view! { <p class="starting" role="status">"Starting Journey Console…"</p> }
            }>
                {move || Suspend::new(async move {
                    match config.await {
                        Ok(config) => view! { <Console config /> }.into_any(),
                        Err(error) => view! { <ConfigErrorPage message=error.message /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Console(config: RuntimeConfig) -> impl IntoView {
    let backend = match config {
        RuntimeConfig::Embedded(settings) => {
            Backend::Embedded(sync::EmbeddedBackend::open(settings, clock::now()))
        }
        RuntimeConfig::Http(settings) => {
            return view! {
                <ConfigErrorPage message=format!(
                    "config.json selects the HTTP backend at {}, which this build of Journey Console does not include yet. Remove config.json to use the embedded demo backend.",
                    settings.api_base,
                ) />
            }
            .into_any();
        }
    };
    let journeys = Journeys::new(backend);
    provide_context(journeys);
    provide_context(Toasts::new());
    provide_context(ConfirmRequest::new());

    spawn_local(async move {
        let _ = journeys.refresh().await;
    });
    let refresh = set_interval_with_handle(
        move || spawn_local(async move {
            let _ = journeys.refresh().await;
        }),
        REFRESH_INTERVAL,
    );
    on_cleanup(move || {
        if let Ok(handle) = refresh {
            handle.clear();
        }
    });

    view! {
        <Router>
            <header class="console-header">
                <A href="/" attr:class="product-name">"Journey Console"</A>
                <ResetDemo />
            </header>
            <BackendWarning />
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

#[component]
fn BackendWarning() -> impl IntoView {
    let warning = expect_context::<Journeys>().warning();
    move || {
        warning
            .get()
            .map(|text| view! { <p class="backend-warning" role="alert">{text}</p> })
    }
}
