//! A backend reached over the HTTP contract (docs/contract/): pages followed
//! to the end, each page polled with its own ETag, and changes sent with
//! `If-Match` and an `Idempotency-Key`, retried when the network or the server
//! fails. What the answers mean (errors, retries, paging) is decided in the
//! `journey_sync` crate; this file only moves bytes.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use contract::{
    etag_of_revision, Me, PauseBody, ScheduledFinishBody, StopBody, IDEMPOTENCY_KEY, IF_MATCH,
};
use gloo_net::http::{Request, RequestBuilder};
use journey_sync::{
    after_failure, applied_from_answer, error_from_answer, page_limit, read_answer,
    read_history_page, read_list_page, sent_on_elsewhere, unoffered_answer, unreadable_phrase,
    BackendError, ErrorKind, NextPage, PageCollector, ReadHistory, ReadPage, RetryDecision,
    UnknownOutcomes, ATTEMPT_TIMEOUT, MAX_BODY_BYTES,
};
use lifecycle::{Applied, Catalog, Command, HistoryEntry, JourneyVersion};
use runtime_config::HttpSettings;
use serde::de::DeserializeOwned;
use web_sys::{AbortController, AbortSignal};
use wording::Phrase;

use super::early_first_page::EarlyFirstPage;
use crate::clock;

/// One deadline for a whole answer, headers and body: a server (or a proxy)
/// that stalls after the headers is given up like one that never answers.
const DEADLINE: Duration = ATTEMPT_TIMEOUT;

/// The bearer token requests carry; the embedding host may replace it (a
/// refreshed token) while the console runs.
pub type TokenCell = Rc<RefCell<Option<String>>>;

/// A whole answer, read within the deadline.
struct Answer {
    status: u16,
    content_type: Option<String>,
    etag: Option<String>,
    retry_after: Option<String>,
    body: String,
    /// Where a redirect took the request, when one did.
    sent_on_to: Option<String>,
}

pub struct HttpBackend {
    api_base: String,
    /// `api_base` resolved against the page's address.
    api_root: String,
    token: TokenCell,
    /// Set when the console is unmounted: a retry under way stops sending.
    stopped: Arc<AtomicBool>,
    /// Each page of the list as last read, by the cursor that asked for it,
    /// with its ETag: an ETag promises only its own page, so each page is
    /// asked for with its own `If-None-Match`.
    pages: RefCell<HashMap<Option<String>, (String, ReadPage)>>,
    /// What the latest whole list left out (versions that could not be read).
    warning: RefCell<Option<Phrase>>,
    /// Histories read so far, each with what its latest read left out,
    /// kept across list refreshes.
    histories: RefCell<HashMap<String, ReadHistory>>,
    /// Each version's revision in the latest list, to tell which histories
    /// went out of date.
    revisions: RefCell<HashMap<String, u64>>,
    /// The first page as web/boot.js asked for it, until the first load.
    early_first_page: RefCell<Option<EarlyFirstPage>>,
    /// The changes an attempt of which went unanswered, by key.
    unknown_outcomes: RefCell<UnknownOutcomes>,
}

impl HttpBackend {
    /// `token` is shared with the host; when it holds none, the token of the
    /// settings (config.json) is used.
    pub fn new(settings: &HttpSettings, token: TokenCell, stopped: Arc<AtomicBool>) -> HttpBackend {
        if token.borrow().is_none() {
            token.replace(settings.token.clone());
        }
        // The API's address in full, as fetch resolves it: a redirect within
        // it (a trailing slash, a path moved) is the API's own doing.
        let api_root = (web_sys::window().and_then(|w| w.document()))
            .and_then(|page| page.base_uri().ok().flatten())
            .and_then(|page| web_sys::Url::new_with_base(&settings.api_base, &page).ok())
            .map_or_else(|| settings.api_base.clone(), |url| url.href());
        HttpBackend {
            api_base: settings.api_base.clone(),
            api_root,
            token,
            stopped,
            pages: RefCell::new(HashMap::new()),
            warning: RefCell::new(None),
            histories: RefCell::new(HashMap::new()),
            revisions: RefCell::new(HashMap::new()),
            early_first_page: RefCell::new(EarlyFirstPage::take()),
            unknown_outcomes: RefCell::default(),
        }
    }

