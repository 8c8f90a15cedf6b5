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

/// The clock test support moved stays where it was across a restart: what the
/// server stamps after it never comes before what it stamped earlier, and
/// customers move on as the clock does. Only a reset sets it back, for a
/// restart too.
#[tokio::test]
async fn the_clock_moved_by_test_support_survives_a_restart() {
    let Some(mut api) = Api::start_local(|_| {}).await else {
        skip!("needs a server this test can restart");
    };
    let live = api.live().await;
    let later = api.advance(3 * 24 * 60 * 60).await;
    let finish = api
        .change(
            Method::POST,
            &format!("/journeys/{}/finish", live.id),
            live.revision,
        )
        .await;
    assert_eq!(finish.status().as_u16(), 200);
    let finished: JourneyVersion = finish.json().await.unwrap();
    assert!(finished.updated_at >= later);
    let entered = |versions: Vec<JourneyVersion>| -> u64 {
        versions
            .iter()
            .filter(|version| version.status == Status::Live)
            .map(|version| version.stats.entered)
            .sum()
    };

    assert!(api.restart().await);

    let now = api.now().await;
    assert!(now >= finished.updated_at, "not back: {now}, {later}");
    assert!(now < later + chrono::Duration::minutes(5), "{now}, {later}");
    let draft = api.draft().await;
    assert!(draft.created_at >= finished.updated_at, "stamped after");
    let history = api.history(&draft.id).await;
    assert!(history.iter().all(|entry| entry.at >= finished.updated_at));
    // A day on, the customers have moved: the simulation is not waiting for
    // the wall clock to catch up with the time it had reached.
    let before = entered(api.all_versions(500).await);
    api.advance(24 * 60 * 60).await;
    assert!(
        entered(api.all_versions(500).await) > before,
        "customers moved"
    );

    api.reset().await;
    assert!(api.restart().await);
    assert!(
        api.now().await < chrono::Utc::now() + chrono::Duration::minutes(1),
        "a reset sets the clock back for good"
    );
}

#[tokio::test]
async fn a_database_of_an_unknown_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journeys.sqlite");
    let connection = rusqlite::Connection::open(&path).unwrap();
    connection
        .execute_batch(
            "CREATE TABLE schema_version (version INTEGER); INSERT INTO schema_version VALUES (4);",
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
    assert!(error.to_string().contains("schema version 4"), "{error}");
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

/// The tables as the server wrote them before pausing and scheduled finishes
/// (schema version 1), kept here as they were rather than taken from the
/// server, so that a change to its schema cannot go unnoticed.
const SCHEMA_1: &str = "
    CREATE TABLE schema_version (version INTEGER NOT NULL);
    CREATE TABLE journey_versions (
        id TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        history TEXT NOT NULL
    );
    CREATE TABLE simulation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        state TEXT NOT NULL,
        advanced_to_ms INTEGER NOT NULL
    );
    CREATE TABLE idempotency (
        key TEXT PRIMARY KEY,
        action TEXT NOT NULL,
        version_id TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        at_ms INTEGER NOT NULL
    );
    CREATE INDEX idempotency_by_age ON idempotency (at_ms);
    INSERT INTO schema_version (version) VALUES (1);
";

#[tokio::test]
async fn a_database_from_before_pausing_opens_and_can_then_pause() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journeys.sqlite");
    let connection = rusqlite::Connection::open(&path).unwrap();
    connection.execute_batch(SCHEMA_1).unwrap();
    // A live version and its history as an older server wrote them: no
    // `pause`, no `scheduledFinish`, no `cause`.
    let version = serde_json::json!({
        "id": "old-v1", "journeyId": "old", "name": "Old journey", "version": 1,
        "status": "live", "revision": 2,
        "createdAt": "2025-03-01T09:00:00Z", "updatedAt": "2025-03-02T09:00:00Z",
        "publishedAt": "2025-03-02T09:00:00Z", "finishedAt": null, "stoppedAt": null,
        "updatedBy": "Priya Nair", "stopReason": null,
        "stats": { "entered": 10, "active": 4, "completed": 5, "exited": 1 }
    });
    let history = serde_json::json!([{
        "at": "2025-03-02T09:00:00Z", "by": "Priya Nair", "action": "publish",
        "from": "draft", "to": "live", "reason": null
    }]);
    connection
        .execute(
            "INSERT INTO journey_versions (id, version, history) VALUES ('old-v1', ?1, ?2)",
            [version.to_string(), history.to_string()],
        )
        .unwrap();
    let simulation = lifecycle::Simulation::new(1, lifecycle::SimulationSettings::default());
    connection
        .execute(
            "INSERT INTO simulation (id, state, advanced_to_ms) VALUES (1, ?1, ?2)",
            rusqlite::params![
                serde_json::to_string(&simulation).unwrap(),
                1_740_906_000_000_i64
            ],
        )
        .unwrap();
    drop(connection);

    let database = Database::File(path.clone());
    let Some(mut api) = Api::start_local(|config| {
        config.database = database;
        config.simulation = false;
    })
    .await
    else {
        skip!("needs a server started in this process");
    };
    let old = api.version("old-v1").await;
    assert_eq!((old.status, old.revision), (Status::Live, 2));
    assert_eq!((old.pause, old.scheduled_finish), (None, None));
    assert_eq!(api.history("old-v1").await.len(), 1);
    let schema: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT version FROM schema_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(schema, 3, "renumbered once opened");

    let until = chrono::Utc::now() + chrono::Duration::days(1);
    let pause = api
        .change_with_body(
            None,
            Method::POST,
            "/journeys/old-v1/pause",
            old.revision,
            &new_key(),
            Some(&serde_json::json!({ "customers": "hold", "until": until, "atEnd": "resume" })),
        )
        .await;
    assert_eq!(pause.status().as_u16(), 200);
    assert!(api.restart().await);
    let paused = api.version("old-v1").await;
    assert_eq!(paused.status, Status::Paused);
    assert_eq!(paused.pause.map(|pause| pause.until), Some(until));
    assert_eq!(api.history("old-v1").await.len(), 2);
}
