//! Reading journeys: the list, one version, its history. Every role may read.
//!
//! Each read first carries out any pause end or scheduled finish that has
//! fallen due, so that nobody reads a version as it was before its due time.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use contract::{HistoryPage, JourneyPage, Me};
use lifecycle::ActionError;
use serde::Deserialize;

use super::version_id::VersionId;
use crate::access::Caller;
use crate::entity_tag;
use crate::failure::Failure;
use crate::page_cursor;
use crate::server_state::ServerState;
use crate::MAX_PAGE_LIMIT;

const DEFAULT_LIMIT: usize = 100;

/// `GET {base}/health`, for whoever waits for the server to be up; needs no token.
pub(crate) async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

/// `GET {base}/me`: who the token is, so a console offers only what its role
/// allows, and what this server offers beyond finishing and stopping.
pub(crate) async fn me(State(state): State<ServerState>, caller: Caller) -> Json<Me> {
    Json(Me {
        name: caller.name,
        role: caller.role,
        features: state.features().to_vec(),
    })
}

/// Both kept as text, so that a bad value gets the contract's error rather than
/// the framework's.
#[derive(Deserialize)]
pub(crate) struct ListQuery {
    limit: Option<String>,
    cursor: Option<String>,
}

/// `GET {base}/journeys?limit=&cursor=`: versions ordered by id, `limit` at a
/// time, but never more than the server's page limit.
pub(crate) async fn list(
    State(state): State<ServerState>,
    _caller: Caller,
    query: Result<Query<ListQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, Failure> {
    let Query(query) = query.map_err(|rejection| Failure::bad_request(rejection.body_text()))?;
    let asked = match query.limit.as_deref() {
        None => DEFAULT_LIMIT,
        Some(limit) => plain_whole_number(limit)
            .filter(|limit| (1..=MAX_PAGE_LIMIT).contains(limit))
            .ok_or_else(|| {
                Failure::bad_request(format!(
                    "limit must be a whole number from 1 to {MAX_PAGE_LIMIT}, written with \
                     digits alone and no leading zero; it was \"{limit}\"."
                ))
            })?,
    };
    // Asking for more than this server gives is not an error: the page is
    // shorter and `next` leads on, as the contract tells clients to expect.
    let limit = asked.min(state.page_limit());
    let after = match query.cursor.as_deref() {
        None => None,
        Some(cursor) => Some(page_cursor::id_of(cursor).ok_or_else(|| {
            Failure::bad_request(
                "cursor must be the \"next\" value of a page from this server; \
                 start again without a cursor.",
            )
        })?),
    };

    let (tag, page) = {
        let mut journeys = state.journeys();
        journeys.catch_up(state.now());
        let tag = entity_tag::of_list(journeys.list_hash(), query.cursor.as_deref(), limit);
        let catalog = journeys.catalog();
        if entity_tag::if_none_match(&headers, &tag) {
            return Ok(not_modified(&tag));
        }
        let mut rest = catalog.shared_versions().filter(|version| {
            after
                .as_deref()
                .is_none_or(|after| version.id.as_str() > after)
        });
        let items: Vec<_> = rest.by_ref().take(limit).cloned().collect();
        let next = match rest.next() {
            Some(_) => items.last().map(|last| page_cursor::after(&last.id)),
            None => None,
        };
        (tag, JourneyPage { items, next })
    };
    Ok(fresh(&tag, Json(page)))
}

/// A number written as the contract's integers are: digits alone, without a
/// sign or a leading zero (`5`, never `+5` nor `05`).
fn plain_whole_number(text: &str) -> Option<usize> {
    let plain = !text.is_empty()
        && text.bytes().all(|byte| byte.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    if plain {
        text.parse().ok()
    } else {
        None
    }
}

/// `GET {base}/journeys/{id}`.
pub(crate) async fn one(
    State(state): State<ServerState>,
    _caller: Caller,
    VersionId(id): VersionId,
    headers: HeaderMap,
) -> Result<Response, Failure> {
    let version = {
        let mut journeys = state.journeys();
        journeys.catch_up(state.now());
        journeys.catalog().get(&id).cloned()
    }
    .ok_or_else(|| not_found(id))?;
    let tag = entity_tag::of_version(&version);
    if entity_tag::if_none_match(&headers, &tag) {
        return Ok(not_modified(&tag));
    }
    Ok(fresh(&tag, Json(version)))
}

/// `GET {base}/journeys/{id}/history`, oldest first, with a tag over the
/// entries so that a client polling it gets `304` until a change adds one.
pub(crate) async fn history(
    State(state): State<ServerState>,
    _caller: Caller,
    VersionId(id): VersionId,
    headers: HeaderMap,
) -> Result<Response, Failure> {
    let items = {
        let mut journeys = state.journeys();
        journeys.catch_up(state.now());
        let catalog = journeys.catalog();
        if catalog.get(&id).is_none() {
            return Err(not_found(id));
        }
        catalog.history(&id).to_vec()
    };
    let tag = entity_tag::of_history(&items);
    if entity_tag::if_none_match(&headers, &tag) {
        return Ok(not_modified(&tag));
    }
    Ok(fresh(&tag, Json(HistoryPage { items })))
}

pub(super) fn not_found(id: String) -> Failure {
    Failure::not_found(ActionError::NotFound { id }.to_string())
}

/// Clients poll, so caches must ask again every time; the tag makes asking cheap.
fn fresh(tag: &str, body: impl IntoResponse) -> Response {
    let mut response = body.into_response();
    set_validators(response.headers_mut(), tag);
    response
}

fn not_modified(tag: &str) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    set_validators(response.headers_mut(), tag);
    response
}

fn set_validators(headers: &mut HeaderMap, tag: &str) {
    if let Ok(tag) = HeaderValue::from_str(tag) {
        headers.insert(header::ETAG, tag);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
}
