//! A backend reached over the HTTP contract (docs/contract/): pages followed
//! to the end, ETag-checked polling, and changes sent with `If-Match` and an
//! `Idempotency-Key`, retried with backoff when the network or the server fails.
//! Whatever the server answers, the console gets a clear message, never a panic.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use contract::{
    etag_of_revision, ErrorBody, HistoryPage, JourneyPage, Me, StopBody, IDEMPOTENCY_KEY, IF_MATCH,
};
use gloo_net::http::{Request, RequestBuilder, Response};
use lifecycle::{Action, Applied, Catalog, Command, HistoryEntry, JourneyVersion, Outcome};
use runtime_config::HttpSettings;
use serde::de::DeserializeOwned;
use web_sys::{AbortController, AbortSignal};

use super::backend::{BackendError, ErrorKind};

/// A request with no answer after this long is given up (and retried).
const TIMEOUT: Duration = Duration::from_secs(15);
/// Waits before the 2nd, 3rd and 4th attempt of a request that failed for a
/// reason a retry can cure (no connection, timeout, 5xx).
const BACKOFF: [Duration; 3] = [
    Duration::from_millis(500),
    Duration::from_millis(1500),
    Duration::from_millis(4000),
];
/// A larger answer than this is not journey data this console can show.
const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;
/// Pages are followed at most this far, so a server that never ends its list
/// can't hold the console forever.
const MAX_PAGES: usize = 10_000;

/// The bearer token requests carry; the embedding host may replace it (a
/// refreshed token) while the console runs.
pub type TokenCell = Rc<RefCell<Option<String>>>;

pub struct HttpBackend {
    api_base: String,
    token: TokenCell,
    /// Set when the console is unmounted: a retry under way stops sending.
    stopped: Arc<AtomicBool>,
    /// The list as last read, and its ETag, so an unchanged list costs a 304.
    list: RefCell<Option<(String, Catalog)>>,
    /// Histories read so far, kept across list refreshes.
    histories: RefCell<HashMap<String, Vec<HistoryEntry>>>,
}

impl HttpBackend {
    /// `token` is shared with the host; when it holds none, the token of the
    /// settings (config.json) is used.
    pub fn new(settings: &HttpSettings, token: TokenCell, stopped: Arc<AtomicBool>) -> HttpBackend {
        if token.borrow().is_none() {
            token.replace(settings.token.clone());
        }
        HttpBackend {
            api_base: settings.api_base.clone(),
            token,
            stopped,
            list: RefCell::new(None),
            histories: RefCell::new(HashMap::new()),
        }
    }

    /// Who the server says we are; `None` when the server does not say.
    pub async fn me(&self) -> Result<Option<Me>, BackendError> {
        let response = self
            .send_with_retries(|signal| self.get("/me", signal))
            .await?;
        if response.status() == 404 {
            return Ok(None);
        }
        ensure_ok(&response).await?;
        read_json(&response).await.map(Some)
    }

    /// Every version, following `next` until the list ends. `progress` hears
    /// how many versions have arrived so far.
    pub async fn load(&self, progress: &dyn Fn(usize)) -> Result<Catalog, BackendError> {
        let etag = self.list.borrow().as_ref().map(|(etag, _)| etag.clone());
        let first = self
            .send_with_retries(|signal| {
                let request = self.authorised(Request::get(&self.url("/journeys")), signal);
                let request = match &etag {
                    Some(etag) => request.header("If-None-Match", etag),
                    None => request,
                };
                request
                    .build()
                    .map_err(|e| unreachable(&self.api_base, &e.to_string()))
            })
            .await?;
        if first.status() == 304 {
            if let Some((_, catalog)) = &*self.list.borrow() {
                return Ok(self.with_histories(catalog.clone()));
            }
        }
        ensure_ok(&first).await?;
        let new_etag = first.headers().get("etag");
        let mut page: JourneyPage = read_json(&first).await?;
        let mut versions = std::mem::take(&mut page.items);
        progress(versions.len());
        let mut pages = 1;
        while let Some(cursor) = page.next.take() {
            pages += 1;
            if pages > MAX_PAGES {
                return Err(bad_response(format!(
                    "the server's list did not end after {MAX_PAGES} pages"
                )));
            }
            let path = format!("/journeys?cursor={}", js_sys::encode_uri_component(&cursor));
            let response = self
                .send_with_retries(|signal| self.get(&path, signal))
                .await?;
            ensure_ok(&response).await?;
            page = read_json(&response).await?;
            versions.append(&mut page.items);
            progress(versions.len());
        }
        let catalog = Catalog::new(versions);
        *self.list.borrow_mut() = new_etag.map(|etag| (etag, catalog.clone()));
        Ok(self.with_histories(catalog))
    }