    /// What the latest whole list left out, if anything: said beside the
    /// list, which shows everything else.
    pub fn warning(&self) -> Option<Phrase> {
        self.warning.borrow().clone()
    }

    /// Who the server says we are; `None` when the server does not say.
    pub async fn me(&self) -> Result<Option<Me>, BackendError> {
        let answer = self.send(|signal| self.get("/me", signal)).await?;
        if answer.status == 404 {
            return Ok(None);
        }
        ensure_ok(&answer)?;
        read_json(&answer).map(Some)
    }

    /// Every version, following `next` until the list ends. `arrived` is
    /// given the versions of each page but the last as it comes, so the
    /// first ones can be shown while the rest load.
    pub async fn load(
        &self,
        arrived: &dyn Fn(&[Arc<JourneyVersion>]),
    ) -> Result<Catalog, BackendError> {
        let mut collector = PageCollector::new();
        let mut cursor: Option<String> = None;
        let mut seen = HashSet::new();
        // Only the first is said, with how many there were.
        let mut unreadable = (None, 0);
        let catalog = loop {
            let ReadPage {
                page,
                unreadable: left_out,
            } = self.page(cursor.as_deref()).await?;
            unreadable.1 += left_out.len();
            if unreadable.0.is_none() {
                unreadable.0 = left_out.into_iter().next();
            }
            seen.insert(cursor.clone());
            let before = collector.arrived();
            match collector.take(page)? {
                NextPage::Fetch(next) => {
                    arrived(collector.versions_from(before));
                    cursor = Some(next);
                }
                NextPage::Done(catalog) => break catalog,
            }
        };
        self.warning
            .replace(unreadable_phrase(unreadable.0.as_ref(), unreadable.1));
        // Pages the list no longer has are forgotten.
        self.pages
            .borrow_mut()
            .retain(|cursor, _| seen.contains(cursor));
        // A history read before is read again when its version changed
        // (someone else acted on it): a revision only moves with an entry.
        let stale: Vec<String> = {
            let revisions = self.revisions.borrow();
            self.histories
                .borrow()
                .keys()
                .filter(|id| {
                    let now = catalog.get(id.as_str()).map(|v| v.revision);
                    now.is_some() && revisions.get(id.as_str()).copied() != now
                })
                .cloned()
                .collect()
        };
        *self.revisions.borrow_mut() = catalog
            .versions()
            .map(|v| (v.id.clone(), v.revision))
            .collect();
        for id in stale {
            // The list stands without it; the next load tries again.
            if self.history(&id).await.is_err() {
                self.revisions.borrow_mut().remove(&id);
            }
        }
        Ok(self.with_histories(catalog))
    }

    /// One page of the list, asked for with its ETag when it was read before.
    async fn page(&self, cursor: Option<&str>) -> Result<ReadPage, BackendError> {
        let key = cursor.map(str::to_owned);
        let known = self.pages.borrow().get(&key).map(|(etag, _)| etag.clone());
        // A small first page, for the first rows, then the largest the
        // contract allows (`journey_sync::page_limit`): a server that gives
        // fewer says so by its `next`. (Given as `query`: gloo-net adds a
        // stray `&` to a URL that has a query already.)
        let limit = page_limit(cursor).to_string();
        let mut query = vec![("limit", limit.as_str())];
        if let Some(cursor) = cursor {
            query.push(("cursor", cursor));
        }
        // web/boot.js may have asked for the first page while the code loaded.
        let early = if cursor.is_none() {
            self.early_first_page.take()
        } else {
            None
        };
        let early = match early {
            Some(early) => self.early_answer(early, &query).await,
            None => None,
        };
        let answer = match early {
            Some(answer) => answer,
            None => {
                self.send(|signal| {
                    let request = Request::get(&self.url("/journeys")).query(query.iter().copied());
                    let request = self.authorised(request, signal);
                    let request = match &known {
                        Some(etag) => request.header("If-None-Match", etag),
                        None => request,
                    };
                    request
                        .build()
                        .map_err(|e| BackendError::unreachable(&self.api_base, e.to_string()))
                })
                .await?
            }
        };
        if answer.status == 304 {
            if let Some((_, page)) = self.pages.borrow().get(&key) {
                return Ok(page.clone());
            }
        }
        ensure_ok(&answer)?;
        let page = read_list_page(answer.status, answer.content_type.as_deref(), &answer.body)?;
        match &answer.etag {
            Some(etag) => {
                self.pages
                    .borrow_mut()
                    .insert(key, (etag.clone(), page.clone()));
            }
            None => {
                self.pages.borrow_mut().remove(&key);
            }
        }
        Ok(page)
    }

