//! Changing journeys. Each request is judged in the contract's order:
//!
//! 1. who is calling (`401`), and whether their role allows the action (`403`);
//! 2. the version id in the path, the headers and the body are well formed
//!    (`400`, or `413` for a body over `request_body::LIMIT`); the body is
//!    read only then;
//! 3. a retry of a change already made gets the first response again, even though
//!    its `If-Match` is stale by now;
//! 4. the version exists (`404`), the client saw its current revision (`412`),
//!    and the rules allow the action (`409`);
//! 5. the change is made and saved with its response before answering.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use contract::{revision_of_if_match, PauseBody, ScheduledFinishBody, StopBody, IF_MATCH};
use lifecycle::{Action, ActionError, Applied, Command, Outcome};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::reads::not_found;
use super::version_id::VersionId;
use crate::access::Caller;
use crate::failure::Failure;
use crate::idempotency::{self, RecordedResponse};
use crate::journeys::{Change, ChangeError};
use crate::request_body;
use crate::server_state::ServerState;

/// `POST {base}/journeys/{id}/publish`: `200` with the live version; the version it
/// replaces is finished.
pub(crate) async fn publish(
    State(state): State<ServerState>,
    caller: Caller,
    id: Result<VersionId, Failure>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    carry_out(state, caller, id, ChangeKind::Publish, headers, body).await
}

/// `POST {base}/journeys/{id}/finish`: `200` with the finished version.
pub(crate) async fn finish(
    State(state): State<ServerState>,
    caller: Caller,
    id: Result<VersionId, Failure>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    carry_out(state, caller, id, ChangeKind::Finish, headers, body).await
}

/// `POST {base}/journeys/{id}/stop` with an optional `{"reason": "…"}`: `200` with
/// the stopped version.
pub(crate) async fn stop(
    State(state): State<ServerState>,
    caller: Caller,
    id: Result<VersionId, Failure>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    carry_out(state, caller, id, ChangeKind::Stop, headers, body).await
}

/// `POST {base}/journeys/{id}/pause` with `{"customers", "until", "atEnd"}`:
/// `200` with the paused version.
pub(crate) async fn pause(
    State(state): State<ServerState>,
    caller: Caller,
    id: Result<VersionId, Failure>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    carry_out(state, caller, id, ChangeKind::Pause, headers, body).await
}

/// `POST {base}/journeys/{id}/resume`: `200` with the version, live again.
pub(crate) async fn resume(
    State(state): State<ServerState>,
    caller: Caller,
    id: Result<VersionId, Failure>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    carry_out(state, caller, id, ChangeKind::Resume, headers, body).await
}

/// `PUT {base}/journeys/{id}/scheduled-finish` with `{"at"}`: `200` with the
/// version and its schedule, set or moved.
pub(crate) async fn schedule_finish(
    State(state): State<ServerState>,
    caller: Caller,
    id: Result<VersionId, Failure>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    carry_out(state, caller, id, ChangeKind::ScheduleFinish, headers, body).await
}

/// `DELETE {base}/journeys/{id}/scheduled-finish`: `200` with the version,
/// nothing scheduled any more.
pub(crate) async fn cancel_scheduled_finish(
    State(state): State<ServerState>,
    caller: Caller,
    id: Result<VersionId, Failure>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    carry_out(
        state,
        caller,
        id,
        ChangeKind::CancelScheduledFinish,
        headers,
        body,
    )
    .await
}

/// `POST {base}/journeys/{id}/versions`: `201` with the new draft version.
pub(crate) async fn new_version(
    State(state): State<ServerState>,
    caller: Caller,
    id: Result<VersionId, Failure>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    carry_out(state, caller, id, ChangeKind::NewVersion, headers, body).await
}

/// `POST {base}/journeys/{id}/duplicate`: `201` with the draft of the new journey.
pub(crate) async fn duplicate(
    State(state): State<ServerState>,
    caller: Caller,
    id: Result<VersionId, Failure>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    carry_out(state, caller, id, ChangeKind::Duplicate, headers, body).await
}

/// `DELETE {base}/journeys/{id}`: `204`.
pub(crate) async fn delete(
    State(state): State<ServerState>,
    caller: Caller,
    id: Result<VersionId, Failure>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    carry_out(state, caller, id, ChangeKind::Delete, headers, body).await
}

