//! Test support, only with `--fault-injection` (see `crate::faults`): faults,
//! a reset, and a clock moved forward (see `crate::clock`).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::failure::Failure;
use crate::faults::{self, FaultRequest};
use crate::request_body;
use crate::server_state::ServerState;

/// `POST {base}/_test/faults`: `204`, and the fault is armed.
pub(crate) async fn add_fault(
    State(state): State<ServerState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, Failure> {
    let body = request_body::read(body)?;
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
/// no idempotency key remembered, no fault armed and the clock back to the wall
/// clock (saved so, for a restart).
pub(crate) async fn reset(State(state): State<ServerState>) -> Result<StatusCode, Failure> {
    state.faults().clear();
    let reset = tokio::task::spawn_blocking(move || {
        let mut journeys = state.journeys();
        // The clock goes back only once everything stamped by it is gone.
        journeys.reset(Utc::now()).map(|()| state.clock().reset())
    })
    .await;
    match reset {
        Ok(Ok(())) => Ok(StatusCode::NO_CONTENT),
        Ok(Err(error)) => Err(Failure::server_error(format!(
            "The demo journeys could not be saved: {error}"
        ))),
        Err(error) => Err(Failure::server_error(format!("The reset failed: {error}"))),
    }
}

/// The most one `POST {base}/_test/advance` moves the clock: a year and a day.
const LONGEST_ADVANCE_SECONDS: u32 = 366 * 24 * 60 * 60;

/// The body of `POST {base}/_test/advance`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AdvanceRequest {
    #[serde(deserialize_with = "faults::whole_number")]
    seconds: u32,
}

/// What `POST {base}/_test/advance` answers.
#[derive(Serialize)]
pub(crate) struct Advanced {
    /// Now as the server sees it, after the move.
    now: DateTime<Utc>,
}

/// `POST {base}/_test/advance` with `{"seconds": N}`: `200` with `{"now"}`, the
/// server's clock `N` seconds further on, and every pause end and scheduled
/// finish due by then carried out (customers moved up to it too, if the
/// simulation runs), as if that time had passed.
pub(crate) async fn advance(
    State(state): State<ServerState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Advanced>, Failure> {
    let body = request_body::read(body)?;
    let refused = |why: String| {
        Failure::bad_request(format!(
            "An advance is {{\"seconds\": a whole number from 0 to \
             {LONGEST_ADVANCE_SECONDS}}}: {why}"
        ))
    };
    let asked: AdvanceRequest =
        serde_json::from_slice(&body).map_err(|error| refused(error.to_string()))?;
    if asked.seconds > LONGEST_ADVANCE_SECONDS {
        return Err(refused(format!("{} is too far", asked.seconds)));
    }
    let by = Duration::seconds(i64::from(asked.seconds));
    let advanced = tokio::task::spawn_blocking(move || {
        // Under the lock, so that no change is stamped between the move and
        // what falls due by it. Saved before it is made, so that a restart
        // carries on from it: the clock never goes back.
        let mut journeys = state.journeys();
        let moved = state
            .clock()
            .advance(by, |ahead| journeys.save_clock(ahead));
        if let Ok(Some(now)) = moved {
            journeys.advance(now);
        }
        moved
    })
    .await;
    match advanced {
        Ok(Ok(Some(now))) => Ok(Json(Advanced { now })),
        Ok(Ok(None)) => Err(refused("the clock would leave the range of times".into())),
        Ok(Err(error)) => Err(Failure::server_error(format!(
            "The clock could not be saved, and did not move: {error}"
        ))),
        Err(error) => Err(Failure::server_error(format!(
            "The advance failed: {error}"
        ))),
    }
}
