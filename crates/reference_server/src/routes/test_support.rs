//! Test support, only with `--fault-injection` (see `crate::faults`).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;

use crate::failure::Failure;
use crate::faults::FaultRequest;
use crate::server_state::ServerState;

/// `POST {base}/_test/faults`: `204`, and the fault is armed.
pub(crate) async fn add_fault(
    State(state): State<ServerState>,
    body: Bytes,
) -> Result<StatusCode, Failure> {
    let fault: FaultRequest = serde_json::from_slice(&body).map_err(|error| {
        Failure::bad_request(format!(
            "A fault is {{\"path\": \"finish\", \"mode\": \"error\" or \"drop\", \"count\": 1}}: \
             {error}"
        ))
    })?;
    state.faults().add(fault)?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE {base}/_test/faults`: `204`, and no fault is armed any more.
pub(crate) async fn clear_faults(State(state): State<ServerState>) -> StatusCode {
    state.faults().clear();
    StatusCode::NO_CONTENT
}

/// `POST {base}/_test/reset`: `204`, with the demo journeys as on a new database,
/// no idempotency key remembered and no fault armed.
pub(crate) async fn reset(State(state): State<ServerState>) -> Result<StatusCode, Failure> {
    state.faults().clear();
    let reset = tokio::task::spawn_blocking(move || state.journeys().reset(Utc::now())).await;
    match reset {
        Ok(Ok(())) => Ok(StatusCode::NO_CONTENT),
        Ok(Err(error)) => Err(Failure::server_error(format!(
            "The demo journeys could not be saved: {error}"
        ))),
        Err(error) => Err(Failure::server_error(format!("The reset failed: {error}"))),
    }
}
