//! Malformed requests and unknown routes get the error shape too.

use contract::ErrorCode;
use lifecycle::Status;
use reqwest::Method;

use crate::harness::{expect_error, new_key, Api};

#[tokio::test]
async fn a_malformed_json_body_is_a_bad_request() {
    let api = Api::start().await;
    let live = api.live().await;
    // Neither is JSON that is not an object, nor blanks alone.
    for body in [
        "{\"reason\": ",
        "{\"reason\": 42}",
        "[1, 2",
        "\n",
        "[]",
        "[\"why\"]",
        "\"why\"",
    ] {
        let response = api
            .request(Method::POST, &format!("/journeys/{}/stop", live.id))
            .header("If-Match", format!("\"{}\"", live.revision))
            .header("Idempotency-Key", new_key())
            .header("Content-Type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        expect_error(response, 400, ErrorCode::BadRequest).await;
    }
    let response = api
        .request(Method::POST, &format!("/journeys/{}/finish", live.id))
        .header("If-Match", format!("\"{}\"", live.revision))
        .header("Idempotency-Key", new_key())
        .body("not json")
        .send()
        .await
        .unwrap();
    expect_error(response, 400, ErrorCode::BadRequest).await;
    assert_eq!(
        api.version(&live.id).await.status,
        Status::Live,
        "nothing applied"
    );
}

#[tokio::test]
async fn an_unknown_route_is_404_in_the_error_shape() {
    let api = Api::start().await;
    for path in [
        "/nothing-here",
        "/journeys/some-id/restart",
        "/journeys/some-id/history/extra",
    ] {
        let response = api.get(path).send().await.unwrap();
        expect_error(response, 404, ErrorCode::NotFound).await;
    }
    let outside = api
        .http
        .get(format!("{}/elsewhere", api.base.trim_end_matches("/api")))
        .send()
        .await
        .unwrap();
    assert_eq!(outside.status().as_u16(), 404);
}

#[tokio::test]
async fn a_method_a_route_does_not_take_is_405_in_the_error_shape() {
    let api = Api::start().await;
    let response = api.request(Method::PUT, "/journeys").send().await.unwrap();
    let allow = response
        .headers()
        .get("allow")
        .map(|v| v.to_str().unwrap().to_owned());
    assert!(allow.unwrap_or_default().contains("GET"), "Allow lists GET");
    expect_error(response, 405, ErrorCode::BadRequest).await;
}

/// A body over the server's limit (2 MiB on the reference server) is refused in
/// the error shape like any other error, and nothing is done.
#[tokio::test]
async fn a_body_over_the_limit_is_413_in_the_error_shape() {
    let api = Api::start().await;
    let live = api.live().await;
    let reason = "x".repeat(3 * 1024 * 1024);
    let response = api
        .request(Method::POST, &format!("/journeys/{}/stop", live.id))
        .header("If-Match", format!("\"{}\"", live.revision))
        .header("Idempotency-Key", new_key())
        .json(&serde_json::json!({ "reason": reason }))
        .send()
        .await
        .unwrap();
    let error = expect_error(response, 413, ErrorCode::BadRequest).await;
    assert!(error.current.is_none());
    assert_eq!(
        api.version(&live.id).await.status,
        Status::Live,
        "nothing applied"
    );
}

/// A path id that is not UTF-8 once decoded is a bad request, in the error
/// shape.
#[tokio::test]
async fn a_version_id_that_does_not_decode_is_a_bad_request() {
    let api = Api::start().await;
    let response = api.get("/journeys/%FF").send().await.unwrap();
    expect_error(response, 400, ErrorCode::BadRequest).await;
    let response = api
        .request(Method::POST, "/journeys/%FF/finish")
        .header("If-Match", "\"1\"")
        .header("Idempotency-Key", new_key())
        .send()
        .await
        .unwrap();
    expect_error(response, 400, ErrorCode::BadRequest).await;
}
