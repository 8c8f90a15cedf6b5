use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use contract::{ApiError, ErrorBody, ErrorCode};
use lifecycle::{JourneyVersion, Refusal};
use wording::{refusal_phrase, Locale, Wording};

/// An answer other than success, in the contract's error shape:
/// `{"error": {"code", "message", "current"?}}`.
#[derive(Debug)]
pub(crate) struct Failure {
    status: StatusCode,
    // Boxed: the current version makes the body large, and failures travel in
    // every `Result` of the request path.
    body: Box<ErrorBody>,
}

impl Failure {
    fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        Failure {
            status,
            body: Box::new(ErrorBody {
                error: ApiError {
                    code,
                    message: message.into(),
                    current: None,
                },
            }),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Failure::new(StatusCode::BAD_REQUEST, ErrorCode::BadRequest, message)
    }

    pub(crate) fn unauthorized(message: impl Into<String>) -> Self {
        Failure::new(StatusCode::UNAUTHORIZED, ErrorCode::Unauthorized, message)
    }

    pub(crate) fn forbidden(message: impl Into<String>) -> Self {
        Failure::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, message)
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Failure::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, message)
    }

    /// The path exists but not with this method. The contract has no code of its
    /// own for it: the request is a bad one.
    pub(crate) fn method_not_allowed(message: impl Into<String>) -> Self {
        Failure::new(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::BadRequest,
            message,
        )
    }

    /// The request body is larger than the server reads. The contract has no
    /// code of its own for it: the request is a bad one.
    pub(crate) fn too_large(message: impl Into<String>) -> Self {
        Failure::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::BadRequest,
            message,
        )
    }

    /// The client acted on a revision that is no longer the current one.
    pub(crate) fn revision_mismatch(sent: u64, current: JourneyVersion) -> Self {
        let message = format!(
            "This journey version has changed since you loaded it: you sent revision {sent}, \
             it is now at revision {} (last changed by {}). Review it and try again.",
            current.revision, current.updated_by
        );
        Failure::new(
            StatusCode::PRECONDITION_FAILED,
            ErrorCode::RevisionMismatch,
            message,
        )
        .with_current(current)
    }

    /// The rules refuse the action; the message is their refusal in the
    /// console's English words (the catalog of crates/wording), so a client
    /// that shows the server's message says what the console would.
    pub(crate) fn invalid_transition(refusal: Refusal, current: JourneyVersion) -> Self {
        let message = Wording::new(Locale::English).say(&refusal_phrase(&refusal));
        Failure::new(StatusCode::CONFLICT, ErrorCode::InvalidTransition, message)
            .with_current(current)
    }

    pub(crate) fn server_error(message: impl Into<String>) -> Self {
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::ServerError,
            message,
        )
    }

    pub(crate) fn unavailable(message: impl Into<String>) -> Self {
        Failure::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::ServerError,
            message,
        )
    }

    fn with_current(mut self, current: JourneyVersion) -> Self {
        self.body.error.current = Some(current);
        self
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let unauthorized = self.body.error.code == ErrorCode::Unauthorized;
        let mut response = (self.status, Json(*self.body)).into_response();
        if unauthorized {
            // RFC 9110: a 401 names the scheme the client should use.
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