#[derive(Clone, Copy, Debug)]
enum ChangeKind {
    Publish,
    Finish,
    Stop,
    Pause,
    Resume,
    ScheduleFinish,
    CancelScheduledFinish,
    NewVersion,
    Duplicate,
    Delete,
}

impl ChangeKind {
    fn action(self) -> Action {
        match self {
            ChangeKind::Publish => Action::Publish,
            ChangeKind::Finish => Action::Finish,
            ChangeKind::Stop => Action::Stop,
            ChangeKind::Pause => Action::Pause,
            ChangeKind::Resume => Action::Resume,
            ChangeKind::ScheduleFinish => Action::ScheduleFinish,
            ChangeKind::CancelScheduledFinish => Action::CancelScheduledFinish,
            ChangeKind::NewVersion => Action::NewVersion,
            ChangeKind::Duplicate => Action::Duplicate,
            ChangeKind::Delete => Action::Delete,
        }
    }

    /// The command, with a fresh id for whatever it creates. Any request may carry
    /// a JSON body; stop reads it, pause and scheduling a finish need it.
    fn command(self, body: &[u8]) -> Result<Command, Failure> {
        let body = json_body(body)?;
        Ok(match self {
            ChangeKind::Publish => Command::Publish,
            ChangeKind::Finish => Command::Finish,
            ChangeKind::Stop => {
                let refused = |why: String| {
                    Failure::bad_request(format!(
                        "The body of a stop must be {{\"reason\": string or null}}: {why}"
                    ))
                };
                let stop: StopBody = match body {
                    None => StopBody::default(),
                    Some(body) => object(body).map_err(refused)?,
                };
                Command::Stop {
                    reason: stop.reason,
                }
            }
            ChangeKind::Pause => {
                let pause: PauseBody = required(body).map_err(|why| {
                    Failure::bad_request(format!(
                        "The body of a pause must be {{\"customers\": \"hold\" or \"discard\", \
                         \"until\": an RFC 3339 time, \"atEnd\": \"resume\" or \"stop\"}}: {why}"
                    ))
                })?;
                Command::Pause {
                    customers: pause.customers,
                    until: pause.until,
                    at_end: pause.at_end,
                }
            }
            ChangeKind::Resume => Command::Resume,
            ChangeKind::ScheduleFinish => {
                let schedule: ScheduledFinishBody = required(body).map_err(|why| {
                    Failure::bad_request(format!(
                        "The body of a scheduled finish must be {{\"at\": an RFC 3339 time}}: {why}"
                    ))
                })?;
                Command::ScheduleFinish { at: schedule.at }
            }
            ChangeKind::CancelScheduledFinish => Command::CancelScheduledFinish,
            ChangeKind::NewVersion => Command::NewVersion { id: new_id() },
            ChangeKind::Duplicate => Command::Duplicate {
                id: new_id(),
                journey_id: new_id(),
            },
            ChangeKind::Delete => Command::Delete,
        })
    }
}

/// A body that must be there, read as `T`; why not, when it cannot be.
fn required<T: DeserializeOwned>(body: Option<serde_json::Value>) -> Result<T, String> {
    match body {
        None => Err("it is missing".into()),
        Some(body) => object(body),
    }
}

/// The JSON object `body` read as `T`. serde would read an array such as
/// `["why"]` as a struct too; the contract says an object.
fn object<T: DeserializeOwned>(body: serde_json::Value) -> Result<T, String> {
    match body {
        body @ serde_json::Value::Object(_) => {
            serde_json::from_value(body).map_err(|error| error.to_string())
        }
        _ => Err("it is not an object".into()),
    }
}

/// An empty body and `null` both mean none. Blanks alone are not JSON, so they
/// are refused like any other body that is not.
fn json_body(body: &[u8]) -> Result<Option<serde_json::Value>, Failure> {
    if body.is_empty() {
        return Ok(None);
    }
    match serde_json::from_slice(body) {
        Ok(serde_json::Value::Null) => Ok(None),
        Ok(value) => Ok(Some(value)),
        Err(error) => Err(Failure::bad_request(format!(
            "The request body is not valid JSON: {error}"
        ))),
    }
}

fn new_id() -> String {
    Uuid::new_v4().to_string()
}

