//! Any answer that is not a success, turned into the error the server meant, or
//! into the HTTP status in words when what came back was not the contract's
//! error body (a proxy's page, plain text, nothing at all).

use chrono::{DateTime, Utc};
use lifecycle::JourneyVersion;
use std::time::Duration;

use serde::Deserialize;
use serde_json::value::RawValue;
use wording::Phrase;

use crate::in_words::duration_in_words;
use crate::retry_policy::{parse_retry_after, MAX_RETRY_AFTER};
use crate::{BackendError, ErrorKind};

/// A server message longer than this is cut: it is shown in a dialog.
const MAX_MESSAGE_CHARS: usize = 500;

/// The error an answer with this status means. The body is read leniently: the
/// contract's `{"error": {"code", "message", "current"}}` with any `code`, a bare
/// `{"message"}` or `{"error": "…"}`, or a problem+json `detail`; anything else
/// (HTML, plain text, nothing) gives a message built from the status. The
/// message is never empty.
///
/// `retry_after` is the `Retry-After` header, honoured for 429 and 503 and read
/// relative to `now`. `current` is taken from the body whenever it holds a valid
/// journey version.
pub fn error_from_answer(
    status: u16,
    content_type: Option<&str>,
    retry_after: Option<&str>,
    body: &str,
    now: DateTime<Utc>,
) -> BackendError {
    let said = ServerSaid::read(content_type, body);
    let retry_after = retry_after
        .filter(|_| status == 429 || status == 503)
        .and_then(|value| parse_retry_after(value, now));
    let kind = match status {
        401 => ErrorKind::Unauthorized,
        403 => ErrorKind::Forbidden,
        404 => ErrorKind::NotFound,
        409 => ErrorKind::Refused,
        412 => ErrorKind::Conflict,
        429 => ErrorKind::Busy,
        500..=599 => ErrorKind::Server,
        _ => ErrorKind::BadResponse,
    };
    let message = message(status, said.message.as_deref(), retry_after);
    BackendError {
        kind,
        message,
        current: said.current.map(Box::new),
        retry_after,
        after_unanswered: false,
    }
}

fn message(status: u16, said: Option<&str>, retry_after: Option<Duration>) -> Phrase {
    // "HTTP 404 Not Found": protocol text, the same in every language.
    let words = status_in_words(status);
    let said_phrase = |id: &'static str, said: &str| Phrase::new(id).with("said", said);
    match (status, said) {
        (401, Some(said)) => said_phrase("sync-sign-in-refused-said", said),
        (401, None) => Phrase::new("sync-sign-in-refused"),
        (403, Some(said)) => said_phrase("sync-not-allowed-said", said),
        (403, None) => Phrase::new("sync-not-allowed"),
        (429, said) => busy_message(said, retry_after),
        (500..=599, said) => {
            let problem = match said {
                Some(said) => format!("HTTP {status}: {}", said.trim_end_matches('.')),
                None => words,
            };
            match retry_after {
                Some(asked) if asked > MAX_RETRY_AFTER => Phrase::new("sync-server-problem-wait")
                    .with("problem", problem)
                    .with("wait", duration_in_words(asked)),
                _ => Phrase::new("sync-server-problem").with("problem", problem),
            }
        }
        (400..=499, Some(said)) => said_phrase("sync-server-said", said),
        (404, None) => Phrase::new("sync-version-not-on-server").with("status", words),
        (409, None) => Phrase::new("sync-server-refused-action").with("status", words),
        (412, None) => Phrase::new("sync-changed-first").with("status", words),
        (413, None) => Phrase::new("sync-request-too-large").with("status", words),
        (400..=499, None) => Phrase::new("sync-request-refused").with("status", words),
        _ => {
            BackendError::bad_response(
                Phrase::new("sync-answered-unexpected-status").with("status", words),
            )
            .message
        }
    }
}

