//! Case t: a newer server adds a status this console does not know, and one
//! page of the list holds only versions with it. Those versions are left out
//! and the user is told; the pages after it are still fetched, and the list
//! completes as it does when a page mixes readable and unreadable versions.
//! An answer that is not journey data at all is still refused whole.

mod common;

use common::{english, server};
use journey_sync::{read_list_page, unreadable_phrase, ErrorKind, NextPage, PageCollector};
use lifecycle::Catalog;
use serde_json::{json, Value};

fn version(server: &Catalog, id: &str) -> Value {
    serde_json::to_value(server.get(id).unwrap()).unwrap()
}

fn archived(server: &Catalog, id: &str) -> Value {
    let mut version = version(server, id);
    version["status"] = json!("archived");
    version
}

/// Reads `pages` as the HTTP backend does: each answer's body, taken in
/// order, until the list ends.
fn load(pages: &[Value]) -> Result<(Catalog, Vec<String>, Option<String>), String> {
    let mut collector = PageCollector::new();
    let mut left_out = Vec::new();
    for body in pages {
        let read = read_list_page(200, Some("application/json"), &body.to_string())
            .map_err(|error| english(&error.message))?;
        left_out.extend(read.unreadable);
        match collector.take(read.page).map_err(|e| english(&e.message))? {
            NextPage::Fetch(_) => continue,
            NextPage::Done(catalog) => {
                let ids = left_out.iter().filter_map(|v| v.id.clone()).collect();
                let said = unreadable_phrase(left_out.first(), left_out.len()).map(|p| english(&p));
                return Ok((catalog, ids, said));
            }
        }
    }
    panic!("the list did not end");
}

#[test]
fn a_page_of_only_unknown_statuses_leaves_out_those_versions_and_the_list_completes() {
    let server = server();
    let (catalog, left_out, said) = load(&[
        json!({ "items": [version(&server, "welcome-v1")], "next": "c1" }),
        json!({
            "items": [archived(&server, "winback-v1"), archived(&server, "winback-v2")],
            "next": "c2"
        }),
        json!({ "items": [version(&server, "spring-v1")], "next": null }),
    ])
    .expect("the list is read");
    let shown: Vec<&str> = catalog.versions().map(|v| v.id.as_str()).collect();
    assert_eq!(shown.len(), 2);
    assert!(shown.contains(&"welcome-v1") && shown.contains(&"spring-v1"));
    assert_eq!(left_out, ["winback-v1", "winback-v2"]);
    let said = said.expect("the user is told what was left out");
    assert!(
        said.starts_with(
            "2 journey versions from the server could not be read, so they are not shown \
             (the first, \u{201c}winback-v1\u{201d}: unknown variant `archived`"
        ),
        "{said}"
    );
}

#[test]
fn a_page_that_is_not_journey_data_still_fails_the_list() {
    let server = server();
    for foreign in [
        json!({ "items": [{ "error": "upstream timeout" }], "next": "c2" }),
        json!({ "items": [1, 2, 3], "next": "c2" }),
        json!({ "items": [{ "id": 7, "status": "live" }], "next": "c2" }),
    ] {
        let error = load(&[
            json!({ "items": [version(&server, "welcome-v1")], "next": "c1" }),
            foreign.clone(),
        ])
        .unwrap_err();
        assert!(
            error.contains("its answer is not journey data"),
            "{foreign}: {error}"
        );
    }
    let error = read_list_page(
        200,
        Some("application/json"),
        &json!({ "items": [{ "error": "upstream timeout" }], "next": null }).to_string(),
    )
    .unwrap_err();
    assert_eq!(error.kind, ErrorKind::BadResponse);
}