    /// The answer web/boot.js got for the first page, if it asked exactly
    /// what this console asks (`query` on `/journeys`, with the current
    /// token) and it came back a whole 200 (`early_first_page.rs`).
    async fn early_answer(&self, early: EarlyFirstPage, query: &[(&str, &str)]) -> Option<Answer> {
        let url = Request::get(&self.url("/journeys"))
            .query(query.iter().copied())
            .build()
            .ok()?
            .url();
        let token = self.token.borrow().clone();
        let answer = early.answer_to(&url, token.as_deref()).await?;
        Some(Answer {
            status: 200,
            content_type: answer.content_type,
            etag: answer.etag,
            retry_after: None,
            body: answer.body,
            sent_on_to: None,
        })
    }

    /// One version (`GET /journeys/{id}`), for a detail view opened before
    /// the list is complete; `None` when the server has no such version.
    pub async fn version(&self, id: &str) -> Result<Option<JourneyVersion>, BackendError> {
        let path = format!("/journeys/{}", encode(id));
        let answer = self.send(|signal| self.get(&path, signal)).await?;
        if answer.status == 404 {
            return Ok(None);
        }
        ensure_ok(&answer)?;
        read_json(&answer).map(Some)
    }

    /// A version's history: the entries that could be read (what was left
    /// out is kept for `history_left_out`).
    pub async fn history(&self, id: &str) -> Result<Vec<HistoryEntry>, BackendError> {
        let path = format!("/journeys/{}/history", encode(id));
        let answer = self.send(|signal| self.get(&path, signal)).await?;
        ensure_ok(&answer)?;
        let history =
            read_history_page(answer.status, answer.content_type.as_deref(), &answer.body)?;
        let entries = history.entries.clone();
        self.histories.borrow_mut().insert(id.to_owned(), history);
        Ok(entries)
    }

    /// What the latest read of version `id`'s history left out, in words:
    /// entries this console could not read. `None` when it left out nothing.
    pub fn history_left_out(&self, id: &str) -> Option<Phrase> {
        self.histories.borrow().get(id)?.left_out.clone()
    }

    /// Sends one user action. Retries reuse `idempotency_key`, so the server
    /// applies it once however many attempts reach it; an answer that turns
    /// it away after an attempt went unanswered says it may have been made.
    pub async fn apply(
        &self,
        id: &str,
        command: &Command,
        revision: u64,
        idempotency_key: &str,
    ) -> Result<Applied, BackendError> {
        let result = self
            .send_change(id, command, revision, idempotency_key)
            .await;
        self.unknown_outcomes
            .borrow_mut()
            .ended(idempotency_key, result)
    }

