//! What a browser needs to call the server from a console served by another
//! origin (docs/contract/README.md, "CORS").

use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use contract::IDEMPOTENCY_KEY;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// How long a browser may reuse a preflight answer.
const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(600);

/// `app` answering CORS requests from `origins`; unchanged with no origins, so
/// that no response carries CORS headers.
pub(crate) fn allow(app: Router, origins: Vec<HeaderValue>) -> Router {
    if origins.is_empty() {
        return app;
    }
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins.iter().cloned()))
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::IF_NONE_MATCH,
            HeaderName::from_bytes(IDEMPOTENCY_KEY.as_bytes())
                .expect("Idempotency-Key is a valid header name"),
        ])
        // Without them, a script cannot read the tag to send in If-None-Match,
        // nor how long a 429 or 503 asks it to wait.
        .expose_headers([header::ETAG, header::RETRY_AFTER])
        .max_age(PREFLIGHT_MAX_AGE);
    let origins = Arc::new(origins);
    // A router whose only route is the whole app, so that CORS answers before
    // routing (a preflight reaches no endpoint) and errors carry the headers too.
    Router::new()
        .fallback_service(app)
        .layer(middleware::from_fn(unmask_plain_options))
        .layer(cors)
        .layer(middleware::from_fn(mask_plain_options))
        .layer(middleware::from_fn(move |request, next| {
            only_for_allowed(Arc::clone(&origins), request, next)
        }))
}

/// Marks an `OPTIONS` request that crosses the CORS layer disguised as a `GET`.
#[derive(Clone, Copy)]
struct PlainOptions;

/// tower-http answers every `OPTIONS` as a preflight. One that is not a preflight
/// (RFC 9110's own `OPTIONS`, which the contract does not take) must reach the
/// routes and get `405` with `Allow` like any other method, so it crosses the CORS
/// layer as a `GET`: it then gets the headers of an actual response.
async fn mask_plain_options(mut request: Request, next: Next) -> Response {
    if request.method() == Method::OPTIONS && !is_preflight(&request) {
        *request.method_mut() = Method::GET;
        request.extensions_mut().insert(PlainOptions);
    }
    next.run(request).await
}

async fn unmask_plain_options(mut request: Request, next: Next) -> Response {
    if request.extensions_mut().remove::<PlainOptions>().is_some() {
        *request.method_mut() = Method::OPTIONS;
    }
    next.run(request).await
}

/// A preflight as the Fetch standard defines it: `OPTIONS` with `Origin` and
/// `Access-Control-Request-Method`.
fn is_preflight(request: &Request) -> bool {
    let headers = request.headers();
    request.method() == Method::OPTIONS
        && headers.contains_key(header::ORIGIN)
        && headers.contains_key(header::ACCESS_CONTROL_REQUEST_METHOD)
}

/// tower-http adds the allowed methods and headers for any origin and exposes
/// headers even without one; other origins get no CORS header at all.
async fn only_for_allowed(
    origins: Arc<Vec<HeaderValue>>,
    request: Request,
    next: Next,
) -> Response {
    let allowed = request
        .headers()
        .get(header::ORIGIN)
        .is_some_and(|origin| origins.contains(origin));
    let mut response = next.run(request).await;
    if !allowed {
        let names: Vec<HeaderName> = response
            .headers()
            .keys()
            .filter(|name| name.as_str().starts_with("access-control-"))
            .cloned()
            .collect();
        for name in names {
            response.headers_mut().remove(name);
        }
    }
    response
}