    pub async fn history(&self, id: &str) -> Result<Vec<HistoryEntry>, BackendError> {
        let path = format!("/journeys/{}/history", encode(id));
        let response = self
            .send_with_retries(|signal| self.get(&path, signal))
            .await?;
        ensure_ok(&response).await?;
        let page: HistoryPage = read_json(&response).await?;
        self.histories
            .borrow_mut()
            .insert(id.to_owned(), page.items.clone());
        Ok(page.items)
    }

    /// Sends one user action. Retries reuse `idempotency_key`, so the server
    /// applies it once however many attempts reach it.
    pub async fn apply(
        &self,
        id: &str,
        command: &Command,
        revision: u64,
        idempotency_key: &str,
    ) -> Result<Applied, BackendError> {
        let id_path = format!("/journeys/{}", encode(id));
        let (path, body) = match command {
            Command::Finish => (format!("{id_path}/finish"), None),
            Command::Stop { reason } => (
                format!("{id_path}/stop"),
                Some(StopBody {
                    reason: reason.clone(),
                }),
            ),
            Command::Publish => (format!("{id_path}/publish"), None),
            Command::NewVersion { .. } => (format!("{id_path}/versions"), None),
            Command::Duplicate { .. } => (format!("{id_path}/duplicate"), None),
            Command::Delete => (id_path.clone(), None),
            Command::Resume | Command::Restart => {
                return Err(BackendError {
                    kind: ErrorKind::Refused,
                    message: "A journey cannot be resumed or restarted.".into(),
                    current: None,
                })
            }
        };
        let response = self
            .send_with_retries(|signal| {
                let url = self.url(&path);
                let request = if matches!(command, Command::Delete) {
                    Request::delete(&url)
                } else {
                    Request::post(&url)
                };
                let request = self
                    .authorised(request, signal)
                    .header(IF_MATCH, &etag_of_revision(revision))
                    .header(IDEMPOTENCY_KEY, idempotency_key);
                match &body {
                    Some(body) => request
                        .header("Content-Type", "application/json")
                        .body(serde_json::to_string(body).unwrap_or_default()),
                    None => request.build(),
                }
                .map_err(|e| unreachable(&self.api_base, &e.to_string()))
            })
            .await?;
        ensure_ok(&response).await?;
        let action = command.action();
        if response.status() == 204 {
            return Ok(Applied {
                action,
                outcome: Outcome::Deleted { id: id.to_owned() },
                also_changed: Vec::new(),
            });
        }
        let version: JourneyVersion = read_json(&response).await?;
        let outcome = if matches!(action, Action::NewVersion | Action::Duplicate) {
            Outcome::Created { version }
        } else {
            Outcome::Updated { version }
        };
        Ok(Applied {
            action,
            outcome,
            also_changed: Vec::new(),
        })
    }

    fn with_histories(&self, mut catalog: Catalog) -> Catalog {
        for (id, entries) in self.histories.borrow().iter() {
            catalog.set_history(id, entries.clone());
        }
        catalog
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.api_base)
    }

    /// Adds what every request carries: the bearer token, the attempt's
    /// time-out signal, and that JSON is wanted back.
    fn authorised(&self, request: RequestBuilder, signal: &AbortSignal) -> RequestBuilder {
        let request = request
            .abort_signal(Some(signal))
            .header("Accept", "application/json");
        match &*self.token.borrow() {
            Some(token) => request.header("Authorization", &format!("Bearer {token}")),
            None => request,
        }
    }

    fn get(&self, path: &str, signal: &AbortSignal) -> Result<Request, BackendError> {
        self.authorised(Request::get(&self.url(path)), signal)
            .build()
            .map_err(|e| unreachable(&self.api_base, &e.to_string()))
    }

    /// Sends the request `build` makes, again after a pause when the failure
    /// is one a retry can cure; each attempt is a fresh request with the same
    /// headers (and so the same idempotency key).
    async fn send_with_retries(
        &self,
        build: impl Fn(&AbortSignal) -> Result<Request, BackendError>,
    ) -> Result<Response, BackendError> {
        let mut attempt = 0;
        loop {
            if self.stopped.load(Ordering::Relaxed) {
                return Err(unreachable(&self.api_base, "the console was closed"));
            }
            let outcome = send(&build, &self.api_base).await;
            let retry = match &outcome {
                Ok(response) => response.status() >= 500,
                Err(e) => e.kind == ErrorKind::Unreachable,
            };
            match BACKOFF.get(attempt) {
                Some(pause) if retry => {
                    gloo_timers::future::sleep(*pause).await;
                    attempt += 1;
                }
                _ => return outcome,
            }
        }
    }
}

