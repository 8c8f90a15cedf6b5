use lifecycle::JourneyVersion;
use serde::{Deserialize, Serialize};

/// Every error response: `{"error": {"code", "message", "current"?}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ApiError,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: ErrorCode,
    /// For people: the console shows it as it is.
    pub message: String,
    /// The version as the server has it now, with 409 and 412, so a client can
    /// show the truth and say who changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<JourneyVersion>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    InvalidTransition,
    RevisionMismatch,
    /// Any 5xx; the body may be absent or not JSON at all.
    ServerError,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_json_shape() {
        let body = ErrorBody {
            error: ApiError {
                code: ErrorCode::RevisionMismatch,
                message: "Someone changed this journey.".into(),
                current: None,
            },
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"error":{"code":"revision_mismatch","message":"Someone changed this journey."}}"#
        );
        let read: ErrorBody =
            serde_json::from_str(r#"{"error":{"code":"invalid_transition","message":"No."}}"#)
                .unwrap();
        assert_eq!(read.error.code, ErrorCode::InvalidTransition);
    }
}