async fn carry_out(
    state: ServerState,
    caller: Caller,
    version_id: Result<VersionId, Failure>,
    kind: ChangeKind,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let action = kind.action();
    if !caller.role.may(action) {
        return Failure::forbidden(format!(
            "Your role ({:?}) does not allow {action}.",
            caller.role
        ))
        .into_response();
    }
    let request = match read_request(version_id, action, caller, &headers, body, kind) {
        Ok(request) => request,
        Err(failure) => return failure.into_response(),
    };
    // The lock and SQLite are blocking.
    match tokio::task::spawn_blocking(move || decide(&state, request)).await {
        Ok(Ok(response)) => response,
        Ok(Err(failure)) => failure.into_response(),
        Err(error) => Failure::server_error(format!("The change failed: {error}")).into_response(),
    }
}

/// Everything a change needs, read from a well-formed request: the path, then
/// the headers, then the body, which is only read once the rest is right.
fn read_request(
    version_id: Result<VersionId, Failure>,
    action: Action,
    caller: Caller,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    kind: ChangeKind,
) -> Result<ChangeRequest, Failure> {
    let VersionId(version_id) = version_id?;
    let key = idempotency::key_of(headers)?;
    let revision = revision_of(headers)?;
    let body = request_body::read(body)?;
    Ok(ChangeRequest {
        key,
        revision,
        command: kind.command(&body)?,
        version_id,
        action,
        caller,
    })
}

struct ChangeRequest {
    key: String,
    revision: u64,
    command: Command,
    version_id: String,
    action: Action,
    caller: Caller,
}

fn revision_of(headers: &HeaderMap) -> Result<u64, Failure> {
    let mut values = headers.get_all(IF_MATCH).iter();
    let value = values.next().ok_or_else(|| {
        Failure::bad_request(
            "The If-Match header is required with every change: send the revision of the \
             journey version you last saw, as \"7\".",
        )
    })?;
    // A field sent twice is a list (RFC 9110, 5.3), and If-Match takes one
    // revision.
    if values.next().is_some() {
        return Err(Failure::bad_request(
            "If-Match was sent more than once: send it once, with the one revision of the \
             journey version you last saw, as \"7\".",
        ));
    }
    value
        .to_str()
        .ok()
        .and_then(revision_of_if_match)
        .ok_or_else(|| {
            Failure::bad_request(
                "If-Match must be the revision of the journey version you last saw, in \
                 quotes, such as \"7\".",
            )
        })
}

fn decide(state: &ServerState, request: ChangeRequest) -> Result<Response, Failure> {
    let mut journeys = state.journeys();
    // Now is read once the lock is held: a change that waited for another is
    // judged and stamped at the time it is decided, never at a time it waited
    // past (a schedule already due would be accepted, a version shown as it
    // was before its due time).
    let at = state.now();
    // A pause that has ended or a finish that has fallen due is carried out
    // first: the change is judged against the version as it is now.
    journeys.catch_up(at);
    if let Some(remembered) = journeys
        .remembered(&request.key, at)
        .map_err(|error| Failure::server_error(format!("Could not read the database: {error}")))?
    {
        return remembered.replay(request.action, &request.version_id);
    }
    let current = journeys
        .catalog()
        .get(&request.version_id)
        .cloned()
        .ok_or_else(|| not_found(request.version_id.clone()))?;
    if current.revision != request.revision {
        return Err(Failure::revision_mismatch(request.revision, current));
    }
    let change = Change {
        version_id: &request.version_id,
        command: request.command,
        by: &request.caller.name,
        at,
        key: &request.key,
    };
    match journeys.apply(change, respond) {
        Ok(response) => Ok(response.into_response()),
        Err(ChangeError::Refused(ActionError::Refused(refusal))) => {
            Err(Failure::invalid_transition(refusal, current))
        }
        Err(ChangeError::Refused(ActionError::NotFound { id })) => Err(not_found(id)),
        Err(ChangeError::Refused(error @ ActionError::IdInUse { .. })) => {
            Err(Failure::server_error(error.to_string()))
        }
        Err(ChangeError::NotSaved(error)) => Err(Failure::server_error(format!(
            "The change could not be saved, so it was not made: {error}"
        ))),
    }
}

/// What the client is told, and told again on a retry.
fn respond(applied: &Applied) -> RecordedResponse {
    let json = |version| serde_json::to_string(version).expect("a journey version is JSON");
    match &applied.outcome {
        Outcome::Updated { version } => RecordedResponse::json(StatusCode::OK, json(version)),
        Outcome::Created { version } => RecordedResponse::json(StatusCode::CREATED, json(version)),
        Outcome::Deleted { .. } => RecordedResponse::no_content(),
    }
}
