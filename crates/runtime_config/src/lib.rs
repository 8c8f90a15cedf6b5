//! The runtime configuration of Journey Console: `config.json`, fetched at start
//! from beside `index.html`, so one build serves every environment from a CDN.
//!
//! ```json
//! {"backend": "embedded"}
//! {"backend": "http", "apiBase": "https://api.example.com/v1", "pollIntervalMs": 5000}
//! {"backend": "embedded", "theme": "dark"}
//! ```
//!
//! No file at all means the embedded backend. Anything else that is not a valid
//! configuration is an error naming the problem, so the app can show it.

use serde::Deserialize;
use serde_json::error::Category;
use std::fmt;

/// How often the HTTP backend is asked for fresh data, unless configured.
pub const DEFAULT_POLL_INTERVAL_MS: u32 = 5_000;

/// Polling faster than this would load a backend for no visible gain.
pub const MIN_POLL_INTERVAL_MS: u32 = 500;

/// A day: the longest interval asked for. A browser's timers take at most
/// 2^31 - 1 milliseconds (about 24.8 days), and the console could not start
/// its polling with more.
pub const MAX_POLL_INTERVAL_MS: u32 = 86_400_000;

/// The most versions a generated demo account can have: as many as the
/// console loads from a server (`journey_sync::MAX_VERSIONS`).
pub const MAX_DEMO_JOURNEYS: u32 = 500_000;

/// Which backend the console talks to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuntimeConfig {
    /// In the browser, persisted, seeded with demo journeys.
    Embedded(EmbeddedSettings),
    /// A server implementing the HTTP contract.
    Http(HttpSettings),
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EmbeddedSettings {
    /// Generate this many journey versions instead of the hand-written demo set
    /// (used to measure the console with a large account).
    pub demo_journeys: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpSettings {
    /// Base address of the contract's endpoints, without a trailing slash.
    pub api_base: String,
    pub poll_interval_ms: u32,
    /// Sent as `Authorization: Bearer …`. For development and tests: a token
    /// in a file served to every visitor is public.
    pub token: Option<String>,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig::Embedded(EmbeddedSettings::default())
    }
}

/// The console's colours: `Auto` follows the system's light or dark preference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The name in `config.json`, in the embedding options and in the page.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Reads a theme's name, refusing any other word with the ones allowed.
    pub fn parse(name: &str) -> Result<Theme, ConfigError> {
        [Theme::Light, Theme::Dark, Theme::Auto]
            .into_iter()
            .find(|theme| theme.as_str() == name)
            .ok_or_else(|| {
                error(format!(
                    "config.json: theme is \"{name}\"; it must be \"light\", \"dark\" or \"auto\""
                ))
            })
    }
}

/// All that `config.json` says: the backend, and the theme.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConfigFile {
    pub backend: RuntimeConfig,
    pub theme: Theme,
}

/// Why a `config.json` was rejected, in words for the person deploying the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize)]
#[serde(tag = "backend", rename_all = "lowercase", deny_unknown_fields)]
enum RawConfig {
    Embedded {
        #[serde(rename = "demoJourneys", default)]
        demo_journeys: Option<u32>,
        #[serde(default)]
        theme: Option<String>,
    },
    Http {
        #[serde(rename = "apiBase")]
        api_base: String,
        #[serde(rename = "pollIntervalMs", default)]
        poll_interval_ms: Option<u32>,
        #[serde(default)]
        token: Option<String>,
        #[serde(default)]
        theme: Option<String>,
    },
}

/// Parses the text of `config.json` for its backend only.
pub fn parse(text: &str) -> Result<RuntimeConfig, ConfigError> {
    parse_file(text).map(|file| file.backend)
}

