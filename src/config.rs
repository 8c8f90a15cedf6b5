//! Reads `config.json` from beside `index.html` at start: the answer to the
//! request web/boot.js made while the code loaded, or a request of its own
//! (embedded in a host page, or started again).

use gloo_net::http::{Request, Response};
use runtime_config::{ConfigError, ConfigFile};
use wasm_bindgen::JsValue;

use crate::asked_by_boot;

/// A config file larger than this is not a config file.
const MAX_CONFIG_BYTES: usize = 64 * 1024;

/// No file means the embedded backend. A static host that answers a missing
/// file with its HTML fallback page (as single-page-app hosts and `trunk serve`
/// do) also means no file. Anything else must be a valid configuration.
pub async fn load() -> Result<ConfigFile, ConfigError> {
    let answer = match asked_by_boot::take("journeyConsoleConfig") {
        Some(asked) => wasm_bindgen_futures::JsFuture::from(asked)
            .await
            .ok()
            .and_then(|answer| Answer::from_boot(&answer))
            .ok_or_else(|| error("config.json could not be loaded: the request failed".into()))?,
        None => {
            let response = Request::get("config.json")
                .cache(web_sys::RequestCache::NoCache)
                .send()
                .await
                .map_err(|e| error(format!("config.json could not be loaded: {e}")))?;
            Answer::read(response).await?
        }
    };
    if answer.status == 404 {
        return Ok(ConfigFile::default());
    }
    if !(200..300).contains(&answer.status) {
        return Err(error(format!(
            "config.json could not be loaded: the server answered {} {}",
            answer.status, answer.status_text
        )));
    }
    let is_html = answer
        .content_type
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("text/html"));
    if is_html {
        return Ok(ConfigFile::default());
    }
    if answer.body.len() > MAX_CONFIG_BYTES {
        return Err(error(format!(
            "config.json is {} bytes; a configuration is at most {MAX_CONFIG_BYTES}",
            answer.body.len()
        )));
    }
    runtime_config::parse_file(&answer.body)
}

/// An answer for config.json, read whole.
struct Answer {
    status: u16,
    status_text: String,
    content_type: Option<String>,
    body: String,
}

impl Answer {
    /// The console's own request's answer.
    async fn read(response: Response) -> Result<Answer, ConfigError> {
        let body = response
            .text()
            .await
            .map_err(|e| error(format!("config.json could not be read: {e}")))?;
        Ok(Answer {
            status: response.status(),
            status_text: response.status_text(),
            content_type: response.headers().get("content-type"),
            body,
        })
    }

    /// The answer as web/boot.js read it: `{ status, statusText,
    /// contentType, body }`, the body already read (a `Response` would take
    /// tasks of its own to read again).
    fn from_boot(answer: &JsValue) -> Option<Answer> {
        let field = |name: &str| asked_by_boot::field(answer, name);
        Some(Answer {
            status: field("status")?
                .as_f64()
                .filter(|s| (0.0..1000.0).contains(s))? as u16,
            status_text: field("statusText")?.as_string().unwrap_or_default(),
            content_type: field("contentType")?.as_string(),
            body: field("body")?.as_string().unwrap_or_default(),
        })
    }
}

fn error(message: String) -> ConfigError {
    ConfigError { message }
}
