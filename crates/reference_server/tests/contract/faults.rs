//! Fault injection (`--fault-injection`): a client must survive a `503` and a
//! lost response, and a retry with the same key must not act twice.

use contract::ErrorCode;
use lifecycle::{Action, JourneyVersion, Status};
use reqwest::Method;

use crate::harness::{expect_error, new_key, Api};
use crate::skip;

#[tokio::test]
async fn an_error_fault_answers_503_and_changes_nothing() {
    let api = Api::start().await;
    if !api.has_fault_injection() {
        skip!("the server has no fault injection");
    }
    let live = api.live().await;
    let path = format!("/journeys/{}/finish", live.id);
    api.inject("finish", "error", 1).await;
    let key = new_key();
    let failed = api
        .change_with_key(Method::POST, &path, live.revision, &key)
        .await;
    expect_error(failed, 503, ErrorCode::ServerError).await;
    let unchanged = api.version(&live.id).await;
    assert_eq!(
        (unchanged.status, unchanged.revision),
        (Status::Live, live.revision)
    );

    // Only the next one failed, and the key was not used up.
    let retry = api
        .change_with_key(Method::POST, &path, live.revision, &key)
        .await;
    assert_eq!(retry.status().as_u16(), 200);
}

#[tokio::test]
async fn a_drop_fault_applies_once_loses_the_response_and_the_retry_gets_it() {
    let api = Api::start().await;
    if !api.has_fault_injection() {
        skip!("the server has no fault injection");
    }
    let live = api.live().await;
    let path = format!("/journeys/{}/finish", live.id);
    api.inject("finish", "drop", 1).await;
    let key = new_key();
    let lost = api
        .request(Method::POST, &path)
        .header("If-Match", format!("\"{}\"", live.revision))
        .header("Idempotency-Key", &key)
        .send()
        .await;
    let error = lost.expect_err("a connection error, not a response");
    assert!(
        error.status().is_none(),
        "no status reached the client: {error:?}"
    );

    let finished = api.version(&live.id).await;
    assert_eq!(finished.status, Status::Finished, "the change was made");

    let retry = api
        .change_with_key(Method::POST, &path, live.revision, &key)
        .await;
    assert_eq!(retry.status().as_u16(), 200);
    let answer: JourneyVersion = retry.json().await.unwrap();
    assert_eq!(answer.revision, finished.revision);
    let finishes = api
        .history(&live.id)
        .await
        .iter()
        .filter(|entry| entry.action == Action::Finish)
        .count();
    assert_eq!(finishes, 1, "applied once");
}

#[tokio::test]
async fn a_dropped_delete_is_a_connection_error_too() {
    let api = Api::start().await;
    if !api.has_fault_injection() {
        skip!("the server has no fault injection");
    }
    let draft = api.draft().await;
    api.inject(&draft.id, "drop", 1).await;
    let lost = api
        .request(Method::DELETE, &format!("/journeys/{}", draft.id))
        .header("If-Match", format!("\"{}\"", draft.revision))
        .header("Idempotency-Key", new_key())
        .send()
        .await;
    assert!(lost.is_err(), "{lost:?}");
    let gone = api
        .get(&format!("/journeys/{}", draft.id))
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status().as_u16(), 404);
}

#[tokio::test]
async fn faults_count_down_and_only_hit_their_path() {
    let api = Api::start().await;
    if !api.has_fault_injection() {
        skip!("the server has no fault injection");
    }
    let first = api.live().await;
    let second = api.live().await;
    api.inject("stop", "error", 2).await;
    // A finish is not a stop.
    let finish = api
        .change(
            Method::POST,
            &format!("/journeys/{}/finish", first.id),
            first.revision,
        )
        .await;
    assert_eq!(finish.status().as_u16(), 200);
    let finished: JourneyVersion = finish.json().await.unwrap();
    for _ in 0..2 {
        let stop = api
            .change(
                Method::POST,
                &format!("/journeys/{}/stop", second.id),
                second.revision,
            )
            .await;
        assert_eq!(stop.status().as_u16(), 503);
    }
    let stop = api
        .change(
            Method::POST,
            &format!("/journeys/{}/stop", second.id),
            second.revision,
        )
        .await;
    assert_eq!(stop.status().as_u16(), 200, "two faults, then none");
    assert_eq!(api.version(&first.id).await.revision, finished.revision);
}

#[tokio::test]
async fn reset_brings_back_the_demo_journeys() {
    let api = Api::start().await;
    if !api.has_fault_injection() {
        skip!("the server has no fault injection");
    }
    if !api.is_local() {
        skip!("a reset would pull the journeys from under other tests");
    }
    let demo: Vec<String> = api
        .all_versions(500)
        .await
        .into_iter()
        .map(|v| v.id)
        .collect();
    let draft = api.draft().await;
    let response = api
        .request(Method::POST, "/_test/reset")
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
    let after: Vec<String> = api
        .all_versions(500)
        .await
        .into_iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(after, demo);
    assert!(!after.contains(&draft.id));
}

#[tokio::test]
async fn without_the_flag_there_is_no_test_support() {
    let Some(api) = Api::start_local(|config| config.fault_injection = false).await else {
        skip!("needs a server started without fault injection");
    };
    for path in ["/_test/faults", "/_test/reset"] {
        let response = api
            .request(Method::POST, path)
            .json(&serde_json::json!({ "path": "finish", "mode": "error" }))
            .send()
            .await
            .unwrap();
        expect_error(response, 404, ErrorCode::NotFound).await;
    }
}

#[tokio::test]
async fn the_clock_moves_forward_only_as_asked_and_a_reset_sets_it_back() {
    let api = Api::start().await;
    if !api.has_fault_injection() {
        skip!("the server has no test support");
    }
    let before = api.now().await;
    let later = api.advance(3_600).await;
    assert!(
        later >= before + chrono::Duration::hours(1),
        "{before} {later}"
    );
    for body in [
        serde_json::json!({}),
        serde_json::json!({ "seconds": -1 }),
        serde_json::json!({ "seconds": 1.5 }),
        serde_json::json!({ "seconds": 31_622_401 }),
        serde_json::json!({ "seconds": 1, "days": 1 }),
    ] {
        let response = api
            .request(Method::POST, "/_test/advance")
            .json(&body)
            .send()
            .await
            .unwrap();
        expect_error(response, 400, ErrorCode::BadRequest).await;
    }
    assert!(
        api.now().await < later + chrono::Duration::minutes(1),
        "unmoved"
    );
    api.reset().await;
    assert!(
        api.now().await < before + chrono::Duration::minutes(1),
        "back"
    );
}

#[tokio::test]
async fn without_fault_injection_there_is_no_clock_to_move() {
    let Some(api) = Api::start_local(|config| config.fault_injection = false).await else {
        skip!("needs a server started in this process");
    };
    let response = api
        .request(Method::POST, "/_test/advance")
        .json(&serde_json::json!({ "seconds": 60 }))
        .send()
        .await
        .unwrap();
    expect_error(response, 404, ErrorCode::NotFound).await;
}
