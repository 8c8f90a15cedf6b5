//! Pausing and resuming, and a scheduled finish: the four endpoints, the
//! changes the server makes by itself when a pause ends or a finish falls due,
//! and a server started `--without-features`.

use chrono::{DateTime, Duration, Utc};
use contract::{ErrorCode, Feature, Me};
use lifecycle::{
    Action, ActionError, Catalog, Command, HistoryCause, JourneyVersion, PauseCustomers, PauseEnd,
    Status,
};
use reqwest::Method;
use serde_json::{json, Value};
use wording::{refusal_phrase, Locale, Wording};

use crate::harness::{expect_error, new_key, Api, OPERATOR_NAME};
use crate::skip;

/// The four requests, each with a body that the rules allow on a live version
/// (the pause and the schedule an hour after `now`).
fn requests(now: DateTime<Utc>) -> [(Method, &'static str, Option<Value>); 4] {
    let later = now + Duration::hours(1);
    [
        (
            Method::POST,
            "pause",
            Some(json!({ "customers": "hold", "until": later, "atEnd": "resume" })),
        ),
        (Method::POST, "resume", None),
        (
            Method::PUT,
            "scheduled-finish",
            Some(json!({ "at": later })),
        ),
        (Method::DELETE, "scheduled-finish", None),
    ]
}

fn pause_body(until: DateTime<Utc>, customers: &str, at_end: &str) -> Value {
    json!({ "customers": customers, "until": until, "atEnd": at_end })
}

async fn offers_both(api: &Api) -> bool {
    let features = api.features().await;
    features.contains(&Feature::Pause) && features.contains(&Feature::ScheduledFinish)
}

/// A change sent as the operator when the server has tokens, with a fresh key.
async fn operate(
    api: &Api,
    method: Method,
    version: &JourneyVersion,
    what: &str,
    body: Option<&Value>,
) -> reqwest::Response {
    let token = api.tokens().map(|tokens| tokens.operator.clone());
    let path = format!("/journeys/{}/{what}", version.id);
    api.change_with_body(
        token.as_deref(),
        method,
        &path,
        version.revision,
        &new_key(),
        body,
    )
    .await
}

/// Customer counts move on their own; a change would raise the revision.
fn assert_unchanged(now: &JourneyVersion, before: &JourneyVersion) {
    assert_eq!(
        (&now.id, now.revision, now.status),
        (&before.id, before.revision, before.status),
        "nothing applied"
    );
}

async fn ok_version(response: reqwest::Response) -> JourneyVersion {
    let url = response.url().clone();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    assert_eq!(status, 200, "{url}: {text}");
    serde_json::from_str(&text).unwrap()
}

/// What the rules say about `command` on `version` at `at`, in the console's
/// English words: the message a refusal must carry.
fn rule_reason(version: &JourneyVersion, command: &Command, at: DateTime<Utc>) -> String {
    match Catalog::new([version.clone()]).check_command(&version.id, command, at) {
        Err(ActionError::Refused(refusal)) => {
            Wording::new(Locale::English).say(&refusal_phrase(&refusal))
        }
        other => panic!("the rules allow {command:?} on {version:?}: {other:?}"),
    }
}

#[tokio::test]
async fn me_lists_pause_and_scheduled_finish() {
    let api = Api::start().await;
    if !api.is_local() {
        skip!("what another server offers is its own business");
    }
    let me: Me = api.get("/me").send().await.unwrap().json().await.unwrap();
    assert_eq!(me.features, [Feature::Pause, Feature::ScheduledFinish]);
    let raw: Value = api.get("/me").send().await.unwrap().json().await.unwrap();
    assert_eq!(raw["features"], json!(["pause", "scheduledFinish"]));
}

#[tokio::test]
async fn an_operator_pauses_and_resumes_a_live_version() {
    let api = Api::start().await;
    if !offers_both(&api).await {
        skip!("the server does not offer pausing");
    }
    let live = api.live().await;
    let until = Utc::now() + Duration::days(3);
    let body = pause_body(until, "hold", "stop");
    let paused = ok_version(operate(&api, Method::POST, &live, "pause", Some(&body)).await).await;
    assert_eq!(paused.status, Status::Paused);
    assert!(paused.revision > live.revision);
    let pause = paused
        .pause
        .clone()
        .expect("a paused version has its pause");
    assert_eq!(pause.until, until);
    assert_eq!(
        (pause.customers, pause.at_end),
        (PauseCustomers::Hold, PauseEnd::Stop)
    );
    if api.is_local() {
        assert_eq!(pause.by, OPERATOR_NAME);
    }
    assert_eq!(
        api.version(&live.id).await,
        paused,
        "the answer is the truth"
    );
    let entry = api.history(&live.id).await.pop().unwrap();
    assert_eq!(
        (entry.action, entry.from, entry.to),
        (Action::Pause, Some(Status::Live), Some(Status::Paused))
    );
    assert_eq!(
        entry.cause,
        Some(HistoryCause::Paused {
            until,
            customers: PauseCustomers::Hold,
            at_end: PauseEnd::Stop,
        })
    );

    let resumed = ok_version(operate(&api, Method::POST, &paused, "resume", None).await).await;
    assert_eq!((resumed.status, resumed.pause), (Status::Live, None));
    assert_eq!(resumed.published_at, live.published_at);
    let raw: Value = api
        .get(&format!("/journeys/{}", live.id))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(raw.get("pause").is_none(), "absent, not null: {raw}");
    assert!(raw.get("scheduledFinish").is_none(), "{raw}");
    let entry = api.history(&live.id).await.pop().unwrap();
    assert_eq!(
        (entry.action, entry.to),
        (Action::Resume, Some(Status::Live))
    );
}

#[tokio::test]
async fn discarding_on_pause_exits_everyone_and_finish_works_from_paused() {
    let api = Api::start().await;
    if !offers_both(&api).await {
        skip!("the server does not offer pausing");
    }
    let live = api.live().await;
    let body = pause_body(Utc::now() + Duration::hours(2), "discard", "resume");
    let paused = ok_version(operate(&api, Method::POST, &live, "pause", Some(&body)).await).await;
    assert_eq!(paused.stats.active, 0);
    assert_eq!(
        paused.pause.map(|pause| pause.customers),
        Some(PauseCustomers::Discard)
    );
    let finish = api
        .change(
            Method::POST,
            &format!("/journeys/{}/finish", live.id),
            paused.revision,
        )
        .await;
    let finished = ok_version(finish).await;
    assert_eq!((finished.status, finished.pause), (Status::Finished, None));
}

#[tokio::test]
async fn a_scheduled_finish_is_set_moved_and_cancelled() {
    let api = Api::start().await;
    if !offers_both(&api).await {
        skip!("the server does not offer scheduled finishes");
    }
    let live = api.live().await;
    let first = Utc::now() + Duration::days(2);
    let body = json!({ "at": first });
    let set =
        ok_version(operate(&api, Method::PUT, &live, "scheduled-finish", Some(&body)).await).await;
    assert_eq!(set.status, Status::Live);
    assert!(set.revision > live.revision);
    let schedule = set.scheduled_finish.clone().expect("a schedule");
    assert_eq!(schedule.at, first);
    if api.is_local() {
        assert_eq!(schedule.by, OPERATOR_NAME);
    }

    let moved_to = first - Duration::days(1);
    let body = json!({ "at": moved_to });
    let moved =
        ok_version(operate(&api, Method::PUT, &set, "scheduled-finish", Some(&body)).await).await;
    assert_eq!(moved.scheduled_finish.map(|s| s.at), Some(moved_to));
    let entry = api.history(&live.id).await.pop().unwrap();
    assert_eq!(
        (entry.action, entry.from, entry.to),
        (
            Action::ScheduleFinish,
            Some(Status::Live),
            Some(Status::Live)
        )
    );
    assert_eq!(
        entry.cause,
        Some(HistoryCause::FinishScheduled { at: moved_to })
    );

    let current = api.version(&live.id).await;
    let cancelled =
        ok_version(operate(&api, Method::DELETE, &current, "scheduled-finish", None).await).await;
    assert_eq!(
        (cancelled.status, cancelled.scheduled_finish),
        (Status::Live, None)
    );
    assert_eq!(
        api.history(&live.id).await.pop().unwrap().action,
        Action::CancelScheduledFinish
    );
}

#[tokio::test]
async fn a_viewer_may_not_pause_resume_or_schedule() {
    let api = Api::start().await;
    let Some(tokens) = api.tokens() else {
        skip!("the server has no tokens");
    };
    if !offers_both(&api).await {
        skip!("the server does not offer pausing");
    }
    let live = api.live().await;
    for (method, what, body) in requests(Utc::now()) {
        let path = format!("/journeys/{}/{what}", live.id);
        let response = api
            .change_with_body(
                Some(&tokens.viewer),
                method.clone(),
                &path,
                live.revision,
                &new_key(),
                body.as_ref(),
            )
            .await;
        expect_error(response, 403, ErrorCode::Forbidden).await;
        // Before the request itself is judged.
        let bare = api
            .http
            .request(method, api.url(&path))
            .bearer_auth(&tokens.viewer)
            .send()
            .await
            .unwrap();
        expect_error(bare, 403, ErrorCode::Forbidden).await;
    }
    assert_unchanged(&api.version(&live.id).await, &live);
}

#[tokio::test]
async fn a_stale_revision_is_412_on_each() {
    let api = Api::start().await;
    if !offers_both(&api).await {
        skip!("the server does not offer pausing");
    }
    for (method, what, body) in requests(Utc::now()) {
        // Resume needs a paused version, cancelling a schedule one with a
        // schedule; whatever the version, a stale revision comes first.
        let live = api.live().await;
        let stop = api
            .change(
                Method::POST,
                &format!("/journeys/{}/stop", live.id),
                live.revision,
            )
            .await;
        assert_eq!(stop.status().as_u16(), 200);
        let response = api
            .change_with_body(
                None,
                method,
                &format!("/journeys/{}/{what}", live.id),
                live.revision,
                &new_key(),
                body.as_ref(),
            )
            .await;
        let error = expect_error(response, 412, ErrorCode::RevisionMismatch).await;
        let current = error.current.expect("a 412 carries the current version");
        assert_eq!((current.id, current.status), (live.id, Status::Stopped));
    }
}

#[tokio::test]
async fn a_retried_pause_or_schedule_gets_the_first_answer() {
    let api = Api::start().await;
    if !offers_both(&api).await {
        skip!("the server does not offer pausing");
    }
    let now = Utc::now();
    let [pause, resume, schedule, cancel] = requests(now);
    let live = api.live().await;
    let mut seen = live.clone();
    for (method, what, body) in [schedule, cancel, pause, resume] {
        let path = format!("/journeys/{}/{what}", live.id);
        let key = new_key();
        let first = api
            .change_with_body(
                None,
                method.clone(),
                &path,
                seen.revision,
                &key,
                body.as_ref(),
            )
            .await;
        assert_eq!(first.status().as_u16(), 200, "{method} {what}");
        let first_body = first.text().await.unwrap();
        let history = api.history(&live.id).await;
        // Still the revision it had: stale by now, and not a 412.
        let retry = api
            .change_with_body(
                None,
                method.clone(),
                &path,
                seen.revision,
                &key,
                body.as_ref(),
            )
            .await;
        assert_eq!(retry.status().as_u16(), 200, "{method} {what} again");
        assert_eq!(retry.text().await.unwrap(), first_body, "the same body");
        assert_eq!(api.history(&live.id).await, history, "not applied twice");
        seen = serde_json::from_str(&first_body).unwrap();
    }
    assert_eq!(seen.status, Status::Live);
}

#[tokio::test]
async fn the_rules_refuse_with_their_own_words() {
    let api = Api::start().await;
    if !offers_both(&api).await {
        skip!("the server does not offer pausing");
    }
    let now = Utc::now();
    let draft = api.draft().await;
    let live = api.live().await;
    let hold = |until| Command::Pause {
        customers: PauseCustomers::Hold,
        until,
        at_end: PauseEnd::Resume,
    };
    let in_an_hour = now + Duration::hours(1);
    let fifteen_days = now + Duration::days(15);
    let an_hour_ago = now - Duration::hours(1);
    let cases = [
        (
            &draft,
            Method::POST,
            "pause",
            Some(pause_body(in_an_hour, "hold", "resume")),
            hold(in_an_hour),
        ),
        (&live, Method::POST, "resume", None, Command::Resume),
        (
            &live,
            Method::POST,
            "pause",
            Some(pause_body(fifteen_days, "hold", "resume")),
            hold(fifteen_days),
        ),
        (
            &live,
            Method::POST,
            "pause",
            Some(pause_body(an_hour_ago, "hold", "resume")),
            hold(an_hour_ago),
        ),
        (
            &live,
            Method::PUT,
            "scheduled-finish",
            Some(json!({ "at": an_hour_ago })),
            Command::ScheduleFinish { at: an_hour_ago },
        ),
        (
            &live,
            Method::DELETE,
            "scheduled-finish",
            None,
            Command::CancelScheduledFinish,
        ),
    ];
    for (version, method, what, body, command) in cases {
        let response = api
            .change_with_body(
                None,
                method,
                &format!("/journeys/{}/{what}", version.id),
                version.revision,
                &new_key(),
                body.as_ref(),
            )
            .await;
        let error = expect_error(response, 409, ErrorCode::InvalidTransition).await;
        assert_eq!(error.message, rule_reason(version, &command, now), "{what}");
        assert_unchanged(
            &error.current.expect("a 409 carries the current version"),
            version,
        );
    }
    // Spelled out once, so a change of words is noticed here too.
    let response = api
        .change_with_body(
            None,
            Method::POST,
            &format!("/journeys/{}/pause", live.id),
            live.revision,
            &new_key(),
            Some(&pause_body(fifteen_days, "hold", "resume")),
        )
        .await;
    let error = expect_error(response, 409, ErrorCode::InvalidTransition).await;
    assert!(error.message.contains("14"), "{}", error.message);
    assert_unchanged(&api.version(&live.id).await, &live);
    assert_unchanged(&api.version(&draft.id).await, &draft);
}

#[tokio::test]
async fn a_body_that_is_missing_or_malformed_is_a_bad_request() {
    let api = Api::start().await;
    if !offers_both(&api).await {
        skip!("the server does not offer pausing");
    }
    let live = api.live().await;
    let until = (Utc::now() + Duration::hours(1)).to_rfc3339();
    let pause_bodies = [
        None,
        Some("null".to_owned()),
        Some("[]".to_owned()),
        Some("{}".to_owned()),
        Some(format!(r#"{{"customers": "hold", "until": "{until}"}}"#)),
        Some(format!(
            r#"{{"customers": "keep", "until": "{until}", "atEnd": "resume"}}"#
        )),
        Some(r#"{"customers": "hold", "until": "tomorrow", "atEnd": "resume"}"#.to_owned()),
        Some(format!(
            r#"{{"customers": "hold", "until": "{until}", "atEnd": "pause"}}"#
        )),
        Some("{\"customers\": ".to_owned()),
    ];
    let schedule_bodies = [
        None,
        Some("{}".to_owned()),
        Some(r#"{"at": 1741000000}"#.to_owned()),
        Some(r#"{"at": "next week"}"#.to_owned()),
        Some(format!(r#"["{until}"]"#)),
    ];
    let cases = pause_bodies
        .into_iter()
        .map(|body| (Method::POST, "pause", body))
        .chain(
            schedule_bodies
                .into_iter()
                .map(|body| (Method::PUT, "scheduled-finish", body)),
        );
    for (method, what, body) in cases {
        let mut request = api
            .request(method, &format!("/journeys/{}/{what}", live.id))
            .header("If-Match", format!("\"{}\"", live.revision))
            .header("Idempotency-Key", new_key());
        if let Some(body) = &body {
            request = request
                .header("Content-Type", "application/json")
                .body(body.clone());
        }
        let response = request.send().await.unwrap();
        let error = expect_error(response, 400, ErrorCode::BadRequest).await;
        if !api.is_local() {
            // The code is the contract; `message` is for people, in each
            // server's own words. Below are the reference server's.
            continue;
        }
        let is_json = body
            .as_deref()
            .is_none_or(|body| serde_json::from_str::<Value>(body).is_ok());
        if !is_json {
            // Said as for any change whose body is not JSON.
            assert!(error.message.contains("JSON"), "{}", error.message);
            continue;
        }
        let names = if what == "pause" {
            ["customers", "until", "atEnd"].as_slice()
        } else {
            ["at"].as_slice()
        };
        for name in names {
            assert!(
                error.message.contains(name),
                "{what} {body:?}: {}",
                error.message
            );
        }
    }
    assert_unchanged(&api.version(&live.id).await, &live);
}

#[tokio::test]
async fn a_scheduled_finish_happens_at_its_time_without_the_simulation() {
    let Some(api) = Api::start_local(|config| config.simulation = false).await else {
        skip!("needs a server whose clock this test moves");
    };
    let live = api.live().await;
    let now = api.now().await;
    let at = now + Duration::hours(1);
    let body = json!({ "at": at });
    let set =
        ok_version(operate(&api, Method::PUT, &live, "scheduled-finish", Some(&body)).await).await;

    let list = api.get("/journeys?limit=500").send().await.unwrap();
    let tag = list.headers()["etag"].to_str().unwrap().to_owned();
    let version_tag = api
        .get(&format!("/journeys/{}", live.id))
        .send()
        .await
        .unwrap()
        .headers()["etag"]
        .to_str()
        .unwrap()
        .to_owned();

    api.advance(59 * 60).await;
    assert_eq!(api.version(&live.id).await, set, "not yet");
    let unchanged = api
        .get("/journeys?limit=500")
        .header("If-None-Match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(unchanged.status().as_u16(), 304, "nothing changed yet");

    api.advance(61).await;
    let changed = api
        .get("/journeys?limit=500")
        .header("If-None-Match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status().as_u16(), 200, "the list changed");
    let one = api
        .get(&format!("/journeys/{}", live.id))
        .header("If-None-Match", &version_tag)
        .send()
        .await
        .unwrap();
    assert_eq!(one.status().as_u16(), 200, "the version changed");
    let finished: JourneyVersion = one.json().await.unwrap();
    assert_eq!(finished.status, Status::Finished);
    assert_eq!(finished.finished_at, Some(at), "at its time, not later");
    assert_eq!(finished.scheduled_finish, None);
    assert_eq!(finished.updated_by, OPERATOR_NAME);
    let entry = api.history(&live.id).await.pop().unwrap();
    assert_eq!(
        (entry.action, entry.at, entry.by.as_str()),
        (Action::Finish, at, OPERATOR_NAME)
    );
    assert_eq!(
        entry.cause,
        Some(HistoryCause::ScheduledBy {
            by: OPERATOR_NAME.into()
        })
    );
}

#[tokio::test]
async fn a_pause_ends_by_itself_resuming_or_stopping() {
    let api = Api::start().await;
    if !api.has_fault_injection() || !offers_both(&api).await {
        skip!("needs pausing and the clock of the test support");
    }
    let now = api.now().await;
    let until = now + Duration::hours(2);
    let resuming = api.live().await;
    let stopping = api.live().await;
    for (live, at_end) in [(&resuming, "resume"), (&stopping, "stop")] {
        let body = pause_body(until, "hold", at_end);
        ok_version(operate(&api, Method::POST, live, "pause", Some(&body)).await).await;
    }
    api.advance(2 * 60 * 60 + 1).await;

    let resumed = api.version(&resuming.id).await;
    assert_eq!((resumed.status, resumed.pause), (Status::Live, None));
    assert_eq!(resumed.updated_at, until);
    let stopped = api.version(&stopping.id).await;
    assert_eq!((stopped.status, stopped.stats.active), (Status::Stopped, 0));
    for (id, action) in [(&resuming.id, Action::Resume), (&stopping.id, Action::Stop)] {
        let entry = api.history(id).await.pop().unwrap();
        assert_eq!((entry.action, entry.at), (action, until));
        if api.is_local() {
            assert_eq!(entry.by, OPERATOR_NAME, "done by who paused it");
            assert_eq!(
                entry.cause,
                Some(HistoryCause::PauseEnded {
                    by: OPERATOR_NAME.into()
                })
            );
        } else {
            assert!(matches!(entry.cause, Some(HistoryCause::PauseEnded { .. })));
        }
    }
}

#[tokio::test]
async fn pauses_schedules_and_their_history_survive_a_restart() {
    let Some(mut api) = Api::start_local(|_| {}).await else {
        skip!("needs a server this test can restart");
    };
    let now = api.now().await;
    let paused = api.live().await;
    let body = pause_body(now + Duration::days(1), "hold", "resume");
    let paused = ok_version(operate(&api, Method::POST, &paused, "pause", Some(&body)).await).await;
    let body = json!({ "at": now + Duration::days(2) });
    let paused =
        ok_version(operate(&api, Method::PUT, &paused, "scheduled-finish", Some(&body)).await)
            .await;
    let history = api.history(&paused.id).await;
    assert!(paused.pause.is_some() && paused.scheduled_finish.is_some());

    assert!(api.restart().await);

    let after = api.version(&paused.id).await;
    assert_eq!(after.status, Status::Paused);
    assert_eq!(after.revision, paused.revision);
    assert_eq!(after.pause, paused.pause);
    assert_eq!(after.scheduled_finish, paused.scheduled_finish);
    assert_eq!(api.history(&paused.id).await, history);

    // What was planned still happens after the restart.
    api.advance(24 * 60 * 60 + 1).await;
    assert_eq!(api.version(&paused.id).await.status, Status::Live);
    api.advance(24 * 60 * 60).await;
    assert_eq!(api.version(&paused.id).await.status, Status::Finished);
    let causes: Vec<_> = api
        .history(&paused.id)
        .await
        .into_iter()
        .filter_map(|entry| entry.cause)
        .collect();
    assert!(matches!(
        causes.as_slice(),
        [
            HistoryCause::DuplicatedFrom { .. },
            HistoryCause::Paused { .. },
            HistoryCause::FinishScheduled { .. },
            HistoryCause::PauseEnded { .. },
            HistoryCause::ScheduledBy { .. }
        ]
    ));
    assert!(api.restart().await);
    assert_eq!(api.history(&paused.id).await.len(), history.len() + 2);
}

#[tokio::test]
async fn without_features_the_endpoints_are_unknown_and_me_lists_none() {
    let Some(api) = Api::start_local(|config| config.without_features = true).await else {
        skip!("needs a server started --without-features");
    };
    let raw: Value = api.get("/me").send().await.unwrap().json().await.unwrap();
    assert!(raw.get("features").is_none(), "no features at all: {raw}");
    let live = api.live().await;
    let unknown = |method: Method, path: &str| {
        api.request(method, path)
            .header("If-Match", format!("\"{}\"", live.revision))
            .header("Idempotency-Key", new_key())
            .send()
    };
    for (method, what, body) in requests(Utc::now()) {
        let path = format!("/journeys/{}/{what}", live.id);
        let response = api
            .change_with_body(
                None,
                method.clone(),
                &path,
                live.revision,
                &new_key(),
                body.as_ref(),
            )
            .await;
        let error = expect_error(response, 404, ErrorCode::NotFound).await;
        // Word for word what a path the server never had gets.
        let never = unknown(method.clone(), &format!("/journeys/{}/{what}x", live.id))
            .await
            .unwrap();
        let never = expect_error(never, 404, ErrorCode::NotFound).await;
        assert_eq!(
            error.message,
            never.message.replace(&format!("{what}x"), what),
            "{method} {what}"
        );
        // Whatever the method.
        for other in [Method::GET, Method::PATCH] {
            let response = unknown(other, &path).await.unwrap();
            expect_error(response, 404, ErrorCode::NotFound).await;
        }
    }
    assert_unchanged(&api.version(&live.id).await, &live);
    // The rest works as ever.
    let finish = api
        .change(
            Method::POST,
            &format!("/journeys/{}/finish", live.id),
            live.revision,
        )
        .await;
    assert_eq!(finish.status().as_u16(), 200);
}
