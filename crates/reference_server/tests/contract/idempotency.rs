//! A retry with the same `Idempotency-Key` gets the first answer and changes
//! nothing more.

use std::collections::HashSet;

use contract::ErrorCode;
use lifecycle::{JourneyVersion, Status};
use reqwest::Method;

use crate::harness::{expect_error, new_key, Api};

#[tokio::test]
async fn a_retry_gets_the_first_answer_without_acting_twice() {
    let api = Api::start().await;
    let live = api.live().await;
    let path = format!("/journeys/{}/finish", live.id);
    let key = new_key();
    let first = api
        .change_with_key(Method::POST, &path, live.revision, &key)
        .await;
    assert_eq!(first.status().as_u16(), 200);
    let first_body = first.text().await.unwrap();
    let finished: JourneyVersion = serde_json::from_str(&first_body).unwrap();
    let history = api.history(&live.id).await;

    // The retry still sends the revision it had: stale by now, and not a 412.
    let retry = api
        .change_with_key(Method::POST, &path, live.revision, &key)
        .await;
    assert_eq!(retry.status().as_u16(), 200);
    assert_eq!(retry.text().await.unwrap(), first_body, "the same body");

    let now = api.version(&live.id).await;
    assert_eq!(now.revision, finished.revision, "not applied twice");
    assert_eq!(
        api.history(&live.id).await,
        history,
        "no second history entry"
    );
}

/// "One copy, not two", by what the contract promises: the retry answers the
/// very version the first request made, and the new journey it starts has that
/// one version. (Copies' names are no proof: how a server numbers them is its
/// own business, and on a shared server other tests make copies too.)
#[tokio::test]
async fn a_retried_create_gives_the_same_new_version() {
    let api = Api::start().await;
    let live = api.live().await;
    let path = format!("/journeys/{}/duplicate", live.id);
    let listed = |versions: Vec<JourneyVersion>| -> HashSet<String> {
        versions.into_iter().map(|version| version.id).collect()
    };
    let before = listed(api.all_versions(500).await);
    let key = new_key();
    let first = api
        .change_with_key(Method::POST, &path, live.revision, &key)
        .await;
    assert_eq!(first.status().as_u16(), 201);
    let copy: JourneyVersion = first.json().await.unwrap();
    assert_ne!(copy.journey_id, live.journey_id, "a new journey");
    let retry = api
        .change_with_key(Method::POST, &path, live.revision, &key)
        .await;
    assert_eq!(retry.status().as_u16(), 201);
    let again: JourneyVersion = retry.json().await.unwrap();
    assert_eq!(again, copy, "the same new version, not another one");

    let versions = api.all_versions(500).await;
    let of_the_copy: Vec<&str> = versions
        .iter()
        .filter(|version| version.journey_id == copy.journey_id)
        .map(|version| version.id.as_str())
        .collect();
    assert_eq!(
        of_the_copy,
        [copy.id.as_str()],
        "one version of the new journey"
    );
    let new: HashSet<String> = listed(versions).difference(&before).cloned().collect();
    assert!(new.contains(&copy.id), "{new:?}");
    if api.is_local() {
        // Nobody else changes a server of its own: one version more in all.
        assert_eq!(new, HashSet::from([copy.id.clone()]), "one copy, not two");
    }
}

#[tokio::test]
async fn a_retried_delete_is_204_again_rather_than_404() {
    let api = Api::start().await;
    let draft = api.draft().await;
    let path = format!("/journeys/{}", draft.id);
    let key = new_key();
    let first = api
        .change_with_key(Method::DELETE, &path, draft.revision, &key)
        .await;
    assert_eq!(first.status().as_u16(), 204);
    let retry = api
        .change_with_key(Method::DELETE, &path, draft.revision, &key)
        .await;
    assert_eq!(retry.status().as_u16(), 204);
    assert!(retry.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_new_key_with_the_stale_revision_is_412() {
    let api = Api::start().await;
    let live = api.live().await;
    let path = format!("/journeys/{}/finish", live.id);
    let first = api.change(Method::POST, &path, live.revision).await;
    assert_eq!(first.status().as_u16(), 200);
    let second = api.change(Method::POST, &path, live.revision).await;
    let error = expect_error(second, 412, ErrorCode::RevisionMismatch).await;
    assert_eq!(error.current.unwrap().status, Status::Finished);
}

#[tokio::test]
async fn a_key_reused_for_another_action_or_version_is_a_bad_request() {
    let api = Api::start().await;
    let live = api.live().await;
    let other = api.live().await;
    let key = new_key();
    let finish = api
        .change_with_key(
            Method::POST,
            &format!("/journeys/{}/finish", live.id),
            live.revision,
            &key,
        )
        .await;
    assert_eq!(finish.status().as_u16(), 200);
    let finished: JourneyVersion = finish.json().await.unwrap();

    let stop = api
        .change_with_key(
            Method::POST,
            &format!("/journeys/{}/stop", live.id),
            finished.revision,
            &key,
        )
        .await;
    let error = expect_error(stop, 400, ErrorCode::BadRequest).await;
    if api.is_local() {
        // The reference server's words; the contract leaves `message` to
        // each server.
        assert!(
            error.message.contains("Idempotency-Key"),
            "{}",
            error.message
        );
    }

    let elsewhere = api
        .change_with_key(
            Method::POST,
            &format!("/journeys/{}/finish", other.id),
            other.revision,
            &key,
        )
        .await;
    expect_error(elsewhere, 400, ErrorCode::BadRequest).await;
    assert_eq!(
        api.version(&other.id).await.status,
        Status::Live,
        "nothing applied"
    );
    assert_eq!(
        api.version(&live.id).await.status,
        Status::Finished,
        "not stopped"
    );
}
