//! Embedding in a host page: `mount(element, options)` draws the console in
//! the element's shadow root (so the host's styles and ours stay apart) and
//! returns a handle to replace the token or unmount. `web/embed.js` wraps it
//! as the `<journey-console>` element. docs/embedding.md shows both.

use std::any::Any;

use leptos::prelude::*;
use runtime_config::{RuntimeConfig, Theme};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::app::{App, LanguageCell, Setup};
use crate::console_path::ConsolePath;
use crate::sync::TokenCell;

#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MountOptions {
    /// The HTTP contract's base address; without it, the embedded demo backend.
    api_base: Option<String>,
    token: Option<String>,
    poll_interval_ms: Option<u32>,
    /// The path under which the console's pages live in the host's URLs,
    /// such as `/marketing` for `/marketing/journeys/{id}`.
    base_path: Option<String>,
    /// The console's stylesheet, loaded into the shadow root.
    stylesheet: Option<String>,
    /// A BCP 47 language tag; the browser's language when absent.
    locale: Option<String>,
    /// `light`, `dark` or `auto` (the default: the system's preference).
    theme: Option<String>,
}

/// The options that name a server, as `config.json` would (checked the same
/// way, by `runtime_config::parse`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HttpOptions<'a> {
    backend: &'a str,
    api_base: &'a str,
    poll_interval_ms: Option<u32>,
}

/// A mounted console.
#[wasm_bindgen]
pub struct ConsoleHandle {
    mounted: Option<Box<dyn Any>>,
    /// What it put in the element's shadow root: its stylesheet and its
    /// container, taken out on unmount (and nothing else: a console mounted
    /// there since stays).
    nodes: Vec<web_sys::Element>,
    token: TokenCell,
    language: LanguageCell,
    theme: ArcRwSignal<Theme>,
}

#[wasm_bindgen]
impl ConsoleHandle {
    /// Removes the console: its elements, listeners, timers and polling.
    /// Once unmounted, the handle's other methods do nothing.
    pub fn unmount(&mut self) {
        // Dropping Leptos's handle runs every cleanup the console registered.
        self.mounted.take();
        for node in self.nodes.drain(..) {
            node.remove();
        }
    }

    /// Replaces the bearer token (a refreshed one); the next request carries
    /// it. One that cannot be sent in a header is refused, and the token
    /// before stays.
    #[wasm_bindgen(js_name = setToken)]
    pub fn set_token(&self, token: Option<String>) -> Result<(), JsError> {
        let token = runtime_config::token(token.as_deref()).map_err(refused)?;
        if self.mounted.is_some() {
            self.token.replace(token);
        }
        Ok(())
    }

    /// Switches the language at once (a BCP 47 tag such as `de`); a language
    /// the console does not speak, or none, means the browser's language.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: Option<String>) {
        if self.mounted.is_some() {
            self.language.set(locale.as_deref());
        }
    }

    /// Switches to the `light`, `dark` or `auto` theme; none means `auto`.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, theme: Option<String>) -> Result<(), JsError> {
        let theme = theme_option(theme.as_deref())?;
        if self.mounted.is_some() {
            self.theme.set(theme);
        }
        Ok(())
    }
}

/// A refused option, said of the options rather than of config.json.
fn refused(error: runtime_config::ConfigError) -> JsError {
    JsError::new(&format!(
        "Journey Console: {}",
        error.message.replace("config.json", "options")
    ))
}

/// The `theme` option; a word that is not a theme is refused as config.json's
/// would be, said of the options.
fn theme_option(name: Option<&str>) -> Result<Theme, JsError> {
    name.map_or(Ok(Theme::default()), Theme::parse)
        .map_err(refused)
}

/// Mounts Journey Console in `element`. `options`: `{apiBase, token,
/// pollIntervalMs, basePath, stylesheet, theme, locale}`, all optional. Options that
/// make no sense are refused with a message naming them, before anything is drawn.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<ConsoleHandle, JsError> {
    let options: MountOptions = if options.is_undefined() || options.is_null() {
        MountOptions::default()
    } else {
        let json = js_sys::JSON::stringify(&options)
            .map_err(|_| JsError::new("Journey Console: options must be a plain object"))?;
        serde_json::from_str(&String::from(json))
            .map_err(|e| JsError::new(&format!("Journey Console: options: {e}")))?
    };
    let config = match &options.api_base {
        Some(api_base) => runtime_config::parse(
            &serde_json::to_string(&HttpOptions {
                backend: "http",
                api_base,
                poll_interval_ms: options.poll_interval_ms,
            })
            .unwrap_or_default(),
        )
        .map_err(refused)?,
        None if options.poll_interval_ms.is_some() => {
            return Err(JsError::new(
                "Journey Console: options: pollIntervalMs is how often apiBase is asked; \
                 give apiBase too, or leave pollIntervalMs out for the demo data",
            ))
        }
        None => RuntimeConfig::default(),
    };
    let theme = ArcRwSignal::new(theme_option(options.theme.as_deref())?);
    let first_token = runtime_config::token(options.token.as_deref()).map_err(refused)?;
    let base_path =
        runtime_config::base_path(options.base_path.as_deref().unwrap_or("")).map_err(refused)?;

    let shadow = match element.shadow_root() {
        Some(shadow) => shadow,
        None => element
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .map_err(|_| JsError::new("Journey Console: this element cannot hold a shadow root"))?,
    };
    // What was there before (a notice, a console unmounted) goes.
    shadow.set_inner_html("");
    let mut nodes = Vec::new();
    if let Some(href) = &options.stylesheet {
        let link = document()
            .create_element("link")
            .map_err(|_| JsError::new("no document"))?;
        link.set_attribute("rel", "stylesheet").ok();
        link.set_attribute("href", href).ok();
        shadow.append_child(&link).ok();
        nodes.push(link);
    }
    let container: web_sys::HtmlElement = document()
        .create_element("div")
        .map_err(|_| JsError::new("no document"))?
        .unchecked_into();
    shadow.append_child(&container).ok();
    nodes.push(container.clone().into());

    let language = LanguageCell::default();
    let token = TokenCell::default();
    token.replace(first_token);
    let setup = Setup {
        config: Some(config),
        paths: ConsolePath::new(base_path),
        host: Some(element),
        token: token.clone(),
        locale: options.locale.clone(),
        language: language.clone(),
        theme: theme.clone(),
    };
    let mounted = leptos::mount::mount_to(container, move || view! { <App setup /> });
    Ok(ConsoleHandle {
        mounted: Some(Box::new(mounted)),
        nodes,
        token,
        language,
        theme,
    })
}
