//! Whatever a server or a proxy answers, the console has something to say.

mod common;

use chrono::{TimeZone, Utc};
use common::english;
use journey_sync::{error_from_answer, ErrorKind};
use proptest::prelude::*;

fn body() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        Just(String::new()),
        "[ \\t\\r\\n]{0,5}",
        "<html>.{0,40}</html>",
        // The contract's shape with any code and any message, blank included.
        (any::<String>(), any::<String>()).prop_map(|(code, message)| {
            serde_json::json!({ "error": { "code": code, "message": message } }).to_string()
        }),
        any::<String>().prop_map(|message| serde_json::json!({ "message": message }).to_string()),
        any::<String>().prop_map(|message| serde_json::json!({ "error": message }).to_string()),
        Just(r#"{"error":{"code":"server_error"}}"#.to_owned()),
        Just(r#"{"error":null}"#.to_owned()),
        Just(r#"{"error":{"message":12,"current":"x"}}"#.to_owned()),
    ]
}

fn content_type() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some("application/json".to_owned())),
        Just(Some("text/html; charset=utf-8".to_owned())),
        Just(Some("text/plain".to_owned())),
        any::<String>().prop_map(Some),
    ]
}

fn retry_after() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        (0u64..100_000).prop_map(|seconds| Some(seconds.to_string())),
        Just(Some("Mon, 03 Mar 2025 09:00:30 GMT".to_owned())),
        any::<String>().prop_map(Some),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_message_is_never_empty(
        status in 400u16..=599,
        content_type in content_type(),
        retry_after in retry_after(),
        body in body(),
    ) {
        let now = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
        let error = error_from_answer(status, content_type.as_deref(), retry_after.as_deref(), &body, now);
        let message = english(&error.message);
        prop_assert!(!message.trim().is_empty(), "empty message for {} {:?}", status, body);
        prop_assert!(message.chars().count() <= 700, "a message too long for a dialog");
        if (500..=599).contains(&status) {
            prop_assert_eq!(error.kind, ErrorKind::Server);
            prop_assert!(message.contains("Nothing was lost"), "{}", message);
        }
        if status == 429 {
            prop_assert_eq!(error.kind, ErrorKind::Busy);
        }
        if error.retry_after.is_some() {
            prop_assert!(status == 429 || status == 503);
        }
    }

    #[test]
    fn every_status_without_a_usable_body_is_named(status in 400u16..=599, body in "[^{]{0,60}") {
        let now = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
        let error = error_from_answer(status, Some("text/plain"), None, &body, now);
        let message = english(&error.message);
        if ![401, 403].contains(&status) {
            prop_assert!(message.contains(&format!("HTTP {status}")), "{}", message);
        }
    }
}
