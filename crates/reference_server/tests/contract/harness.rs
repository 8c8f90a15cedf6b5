//! The server under test and the requests the tests send it.
//!
//! By default each test starts its own server in this process, on a free port and
//! a new SQLite file, with tokens for every role, an allowed origin and fault
//! injection. To check another backend instead, start it and set:
//!
//! - `CONTRACT_API_BASE`: its base address, such as `http://127.0.0.1:8787/api`;
//! - `CONTRACT_TOKENS`: `viewer:<token>,operator:<token>,admin:<token>` if it asks
//!   for tokens (without it, the tests of roles are skipped);
//! - `CONTRACT_ALLOWED_ORIGIN`: an origin it allows, for the CORS tests;
//! - `CONTRACT_FAULT_INJECTION=1` if it has the `_test/faults` endpoint.
//!
//! Tests that restart the server or change its options run only in process.
//! Every test makes its own journeys (by duplicating one), so tests never depend
//! on each other's changes and may run against a shared server.

use chrono::{DateTime, Utc};
use contract::{ApiError, ErrorBody, ErrorCode, Feature, HistoryPage, JourneyPage, Me, Role};
use lifecycle::{HistoryEntry, JourneyVersion, Status};
use reference_server::{Config, Database, RunningServer, Token};
use reqwest::{Method, RequestBuilder, Response};
use tempfile::TempDir;
use uuid::Uuid;

pub const ORIGIN: &str = "http://console.example";
pub const OPERATOR_NAME: &str = "Ana Ruiz";
pub const ADMIN_NAME: &str = "Priya Nair";

/// Says why a test does nothing against this server, and ends it.
#[macro_export]
macro_rules! skip {
    ($why:expr) => {{
        eprintln!("skipped: {}", $why);
        return;
    }};
}

pub struct Tokens {
    pub viewer: String,
    pub operator: String,
    pub admin: String,
}

pub struct Api {
    pub base: String,
    pub http: reqwest::Client,
    tokens: Option<Tokens>,
    origin: Option<String>,
    fault_injection: bool,
    local: Option<Local>,
}

/// A server started by the test, and what it needs to start again.
struct Local {
    server: Option<RunningServer>,
    config: Config,
    _dir: TempDir,
}

impl Api {
    /// The server under test.
    pub async fn start() -> Api {
        match std::env::var("CONTRACT_API_BASE") {
            Ok(base) if !base.trim().is_empty() => Api::external(base.trim()),
            _ => Api::local(|_| {}).await.expect("an in-process server"),
        }
    }

    /// A server started in this process with the default test options changed by
    /// `adjust`; `None` when the tests check an external server.
    pub async fn start_local(adjust: impl FnOnce(&mut Config)) -> Option<Api> {
        if std::env::var("CONTRACT_API_BASE").is_ok_and(|base| !base.trim().is_empty()) {
            return None;
        }
        Api::local(adjust).await
    }

    fn external(base: &str) -> Api {
        let tokens = std::env::var("CONTRACT_TOKENS").ok().map(|list| {
            let mut tokens = Tokens {
                viewer: String::new(),
                operator: String::new(),
                admin: String::new(),
            };
            for token in list.split(',') {
                let token: Token = token.parse().expect("CONTRACT_TOKENS: role:token,…");
                match token.role {
                    Role::Viewer => tokens.viewer = token.secret,
                    Role::Operator => tokens.operator = token.secret,
                    Role::Admin => tokens.admin = token.secret,
                }
            }
            tokens
        });
        Api {
            base: base.trim_end_matches('/').to_owned(),
            http: reqwest::Client::new(),
            tokens,
            origin: std::env::var("CONTRACT_ALLOWED_ORIGIN").ok(),
            fault_injection: std::env::var("CONTRACT_FAULT_INJECTION").is_ok_and(|v| v == "1"),
            local: None,
        }
    }