/// One attempt, abandoned after `TIMEOUT`.
async fn send(
    build: &impl Fn(&AbortSignal) -> Result<Request, BackendError>,
    api_base: &str,
) -> Result<Response, BackendError> {
    let controller = AbortController::new()
        .map_err(|_| unreachable(api_base, "this browser cannot time requests out"))?;
    let signal = controller.signal();
    let request = build(&signal)?;
    let timer =
        gloo_timers::callback::Timeout::new(TIMEOUT.as_millis() as u32, move || controller.abort());
    let result = request.send().await;
    drop(timer);
    result.map_err(|e| {
        if signal.aborted() {
            unreachable(
                api_base,
                &format!("no answer within {} seconds", TIMEOUT.as_secs()),
            )
        } else {
            unreachable(api_base, &e.to_string())
        }
    })
}

/// Turns any answer that is not a success into the error the server meant,
/// or a description of what came instead.
async fn ensure_ok(response: &Response) -> Result<(), BackendError> {
    let status = response.status();
    if (200..300).contains(&status) || status == 304 {
        return Ok(());
    }
    let body: Option<ErrorBody> = read_json(response).await.ok();
    let kind = match status {
        401 => ErrorKind::Unauthorized,
        403 => ErrorKind::Forbidden,
        404 => ErrorKind::NotFound,
        409 => ErrorKind::Refused,
        412 => ErrorKind::Conflict,
        400..=499 => ErrorKind::BadResponse,
        _ => ErrorKind::Server,
    };
    let (message, current) = match body {
        Some(ErrorBody { error }) => (error.message, error.current.map(Box::new)),
        None => (default_message(status), None),
    };
    let message = match (kind, status) {
        (ErrorKind::Server, _) => format!(
            "The server had a problem (HTTP {status}{}). Nothing was lost; try again.",
            if message.is_empty() {
                String::new()
            } else {
                format!(": {message}")
            }
        ),
        (ErrorKind::Unauthorized, _) => {
            format!("The server did not accept your sign-in: {message}")
        }
        (ErrorKind::Forbidden, _) => format!("You are not allowed to do this: {message}"),
        _ => message,
    };
    Err(BackendError {
        kind,
        message,
        current,
    })
}

fn default_message(status: u16) -> String {
    match status {
        401 => "sign in again".into(),
        403 => "your role does not allow it".into(),
        404 => "This journey version does not exist on the server.".into(),
        _ => String::new(),
    }
}

async fn read_json<T: DeserializeOwned>(response: &Response) -> Result<T, BackendError> {
    let status = response.status();
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|length| length.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_BODY_BYTES) {
        return Err(too_large());
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    if !content_type.to_ascii_lowercase().contains("json") {
        let what = if content_type.is_empty() {
            "an answer without a content type".to_owned()
        } else if content_type.starts_with("text/html") {
            "an HTML page".to_owned()
        } else {
            format!("\u{201c}{content_type}\u{201d}")
        };
        return Err(bad_response(format!(
            "it sent {what} instead of JSON (HTTP {status})"
        )));
    }
    let text = response
        .text()
        .await
        .map_err(|e| bad_response(format!("its answer could not be read ({e})")))?;
    if text.len() > MAX_BODY_BYTES {
        return Err(too_large());
    }
    serde_json::from_str(&text).map_err(|e| {
        bad_response(format!(
            "its answer is not journey data this console understands ({e})"
        ))
    })
}

fn too_large() -> BackendError {
    bad_response(format!(
        "its answer is larger than {} MB",
        MAX_BODY_BYTES / (1024 * 1024)
    ))
}

fn bad_response(what: String) -> BackendError {
    BackendError {
        kind: ErrorKind::BadResponse,
        message: format!("The server's answer was not usable: {what}. Nothing was changed."),
        current: None,
    }
}

fn unreachable(api_base: &str, why: &str) -> BackendError {
    BackendError {
        kind: ErrorKind::Unreachable,
        message: format!(
            "The server at {api_base} could not be reached ({why}). Check the connection and try again; nothing was lost."
        ),
        current: None,
    }
}

fn encode(segment: &str) -> String {
    String::from(js_sys::encode_uri_component(segment))
}