/// Parses the text of `config.json`.
pub fn parse_file(text: &str) -> Result<ConfigFile, ConfigError> {
    if text.trim().is_empty() {
        return Err(error(
            "config.json is empty; it must be a JSON object such as {\"backend\": \"embedded\"}",
        ));
    }
    // Read straight into RawConfig, with no serde_json::Value in between: the
    // console then carries one JSON deserializer, not two (part of 7 KB of its
    // download). An object is read whole before its tag is looked at, so a
    // syntax error in one comes first.
    let raw: RawConfig = serde_json::from_str(text).map_err(|e| match e.classify() {
        Category::Syntax | Category::Eof => error(format!("config.json is not valid JSON: {e}")),
        Category::Data | Category::Io => match kind_of(text) {
            Some(kind) => error(format!(
                "config.json must be a JSON object such as {{\"backend\": \"embedded\"}}, found {kind}"
            )),
            None => error(describe(&e)),
        },
    })?;
    let (backend, theme) = match raw {
        RawConfig::Embedded {
            demo_journeys,
            theme,
        } => {
            if let Some(count) = demo_journeys.filter(|count| *count > MAX_DEMO_JOURNEYS) {
                return Err(error(format!(
                    "config.json: demoJourneys is {count}; it must be at most {MAX_DEMO_JOURNEYS}"
                )));
            }
            (
                RuntimeConfig::Embedded(EmbeddedSettings { demo_journeys }),
                theme,
            )
        }
        RawConfig::Http {
            api_base,
            poll_interval_ms,
            token,
            theme,
        } => {
            let api_base = validate_api_base(&api_base)?;
            let poll_interval_ms = poll_interval_ms.unwrap_or(DEFAULT_POLL_INTERVAL_MS);
            if poll_interval_ms < MIN_POLL_INTERVAL_MS {
                return Err(error(format!(
                    "config.json: pollIntervalMs is {poll_interval_ms}; it must be at least {MIN_POLL_INTERVAL_MS} (milliseconds)"
                )));
            }
            if poll_interval_ms > MAX_POLL_INTERVAL_MS {
                return Err(error(format!(
                    "config.json: pollIntervalMs is {poll_interval_ms}; it must be at most {MAX_POLL_INTERVAL_MS} (a day, in milliseconds)"
                )));
            }
            let settings = HttpSettings {
                api_base,
                poll_interval_ms,
                token: self::token(token.as_deref())?,
            };
            (RuntimeConfig::Http(settings), theme)
        }
    };
    let theme = match theme {
        Some(name) => Theme::parse(&name)?,
        None => Theme::default(),
    };
    Ok(ConfigFile { backend, theme })
}

fn describe(e: &serde_json::Error) -> String {
    let message = e.to_string();
    if message.starts_with("missing field `backend`") {
        return "config.json has no \"backend\"; set it to \"embedded\" or \"http\"".into();
    }
    format!("config.json is not valid: {message}")
}

/// What a valid JSON text holds, from its first character; `None` for an object.
fn kind_of(text: &str) -> Option<&'static str> {
    Some(match text.trim_start().chars().next()? {
        '{' => return None,
        '[' => "an array",
        '"' => "a string",
        't' | 'f' => "a boolean",
        'n' => "null",
        _ => "a number",
    })
}

/// An absolute http(s) address, or a path on the console's own origin, with
/// no query or fragment.
fn validate_api_base(api_base: &str) -> Result<String, ConfigError> {
    let trimmed = api_base.trim();
    let absolute = ["https://", "http://"]
        .iter()
        .any(|scheme| trimmed.len() > scheme.len() && trimmed.starts_with(scheme));
    let same_origin_path = trimmed.starts_with('/') && !trimmed.starts_with("//");
    if trimmed.chars().any(char::is_whitespace) || !(absolute || same_origin_path) {
        return Err(error(format!(
            "config.json: apiBase \"{api_base}\" is not an http(s) address or a path starting with \"/\""
        )));
    }
    // Each endpoint's path is added after apiBase (`{apiBase}/journeys`):
    // after a query or a fragment it would become part of them, and every
    // request would go to the wrong address.
    if let Some(at) = trimmed.find(['?', '#']) {
        let rest = &trimmed[at..];
        let part = if rest.starts_with('?') {
            "a query"
        } else {
            "a fragment"
        };
        return Err(error(format!(
            "config.json: apiBase \"{api_base}\" has {part} ({rest}); the console adds each \
             endpoint's path after apiBase, so it must end with the path, such as \
             \"https://api.example.com/v1\""
        )));
    }
    Ok(trimmed.trim_end_matches('/').to_owned())
}

/// A bearer token as it is sent (`Authorization: Bearer …`): trimmed, and
/// `None` when blank. Only visible ASCII can be sent in that header; anything
/// else (a line break, a character pasted from a document) is refused here,
/// where it can be said, rather than by the browser on every request.
pub fn token(token: Option<&str>) -> Result<Option<String>, ConfigError> {
    let Some(token) = token.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    match token.chars().find(|c| !c.is_ascii_graphic()) {
        Some(c) => Err(error(format!(
            "config.json: token holds {c:?} (U+{:04X}); a bearer token is visible ASCII \
             characters without spaces",
            u32::from(c)
        ))),
        None => Ok(Some(token.to_owned())),
    }
}

