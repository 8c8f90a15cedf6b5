//! When a failed attempt is sent again, and after how long.
//!
//! Only failures a wait can cure are retried: no connection or no answer in
//! time, a server failure (5xx) and a server asking to slow down (429). Every
//! other answer is the server's considered word and retrying cannot change it.
//! Changes carry an idempotency key, so a retry never applies an action twice.

use std::time::Duration;

use chrono::{DateTime, Utc};
use wording::Phrase;

use crate::{BackendError, ErrorKind};

/// A request with no answer after this long is given up (and retried).
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(15);

/// The waits before the 2nd, 3rd and 4th attempt; there is no 5th.
pub const BACKOFF: [Duration; 3] = [
    Duration::from_millis(500),
    Duration::from_millis(1500),
    Duration::from_millis(4000),
];

/// The longest `Retry-After` the console waits for. A marketer watching a
/// spinner for longer is better told how long the server asked for.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// What to do after an attempt failed.
#[derive(Clone, Debug, PartialEq)]
pub enum RetryDecision {
    /// Wait this long, then send the same request again (same idempotency key).
    RetryIn(Duration),
    /// Stop and show this error.
    GiveUp(BackendError),
}

/// How long to wait before retrying, or `None` to give up.
///
/// `retries_so_far` is how many retries were already sent: 0 after the first
/// attempt failed. A `Retry-After` the server sent (kept by
/// [`crate::error_from_answer`] for 429 and 503 only) replaces the backoff; when
/// it is longer than [`MAX_RETRY_AFTER`], the console gives up at once.
pub fn next_retry(retries_so_far: usize, failure: &BackendError) -> Option<Duration> {
    let backoff = *BACKOFF.get(retries_so_far)?;
    match failure.kind {
        ErrorKind::Unreachable => Some(backoff),
        ErrorKind::Server | ErrorKind::Busy => match failure.retry_after {
            Some(asked) if asked > MAX_RETRY_AFTER => None,
            Some(asked) => Some(asked),
            None => Some(backoff),
        },
        ErrorKind::Refused
        | ErrorKind::Conflict
        | ErrorKind::NotFound
        | ErrorKind::Unauthorized
        | ErrorKind::Forbidden
        | ErrorKind::BadResponse
        | ErrorKind::MadeAnswerUnusable => None,
    }
}

/// [`next_retry`], and when giving up, the error worded for the end: a "busy"
/// message that promised another try says that the console has stopped trying.
pub fn after_failure(retries_so_far: usize, failure: BackendError) -> RetryDecision {
    if let Some(wait) = next_retry(retries_so_far, &failure) {
        return RetryDecision::RetryIn(wait);
    }
    let promised_a_retry = failure.kind == ErrorKind::Busy
        && failure
            .retry_after
            .is_none_or(|asked| asked <= MAX_RETRY_AFTER);
    if promised_a_retry {
        let attempts = retries_so_far + 1;
        return RetryDecision::GiveUp(BackendError {
            message: Phrase::new("sync-still-busy").with("attempts", attempts),
            ..failure
        });
    }
    RetryDecision::GiveUp(failure)
}

