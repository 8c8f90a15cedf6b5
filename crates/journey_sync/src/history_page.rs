//! A version's history, read so that an entry this console cannot read (an
//! action or a status a newer server added, a time it cannot read) costs that
//! entry alone: the rest of the history, and who finished or stopped the
//! version, is still shown, and the user is told what was left out. An answer
//! that is not a history at all is refused whole, as any answer that is not
//! usable.

use lifecycle::HistoryEntry;
use serde::Deserialize;
use serde_json::value::RawValue;
use wording::Phrase;

use crate::one_by_one::{read_one_by_one, RawPage};
use crate::success_answer::{check_json, not_journey_data};
use crate::BackendError;

/// A history as read: the entries that could be read, oldest first, and what
/// the user is told of those that could not (`None` when all could be).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadHistory {
    pub entries: Vec<HistoryEntry>,
    pub left_out: Option<Phrase>,
}

/// Just what makes an item a history entry, when the rest cannot be read:
/// when it happened and what was done, as text. Only its shape is asked.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Recorded {
    at: String,
    action: String,
}

fn is_recorded(item: &RawValue) -> bool {
    serde_json::from_str::<Recorded>(item.get()).is_ok()
}

/// `GET /journeys/{id}`'s history, read in one go, and entry by entry only
/// when that fails.
pub fn read_history_page(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<ReadHistory, BackendError> {
    check_json(status, content_type, body)?;
    let whole_error = match serde_json::from_str::<contract::HistoryPage>(body) {
        Ok(page) => {
            return Ok(ReadHistory {
                entries: page.items,
                left_out: None,
            })
        }
        Err(error) => error,
    };
    let raw: RawPage = serde_json::from_str(body).map_err(|_| not_journey_data(&whole_error))?;
    let entries = read_one_by_one::<HistoryEntry>(raw.items, is_recorded, &whole_error)?;
    let left_out = entries.unreadable.first().map(|(_, error)| {
        Phrase::new("sync-history-entries-unreadable")
            .with("count", entries.unreadable.len())
            .with("error", error.as_str())
    });
    Ok(ReadHistory {
        entries: entries.read,
        left_out,
    })
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use lifecycle::{Action, Status};
    use serde_json::json;

    use super::*;
    use crate::english::english;
    use crate::ErrorKind;

    fn entry(minute: u32, action: &str, from: &str, to: &str, by: &str) -> serde_json::Value {
        json!({
            "at": format!("2026-11-27T09:{minute:02}:00Z"),
            "by": by,
            "action": action,
            "from": from,
            "to": to,
            "reason": null,
        })
    }

    fn read(body: &serde_json::Value) -> Result<ReadHistory, BackendError> {
        read_history_page(200, Some("application/json"), &body.to_string())
    }

    #[test]
    fn a_well_formed_history_is_read_whole() {
        let history = read(&json!({ "items": [
            entry(0, "publish", "draft", "live", "Priya Nair"),
            entry(5, "stop", "live", "stopped", "Ana Ruiz"),
        ] }))
        .unwrap();
        assert_eq!(history.entries.len(), 2);
        assert_eq!(history.entries[1].action, Action::Stop);
        assert_eq!(history.left_out, None);
        assert_eq!(read(&json!({ "items": [] })).unwrap().entries, []);
    }

    #[test]
    fn an_entry_that_cannot_be_read_leaves_the_others_in_their_order() {
        let mut nameless = entry(3, "pause", "live", "paused", "Bot");
        nameless["by"] = json!(7);
        let history = read(&json!({ "items": [
            entry(0, "publish", "draft", "live", "Priya Nair"),
            entry(2, "archive", "live", "archived", "Bot"),
            nameless,
            entry(5, "stop", "live", "stopped", "Ana Ruiz"),
        ] }))
        .unwrap();
        let kept: Vec<(Action, &str)> = history
            .entries
            .iter()
            .map(|e| (e.action, e.by.as_str()))
            .collect();
        assert_eq!(
            kept,
            [(Action::Publish, "Priya Nair"), (Action::Stop, "Ana Ruiz")]
        );
        assert_eq!(history.entries[1].to, Some(Status::Stopped));
        assert_eq!(
            history.entries[1].at,
            Utc.with_ymd_and_hms(2026, 11, 27, 9, 5, 0).unwrap()
        );
        let said = english(&history.left_out.unwrap());
        assert!(
            said.starts_with(
                "2 entries of this history could not be read, so they are not shown \
                 (the first: unknown variant `archive`"
            ),
            "{said}"
        );
    }

    #[test]
    fn one_entry_left_out_is_said_as_one() {
        let mut late = entry(7, "finish", "live", "finished", "Ana Ruiz");
        late["at"] = json!("yesterday");
        let history = read(&json!({ "items": [
            entry(0, "publish", "draft", "live", "Priya Nair"),
            late,
        ] }))
        .unwrap();
        assert_eq!(history.entries.len(), 1);
        let said = english(&history.left_out.unwrap());
        assert!(
            said.starts_with("One entry of this history could not be read, so it is not shown (")
                && !said.contains("the first"),
            "{said}"
        );
    }

    #[test]
    fn a_history_whose_every_entry_cannot_be_read_is_still_a_history() {
        let history = read(&json!({ "items": [
            entry(2, "archive", "live", "archived", "Bot"),
        ] }))
        .unwrap();
        assert!(history.entries.is_empty());
        let said = english(&history.left_out.unwrap());
        assert!(
            said.starts_with("One entry of this history could not be read, so it is not shown ("),
            "{said}"
        );
    }

    #[test]
    fn an_answer_that_is_not_a_history_is_refused_whole() {
        for body in [
            json!({ "items": 3 }),
            json!([entry(0, "publish", "draft", "live", "Priya Nair")]),
            json!({ "items": [1, 2] }),
            json!({ "items": [{ "error": "upstream timeout" }] }),
        ] {
            let error = read(&body).unwrap_err();
            assert_eq!(error.kind, ErrorKind::BadResponse, "{body}");
            assert!(
                english(&error.message).contains("its answer is not journey data"),
                "{body}"
            );
        }
        let error = read_history_page(200, Some("text/html"), "{\"items\": []}").unwrap_err();
        assert!(english(&error.message).contains("HTML page"));
    }
}