/// The 429 message: what the server said (or that it is busy), then when the
/// console tries again, or how long the server asked to wait when that is too
/// long to sit through.
fn busy_message(said: Option<&str>, retry_after: Option<Duration>) -> Phrase {
    match retry_after {
        Some(asked) if asked > MAX_RETRY_AFTER => {
            let wait = duration_in_words(asked);
            match said {
                Some(said) => Phrase::new("sync-busy-said-wait")
                    .with("said", sentence(said))
                    .with("wait", wait),
                None => Phrase::new("sync-busy-wait").with("wait", wait),
            }
        }
        wait => {
            let when = match wait {
                Some(wait) if wait.is_zero() => Phrase::new("sync-retry-at-once"),
                Some(wait) => Phrase::new("sync-retry-in").with("wait", duration_in_words(wait)),
                None => Phrase::new("sync-retry-in-a-moment"),
            };
            match said {
                Some(said) => Phrase::new("sync-busy-said-retry")
                    .with("said", sentence(said))
                    .with("when", when),
                None => Phrase::new("sync-busy-retry").with("when", when),
            }
        }
    }
}

/// The status with its phrase, "HTTP 413 Content Too Large", or only the number
/// for a status without a common phrase, "HTTP 418". Protocol text, not
/// prose: the same in every language.
pub fn status_in_words(status: u16) -> String {
    match status_phrase(status) {
        Some(phrase) => format!("HTTP {status} {phrase}"),
        None => format!("HTTP {status}"),
    }
}

/// The standard phrase of the common statuses (RFC 9110 and friends).
pub fn status_phrase(status: u16) -> Option<&'static str> {
    Some(match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        511 => "Network Authentication Required",
        _ => return None,
    })
}

/// What an error body said, as far as it could be read.
#[derive(Default)]
struct ServerSaid {
    /// Trimmed, never empty, at most [`MAX_MESSAGE_CHARS`].
    message: Option<String>,
    current: Option<JourneyVersion>,
}

/// The fields of an error body the console reads, each kept as raw JSON, so
/// that one of an unexpected type spoils only itself. (Raw rather than a
/// `serde_json::Value`: the console then needs no second JSON deserializer,
/// about 7 KB of its download.)
#[derive(Deserialize)]
struct Fields<'a> {
    #[serde(borrow)]
    error: Option<&'a RawValue>,
    #[serde(borrow)]
    message: Option<&'a RawValue>,
    #[serde(borrow)]
    detail: Option<&'a RawValue>,
    #[serde(borrow)]
    title: Option<&'a RawValue>,
    #[serde(borrow)]
    current: Option<&'a RawValue>,
}

/// The contract's `error` object.
#[derive(Deserialize)]
struct ErrorFields<'a> {
    #[serde(borrow)]
    message: Option<&'a RawValue>,
    #[serde(borrow)]
    current: Option<&'a RawValue>,
}

impl ServerSaid {
    fn read(content_type: Option<&str>, body: &str) -> ServerSaid {
        // A JSON body is read whatever its label says, except an HTML page.
        let is_html = content_type.is_some_and(|ct| ct.to_ascii_lowercase().contains("html"));
        let body = body.trim_start_matches('\u{feff}').trim();
        if is_html || !body.starts_with('{') {
            return ServerSaid::default();
        }
        let Ok(top) = serde_json::from_str::<Fields>(body) else {
            return ServerSaid::default();
        };
        let error = top
            .error
            .and_then(|e| serde_json::from_str::<ErrorFields>(e.get()).ok());
        let message = [
            error.as_ref().and_then(|e| e.message),
            top.error,
            top.message,
            top.detail,
            top.title,
        ]
        .into_iter()
        .flatten()
        .find_map(|value| {
            serde_json::from_str::<String>(value.get())
                .ok()
                .and_then(|text| usable(&text))
        });
        let current = [error.and_then(|e| e.current), top.current]
            .into_iter()
            .flatten()
            .find_map(|value| serde_json::from_str::<JourneyVersion>(value.get()).ok())
            .filter(|version| !version.id.is_empty());
        ServerSaid { message, current }
    }
}

/// A message fit to show: trimmed, with control characters made spaces, cut
/// to a dialog's length; `None` when nothing is left.
fn usable(message: &str) -> Option<String> {
    let cleaned: String = message
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        return None;
    }
    let mut chars = cleaned.chars();
    let head: String = chars.by_ref().take(MAX_MESSAGE_CHARS).collect();
    Some(if chars.next().is_some() {
        format!("{}\u{2026}", head.trim_end())
    } else {
        head
    })
}