    async fn send_change(
        &self,
        id: &str,
        command: &Command,
        revision: u64,
        idempotency_key: &str,
    ) -> Result<Applied, BackendError> {
        let id_path = format!("/journeys/{}", encode(id));
        let (method, path, body) = match command {
            Command::Finish => (Request::post as Builder, format!("{id_path}/finish"), None),
            Command::Stop { reason } => (
                Request::post as Builder,
                format!("{id_path}/stop"),
                Some(to_json(&StopBody {
                    reason: reason.clone(),
                })),
            ),
            Command::Pause {
                customers,
                until,
                at_end,
            } => (
                Request::post as Builder,
                format!("{id_path}/pause"),
                Some(to_json(&PauseBody {
                    customers: *customers,
                    until: *until,
                    at_end: *at_end,
                })),
            ),
            Command::Resume => (Request::post as Builder, format!("{id_path}/resume"), None),
            Command::ScheduleFinish { at } => (
                Request::put as Builder,
                format!("{id_path}/scheduled-finish"),
                Some(to_json(&ScheduledFinishBody { at: *at })),
            ),
            Command::CancelScheduledFinish => (
                Request::delete as Builder,
                format!("{id_path}/scheduled-finish"),
                None,
            ),
            Command::Publish => (Request::post as Builder, format!("{id_path}/publish"), None),
            Command::NewVersion { .. } => (
                Request::post as Builder,
                format!("{id_path}/versions"),
                None,
            ),
            Command::Duplicate { .. } => (
                Request::post as Builder,
                format!("{id_path}/duplicate"),
                None,
            ),
            Command::Delete => (Request::delete as Builder, id_path.clone(), None),
            Command::Restart => {
                return Err(BackendError::new(
                    ErrorKind::Refused,
                    Phrase::new("sync-cannot-resume"),
                ))
            }
        };
        // Sent to its end even if the console is unmounted meanwhile: the
        // user confirmed it, and the console already shows it made. Not a
        // new version or a duplicate: a console mounted again knows nothing
        // of it, the user's new attempt has a key of its own, and nothing
        // (no `If-Match`) would stop a second copy.
        let unmounted = match command.created_version() {
            Some(_) => Unmounted::Stop,
            None => Unmounted::KeepSending,
        };
        let answer = self
            .send_through(unmounted, Some(idempotency_key), |signal| {
                let url = self.url(&path);
                let request = method(&url);
                let request = self
                    .authorised(request, signal)
                    .header(IF_MATCH, &etag_of_revision(revision))
                    .header(IDEMPOTENCY_KEY, idempotency_key);
                match &body {
                    Some(body) => request
                        .header("Content-Type", "application/json")
                        .body(body.as_str()),
                    None => request.build(),
                }
                .map_err(|e| BackendError::unreachable(&self.api_base, e.to_string()))
            })
            .await?;
        // A server that predates pausing or a scheduled finish answers their
        // requests as unknown routes: say it does not offer them.
        ensure_ok(&answer)
            .map_err(|error| unoffered_answer(command.action(), answer.status, error))?;
        applied_from_answer(
            id,
            command,
            answer.status,
            answer.content_type.as_deref(),
            &answer.body,
        )
        .map_err(|error| match &answer.sent_on_to {
            Some(url) if !url.starts_with(&self.api_root) => sent_on_elsewhere(url, answer.status),
            _ => error,
        })
    }

    fn with_histories(&self, mut catalog: Catalog) -> Catalog {
        for (id, history) in self.histories.borrow().iter() {
            catalog.set_history(id, history.entries.clone());
        }
        catalog
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.api_base)
    }

    /// Adds what every request carries: the bearer token, the attempt's
    /// deadline signal, and that JSON is wanted back.
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
            .map_err(|e| BackendError::unreachable(&self.api_base, e.to_string()))
    }

    /// Sends the request `build` makes, again after a pause when the failure
    /// is one a retry can cure (the policy is `journey_sync::next_retry`);
    /// each attempt is a fresh request with the same headers, and so the same
    /// idempotency key.
    async fn send(
        &self,
        build: impl Fn(&AbortSignal) -> Result<Request, BackendError>,
    ) -> Result<Answer, BackendError> {
        self.send_through(Unmounted::Stop, None, build).await
    }

    /// [`HttpBackend::send`], saying what an unmount of the console does to
    /// the attempts still to come, and the idempotency key of a change (each
    /// attempt that fails is told to `unknown_outcomes`).
    async fn send_through(
        &self,
        unmounted: Unmounted,
        key: Option<&str>,
        build: impl Fn(&AbortSignal) -> Result<Request, BackendError>,
    ) -> Result<Answer, BackendError> {
        let mut attempt = 0;
        loop {
            if unmounted == Unmounted::Stop && self.stopped.load(Ordering::Relaxed) {
                return Err(BackendError::unreachable(
                    &self.api_base,
                    Phrase::new("sync-console-closed-while-sending"),
                ));
            }
            let failure = match attempt_once(&build, &self.api_base).await {
                // Only failures a retry can cure come back from `after_failure`
                // as a wait; an answer that is not one of them is the caller's.
                Ok(answer) if answer.status < 500 && answer.status != 429 => return Ok(answer),
                Ok(answer) => error_from_answer(
                    answer.status,
                    answer.content_type.as_deref(),
                    answer.retry_after.as_deref(),
                    &answer.body,
                    clock::now(),
                ),
                Err(error) => error,
            };
            if let Some(key) = key {
                self.unknown_outcomes
                    .borrow_mut()
                    .attempt_failed(key, &failure);
            }
            match after_failure(attempt, failure) {
                RetryDecision::RetryIn(pause) => {
                    gloo_timers::future::sleep(pause).await;
                    attempt += 1;
                }
                RetryDecision::GiveUp(error) => return Err(error),
            }
        }
    }
}

