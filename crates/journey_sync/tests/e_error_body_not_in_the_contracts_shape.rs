//! Case e: an error body that is not the contract's (a proxy's HTML page, plain
//! text, an unknown code) still gives a message naming the status in words,
//! and a 429's Retry-After is honoured by the retry policy.

mod common;

use std::time::Duration;

use common::{at, english};
use journey_sync::{after_failure, error_from_answer, next_retry, ErrorKind, RetryDecision};

#[test]
fn error_body_not_in_the_contracts_shape_names_the_status_in_words() {
    let html = "<html><head><title>413 Request Entity Too Large</title></head>\
                <body><center><h1>413 Request Entity Too Large</h1></center><hr>nginx</body></html>";
    let error = error_from_answer(413, Some("text/html"), None, html, at(0));
    assert_eq!(
        english(&error.message),
        "The server refused the request as too large (HTTP 413 Content Too Large). Nothing was changed."
    );
    assert_eq!(next_retry(0, &error), None, "a 413 is never retried");

    let error = error_from_answer(
        404,
        Some("application/json"),
        None,
        r#"{"error":{"code":"no_such_thing","message":""},"extra":[1,2]}"#,
        at(0),
    );
    assert_eq!(error.kind, ErrorKind::NotFound);
    assert_eq!(
        english(&error.message),
        "This journey version does not exist on the server (HTTP 404 Not Found)."
    );

    let error = error_from_answer(
        409,
        Some("application/json"),
        None,
        r#"{"error":{"code":"journey_on_fire","message":"This journey is on fire."}}"#,
        at(0),
    );
    assert_eq!(error.kind, ErrorKind::Refused);
    assert_eq!(english(&error.message), "This journey is on fire.");

    for (status, body) in [
        (400, ""),
        (502, "upstream connect error"),
        (418, "{not json"),
    ] {
        let error = error_from_answer(status, Some("text/plain"), None, body, at(0));
        assert!(
            english(&error.message).contains(&format!("HTTP {status}")),
            "{}",
            english(&error.message)
        );
    }
}

#[test]
fn too_many_requests_as_plain_text_with_retry_after_is_honoured() {
    let error = error_from_answer(
        429,
        Some("text/plain"),
        Some("20"),
        "Too Many Requests\n",
        at(0),
    );
    assert_eq!(error.kind, ErrorKind::Busy);
    assert_eq!(
        english(&error.message),
        "The server is busy (HTTP 429 Too Many Requests); the console will try again in 20 seconds."
    );
    assert_eq!(next_retry(0, &error), Some(Duration::from_secs(20)));
    assert_eq!(next_retry(2, &error), Some(Duration::from_secs(20)));
    assert_eq!(
        after_failure(1, error.clone()),
        RetryDecision::RetryIn(Duration::from_secs(20))
    );
    let RetryDecision::GiveUp(last) = after_failure(3, error) else {
        panic!("retried a fifth time");
    };
    assert_eq!(
        english(&last.message),
        "The server is still busy (HTTP 429 Too Many Requests) after 4 attempts. Nothing was \
         changed; try again in a minute."
    );

    // Asked to wait longer than the console waits: given up at once, and said.
    let error = error_from_answer(
        429,
        Some("text/plain"),
        Some("Mon, 03 Mar 2025 09:05:00 GMT"),
        "",
        at(0),
    );
    assert_eq!(next_retry(0, &error), None);
    assert_eq!(
        english(&error.message),
        "The server is busy (HTTP 429 Too Many Requests) and asks to wait 5 minutes before \
         trying again. Nothing was changed."
    );
}
