//! A successful answer read into what the console needs, or a clear message
//! saying what came instead (a login page behind a proxy, a truncated body).

use lifecycle::{Action, Applied, Command, JourneyVersion, Outcome};
use serde::de::DeserializeOwned;
use wording::Phrase;

use crate::in_words::cut_short;
use crate::{BackendError, ErrorKind};

/// A larger answer than this is not journey data this console can show.
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// The JSON body of a successful answer, read as `T`.
pub fn read_answer<T: DeserializeOwned>(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<T, BackendError> {
    check_json(status, content_type, body)?;
    serde_json::from_str(body).map_err(|e| not_journey_data(&e))
}

/// An answer that was JSON but not what was expected, in the parser's own
/// words (developer text), which say where the data went wrong.
pub(crate) fn not_journey_data(error: &serde_json::Error) -> BackendError {
    BackendError::bad_response(
        Phrase::new("sync-not-journey-data").with("error", error.to_string()),
    )
}

/// Whether a successful answer is JSON this console can read at all: said
/// to be JSON, and not larger than any journey data.
pub(crate) fn check_json(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<(), BackendError> {
    let content_type = content_type.unwrap_or_default().trim();
    if !content_type.to_ascii_lowercase().contains("json") {
        let what = if content_type.is_empty() {
            Phrase::new("sync-sent-no-content-type")
        } else if content_type.to_ascii_lowercase().starts_with("text/html") {
            Phrase::new("sync-sent-html")
        } else {
            Phrase::new("sync-sent-content-type").with("type", content_type)
        };
        return Err(BackendError::bad_response(
            what.with("status", status.to_string()),
        ));
    }
    if body.len() > MAX_BODY_BYTES {
        return Err(BackendError::too_large(MAX_BODY_BYTES));
    }
    Ok(())
}

/// What a successful change request did, from its answer: `204` after a
/// delete, the changed version (200) or the created one (201) otherwise.
/// `id` is the version the change was taken on. An answer that cannot be
/// read says that the server made the change all the same.
pub fn applied_from_answer(
    id: &str,
    command: &Command,
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<Applied, BackendError> {
    applied(id, command, status, content_type, body).map_err(BackendError::about_a_change_made)
}

/// What an unusable answer to a change means when the request was sent on
/// to `url`, away from the API (a sign-in page in front of it, whose session
/// is over): that address answered, not the change's, which took nothing. As
/// a sign-in refused: a retry may take a new key, and it is no answer to an
/// earlier attempt's unknown outcome.
pub fn sent_on_elsewhere(url: &str, status: u16) -> BackendError {
    BackendError::new(
        ErrorKind::Unauthorized,
        Phrase::new("sync-sent-on-elsewhere")
            .with("url", cut_short(url))
            .with("status", status.to_string()),
    )
}

fn applied(
    id: &str,
    command: &Command,
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<Applied, BackendError> {
    let action = command.action();
    let outcome = match action {
        Action::Delete if status == 204 || body.trim().is_empty() => {
            Outcome::Deleted { id: id.to_owned() }
        }
        Action::Delete => {
            // A server may answer a delete with the version it removed.
            let _: JourneyVersion = read_answer(status, content_type, body)?;
            Outcome::Deleted { id: id.to_owned() }
        }
        _ if status == 204 => {
            return Err(BackendError::bad_response(Phrase::new(
                "sync-answered-without-version",
            )))
        }
        Action::NewVersion | Action::Duplicate => Outcome::Created {
            version: read_answer(status, content_type, body)?,
        },
        Action::Publish
        | Action::Finish
        | Action::Stop
        | Action::Pause
        | Action::Resume
        | Action::ScheduleFinish
        | Action::CancelScheduledFinish
        | Action::Restart => {
            let version: JourneyVersion = read_answer(status, content_type, body)?;
            if version.id != id {
                return Err(BackendError::bad_response(
                    Phrase::new("sync-answered-other-version").with("id", cut_short(&version.id)),
                ));
            }
            Outcome::Updated { version }
        }
    };
    Ok(Applied {
        action,
        outcome,
        also_changed: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use contract::JourneyPage;

    use super::*;
    use crate::english::english;
    use crate::ErrorKind;

    fn version(id: &str) -> JourneyVersion {
        let at = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
        JourneyVersion::draft(id, "welcome", "Welcome series", 1, "Ana Ruiz", at)
    }

    #[test]
    fn a_json_page_is_read() {
        let page = JourneyPage {
            items: vec![version("a").into()],
            next: Some("c1".into()),
        };
        let body = serde_json::to_string(&page).unwrap();
        let read: JourneyPage = read_answer(200, Some("application/json"), &body).unwrap();
        assert_eq!(read, page);
    }

    #[test]
    fn an_html_page_or_no_content_type_is_named() {
        let error = read_answer::<JourneyPage>(200, Some("text/html; charset=utf-8"), "<html>")
            .unwrap_err();
        assert_eq!(error.kind, ErrorKind::BadResponse);
        assert_eq!(
            english(&error.message),
            "The server's answer was not usable: it sent an HTML page instead of JSON (HTTP 200). \
             Nothing was changed."
        );
        let error = read_answer::<JourneyPage>(200, None, "{}").unwrap_err();
        assert_eq!(
            english(&error.message),
            "The server's answer was not usable: it sent an answer without a content type \
             instead of JSON (HTTP 200). Nothing was changed."
        );
        let error = read_answer::<JourneyPage>(200, Some("text/csv"), "{}").unwrap_err();
        assert_eq!(
            english(&error.message),
            "The server's answer was not usable: it sent \u{201c}text/csv\u{201d} instead of \
             JSON (HTTP 200). Nothing was changed."
        );
    }

    #[test]
    fn json_that_is_not_journey_data_is_refused() {
        let error = read_answer::<JourneyPage>(200, Some("application/json"), r#"{"items":3}"#)
            .unwrap_err();
        let message = english(&error.message);
        assert!(
            message.starts_with(
                "The server's answer was not usable: its answer is not journey data this \
                 console understands ("
            ),
            "{message}"
        );
    }

    #[test]
    fn a_201_is_a_created_version_and_a_204_a_deletion() {
        let body = serde_json::to_string(&version("welcome-v2")).unwrap();
        let applied = applied_from_answer(
            "welcome-v1",
            &Command::NewVersion { id: String::new() },
            201,
            Some("application/json"),
            &body,
        )
        .unwrap();
        assert_eq!(applied.action, Action::NewVersion);
        assert!(
            matches!(applied.outcome, Outcome::Created { ref version } if version.id == "welcome-v2")
        );
        let applied = applied_from_answer("welcome-v1", &Command::Delete, 204, None, "").unwrap();
        assert_eq!(
            applied.outcome,
            Outcome::Deleted {
                id: "welcome-v1".into()
            }
        );
    }

    #[test]
    fn an_answer_about_another_version_is_refused() {
        let body = serde_json::to_string(&version("other")).unwrap();
        let error = applied_from_answer(
            "welcome-v1",
            &Command::Finish,
            200,
            Some("application/json"),
            &body,
        )
        .unwrap_err();
        assert_eq!(
            english(&error.message),
            "The server made the change, but its answer was not usable: it answered about \
             another journey version (\u{201c}other\u{201d}) than the one changed. The list is \
             read again to show it."
        );
        let error = applied_from_answer("welcome-v1", &Command::Finish, 204, None, "").unwrap_err();
        assert_eq!(error.kind, ErrorKind::MadeAnswerUnusable);
        assert_eq!(
            english(&error.message),
            "The server made the change, but its answer was not usable: it answered without \
             the journey version (HTTP 204 No Content). The list is read again to show it."
        );
    }

    #[test]
    fn a_change_answered_unreadably_is_said_to_be_made() {
        // A 200 cut short by a proxy: the server made the change.
        let error = applied_from_answer(
            "welcome-v1",
            &Command::Finish,
            200,
            Some("application/json"),
            r#"{"id": "welcome-v1", "status": "fini"#,
        )
        .unwrap_err();
        assert_eq!(error.kind, ErrorKind::MadeAnswerUnusable);
        assert!(error.kind.may_have_been_applied());
        let said = english(&error.message);
        assert!(
            said.starts_with("The server made the change, but its answer was not usable: its answer is not journey data"),
            "{said}"
        );
        assert!(
            said.ends_with("The list is read again to show it."),
            "{said}"
        );
        // Reading a list changes nothing, and says so.
        let error = read_answer::<JourneyPage>(200, Some("application/json"), "{").unwrap_err();
        assert!(english(&error.message).ends_with("Nothing was changed."));
    }

    #[test]
    fn a_change_sent_on_elsewhere_and_answered_there_unreadably_is_not_said_made() {
        let error = sent_on_elsewhere("https://sso.example.com/sign-in?next=%2Fjourneys", 200);
        assert_eq!(error.kind, ErrorKind::Unauthorized);
        assert!(!error.may_have_been_applied());
        assert_eq!(
            english(&error.message),
            "The request was sent on to https://sso.example.com/sign-in?next=%2Fjourneys (a \
             sign-in page?), which answered something other than journey data (HTTP 200). \
             Nothing was changed: sign in again if you are asked to, then try again."
        );
    }
}
