//! `GET /journeys/{id}`, `GET /journeys/{id}/history`, `GET /health`.

use contract::ErrorCode;
use lifecycle::{Action, JourneyVersion, Status};
use reqwest::Method;

use crate::harness::{expect_error, Api};

#[tokio::test]
async fn one_version_comes_with_an_etag_and_304_while_unchanged() {
    let api = Api::start().await;
    let draft = api.draft().await;
    let path = format!("/journeys/{}", draft.id);
    let response = api.get(&path).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let tag = response.headers()["etag"].to_str().unwrap().to_owned();
    let read: JourneyVersion = response.json().await.unwrap();
    assert_eq!(read, draft);

    // A draft has no customers, so nothing moves it but a change.
    let again = api
        .get(&path)
        .header("If-None-Match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 304);
    assert!(again.bytes().await.unwrap().is_empty());

    let other = api
        .get(&path)
        .header("If-None-Match", "\"something-else\"")
        .send()
        .await
        .unwrap();
    assert_eq!(other.status().as_u16(), 200);
}

#[tokio::test]
async fn an_unknown_version_is_not_found() {
    let api = Api::start().await;
    for path in [
        "/journeys/no-such-version",
        "/journeys/no-such-version/history",
    ] {
        let response = api.get(path).send().await.unwrap();
        let error = expect_error(response, 404, ErrorCode::NotFound).await;
        assert!(error.current.is_none());
    }
}

#[tokio::test]
async fn history_lists_lifecycle_changes_oldest_first() {
    let api = Api::start().await;
    let live = api.live().await;
    let stop = api
        .request(Method::POST, &format!("/journeys/{}/stop", live.id))
        .header("If-Match", format!("\"{}\"", live.revision))
        .header("Idempotency-Key", crate::harness::new_key())
        .json(&serde_json::json!({ "reason": "Wrong audience" }))
        .send()
        .await
        .unwrap();
    assert_eq!(stop.status().as_u16(), 200);

    let response = api
        .get(&format!("/journeys/{}/history", live.id))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    let items = body["items"].as_array().expect("items");
    assert_eq!(items.len(), 3, "{body}");
    for item in items {
        for field in ["at", "by", "action", "from", "to", "reason"] {
            assert!(item.get(field).is_some(), "{field} in {item}");
        }
    }
    let history = api.history(&live.id).await;
    let steps: Vec<_> = history
        .iter()
        .map(|entry| (entry.action, entry.from, entry.to))
        .collect();
    assert_eq!(
        steps,
        [
            (Action::Duplicate, None, Some(Status::Draft)),
            (Action::Publish, Some(Status::Draft), Some(Status::Live)),
            (Action::Stop, Some(Status::Live), Some(Status::Stopped)),
        ]
    );
    assert_eq!(history[2].reason.as_deref(), Some("Wrong audience"));
    assert!(history.windows(2).all(|pair| pair[0].at <= pair[1].at));
}

#[tokio::test]
async fn a_history_comes_with_an_etag_and_304_while_unchanged() {
    let api = Api::start().await;
    let draft = api.draft().await;
    let path = format!("/journeys/{}/history", draft.id);
    let response = api.get(&path).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response
            .headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap()),
        Some("no-cache")
    );
    let tag = response
        .headers()
        .get("etag")
        .expect("a history has an ETag")
        .to_str()
        .unwrap()
        .to_owned();

    let again = api
        .get(&path)
        .header("If-None-Match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 304);
    assert_eq!(again.headers()["etag"].to_str().unwrap(), tag);
    assert!(again.bytes().await.unwrap().is_empty(), "a 304 has no body");

    // A change adds to the history, and the tag changes with it.
    let publish = api
        .change(
            Method::POST,
            &format!("/journeys/{}/publish", draft.id),
            draft.revision,
        )
        .await;
    assert_eq!(publish.status().as_u16(), 200);
    let changed = api
        .get(&path)
        .header("If-None-Match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status().as_u16(), 200);
    assert_ne!(changed.headers()["etag"].to_str().unwrap(), tag);
    assert_eq!(
        changed
            .json::<contract::HistoryPage>()
            .await
            .unwrap()
            .items
            .len(),
        2
    );
}

#[tokio::test]
async fn health_answers_ok_without_a_token() {
    let api = Api::start().await;
    let response = api.http.get(api.url("/health")).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body, serde_json::json!({ "status": "ok" }));
}