/// What the console's unmount does to a request's attempts still to come.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unmounted {
    /// None is sent: a read is for a view that is gone.
    Stop,
    /// They are sent all the same: a change the user confirmed.
    KeepSending,
}

/// How a request starts: `Request::post`, `put` or `delete`.
type Builder = fn(&str) -> RequestBuilder;

fn to_json(body: &impl serde::Serialize) -> String {
    serde_json::to_string(body).unwrap_or_default()
}

/// One attempt: the request and its whole body, abandoned at the deadline.
async fn attempt_once(
    build: &impl Fn(&AbortSignal) -> Result<Request, BackendError>,
    api_base: &str,
) -> Result<Answer, BackendError> {
    let controller = AbortController::new()
        .map_err(|_| BackendError::unreachable(api_base, Phrase::new("sync-cannot-time-out")))?;
    let signal = controller.signal();
    let request = build(&signal)?;
    let abort = controller.clone();
    // Held until the body is read: dropping it earlier would leave a stalled
    // body without a deadline.
    let _deadline =
        gloo_timers::callback::Timeout::new(DEADLINE.as_millis() as u32, move || abort.abort());
    let failed = |e: gloo_net::Error| {
        if signal.aborted() {
            BackendError::timed_out(api_base, DEADLINE)
        } else {
            // The browser's own words for what went wrong.
            BackendError::unreachable(api_base, e.to_string())
        }
    };
    let response = request.send().await.map_err(failed)?;
    let headers = response.headers();
    let declared = headers
        .get("content-length")
        .and_then(|length| length.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_BODY_BYTES) {
        controller.abort();
        return Err(BackendError::too_large(MAX_BODY_BYTES));
    }
    // Read to its end even when empty (a 304, a 204): a body left unread is
    // a request the browser reports as cancelled.
    let body = response.text().await.map_err(failed)?;
    Ok(Answer {
        status: response.status(),
        content_type: headers.get("content-type"),
        etag: headers.get("etag"),
        retry_after: headers.get("retry-after"),
        body,
        sent_on_to: response.redirected().then(|| response.url()),
    })
}

/// Any answer that is not a success becomes the error the server meant, or a
/// description of what came instead.
fn ensure_ok(answer: &Answer) -> Result<(), BackendError> {
    if (200..300).contains(&answer.status) || answer.status == 304 {
        return Ok(());
    }
    Err(error_from_answer(
        answer.status,
        answer.content_type.as_deref(),
        answer.retry_after.as_deref(),
        &answer.body,
        clock::now(),
    ))
}

fn read_json<T: DeserializeOwned>(answer: &Answer) -> Result<T, BackendError> {
    read_answer(answer.status, answer.content_type.as_deref(), &answer.body)
}

fn encode(segment: &str) -> String {
    String::from(js_sys::encode_uri_component(segment))
}
