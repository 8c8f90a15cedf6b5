//! One page of the journey list, read so that a version this console cannot
//! read (a status a newer server added, a field of the wrong type) costs that
//! version alone: the others are shown and can be acted on (a Stop must not
//! wait for a fix to another journey), and the user is told what was left
//! out. An answer that is not a list page at all is refused whole, as any
//! answer that is not usable.

use std::sync::Arc;

use contract::JourneyPage;
use lifecycle::JourneyVersion;
use serde::Deserialize;
use serde_json::value::RawValue;
use wording::Phrase;

use crate::in_words::cut_short;
use crate::one_by_one::{read_one_by_one, RawPage};
use crate::success_answer::{check_json, not_journey_data};
use crate::BackendError;

/// A page as read: the versions that could be read, and those that could not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadPage {
    pub page: JourneyPage,
    pub unreadable: Vec<UnreadableVersion>,
}

/// A version of the list this console could not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadableVersion {
    /// Its `id`, when that much could be read.
    pub id: Option<String>,
    /// The parser's own words (developer text) on what went wrong.
    pub error: String,
}

/// Just the `id` of a version that cannot be read whole.
#[derive(Deserialize)]
struct Named {
    id: String,
}

/// The `id` of an item, when it has one: what makes it a journey version,
/// however little of the rest can be read.
fn named(item: &RawValue) -> Option<String> {
    serde_json::from_str::<Named>(item.get())
        .ok()
        .map(|named| named.id)
}

/// What every journey version has, whatever else a newer server changed:
/// an item with these is one, read or not. An item with an `id` alone is
/// not (many other answers have `{"items": [{"id": …}]}`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct VersionShaped<'a> {
    id: &'a str,
    journey_id: &'a str,
    status: &'a str,
    version: u32,
}

fn is_named(item: &RawValue) -> bool {
    serde_json::from_str::<VersionShaped>(item.get()).is_ok()
}

