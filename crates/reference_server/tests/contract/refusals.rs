//! Changes the rules refuse: `409 invalid_transition`, with the rule's own words.

use contract::ErrorCode;
use lifecycle::{Action, ActionError, Catalog, JourneyVersion, Status};
use reqwest::Method;
use wording::{refusal_phrase, Locale, Wording};

use crate::harness::{expect_error, Api};

/// What the lifecycle rules say about `action` on `version`, in the
/// console's English words.
fn rule_reason(version: &JourneyVersion, action: Action) -> String {
    match Catalog::new([version.clone()]).check(&version.id, action) {
        Err(ActionError::Refused(refusal)) => {
            Wording::new(Locale::English).say(&refusal_phrase(&refusal))
        }
        other => panic!("the rules allow {action:?} on {version:?}: {other:?}"),
    }
}

#[tokio::test]
async fn finishing_a_stopped_version_is_409_with_the_rule_and_current() {
    let api = Api::start().await;
    let stopped = api.stopped().await;
    let response = api
        .change(
            Method::POST,
            &format!("/journeys/{}/finish", stopped.id),
            stopped.revision,
        )
        .await;
    let error = expect_error(response, 409, ErrorCode::InvalidTransition).await;
    assert_eq!(
        error.message,
        "This journey is stopped; a stopped journey cannot be finished. To run it again, \
         duplicate it, or continue the journey from its newest version."
    );
    assert_eq!(error.message, rule_reason(&stopped, Action::Finish));
    let current = error.current.expect("a 409 carries the current version");
    assert_eq!(
        (current.id.as_str(), current.status),
        (stopped.id.as_str(), Status::Stopped)
    );
    assert_eq!(api.version(&stopped.id).await.revision, stopped.revision);
}

#[tokio::test]
async fn deleting_a_live_version_or_publishing_it_again_is_409() {
    let api = Api::start().await;
    let live = api.live().await;
    let delete = api
        .change(
            Method::DELETE,
            &format!("/journeys/{}", live.id),
            live.revision,
        )
        .await;
    let error = expect_error(delete, 409, ErrorCode::InvalidTransition).await;
    assert_eq!(error.message, rule_reason(&live, Action::Delete));

    let publish = api
        .change(
            Method::POST,
            &format!("/journeys/{}/publish", live.id),
            live.revision,
        )
        .await;
    let error = expect_error(publish, 409, ErrorCode::InvalidTransition).await;
    assert_eq!(error.current.unwrap().status, Status::Live);
    assert_eq!(api.version(&live.id).await.status, Status::Live);
}

#[tokio::test]
async fn stopping_a_draft_is_409() {
    let api = Api::start().await;
    let draft = api.draft().await;
    let response = api
        .change(
            Method::POST,
            &format!("/journeys/{}/stop", draft.id),
            draft.revision,
        )
        .await;
    let error = expect_error(response, 409, ErrorCode::InvalidTransition).await;
    assert_eq!(error.message, rule_reason(&draft, Action::Stop));
}

#[tokio::test]
async fn a_change_to_an_unknown_version_is_404() {
    let api = Api::start().await;
    let response = api
        .change(Method::POST, "/journeys/no-such-version/finish", 1)
        .await;
    expect_error(response, 404, ErrorCode::NotFound).await;
}
