use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use runtime_config::{RuntimeConfig, Theme};

use crate::components::built_when_asked::BuiltWhenAsked;
use crate::components::confirm_dialog::{needs_confirmation, ConfirmDialog, ConfirmRequest};
use crate::components::language_picker::LanguagePicker;
use crate::components::pause_dialog::{self, PauseDialog};
use crate::components::reset_demo::ResetDemo;
use crate::components::resume_dialog::{self, ResumeDialog};
use crate::components::reveal_row::RevealRow;
use crate::components::schedule_finish_dialog::{self, ScheduleFinishDialog};
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
use crate::words::{self, use_words, Words};
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
    /// The language the host asked for (`locale`), if any.
    pub locale: Option<String>,
    /// Where the console puts its language, for the host to change it.
    pub language: LanguageCell,
}

/// The console's [`Words`], once it runs, for a host's `setLocale`.
#[derive(Clone, Default)]
pub struct LanguageCell(std::rc::Rc<std::cell::Cell<Option<Words>>>);

impl LanguageCell {
    /// Switches the running console to the language `tag` names; a tag the
    /// console has no language for means the browser's language.
    pub fn set(&self, tag: Option<&str>) {
        if let Some(words) = self.0.get() {
            words.set_locale(words::starting_locale(tag, false));
        }
    }
}

impl Setup {
    pub fn standalone() -> Setup {
        Setup {
            config: None,
            paths: ConsolePath::from_document(),
            host: None,
            token: TokenCell::default(),
            locale: None,
            language: LanguageCell::default(),
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
    let standalone = setup.host.is_none();
    let words = Words::new(words::starting_locale(setup.locale.as_deref(), standalone));
    provide_context(words);
    setup.language.0.set(Some(words));
    if standalone {
        // The page's own language, for screen readers and the browser.
        Effect::new(move |_| {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", words.locale().tag());
            }
        });
    }
    // Browser objects are not Send; the view only needs to reach them here.
    let setup = StoredValue::new_local(setup);
    // The configuration a host gave is there at once; config.json is read.
    let config = RwSignal::new(given.map(Ok));
    if config.with_untracked(Option::is_none) {
        spawn_local(async move {
            let loaded = config::load().await.map(|file| {
                theme.try_set(file.theme);
                file.backend
            });
            config.try_set(Some(loaded));
        });
    }
    view! {
        <div
            class="journey-console"
            // The stylesheet keys the theme's colours on data-theme.
            data-theme=move || theme.get().as_str()
            lang=move || words.locale().tag()
            // What web/boot.js and web/embed.js show if the console stops on
            // an internal error, when no Rust can run any more to say it.
            data-crash-notice=words.label("crash-notice")
        >
            {move || match config.get() {
                None => view! { <p class="starting" role="status">{words.label("starting")}</p> }
                    .into_any(),
                Some(Ok(config)) => untrack(|| {
                    view! { <Console config setup=setup.get_value() /> }.into_any()
                }),
                Some(Err(error)) => view! { <ConfigErrorPage message=error.message /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Console(config: RuntimeConfig, setup: Setup) -> impl IntoView {
    // Unmounted, the console reads nothing more and retries no read; a change
    // the user confirmed is still sent to its end (`HttpBackend::apply`).
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
            Backend::Http(Box::new(sync::HttpBackend::new(
                &settings,
                setup.token.clone(),
                stopped.clone(),
            ))),
            Duration::from_millis(u64::from(settings.poll_interval_ms)),
        ),
    };
    let paths = setup.paths.clone();
    provide_context(paths.clone());
    let standalone = setup.host.is_none();
    let host_events = HostEvents::new(setup.host.clone());
    provide_context(host_events);
    let journeys = Journeys::new(backend, use_words());
    provide_context(journeys);
    let bulk = sync::BulkActions::new(journeys, host_events);
    provide_context(bulk);
    provide_context(Toasts::new());
    let confirm = ConfirmRequest::new();
    provide_context(confirm);
    provide_context(RevealRow::new());

    // Who the user is and the list are asked for together; until the role
    // is known, no action is offered.
    spawn_local(async move { journeys.identify().await });
    journeys.refresh_soon();
    // The view is built once those requests are on their way (tasks run in
    // the order spawned), so that building it does not hold them back; no
    // frame is drawn in between.
    let requested = RwSignal::new(false);
    spawn_local(async move { requested.set(true) });
    let words = use_words();
    spawn_local(async move { format::prepare(words.locale()) });
    // Polling pauses while the tab is hidden: nobody is looking, and the
    // first poll after it shows again catches up.
    let refresh = set_interval_with_handle(
        move || {
            if !document().hidden() {
                journeys.refresh_soon();
            }
        },
        interval,
    );
    on_cleanup(move || {
        if let Ok(handle) = refresh {
            handle.clear();
        }
    });

    move || {
        requested.get().then(|| {
            let paths = paths.clone();
            view! {
                <Router base=paths.router_base().unwrap_or_default()>
                    <header class="console-header">
                        <A href=paths.home() attr:class="product-name">{words.label("product-name")}</A>
                        <ResetDemo />
                        {standalone.then(|| view! { <LanguagePicker /> })}
                    </header>
                    <BackendWarning />
                    <SyncProblem />
                    <main class="console-main">
                        <Routes fallback=|| view! { <NotFound /> }>
                            <Route path=path!("/") view=Home />
                            <Route path=path!("/journeys/:id") view=JourneyDetail />
                        </Routes>
                    </main>
                    <BuiltWhenAsked asked=confirm.asks(needs_confirmation)>
                        <ConfirmDialog />
                    </BuiltWhenAsked>
                    <BuiltWhenAsked asked=confirm.asks(|action| action == pause_dialog::ACTION)>
                        <PauseDialog />
                    </BuiltWhenAsked>
                    <BuiltWhenAsked asked=confirm.asks(|action| action == resume_dialog::ACTION)>
                        <ResumeDialog />
                    </BuiltWhenAsked>
                    <BuiltWhenAsked asked=confirm.asks(|action| action == schedule_finish_dialog::ACTION)>
                        <ScheduleFinishDialog />
                    </BuiltWhenAsked>
                    <ToastsView />
                </Router>
            }
        })
    }
}

/// The journeys shown may be out of date: say why, and offer to try again.
#[component]
fn SyncProblem() -> impl IntoView {
    let journeys = expect_context::<Journeys>();
    let problem = journeys.problem();
    let words = use_words();
    move || {
        problem.get().map(|phrase| {
            view! {
                <div class="sync-problem" role="alert">
                    <p>{move || words.say(&phrase)}</p>
                    <button
                        type="button"
                        on:click=move |_| journeys.refresh_soon()
                    >
                        {words.label("try-again")}
                    </button>
                </div>
            }
        })
    }
}

#[component]
fn BackendWarning() -> impl IntoView {
    let warning = expect_context::<Journeys>().warning();
    let words = use_words();
    move || {
        warning.get().map(|phrase| {
            view! { <p class="backend-warning" role="alert">{move || words.say(&phrase)}</p> }
        })
    }
}
