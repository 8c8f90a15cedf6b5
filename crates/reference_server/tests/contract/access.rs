//! Bearer tokens and roles: `401` without a known token, `403` for a role that may
//! not act; every role reads.

use contract::{ErrorCode, Me, Role};
use lifecycle::{JourneyVersion, Status};

use crate::harness::{expect_error, new_key, Api, ADMIN_NAME, OPERATOR_NAME};
use crate::skip;

#[tokio::test]
async fn no_token_or_an_unknown_one_is_401() {
    let api = Api::start().await;
    if api.tokens().is_none() {
        skip!("the server has no tokens");
    }
    let live = api.live().await;
    let requests = [
        api.http.get(api.url("/journeys")),
        api.http.get(api.url(&format!("/journeys/{}", live.id))),
        api.http
            .get(api.url("/journeys"))
            .bearer_auth("not-a-token"),
        api.http
            .get(api.url("/journeys"))
            .header("Authorization", "Basic YWRtaW46YWRtaW4="),
        api.http
            .post(api.url(&format!("/journeys/{}/finish", live.id)))
            .header("If-Match", format!("\"{}\"", live.revision))
            .header("Idempotency-Key", new_key()),
    ];
    for request in requests {
        let response = request.send().await.unwrap();
        assert_eq!(
            response
                .headers()
                .get("www-authenticate")
                .map(|v| v.to_str().unwrap()),
            Some("Bearer")
        );
        expect_error(response, 401, ErrorCode::Unauthorized).await;
    }
    assert_eq!(
        api.version(&live.id).await.status,
        Status::Live,
        "nothing applied"
    );
}

#[tokio::test]
async fn a_viewer_reads_but_may_not_finish() {
    let api = Api::start().await;
    let Some(tokens) = api.tokens() else {
        skip!("the server has no tokens");
    };
    let live = api.live().await;
    for path in [
        "/journeys".to_owned(),
        format!("/journeys/{}", live.id),
        format!("/journeys/{}/history", live.id),
    ] {
        let response = api
            .http
            .get(api.url(&path))
            .bearer_auth(&tokens.viewer)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "a viewer reads {path}");
    }
    let finish = api
        .http
        .post(api.url(&format!("/journeys/{}/finish", live.id)))
        .bearer_auth(&tokens.viewer)
        .header("If-Match", format!("\"{}\"", live.revision))
        .header("Idempotency-Key", new_key())
        .send()
        .await
        .unwrap();
    expect_error(finish, 403, ErrorCode::Forbidden).await;

    // The role is judged before the request itself.
    let malformed = api
        .http
        .post(api.url(&format!("/journeys/{}/finish", live.id)))
        .bearer_auth(&tokens.viewer)
        .send()
        .await
        .unwrap();
    expect_error(malformed, 403, ErrorCode::Forbidden).await;
    assert_eq!(
        api.version(&live.id).await.status,
        Status::Live,
        "nothing applied"
    );
}

/// The role is judged before the body: a viewer is told 403, whatever the
/// body's size, and never anything about the body.
#[tokio::test]
async fn a_viewer_is_told_403_before_anything_about_the_body() {
    let api = Api::start().await;
    let Some(tokens) = api.tokens() else {
        skip!("the server has no tokens");
    };
    let live = api.live().await;
    for body in ["x".repeat(3 * 1024 * 1024), "not json".to_owned()] {
        let response = api
            .http
            .post(api.url(&format!("/journeys/{}/stop", live.id)))
            .bearer_auth(&tokens.viewer)
            .header("If-Match", format!("\"{}\"", live.revision))
            .header("Idempotency-Key", new_key())
            .body(body)
            .send()
            .await
            .unwrap();
        expect_error(response, 403, ErrorCode::Forbidden).await;
    }
    assert_eq!(
        api.version(&live.id).await.status,
        Status::Live,
        "nothing applied"
    );
}

/// The role is judged before the version id in the path too, even one that
/// cannot be read.
#[tokio::test]
async fn a_viewer_is_told_403_before_a_bad_path_id() {
    let api = Api::start().await;
    let Some(tokens) = api.tokens() else {
        skip!("the server has no tokens");
    };
    let response = api
        .http
        .post(api.url("/journeys/%FF/finish"))
        .bearer_auth(&tokens.viewer)
        .header("If-Match", "\"1\"")
        .header("Idempotency-Key", new_key())
        .send()
        .await
        .unwrap();
    expect_error(response, 403, ErrorCode::Forbidden).await;
}

#[tokio::test]
async fn an_operator_finishes_and_stops_but_may_not_delete() {
    let api = Api::start().await;
    let Some(tokens) = api.tokens() else {
        skip!("the server has no tokens");
    };
    let live = api.live().await;
    let finish = api
        .http
        .post(api.url(&format!("/journeys/{}/finish", live.id)))
        .bearer_auth(&tokens.operator)
        .header("If-Match", format!("\"{}\"", live.revision))
        .header("Idempotency-Key", new_key())
        .send()
        .await
        .unwrap();
    assert_eq!(finish.status().as_u16(), 200);
    let finished: JourneyVersion = finish.json().await.unwrap();
    if api.is_local() {
        assert_eq!(
            finished.updated_by, OPERATOR_NAME,
            "changes carry the token's name"
        );
        assert_eq!(api.history(&live.id).await.pop().unwrap().by, OPERATOR_NAME);
    }

    let draft = api.draft().await;
    let delete = api
        .http
        .delete(api.url(&format!("/journeys/{}", draft.id)))
        .bearer_auth(&tokens.operator)
        .header("If-Match", format!("\"{}\"", draft.revision))
        .header("Idempotency-Key", new_key())
        .send()
        .await
        .unwrap();
    expect_error(delete, 403, ErrorCode::Forbidden).await;
    assert_eq!(
        api.version(&draft.id).await.status,
        Status::Draft,
        "not deleted"
    );
}

#[tokio::test]
async fn without_tokens_everyone_acts_as_the_demo_admin() {
    let Some(api) = Api::start_local(|config| config.tokens.clear()).await else {
        skip!("needs a server started without tokens");
    };
    let live = api.live().await;
    let response = api
        .http
        .post(api.url(&format!("/journeys/{}/finish", live.id)))
        .header("If-Match", format!("\"{}\"", live.revision))
        .header("Idempotency-Key", new_key())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let finished: JourneyVersion = response.json().await.unwrap();
    assert_eq!(finished.updated_by, "Demo user");
    let me: Me = api
        .http
        .get(api.url("/me"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!((me.name.as_str(), me.role), ("Demo user", Role::Admin));
}

#[tokio::test]
async fn me_tells_each_token_its_name_and_role() {
    let api = Api::start().await;
    let Some(tokens) = api.tokens() else {
        skip!("the server has no tokens");
    };
    for (token, role) in [
        (&tokens.viewer, Role::Viewer),
        (&tokens.operator, Role::Operator),
        (&tokens.admin, Role::Admin),
    ] {
        let response = api
            .http
            .get(api.url("/me"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let me: Me = response.json().await.unwrap();
        assert_eq!(me.role, role);
        assert!(!me.name.trim().is_empty());
        if api.is_local() && role == Role::Admin {
            assert_eq!(me.name, ADMIN_NAME);
        }
    }
    let anonymous = api.http.get(api.url("/me")).send().await.unwrap();
    expect_error(anonymous, 401, ErrorCode::Unauthorized).await;
}
