//! Reads `config.json` from beside `index.html` at start: the answer to the
//! request web/boot.js made while the code loaded, or a request of its own
//! (embedded in a host page, or started again).

use gloo_net::http::{Request, Response};
use runtime_config::{ConfigError, ConfigFile};
use wasm_bindgen::JsCast;

use crate::asked_by_boot;

/// A config file larger than this is not a config file.
const MAX_CONFIG_BYTES: usize = 64 * 1024;

/// No file means the embedded backend. A static host that answers a missing
/// file with its HTML fallback page (as single-page-app hosts and `trunk serve`
/// do) also means no file. Anything else must be a valid configuration.
pub async fn load() -> Result<ConfigFile, ConfigError> {
    let response = match asked_by_boot::take("journeyConsoleConfig") {
        Some(answer) => wasm_bindgen_futures::JsFuture::from(answer)
            .await
            .ok()
            .and_then(|response| response.dyn_into::<web_sys::Response>().ok())
            .map(Response::from)
            .ok_or_else(|| error("config.json could not be loaded: the request failed".into()))?,
        None => Request::get("config.json")
            .cache(web_sys::RequestCache::NoCache)
            .send()
            .await
            .map_err(|e| error(format!("config.json could not be loaded: {e}")))?,
    };
    if response.status() == 404 {
        return Ok(ConfigFile::default());
    }
    if !response.ok() {
        return Err(error(format!(
            "config.json could not be loaded: the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let is_html = response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("text/html"));
    if is_html {
        return Ok(ConfigFile::default());
    }
    let text = response
        .text()
        .await
        .map_err(|e| error(format!("config.json could not be read: {e}")))?;
    if text.len() > MAX_CONFIG_BYTES {
        return Err(error(format!(
            "config.json is {} bytes; a configuration is at most {MAX_CONFIG_BYTES}",
            text.len()
        )));
    }
    runtime_config::parse_file(&text)
}

fn error(message: String) -> ConfigError {
    ConfigError { message }
}
