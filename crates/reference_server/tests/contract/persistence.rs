//! What the server keeps across a restart on the same database.

use contract::ErrorCode;
use lifecycle::{JourneyVersion, Status};
use reference_server::{Config, Database, StartError};
use reqwest::Method;

use crate::harness::{expect_error, new_key, Api};
use crate::skip;

#[tokio::test]
async fn changes_and_idempotency_keys_survive_a_restart() {
    let Some(mut api) = Api::start_local(|_| {}).await else {
        skip!("needs a server this test can restart");
    };
    let live = api.live().await;
    let path = format!("/journeys/{}/stop", live.id);
    let key = new_key();
    let stop = api
        .request(Method::POST, &path)
        .header("If-Match", format!("\"{}\"", live.revision))
        .header("Idempotency-Key", &key)
        .json(&serde_json::json!({ "reason": "Wrong audience" }))
        .send()
        .await
        .unwrap();
    assert_eq!(stop.status().as_u16(), 200);
    let stop_body = stop.text().await.unwrap();
    let stopped: JourneyVersion = serde_json::from_str(&stop_body).unwrap();
    let history = api.history(&live.id).await;
    let count_before = api.all_versions(500).await.len();

    assert!(api.restart().await);

    let after = api.version(&live.id).await;
    assert_eq!(after.status, Status::Stopped);
    assert_eq!(after.revision, stopped.revision);
    assert_eq!(after.stop_reason.as_deref(), Some("Wrong audience"));
    assert_eq!(api.history(&live.id).await, history);
    assert_eq!(api.all_versions(500).await.len(), count_before);

    let retry = api
        .request(Method::POST, &path)
        .header("If-Match", format!("\"{}\"", live.revision))
        .header("Idempotency-Key", &key)
        .send()
        .await
        .unwrap();
    assert_eq!(retry.status().as_u16(), 200, "the key still replays");
    assert_eq!(retry.text().await.unwrap(), stop_body);

    let fresh_key = api.change(Method::POST, &path, stopped.revision).await;
    expect_error(fresh_key, 409, ErrorCode::InvalidTransition).await;
}

#[tokio::test]
async fn a_database_of_an_unknown_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journeys.sqlite");
    let connection = rusqlite::Connection::open(&path).unwrap();
    connection
        .execute_batch(
            "CREATE TABLE schema_version (version INTEGER); INSERT INTO schema_version VALUES (2);",
        )
        .unwrap();
    drop(connection);
    let config = Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        database: Database::File(path),
        ..Config::default()
    };
    let error = reference_server::serve(config)
        .await
        .err()
        .expect("refused");
    assert!(matches!(error, StartError::Store(_)), "{error}");
    assert!(error.to_string().contains("schema version 2"), "{error}");
}

#[tokio::test]
async fn an_in_memory_database_starts_with_the_demo_journeys() {
    let Some(api) = Api::start_local(|config| config.database = Database::Memory).await else {
        skip!("needs a server started in this process");
    };
    let versions = api.all_versions(500).await;
    assert!(versions
        .iter()
        .any(|version| version.status == Status::Live));
    assert!(versions
        .iter()
        .any(|version| version.status == Status::Stopped));
}