/// Where an embedded console's pages live in the host's URLs: a path from
/// the root such as `/marketing` (or none). Trailing slashes are left out.
/// It is compared with the page's address as the browser writes it, so it
/// must be written so too: no `.` or `..` segment (the browser resolves
/// them away) and no character the browser would percent-encode.
pub fn base_path(path: &str) -> Result<&str, ConfigError> {
    let path = path.trim_end_matches('/');
    // What the browser writes as it is: visible ASCII outside the URL
    // standard's path percent-encode set.
    let plain = path.chars().all(|c| c.is_ascii_graphic())
        && !path.contains(['?', '#', '\\', '"', '<', '>', '`', '{', '}']);
    let resolved = !path
        .split('/')
        .any(|segment| segment == "." || segment == "..");
    if path.is_empty() || (path.starts_with('/') && !path.starts_with("//") && plain && resolved) {
        Ok(path)
    } else {
        Err(error(format!(
            "config.json: basePath is {path:?}; it must be a path from the root of the \
             host's addresses, such as \"/marketing\", written as the browser's address \
             bar shows it (no \".\" or \"..\" segments; characters other than ASCII \
             letters, digits and signs percent-encoded)"
        )))
    }
}

fn error(message: impl Into<String>) -> ConfigError {
    ConfigError {
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_backend_is_the_default() {
        assert_eq!(
            RuntimeConfig::default(),
            RuntimeConfig::Embedded(EmbeddedSettings {
                demo_journeys: None
            })
        );
    }

    #[test]
    fn embedded_backend_with_a_large_demo_account() {
        assert_eq!(
            parse(r#"{"backend":"embedded","demoJourneys":10000}"#).unwrap(),
            RuntimeConfig::Embedded(EmbeddedSettings {
                demo_journeys: Some(10_000)
            })
        );
    }

    #[test]
    fn http_backend_with_defaults() {
        assert_eq!(
            parse(r#"{"backend":"http","apiBase":"https://api.example.com/v1/"}"#).unwrap(),
            RuntimeConfig::Http(HttpSettings {
                api_base: "https://api.example.com/v1".into(),
                poll_interval_ms: DEFAULT_POLL_INTERVAL_MS,
                token: None,
            })
        );
    }

    #[test]
    fn http_backend_on_the_same_origin() {
        let config =
            parse(r#"{"backend":"http","apiBase":"/api","pollIntervalMs":2000,"token":"t0k"}"#)
                .unwrap();
        assert_eq!(
            config,
            RuntimeConfig::Http(HttpSettings {
                api_base: "/api".into(),
                poll_interval_ms: 2000,
                token: Some("t0k".into()),
            })
        );
    }

    fn message(text: &str) -> String {
        parse(text).unwrap_err().message
    }

    #[test]
    fn malformed_json_names_the_position() {
        let m = message(r#"{"backend": "http", "#);
        assert!(m.starts_with("config.json is not valid JSON:"), "{m}");
        assert!(m.contains("line 1"), "{m}");
    }

    #[test]
    fn unknown_backend_names_the_choices() {
        let m = message(r#"{"backend":"ftp"}"#);
        assert!(m.contains("unknown variant `ftp`"), "{m}");
        assert!(m.contains("`embedded`") && m.contains("`http`"), "{m}");
    }

    #[test]
    fn missing_backend_says_what_to_set() {
        assert_eq!(
            message(r#"{"apiBase":"https://x"}"#),
            "config.json has no \"backend\"; set it to \"embedded\" or \"http\""
        );
    }

    #[test]
    fn http_without_api_base_is_refused() {
        let m = message(r#"{"backend":"http"}"#);
        assert!(m.contains("missing field `apiBase`"), "{m}");
    }

    #[test]
    fn misspelt_option_is_refused_not_ignored() {
        let m = message(r#"{"backend":"http","apibase":"https://x"}"#);
        assert!(m.contains("unknown field `apibase`"), "{m}");
    }

    #[test]
    fn api_base_must_be_an_address() {
        for bad in [
            "api.example.com",
            "ftp://x",
            "https://",
            "//cdn.example.com",
            "https://a b",
        ] {
            let m = message(&format!(r#"{{"backend":"http","apiBase":"{bad}"}}"#));
            assert!(m.contains("is not an http(s) address"), "{bad}: {m}");
        }
    }

    #[test]
    fn api_base_with_a_query_or_fragment_is_refused() {
        // Each endpoint's path is added after apiBase: after a query or a
        // fragment it would be part of them, and every request would miss.
        for (bad, part) in [
            (
                "https://api.example.com/v1?tenant=acme",
                "a query (?tenant=acme)",
            ),
            ("https://api.example.com/v1#prod", "a fragment (#prod)"),
            ("https://api.example.com/v1/?", "a query (?)"),
            ("/api?tenant=acme#prod", "a query (?tenant=acme#prod)"),
            ("/api#", "a fragment (#)"),
        ] {
            let m = message(&format!(r#"{{"backend":"http","apiBase":"{bad}"}}"#));
            assert_eq!(
                m,
                format!(
                    "config.json: apiBase \"{bad}\" has {part}; the console adds each \
                     endpoint's path after apiBase, so it must end with the path, such as \
                     \"https://api.example.com/v1\""
                ),
            );
        }
    }

    #[test]
    fn a_token_that_cannot_be_sent_in_a_header_is_refused() {
        assert_eq!(
            token(Some(" t0k.en-_~+/= ")).unwrap().as_deref(),
            Some("t0k.en-_~+/=")
        );
        assert_eq!(token(Some("  ")).unwrap(), None);
        for bad in ["two words", "line\nbreak", "zero\u{200b}width", "caf\u{e9}"] {
            let m = token(Some(bad)).unwrap_err().message;
            assert!(
                m.contains("a bearer token is visible ASCII"),
                "{bad:?}: {m}"
            );
        }
        let m = message(r#"{"backend":"http","apiBase":"/api","token":"a\u0000b"}"#);
        assert!(m.contains("U+0000"), "{m}");
    }

    #[test]
    fn a_base_path_is_a_path_from_the_root() {
        assert_eq!(base_path("/marketing/").unwrap(), "/marketing");
        assert_eq!(base_path("").unwrap(), "");
        assert_eq!(base_path("/").unwrap(), "");
        assert_eq!(base_path("/m%C3%A4rketing").unwrap(), "/m%C3%A4rketing");
        for bad in [
            "marketing",
            "//cdn.example.com",
            "/a b",
            "/a?b",
            "/a#b",
            "/a/../b",
            "/./marketing",
            "/märketing",
            "/a<b>",
            "/{team}",
        ] {
            let m = base_path(bad).unwrap_err().message;
            assert!(m.contains("a path from the root"), "{bad:?}: {m}");
        }
    }

    #[test]
    fn too_fast_polling_is_refused() {
        let m = message(r#"{"backend":"http","apiBase":"/api","pollIntervalMs":10}"#);
        assert!(m.contains("at least 500"), "{m}");
    }

    #[test]
    fn polling_slower_than_a_browser_timer_can_wait_is_refused() {
        // setInterval takes at most 2^31 - 1 ms.
        let m = message(r#"{"backend":"http","apiBase":"/api","pollIntervalMs":4294967295}"#);
        assert!(m.contains("at most 86400000 (a day"), "{m}");
        let a_day = parse(r#"{"backend":"http","apiBase":"/api","pollIntervalMs":86400000}"#);
        assert!(matches!(a_day, Ok(RuntimeConfig::Http(h)) if h.poll_interval_ms == 86_400_000));
    }

    #[test]
    fn more_demo_journeys_than_the_console_loads_are_refused() {
        let m = message(r#"{"backend":"embedded","demoJourneys":4294967295}"#);
        assert!(
            m.contains("demoJourneys is 4294967295; it must be at most 500000"),
            "{m}"
        );
        assert!(parse(r#"{"backend":"embedded","demoJourneys":500000}"#).is_ok());
    }

    #[test]
    fn theme_is_auto_unless_chosen() {
        let theme = |text: &str| parse_file(text).unwrap().theme;
        assert_eq!(theme(r#"{"backend":"embedded"}"#), Theme::Auto);
        assert_eq!(
            theme(r#"{"backend":"embedded","theme":"dark"}"#),
            Theme::Dark
        );
        assert_eq!(
            theme(r#"{"backend":"http","apiBase":"/api","theme":"light"}"#),
            Theme::Light
        );
        assert_eq!(
            theme(r#"{"backend":"embedded","theme":"auto"}"#),
            Theme::Auto
        );
        assert_eq!(ConfigFile::default().theme, Theme::Auto);
    }

    #[test]
    fn theme_names_round_trip() {
        for theme in [Theme::Auto, Theme::Light, Theme::Dark] {
            assert_eq!(Theme::parse(theme.as_str()), Ok(theme));
        }
    }

    #[test]
    fn unknown_theme_names_the_choices() {
        for bad in ["blue", "Dark", "", " light"] {
            assert_eq!(
                message(&format!(r#"{{"backend":"embedded","theme":"{bad}"}}"#)),
                format!(
                    "config.json: theme is \"{bad}\"; it must be \"light\", \"dark\" or \"auto\""
                )
            );
        }
        let m = message(r#"{"backend":"embedded","theme":true}"#);
        assert!(
            m.contains("invalid type: boolean `true`, expected a string"),
            "{m}"
        );
    }

    #[test]
    fn empty_file_and_wrong_shape_are_refused() {
        assert!(message("  ").contains("empty"));
        assert!(message("[]").ends_with("found an array"));
        assert!(message("\"embedded\"").ends_with("found a string"));
        assert!(message(" 5000").ends_with("found a number"));
        assert!(message("null").ends_with("found null"));
        assert!(message("true").ends_with("found a boolean"));
    }
}
