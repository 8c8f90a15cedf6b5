//! A method an endpoint does not take is `405` with `Allow`, on every endpoint of
//! the contract; an unknown path stays `404` whatever the method.

use contract::{ErrorCode, Feature, JourneyPage};
use reqwest::Method;

use crate::harness::{expect_error, Api};
use crate::skip;

/// Every endpoint, with `{id}` for a version id, and the methods it takes.
const ENDPOINTS: [(&str, &[&str]); 13] = [
    ("/health", &["GET"]),
    ("/me", &["GET"]),
    ("/journeys", &["GET"]),
    ("/journeys/{id}", &["GET", "DELETE"]),
    ("/journeys/{id}/history", &["GET"]),
    ("/journeys/{id}/finish", &["POST"]),
    ("/journeys/{id}/stop", &["POST"]),
    ("/journeys/{id}/pause", &["POST"]),
    ("/journeys/{id}/resume", &["POST"]),
    ("/journeys/{id}/scheduled-finish", &["PUT", "DELETE"]),
    ("/journeys/{id}/publish", &["POST"]),
    ("/journeys/{id}/versions", &["POST"]),
    ("/journeys/{id}/duplicate", &["POST"]),
];

/// `Allow` as upper-case method names.
fn allowed(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("allow")
        .iter()
        .flat_map(|value| value.to_str().unwrap().split(','))
        .map(|method| method.trim().to_ascii_uppercase())
        .filter(|method| !method.is_empty())
        .collect()
}

async fn some_version_id(api: &Api) -> String {
    let response = api.get("/journeys?limit=1").send().await.unwrap();
    let page: JourneyPage = response.json().await.unwrap();
    page.items
        .first()
        .expect("the server has a journey")
        .id
        .clone()
}

#[tokio::test]
async fn every_endpoint_answers_a_method_it_does_not_take_with_405_and_allow() {
    let api = Api::start().await;
    let id = some_version_id(&api).await;
    let features = api.features().await;
    let offered = |template: &str| match template {
        "/journeys/{id}/pause" | "/journeys/{id}/resume" => features.contains(&Feature::Pause),
        "/journeys/{id}/scheduled-finish" => features.contains(&Feature::ScheduledFinish),
        _ => true,
    };
    for (template, methods) in ENDPOINTS.into_iter().filter(|(path, _)| offered(path)) {
        let path = template.replace("{id}", &id);
        let refused = ["GET", "POST", "DELETE", "PUT", "PATCH", "TRACE"]
            .into_iter()
            .filter(|method| !methods.contains(method));
        for method in refused {
            let response = api
                .request(Method::from_bytes(method.as_bytes()).unwrap(), &path)
                .send()
                .await
                .unwrap();
            let allow = allowed(&response);
            for taken in methods {
                assert!(
                    allow.iter().any(|listed| listed == taken),
                    "{method} {path}: Allow {allow:?} lists {taken}"
                );
            }
            assert!(
                !allow.iter().any(|listed| listed == method),
                "{method} {path}: Allow {allow:?} does not list {method}"
            );
            expect_error(response, 405, ErrorCode::BadRequest).await;
        }
    }
}

#[tokio::test]
async fn an_unknown_path_is_404_whatever_the_method() {
    let api = Api::start().await;
    for method in [Method::TRACE, Method::PUT, Method::DELETE] {
        for path in ["/nothing-here", "/journeys/some-id/restart"] {
            let response = api.request(method.clone(), path).send().await.unwrap();
            expect_error(response, 404, ErrorCode::NotFound).await;
        }
    }
}

#[tokio::test]
async fn options_is_405_unless_it_is_a_preflight() {
    let api = Api::start().await;
    let plain = api
        .request(Method::OPTIONS, "/journeys")
        .send()
        .await
        .unwrap();
    assert!(
        allowed(&plain).contains(&"GET".to_owned()),
        "Allow lists GET"
    );
    expect_error(plain, 405, ErrorCode::BadRequest).await;

    let Some(origin) = api.allowed_origin() else {
        skip!("no allowed origin known");
    };
    // From an allowed origin too, and readable there like any other error.
    let plain = api
        .request(Method::OPTIONS, "/journeys")
        .header("Origin", origin)
        .send()
        .await
        .unwrap();
    assert_eq!(
        plain
            .headers()
            .get("access-control-allow-origin")
            .map(|value| value.to_str().unwrap()),
        Some(origin)
    );
    assert!(
        allowed(&plain).contains(&"GET".to_owned()),
        "Allow lists GET"
    );
    expect_error(plain, 405, ErrorCode::BadRequest).await;

    // A browser's preflight carries no token and must still be answered.
    let preflight = api
        .http
        .request(Method::OPTIONS, api.url("/journeys"))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "GET")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success(), "{}", preflight.status());
    assert!(
        preflight
            .headers()
            .contains_key("access-control-allow-methods"),
        "the preflight is answered as one"
    );
}
