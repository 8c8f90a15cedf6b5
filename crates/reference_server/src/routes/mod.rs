//! The endpoints of the contract, under the base path.

mod changes;
mod reads;
mod test_support;
mod version_id;

use axum::extract::OriginalUri;
use axum::http::{HeaderValue, Method};
use axum::routing::{get, post, put};
use axum::{middleware, Router};

use crate::compression::compressed;
use crate::cors;
use crate::failure::Failure;
use crate::faults;
use crate::server_state::ServerState;

/// Where to find the endpoints, and which extras to open.
pub(crate) struct Routing {
    /// Normalised: empty for the root, otherwise `/api` with no trailing slash.
    pub(crate) base_path: String,
    pub(crate) fault_injection: bool,
    /// Whether pausing and scheduled finishes are served; without, their paths
    /// are unknown ones, as on a server from before them.
    pub(crate) features: bool,
    /// Origins whose pages may call the server; none for no CORS.
    pub(crate) allowed_origins: Vec<HeaderValue>,
}

pub(crate) fn router(state: ServerState, routing: Routing) -> Router {
    let mut api = Router::new()
        .route("/health", get(reads::health))
        .route("/me", get(reads::me))
        .route("/journeys", compressed(get(reads::list)))
        .route("/journeys/{id}", get(reads::one).delete(changes::delete))
        .route("/journeys/{id}/history", compressed(get(reads::history)))
        .route("/journeys/{id}/finish", post(changes::finish))
        .route("/journeys/{id}/stop", post(changes::stop))
        .route("/journeys/{id}/publish", post(changes::publish))
        .route("/journeys/{id}/versions", post(changes::new_version))
        .route("/journeys/{id}/duplicate", post(changes::duplicate));
    if routing.features {
        api = api
            .route("/journeys/{id}/pause", post(changes::pause))
            .route("/journeys/{id}/resume", post(changes::resume))
            .route(
                "/journeys/{id}/scheduled-finish",
                put(changes::schedule_finish).delete(changes::cancel_scheduled_finish),
            );
    }
    if routing.fault_injection {
        api = api
            .route(
                "/_test/faults",
                post(test_support::add_fault).delete(test_support::clear_faults),
            )
            .route("/_test/reset", post(test_support::reset))
            .route("/_test/advance", post(test_support::advance))
            .route_layer(middleware::from_fn_with_state(
                state.clone(),
                faults::inflict,
            ));
    }
    let api = api.method_not_allowed_fallback(method_not_allowed);
    let app = if routing.base_path.is_empty() {
        api
    } else {
        Router::new().nest(&routing.base_path, api)
    };
    let app = app.fallback(unknown_route).with_state(state);
    cors::allow(app, routing.allowed_origins)
}

async fn unknown_route(method: Method, OriginalUri(uri): OriginalUri) -> Failure {
    Failure::not_found(format!("There is no endpoint {method} {}.", uri.path()))
}

async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> Failure {
    Failure::method_not_allowed(format!(
        "{method} is not allowed on {}; the Allow header lists what is.",
        uri.path()
    ))
}
