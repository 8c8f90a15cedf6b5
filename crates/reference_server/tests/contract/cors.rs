//! CORS, for a console served from another origin.

use crate::harness::Api;
use crate::skip;

const OTHER_ORIGIN: &str = "http://elsewhere.example";

fn header<'a>(response: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().unwrap())
}

fn cors_headers(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .keys()
        .map(|name| name.as_str().to_owned())
        .filter(|name| name.starts_with("access-control-"))
        .collect()
}

fn listed(value: Option<&str>) -> Vec<String> {
    value
        .unwrap_or_default()
        .split(',')
        .map(|item| item.trim().to_ascii_lowercase())
        .filter(|item| !item.is_empty())
        .collect()
}

#[tokio::test]
async fn a_preflight_from_an_allowed_origin_allows_the_console_s_requests() {
    let api = Api::start().await;
    let Some(origin) = api.allowed_origin() else {
        skip!("no allowed origin known");
    };
    let response = api
        .http
        .request(
            reqwest::Method::OPTIONS,
            api.url("/journeys/some-id/finish"),
        )
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "authorization, content-type, if-match, idempotency-key",
        )
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    assert_eq!(
        header(&response, "access-control-allow-origin"),
        Some(origin)
    );
    let methods = listed(header(&response, "access-control-allow-methods"));
    for method in ["get", "post", "put", "delete"] {
        assert!(
            methods.contains(&method.to_owned()),
            "{method} in {methods:?}"
        );
    }
    let headers = listed(header(&response, "access-control-allow-headers"));
    for name in [
        "authorization",
        "content-type",
        "if-match",
        "if-none-match",
        "idempotency-key",
    ] {
        assert!(headers.contains(&name.to_owned()), "{name} in {headers:?}");
    }
    assert!(header(&response, "access-control-max-age").is_some());
}

#[tokio::test]
async fn a_response_to_an_allowed_origin_exposes_the_etag_and_retry_after() {
    let api = Api::start().await;
    let Some(origin) = api.allowed_origin() else {
        skip!("no allowed origin known");
    };
    let response = api
        .get("/journeys")
        .header("Origin", origin)
        .send()
        .await
        .unwrap();
    assert_eq!(
        header(&response, "access-control-allow-origin"),
        Some(origin)
    );
    let exposed = listed(header(&response, "access-control-expose-headers"));
    assert!(exposed.contains(&"etag".to_owned()), "{exposed:?}");
    assert!(exposed.contains(&"retry-after".to_owned()), "{exposed:?}");

    // Errors too, or a page could not read why it failed.
    let missing = api
        .get("/journeys/no-such-version")
        .header("Origin", origin)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status().as_u16(), 404);
    assert_eq!(
        header(&missing, "access-control-allow-origin"),
        Some(origin)
    );
}

#[tokio::test]
async fn another_origin_gets_no_cors_headers() {
    let api = Api::start().await;
    let preflight = api
        .http
        .request(
            reqwest::Method::OPTIONS,
            api.url("/journeys/some-id/finish"),
        )
        .header("Origin", OTHER_ORIGIN)
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "if-match, idempotency-key",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(cors_headers(&preflight), Vec::<String>::new());
    let response = api
        .get("/journeys")
        .header("Origin", OTHER_ORIGIN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(cors_headers(&response), Vec::<String>::new());
}

#[tokio::test]
async fn without_allowed_origins_there_are_no_cors_headers() {
    let Some(api) = Api::start_local(|config| config.allowed_origins.clear()).await else {
        skip!("needs a server started without allowed origins");
    };
    let response = api
        .get("/journeys")
        .header("Origin", crate::harness::ORIGIN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(cors_headers(&response), Vec::<String>::new());
}