    async fn local(adjust: impl FnOnce(&mut Config)) -> Option<Api> {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut config = Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            database: Database::File(dir.path().join("journeys.sqlite")),
            tokens: vec![
                Token::new(Role::Viewer, "viewer-secret"),
                Token::named(Role::Operator, "operator-secret", OPERATOR_NAME),
                Token::named(Role::Admin, "admin-secret", ADMIN_NAME),
            ],
            allowed_origins: vec![ORIGIN.into()],
            fault_injection: true,
            ..Config::default()
        };
        adjust(&mut config);
        let server = reference_server::serve(config.clone())
            .await
            .expect("the server starts");
        let secret_of = |role| {
            config
                .tokens
                .iter()
                .find(|token| token.role == role)
                .map(|token| token.secret.clone())
        };
        let tokens = match (
            secret_of(Role::Viewer),
            secret_of(Role::Operator),
            secret_of(Role::Admin),
        ) {
            (Some(viewer), Some(operator), Some(admin)) => Some(Tokens {
                viewer,
                operator,
                admin,
            }),
            _ => None,
        };
        Some(Api {
            base: server.api_base(),
            http: reqwest::Client::new(),
            tokens,
            origin: config.allowed_origins.first().cloned(),
            fault_injection: config.fault_injection,
            local: Some(Local {
                server: Some(server),
                config,
                _dir: dir,
            }),
        })
    }

    /// Stops the in-process server and starts it again on the same database;
    /// `false` against an external server.
    pub async fn restart(&mut self) -> bool {
        let Some(local) = &mut self.local else {
            return false;
        };
        if let Some(server) = local.server.take() {
            server.shutdown().await.expect("the server shuts down");
        }
        let server = reference_server::serve(local.config.clone())
            .await
            .expect("the server starts again");
        self.base = server.api_base();
        // Connections to the old server are gone.
        self.http = reqwest::Client::new();
        local.server = Some(server);
        true
    }

    pub fn tokens(&self) -> Option<&Tokens> {
        self.tokens.as_ref()
    }

    pub fn allowed_origin(&self) -> Option<&str> {
        self.origin.as_deref()
    }

    pub fn has_fault_injection(&self) -> bool {
        self.fault_injection
    }

    pub fn is_local(&self) -> bool {
        self.local.is_some()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A request with the admin's token, when the server has tokens.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let request = self.http.request(method, self.url(path));
        match &self.tokens {
            Some(tokens) => request.bearer_auth(&tokens.admin),
            None => request,
        }
    }

    pub fn get(&self, path: &str) -> RequestBuilder {
        self.request(Method::GET, path)
    }

    /// A change with a fresh idempotency key.
    pub async fn change(&self, method: Method, path: &str, revision: u64) -> Response {
        self.change_with_key(method, path, revision, &new_key())
            .await
    }

    pub async fn change_with_key(
        &self,
        method: Method,
        path: &str,
        revision: u64,
        key: &str,
    ) -> Response {
        self.request(method, path)
            .header("If-Match", format!("\"{revision}\""))
            .header("Idempotency-Key", key)
            .send()
            .await
            .expect("a response")
    }

    pub async fn version(&self, id: &str) -> JourneyVersion {
        let response = self.get(&format!("/journeys/{id}")).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200, "GET /journeys/{id}");
        response.json().await.unwrap()
    }

    pub async fn history(&self, id: &str) -> Vec<HistoryEntry> {
        let response = self
            .get(&format!("/journeys/{id}/history"))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status().as_u16(),
            200,
            "GET /journeys/{id}/history"
        );
        response.json::<HistoryPage>().await.unwrap().items
    }

    /// Every version, following `next` page by page.
    pub async fn all_versions(&self, limit: usize) -> Vec<JourneyVersion> {
        let mut versions = Vec::new();
        let mut path = format!("/journeys?limit={limit}");
        for _ in 0..10_000 {
            let response = self.get(&path).send().await.unwrap();
            assert_eq!(response.status().as_u16(), 200, "GET {path}");
            let page: JourneyPage = response.json().await.unwrap();
            assert!(
                page.items.len() <= limit,
                "a page holds at most `limit` items"
            );
            versions.extend(page.items.into_iter().map(std::sync::Arc::unwrap_or_clone));
            match page.next {
                Some(next) => path = format!("/journeys?limit={limit}&cursor={next}"),
                None => return versions,
            }
        }
        panic!("the list never ended");
    }

    /// A new draft of a new journey of its own, duplicated from any version.
    /// On a shared server another client may change or delete that version
    /// between the read and the duplicate (412, 404); then the list is read
    /// again.
    pub async fn draft(&self) -> JourneyVersion {
        for _ in 0..10 {
            let response = self.get("/journeys?limit=1").send().await.unwrap();
            let page: JourneyPage = response.json().await.unwrap();
            let source = page.items.first().expect("the server has a journey");
            let path = format!("/journeys/{}/duplicate", source.id);
            let response = self.change(Method::POST, &path, source.revision).await;
            match response.status().as_u16() {
                201 => {
                    let draft: JourneyVersion = response.json().await.unwrap();
                    assert_eq!(draft.status, Status::Draft);
                    return draft;
                }
                404 | 412 if self.local.is_none() => continue,
                status => panic!("POST {path}: {status}"),
            }
        }
        panic!("the first version kept changing under every duplicate");
    }

    /// A live version of a journey of its own.
    pub async fn live(&self) -> JourneyVersion {
        let draft = self.draft().await;
        let path = format!("/journeys/{}/publish", draft.id);
        let response = self.change(Method::POST, &path, draft.revision).await;
        assert_eq!(response.status().as_u16(), 200, "POST {path}");
        let live: JourneyVersion = response.json().await.unwrap();
        assert_eq!(live.status, Status::Live);
        live
    }

    /// A stopped version of a journey of its own.
    pub async fn stopped(&self) -> JourneyVersion {
        let live = self.live().await;
        let path = format!("/journeys/{}/stop", live.id);
        let response = self.change(Method::POST, &path, live.revision).await;
        assert_eq!(response.status().as_u16(), 200, "POST {path}");
        response.json().await.unwrap()
    }

    /// A change with a JSON body, as `token` (the admin's when `None`).
    pub async fn change_with_body(
        &self,
        token: Option<&str>,
        method: Method,
        path: &str,
        revision: u64,
        key: &str,
        body: Option<&serde_json::Value>,
    ) -> Response {
        let request = match token {
            Some(token) => self.http.request(method, self.url(path)).bearer_auth(token),
            None => self.request(method, path),
        };
        let request = request
            .header("If-Match", format!("\"{revision}\""))
            .header("Idempotency-Key", key);
        let request = match body {
            Some(body) => request.json(body),
            None => request,
        };
        request.send().await.expect("a response")
    }

    /// What `GET /me` lists for the admin (none from a server without `/me`).
    pub async fn features(&self) -> Vec<Feature> {
        let response = self.get("/me").send().await.unwrap();
        if response.status().as_u16() != 200 {
            return Vec::new();
        }
        response.json::<Me>().await.unwrap().features
    }

    /// Moves the server's clock on with `POST /_test/advance`; the server's
    /// now after it.
    pub async fn advance(&self, seconds: u32) -> DateTime<Utc> {
        let response = self
            .request(Method::POST, "/_test/advance")
            .json(&serde_json::json!({ "seconds": seconds }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "POST /_test/advance");
        let body: serde_json::Value = response.json().await.unwrap();
        serde_json::from_value(body["now"].clone()).expect("now is a time")
    }

    /// Puts the server back as it started with `POST /_test/reset`.
    pub async fn reset(&self) {
        let response = self
            .request(Method::POST, "/_test/reset")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 204, "POST /_test/reset");
    }

    /// The server's now, as `POST /_test/advance` with nothing to move tells.
    pub async fn now(&self) -> DateTime<Utc> {
        self.advance(0).await
    }

    /// Arms a fault with `POST /_test/faults`.
    pub async fn inject(&self, path: &str, mode: &str, count: u32) {
        let response = self
            .request(Method::POST, "/_test/faults")
            .json(&serde_json::json!({ "path": path, "mode": mode, "count": count }))
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success(), "POST /_test/faults");
    }
}

pub fn new_key() -> String {
    Uuid::new_v4().to_string()
}

/// The error of a response, checking its status, its code and its shape.
pub async fn expect_error(response: Response, status: u16, code: ErrorCode) -> ApiError {
    let url = response.url().clone();
    assert_eq!(response.status().as_u16(), status, "status of {url}");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        content_type.starts_with("application/json"),
        "an error is JSON, was {content_type:?}"
    );
    let text = response.text().await.unwrap();
    let body: ErrorBody = serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{text} is not the error shape: {error}"));
    assert_eq!(body.error.code, code, "{text}");
    assert!(!body.error.message.trim().is_empty(), "an error says why");
    body.error
}
