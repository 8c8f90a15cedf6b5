//! `If-Match` and `Idempotency-Key` on every change.

use contract::ErrorCode;
use lifecycle::Status;
use reqwest::Method;

use crate::harness::{expect_error, new_key, Api};

#[tokio::test]
async fn a_change_without_if_match_is_a_bad_request() {
    let api = Api::start().await;
    let live = api.live().await;
    let path = format!("/journeys/{}/finish", live.id);
    let missing = api
        .request(Method::POST, &path)
        .header("Idempotency-Key", new_key())
        .send()
        .await
        .unwrap();
    let error = expect_error(missing, 400, ErrorCode::BadRequest).await;
    if api.is_local() {
        // The reference server's words: `message` is for people.
        assert!(error.message.contains("If-Match"), "{}", error.message);
    }
    for bad in ["*", "\"seven\"", ""] {
        let response = api
            .request(Method::POST, &path)
            .header("If-Match", bad)
            .header("Idempotency-Key", new_key())
            .send()
            .await
            .unwrap();
        expect_error(response, 400, ErrorCode::BadRequest).await;
    }
    assert_eq!(
        api.version(&live.id).await.status,
        Status::Live,
        "nothing applied"
    );
}

#[tokio::test]
async fn a_change_without_an_idempotency_key_is_a_bad_request() {
    let api = Api::start().await;
    let live = api.live().await;
    let response = api
        .request(Method::POST, &format!("/journeys/{}/finish", live.id))
        .header("If-Match", format!("\"{}\"", live.revision))
        .send()
        .await
        .unwrap();
    let error = expect_error(response, 400, ErrorCode::BadRequest).await;
    if api.is_local() {
        // The reference server's words: `message` is for people.
        assert!(
            error.message.contains("Idempotency-Key"),
            "{}",
            error.message
        );
    }
    assert_eq!(
        api.version(&live.id).await.status,
        Status::Live,
        "nothing applied"
    );
}

#[tokio::test]
async fn a_stale_revision_is_412_with_the_current_version() {
    let api = Api::start().await;
    let draft = api.draft().await;
    let publish = api
        .change(
            Method::POST,
            &format!("/journeys/{}/publish", draft.id),
            draft.revision,
        )
        .await;
    assert_eq!(publish.status().as_u16(), 200);

    // The client still has the draft's revision.
    let response = api
        .change(
            Method::DELETE,
            &format!("/journeys/{}", draft.id),
            draft.revision,
        )
        .await;
    let error = expect_error(response, 412, ErrorCode::RevisionMismatch).await;
    let current = error.current.expect("a 412 carries the current version");
    assert_eq!(current.id, draft.id);
    assert_eq!(current.status, Status::Live);
    assert!(current.revision > draft.revision);
    assert_eq!(
        api.version(&draft.id).await.status,
        Status::Live,
        "nothing applied"
    );
}

/// `If-Match` takes one revision and `Idempotency-Key` one key: the same field
/// sent twice is a list, refused rather than read as its first value.
#[tokio::test]
async fn a_change_with_two_if_match_or_two_idempotency_key_fields_is_a_bad_request() {
    let api = Api::start().await;
    let live = api.live().await;
    let path = format!("/journeys/{}/finish", live.id);
    let two_revisions = api
        .request(Method::POST, &path)
        .header("If-Match", format!("\"{}\"", live.revision))
        .header("If-Match", format!("\"{}\"", live.revision + 5))
        .header("Idempotency-Key", new_key())
        .send()
        .await
        .unwrap();
    let error = expect_error(two_revisions, 400, ErrorCode::BadRequest).await;
    if api.is_local() {
        // The reference server's words: `message` is for people.
        assert!(error.message.contains("If-Match"), "{}", error.message);
    }
    let two_keys = api
        .request(Method::POST, &path)
        .header("If-Match", format!("\"{}\"", live.revision))
        .header("Idempotency-Key", new_key())
        .header("Idempotency-Key", new_key())
        .send()
        .await
        .unwrap();
    let error = expect_error(two_keys, 400, ErrorCode::BadRequest).await;
    if api.is_local() {
        // The reference server's words: `message` is for people.
        assert!(
            error.message.contains("Idempotency-Key"),
            "{}",
            error.message
        );
    }
    assert_eq!(
        api.version(&live.id).await.status,
        Status::Live,
        "nothing applied"
    );
}