/// The wait a `Retry-After` header asks for: delta-seconds (`120`) or an
/// HTTP-date as RFC 9110 defines it (`Wed, 21 Oct 2015 07:28:00 GMT`, or one of
/// its obsolete forms: RFC 850's `Wednesday, 21-Oct-15 07:28:00 GMT` and
/// asctime's `Wed Oct 21 07:28:00 2015`), counted from `now`. A date in the
/// past is no wait; an unreadable value is `None`.
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // All digits but beyond u64: the server asks for forever.
        return Some(value.parse().map_or(Duration::MAX, Duration::from_secs));
    }
    // httpdate rather than chrono's RFC 2822 reader, which would bring chrono's
    // general format parser into the console for this alone.
    let at = DateTime::<Utc>::from(httpdate::parse_http_date(value).ok()?);
    Some((at - now).to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::english::english;

    fn error(kind: ErrorKind) -> BackendError {
        BackendError::new(
            kind,
            Phrase::new("sync-server-said").with("said", "Something happened."),
        )
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap()
    }

    #[test]
    fn connection_and_server_failures_are_retried_three_times_with_backoff() {
        for kind in [ErrorKind::Unreachable, ErrorKind::Server, ErrorKind::Busy] {
            let failure = error(kind);
            assert_eq!(next_retry(0, &failure), Some(Duration::from_millis(500)));
            assert_eq!(next_retry(1, &failure), Some(Duration::from_millis(1500)));
            assert_eq!(next_retry(2, &failure), Some(Duration::from_secs(4)));
            assert_eq!(next_retry(3, &failure), None, "{kind:?}");
        }
    }

    #[test]
    fn the_servers_considered_answers_are_never_retried() {
        for kind in [
            ErrorKind::Refused,
            ErrorKind::Conflict,
            ErrorKind::NotFound,
            ErrorKind::Unauthorized,
            ErrorKind::Forbidden,
            ErrorKind::BadResponse,
        ] {
            assert_eq!(next_retry(0, &error(kind)), None, "{kind:?}");
        }
    }

    #[test]
    fn retry_after_replaces_the_backoff_up_to_a_minute() {
        let mut busy = error(ErrorKind::Busy);
        busy.retry_after = Some(Duration::from_secs(20));
        assert_eq!(next_retry(0, &busy), Some(Duration::from_secs(20)));
        busy.retry_after = Some(MAX_RETRY_AFTER);
        assert_eq!(next_retry(2, &busy), Some(MAX_RETRY_AFTER));
        busy.retry_after = Some(MAX_RETRY_AFTER + Duration::from_secs(1));
        assert_eq!(next_retry(0, &busy), None);
    }

    #[test]
    fn giving_up_on_a_busy_server_stops_promising_a_retry() {
        let mut busy = error(ErrorKind::Busy);
        busy.retry_after = Some(Duration::from_secs(20));
        busy.message = crate::error_from_answer(429, None, Some("20"), "", now()).message;
        assert_eq!(
            after_failure(0, busy.clone()),
            RetryDecision::RetryIn(Duration::from_secs(20))
        );
        let RetryDecision::GiveUp(last) = after_failure(3, busy) else {
            panic!("a fourth retry was planned");
        };
        assert_eq!(last.kind, ErrorKind::Busy);
        assert_eq!(
            english(&last.message),
            "The server is still busy (HTTP 429 Too Many Requests) after 4 attempts. Nothing \
             was changed; try again in a minute."
        );
    }

    #[test]
    fn giving_up_keeps_every_other_message() {
        let refused = error(ErrorKind::Refused);
        assert_eq!(
            after_failure(0, refused.clone()),
            RetryDecision::GiveUp(refused)
        );
        let server = error(ErrorKind::Server);
        assert_eq!(
            after_failure(3, server.clone()),
            RetryDecision::GiveUp(server)
        );
    }

    #[test]
    fn retry_after_is_read_as_seconds_or_as_an_http_date() {
        assert_eq!(
            parse_retry_after("20", now()),
            Some(Duration::from_secs(20))
        );
        assert_eq!(parse_retry_after(" 0 ", now()), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after("99999999999999999999999", now()),
            Some(Duration::MAX)
        );
        assert_eq!(
            parse_retry_after("Mon, 03 Mar 2025 09:02:00 GMT", now()),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Mon, 03 Mar 2025 08:00:00 GMT", now()),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse_retry_after("Mon Mar  3 09:00:30 2025", now()),
            Some(Duration::from_secs(30))
        );
        assert_eq!(parse_retry_after("-5", now()), None);
        assert_eq!(parse_retry_after("soon", now()), None);
        assert_eq!(parse_retry_after("", now()), None);
    }

    #[test]
    fn retry_after_reads_the_obsolete_rfc_850_date() {
        let now = Utc.with_ymd_and_hms(1994, 11, 6, 8, 48, 37).unwrap();
        assert_eq!(
            parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now),
            Some(Duration::from_secs(60))
        );
    }
}
