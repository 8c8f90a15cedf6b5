//! Finish, stop, publish, new version, duplicate, delete: the successful answers.

use chrono::{Duration, Utc};
use contract::JourneyPage;
use lifecycle::{Action, JourneyVersion, Status};
use reqwest::Method;

use crate::harness::{new_key, Api, ADMIN_NAME};
use crate::skip;

#[tokio::test]
async fn finish_answers_the_finished_version_and_records_it() {
    let api = Api::start().await;
    let live = api.live().await;
    let response = api
        .change(
            Method::POST,
            &format!("/journeys/{}/finish", live.id),
            live.revision,
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let finished: JourneyVersion = response.json().await.unwrap();
    assert_eq!(finished.id, live.id);
    assert_eq!(finished.status, Status::Finished);
    assert!(finished.revision > live.revision);
    assert!(finished.finished_at.is_some());
    if api.is_local() {
        assert_eq!(finished.updated_by, ADMIN_NAME);
    }
    assert_eq!(api.version(&live.id).await.status, Status::Finished);
    let last = api.history(&live.id).await.pop().unwrap();
    assert_eq!(
        (last.action, last.from, last.to),
        (Action::Finish, Some(Status::Live), Some(Status::Finished))
    );
    assert_eq!(last.by, finished.updated_by);
}

#[tokio::test]
async fn stop_keeps_its_reason_on_the_version_and_in_history() {
    let api = Api::start().await;
    let live = api.live().await;
    let reason = "The custom action sends to the wrong audience.";
    let response = api
        .request(Method::POST, &format!("/journeys/{}/stop", live.id))
        .header("If-Match", format!("\"{}\"", live.revision))
        .header("Idempotency-Key", new_key())
        .json(&serde_json::json!({ "reason": reason }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let stopped: JourneyVersion = response.json().await.unwrap();
    assert_eq!(stopped.status, Status::Stopped);
    assert_eq!(stopped.stop_reason.as_deref(), Some(reason));
    assert_eq!(
        stopped.stats.active, 0,
        "everyone in a stopped journey is stopped"
    );
    let last = api.history(&live.id).await.pop().unwrap();
    assert_eq!(last.action, Action::Stop);
    assert_eq!(last.reason.as_deref(), Some(reason));
}

#[tokio::test]
async fn stop_needs_no_body_and_takes_a_null_reason() {
    let api = Api::start().await;
    let live = api.live().await;
    let response = api
        .change(
            Method::POST,
            &format!("/journeys/{}/stop", live.id),
            live.revision,
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let stopped: JourneyVersion = response.json().await.unwrap();
    assert_eq!(
        (stopped.status, stopped.stop_reason),
        (Status::Stopped, None)
    );

    let other = api.live().await;
    let response = api
        .request(Method::POST, &format!("/journeys/{}/stop", other.id))
        .header("If-Match", format!("\"{}\"", other.revision))
        .header("Idempotency-Key", new_key())
        .json(&serde_json::json!({ "reason": null }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
}

#[tokio::test]
async fn a_new_version_is_a_201_draft_and_publishing_it_replaces_the_live_one() {
    let api = Api::start().await;
    let live = api.live().await;
    let response = api
        .change(
            Method::POST,
            &format!("/journeys/{}/versions", live.id),
            live.revision,
        )
        .await;
    assert_eq!(response.status().as_u16(), 201);
    let draft: JourneyVersion = response.json().await.unwrap();
    assert_ne!(draft.id, live.id);
    assert_eq!(draft.journey_id, live.journey_id);
    assert_eq!(draft.version, live.version + 1);
    assert_eq!(draft.status, Status::Draft);
    assert_eq!(
        api.version(&live.id).await.revision,
        live.revision,
        "the base is unchanged"
    );

    let response = api
        .change(
            Method::POST,
            &format!("/journeys/{}/publish", draft.id),
            draft.revision,
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let published: JourneyVersion = response.json().await.unwrap();
    assert_eq!(published.status, Status::Live);
    assert!(published.published_at.is_some());

    let replaced = api.version(&live.id).await;
    assert_eq!(replaced.status, Status::Finished);
    assert!(replaced.revision > live.revision);
    let last = api.history(&live.id).await.pop().unwrap();
    assert_eq!(last.action, Action::Finish);
    assert_eq!(
        last.reason,
        Some(format!("Replaced by version {}", draft.version))
    );
}

#[tokio::test]
async fn duplicate_is_a_201_draft_of_a_new_journey() {
    let api = Api::start().await;
    let stopped = api.stopped().await;
    let response = api
        .change(
            Method::POST,
            &format!("/journeys/{}/duplicate", stopped.id),
            stopped.revision,
        )
        .await;
    assert_eq!(response.status().as_u16(), 201);
    let copy: JourneyVersion = response.json().await.unwrap();
    assert_ne!(copy.journey_id, stopped.journey_id);
    assert_eq!((copy.version, copy.status), (1, Status::Draft));
    // Named after the original, whose own name may already say it is a copy.
    let original = stopped.name.split(" (copy").next().unwrap();
    assert!(copy.name.starts_with(original), "{}", copy.name);
    assert_ne!(copy.name, stopped.name);
    assert_eq!(api.version(&copy.id).await, copy);
}

#[tokio::test]
async fn deleting_a_draft_is_a_204_and_it_is_gone() {
    let api = Api::start().await;
    let draft = api.draft().await;
    let path = format!("/journeys/{}", draft.id);
    let response = api.change(Method::DELETE, &path, draft.revision).await;
    assert_eq!(response.status().as_u16(), 204);
    assert!(
        response.bytes().await.unwrap().is_empty(),
        "a 204 has no body"
    );
    let gone = api.get(&path).send().await.unwrap();
    assert_eq!(gone.status().as_u16(), 404);
}

/// A change that waits while another request holds the journeys is judged and
/// stamped at the time it is decided, not the time it arrived: judged at its
/// arrival, a finish scheduled for a moment in between would be accepted after
/// it fell due, and answered as live. Here the long request is a reset of a
/// large account (test support), which brings the same generated versions
/// back, and the stamp of the waiting finish shows the time it was judged at.
#[tokio::test]
async fn a_change_that_waits_for_another_is_judged_and_stamped_when_it_is_decided() {
    let Some(api) = Api::start_local(|config| {
        // About a second to write out again, even on a quick machine.
        config.demo_versions = Some(20_000);
        config.simulation = false;
    })
    .await
    else {
        skip!("needs a server started in this process");
    };
    let page: JourneyPage = api
        .get("/journeys?limit=500")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let live = page
        .items
        .iter()
        .find(|version| version.status == Status::Live)
        .expect("a live generated version")
        .as_ref()
        .clone();
    let path = format!("/journeys/{}/finish", live.id);
    for _attempt in 0..5 {
        let reset = api.request(Method::POST, "/_test/reset");
        let reset = tokio::spawn(async move {
            let response = reset.send().await.unwrap();
            assert_eq!(response.status().as_u16(), 204, "POST /_test/reset");
            Utc::now()
        });
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let sent = Utc::now();
        let response = api.change(Method::POST, &path, live.revision).await;
        let reset_done = reset.await.unwrap();
        assert_eq!(response.status().as_u16(), 200, "POST {path}");
        let finished: JourneyVersion = response.json().await.unwrap();
        // Decided before the reset, the finish was undone by it: try again.
        let waited = api.version(&live.id).await.status == Status::Finished;
        let wait = reset_done - sent;
        if !waited || wait < Duration::milliseconds(400) {
            continue;
        }
        // It was decided after the reset let go, just before the reset's
        // answer arrived; its arrival was long before.
        assert!(
            finished.updated_at >= sent + wait / 2,
            "sent at {sent}, the reset answered at {reset_done}, and the finish waited \
             for it, but it was stamped {}",
            finished.updated_at
        );
        assert_eq!(finished.finished_at, Some(finished.updated_at));
        return;
    }
    panic!("the finish never had to wait for a reset");
}
