//! gzip for the long answers: a list page (500 versions are about 220 KB of
//! JSON, and compress six to nine times) and a version's history. Only for a
//! client that asks for it (`Accept-Encoding`); short answers and changes are
//! sent as they are.
//!
//! A compressed answer is another representation of the same content, so its
//! tag is given as weak (`W/"…"`), as proxies that compress do: tags are
//! compared weakly for `If-None-Match` (`entity_tag::if_none_match`), so
//! either form still gets a 304, and no tag is ever an `If-Match` value.

use axum::http::{header, HeaderValue};
use axum::middleware;
use axum::response::Response;
use axum::routing::MethodRouter;
use tower_http::compression::CompressionLayer;

/// `route`'s answers, gzip-compressed when the client accepts it.
pub(crate) fn compressed<S>(route: MethodRouter<S>) -> MethodRouter<S>
where
    S: Clone + Send + Sync + 'static,
{
    route
        .layer(
            CompressionLayer::new()
                .gzip(true)
                .no_br()
                .no_deflate()
                .no_zstd(),
        )
        .layer(middleware::map_response(weak_tag_when_encoded))
}

async fn weak_tag_when_encoded(mut response: Response) -> Response {
    if !response.headers().contains_key(header::CONTENT_ENCODING) {
        return response;
    }
    let weak = response
        .headers()
        .get(header::ETAG)
        .and_then(|tag| tag.to_str().ok())
        .filter(|tag| !tag.starts_with("W/"))
        .and_then(|tag| HeaderValue::from_str(&format!("W/{tag}")).ok());
    if let Some(weak) = weak {
        response.headers_mut().insert(header::ETAG, weak);
    }
    response
}