/// A successful answer to `GET /journeys`, read as a page. A page is read in
/// one go; only one that fails is read again version by version, so a
/// well-formed list costs nothing more.
pub fn read_list_page(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<ReadPage, BackendError> {
    check_json(status, content_type, body)?;
    let whole_error = match serde_json::from_str::<JourneyPage>(body) {
        Ok(page) => {
            return Ok(ReadPage {
                page,
                unreadable: Vec::new(),
            })
        }
        Err(error) => error,
    };
    // Not even a page (not JSON, no `items` array): nothing to keep.
    let raw: RawPage = serde_json::from_str(body).map_err(|_| not_journey_data(&whole_error))?;
    let items = read_one_by_one::<Arc<JourneyVersion>>(raw.items, is_named, &whole_error)?;
    let unreadable = items
        .unreadable
        .into_iter()
        .map(|(item, error)| UnreadableVersion {
            id: named(item),
            error,
        })
        .collect();
    Ok(ReadPage {
        page: JourneyPage {
            items: items.read,
            next: raw.next,
        },
        unreadable,
    })
}

/// What the user is told when versions of the list could not be read: how
/// many (`count`), and what was wrong with the `first`. `None` when all
/// could be.
pub fn unreadable_phrase(first: Option<&UnreadableVersion>, count: usize) -> Option<Phrase> {
    let first = first?;
    let which = match &first.id {
        Some(id) => Phrase::new("sync-version-unreadable-named")
            .with("id", cut_short(id))
            .with("error", first.error.as_str()),
        None => Phrase::new("sync-version-unreadable").with("error", first.error.as_str()),
    };
    Some(
        Phrase::new("sync-versions-unreadable")
            .with("count", count.max(1))
            .with("which", which),
    )
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use serde_json::json;

    use super::*;
    use crate::english::english;
    use crate::ErrorKind;

    fn version(id: &str) -> serde_json::Value {
        let at = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
        serde_json::to_value(JourneyVersion::draft(id, id, "Journey", 1, "Ana Ruiz", at)).unwrap()
    }

    fn read(body: &serde_json::Value) -> Result<ReadPage, BackendError> {
        read_list_page(200, Some("application/json"), &body.to_string())
    }

    #[test]
    fn a_well_formed_page_is_read_whole() {
        let page = read(&json!({ "items": [version("a"), version("b")], "next": "c1" })).unwrap();
        assert_eq!(page.page.items.len(), 2);
        assert_eq!(page.page.next.as_deref(), Some("c1"));
        assert!(page.unreadable.is_empty());
        assert_eq!(unreadable_phrase(page.unreadable.first(), 0), None);
    }

    #[test]
    fn a_version_that_cannot_be_read_leaves_the_others() {
        let mut archived = version("b");
        archived["status"] = json!("archived");
        let mut nameless = version("c");
        nameless["id"] = json!(7);
        let page = read(&json!({
            "items": [version("a"), archived, nameless, version("d")],
            "next": null
        }))
        .unwrap();
        let ids: Vec<&str> = page.page.items.iter().map(|v| v.id.as_str()).collect();
        assert_eq!(ids, ["a", "d"]);
        assert_eq!(page.page.next, None);
        assert_eq!(page.unreadable.len(), 2);
        assert_eq!(page.unreadable[0].id.as_deref(), Some("b"));
        assert!(page.unreadable[0]
            .error
            .contains("unknown variant `archived`"));
        assert_eq!(page.unreadable[1].id, None);
        let said =
            english(&unreadable_phrase(page.unreadable.first(), page.unreadable.len()).unwrap());
        assert!(
            said.starts_with(
                "2 journey versions from the server could not be read, so they are not shown \
                 (the first, \u{201c}b\u{201d}: unknown variant `archived`"
            ),
            "{said}"
        );
        assert!(
            said.ends_with("Everything else is shown and can be acted on."),
            "{said}"
        );
    }

    #[test]
    fn a_page_whose_every_version_cannot_be_read_is_still_a_page() {
        let mut archived = version("a");
        archived["status"] = json!("archived");
        let page = read(&json!({ "items": [archived, { "id": 7 }], "next": "c2" })).unwrap();
        assert!(page.page.items.is_empty());
        assert_eq!(page.page.next.as_deref(), Some("c2"));
        assert_eq!(page.unreadable.len(), 2);
        assert_eq!(page.unreadable[0].id.as_deref(), Some("a"));
    }

    #[test]
    fn an_answer_that_is_not_a_page_is_refused_whole() {
        for body in [
            json!({ "items": 3 }),
            json!([version("a")]),
            json!({ "next": null }),
        ] {
            let error = read(&body).unwrap_err();
            assert_eq!(error.kind, ErrorKind::BadResponse);
            assert!(
                english(&error.message).contains("its answer is not journey data"),
                "{body}"
            );
        }
        // Nothing of it readable, and nothing a version: a proxy's own JSON.
        for body in [
            json!({ "items": [1, 2, 3], "next": null }),
            json!({ "items": [{ "error": "upstream timeout" }], "next": null }),
            json!({ "items": [{ "id": 7 }], "next": "c2" }),
            // Another API's list: a string id, but nothing of a version.
            json!({ "items": [{ "id": "u-1", "email": "ana@example.com" }], "next": null }),
        ] {
            let error = read(&body).unwrap_err();
            assert_eq!(error.kind, ErrorKind::BadResponse, "{body}");
            assert!(
                english(&error.message).contains("its answer is not journey data"),
                "{body}"
            );
        }
        let error = read_list_page(200, Some("text/html"), "{\"items\": []}").unwrap_err();
        assert!(english(&error.message).contains("HTML page"));
        // A cursor of the wrong type is the page's own fault.
        let error = read(&json!({ "items": [version("a")], "next": 5 })).unwrap_err();
        assert_eq!(error.kind, ErrorKind::BadResponse);
    }
}