/// Ends `text` as a sentence, so another can follow it.
fn sentence(text: &str) -> String {
    if text.ends_with(['.', '!', '?', '\u{2026}']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use lifecycle::Status;

    use super::*;
    use crate::english::english;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap()
    }

    fn answer(status: u16, content_type: &str, body: &str) -> BackendError {
        error_from_answer(status, Some(content_type), None, body, now())
    }

    /// The message of the answer, in English.
    fn said(status: u16, content_type: &str, body: &str) -> String {
        english(&answer(status, content_type, body).message)
    }

    fn stopped_json() -> String {
        let mut version = JourneyVersion::draft(
            "welcome-v1",
            "welcome",
            "Welcome series",
            1,
            "Ana Ruiz",
            now(),
        );
        version.status = Status::Stopped;
        version.revision = 4;
        serde_json::to_string(&version).unwrap()
    }

    #[test]
    fn the_contracts_error_body_gives_its_message_and_current() {
        let body = format!(
            r#"{{"error":{{"code":"invalid_transition","message":"This journey is stopped.","current":{}}}}}"#,
            stopped_json()
        );
        let error = answer(409, "application/json", &body);
        assert_eq!(error.kind, ErrorKind::Refused);
        assert_eq!(english(&error.message), "This journey is stopped.");
        let current = error.current.expect("current");
        assert_eq!((current.id.as_str(), current.revision), ("welcome-v1", 4));
    }

    #[test]
    fn an_unknown_code_extra_fields_and_an_invalid_current_are_tolerated() {
        let body = r#"{"error":{"code":"teapot_overheated","message":"Too hot.","current":{"id":3},"hint":1},"trace":"x"}"#;
        let error = answer(412, "application/json; charset=utf-8", body);
        assert_eq!(error.kind, ErrorKind::Conflict);
        assert_eq!(english(&error.message), "Too hot.");
        assert_eq!(error.current, None);
    }

    #[test]
    fn a_missing_or_blank_message_gives_the_status_in_words() {
        let error = answer(
            412,
            "application/json",
            r#"{"error":{"code":"revision_mismatch","message":"  "}}"#,
        );
        assert_eq!(
            english(&error.message),
            "Someone changed this journey first (HTTP 412 Precondition Failed). Nothing was \
             changed; look at it again before you retry."
        );
        let error = answer(
            409,
            "application/json",
            r#"{"error":{"code":"invalid_transition"}}"#,
        );
        assert_eq!(
            english(&error.message),
            "The server refused this action (HTTP 409 Conflict). Nothing was changed."
        );
    }

    #[test]
    fn other_shapes_of_json_still_give_their_message() {
        assert_eq!(
            said(400, "application/json", r#"{"message":"Bad cursor"}"#),
            "Bad cursor"
        );
        assert_eq!(
            said(400, "text/plain", r#"{"error":"Bad limit"}"#),
            "Bad limit"
        );
        assert_eq!(
            said(
                422,
                "application/problem+json",
                r#"{"title":"Invalid","detail":"Reason too long"}"#
            ),
            "Reason too long"
        );
    }

    #[test]
    fn server_failures_keep_todays_wording() {
        assert_eq!(
            said(502, "text/html", "<html>Bad gateway</html>"),
            "The server had a problem (HTTP 502 Bad Gateway). Nothing was lost; try again."
        );
        let error = answer(
            500,
            "application/json",
            r#"{"error":{"code":"server_error","message":"Database down."}}"#,
        );
        assert_eq!(error.kind, ErrorKind::Server);
        assert_eq!(
            english(&error.message),
            "The server had a problem (HTTP 500: Database down). Nothing was lost; try again."
        );
        assert_eq!(
            said(599, "", ""),
            "The server had a problem (HTTP 599). Nothing was lost; try again."
        );
    }

    #[test]
    fn sign_in_and_role_problems_keep_todays_wording() {
        let error = answer(401, "text/plain", "");
        assert_eq!(error.kind, ErrorKind::Unauthorized);
        assert_eq!(
            english(&error.message),
            "The server did not accept your sign-in: sign in again."
        );
        let error = answer(
            403,
            "application/json",
            r#"{"error":{"code":"forbidden","message":"Viewers only read."}}"#,
        );
        assert_eq!(error.kind, ErrorKind::Forbidden);
        assert_eq!(
            english(&error.message),
            "You are not allowed to do this: Viewers only read."
        );
        assert_eq!(
            said(403, "", ""),
            "You are not allowed to do this: your role does not allow it."
        );
    }

    #[test]
    fn a_proxys_413_page_is_named_in_words() {
        let error = answer(
            413,
            "text/html",
            "<html><h1>413 Request Entity Too Large</h1></html>",
        );
        assert_eq!(error.kind, ErrorKind::BadResponse);
        assert_eq!(
            english(&error.message),
            "The server refused the request as too large (HTTP 413 Content Too Large). \
             Nothing was changed."
        );
    }

    #[test]
    fn busy_says_when_the_console_tries_again() {
        let error = error_from_answer(429, Some("text/plain"), Some("20"), "Slow down", now());
        assert_eq!(error.kind, ErrorKind::Busy);
        assert_eq!(error.retry_after, Some(std::time::Duration::from_secs(20)));
        assert_eq!(
            english(&error.message),
            "The server is busy (HTTP 429 Too Many Requests); the console will try again in \
             20 seconds."
        );
        let error = error_from_answer(429, None, None, "", now());
        assert_eq!(
            english(&error.message),
            "The server is busy (HTTP 429 Too Many Requests); the console will try again in a \
             moment."
        );
    }

    #[test]
    fn a_wait_too_long_to_sit_through_is_named() {
        let error = error_from_answer(429, None, Some("300"), "", now());
        assert_eq!(
            english(&error.message),
            "The server is busy (HTTP 429 Too Many Requests) and asks to wait 5 minutes before \
             trying again. Nothing was changed."
        );
        let error = error_from_answer(503, None, Some("Mon, 03 Mar 2025 10:00:00 GMT"), "", now());
        assert_eq!(
            error.retry_after,
            Some(std::time::Duration::from_secs(3600))
        );
        assert_eq!(
            english(&error.message),
            "The server had a problem (HTTP 503 Service Unavailable) and asks to wait 60 \
             minutes before trying again. Nothing was lost."
        );
    }

    #[test]
    fn retry_after_counts_only_where_the_contract_honours_it() {
        let error = error_from_answer(500, None, Some("20"), "", now());
        assert_eq!(error.retry_after, None);
        let error = error_from_answer(409, None, Some("20"), "", now());
        assert_eq!(error.retry_after, None);
    }

    #[test]
    fn statuses_without_a_phrase_read_as_the_number() {
        assert_eq!(status_in_words(418), "HTTP 418");
        assert_eq!(
            said(418, "text/plain", "I'm a teapot"),
            "The server refused the request (HTTP 418). Nothing was changed."
        );
    }

    #[test]
    fn a_status_that_is_no_error_is_an_unusable_answer() {
        let error = answer(302, "text/html", "");
        assert_eq!(error.kind, ErrorKind::BadResponse);
        assert_eq!(
            english(&error.message),
            "The server's answer was not usable: it answered HTTP 302 Found where a result \
             or an error was expected. Nothing was changed."
        );
    }

    #[test]
    fn german_says_the_same_in_its_own_words() {
        let german = wording::Wording::new(wording::Locale::German);
        let busy = error_from_answer(429, None, Some("1"), "", now());
        assert_eq!(
            german.say(&busy.message),
            "Der Server ist ausgelastet (HTTP 429 Too Many Requests); die Konsole versucht es \
             in 1 Sekunde erneut."
        );
        let down = error_from_answer(503, None, Some("7200"), "", now());
        assert_eq!(
            german.say(&down.message),
            "Der Server hatte ein Problem (HTTP 503 Service Unavailable) und bittet, 2 Stunden \
             zu warten, bevor Sie es erneut versuchen. Es ist nichts verloren gegangen."
        );
        let said = answer(
            403,
            "application/json",
            r#"{"message":"Viewers only read."}"#,
        );
        assert_eq!(
            german.say(&said.message),
            "Sie dürfen dies nicht tun: Viewers only read."
        );
    }

    #[test]
    fn a_huge_message_is_cut_and_control_characters_are_blanked() {
        let body = format!(
            r#"{{"error":{{"code":"bad_request","message":"{}"}}}}"#,
            "a".repeat(5000)
        );
        let message = said(400, "application/json", &body);
        assert_eq!(message.chars().count(), MAX_MESSAGE_CHARS + 1);
        let message = said(400, "application/json", r#"{"message":"one\u0007two"}"#);
        assert_eq!(message, "one two");
    }
}
