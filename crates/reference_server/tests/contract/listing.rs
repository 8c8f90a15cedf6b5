//! `GET /journeys`: pages, cursors, entity tags.

use std::collections::HashSet;

use contract::{ErrorCode, JourneyPage};
use lifecycle::Status;
use reqwest::Method;

use crate::harness::{expect_error, Api};
use crate::skip;

#[tokio::test]
async fn following_next_lists_every_version_exactly_once() {
    let api = Api::start().await;
    // A version of our own, so the list is never empty.
    let draft = api.draft().await;
    let whole = api.all_versions(500).await;
    let paged = api.all_versions(3).await;

    let ids: Vec<&str> = paged.iter().map(|version| version.id.as_str()).collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(
        unique.len(),
        ids.len(),
        "no version is listed twice: {ids:?}"
    );
    assert!(unique.contains(draft.id.as_str()));
    // Against a shared server other clients may add and delete versions between
    // the two passes; on our own they must agree.
    if api.is_local() {
        let whole_ids: HashSet<&str> = whole.iter().map(|version| version.id.as_str()).collect();
        assert_eq!(whole_ids, unique);
        assert!(paged.len() > 3, "the demo journeys take more than one page");
    }
}

#[tokio::test]
async fn a_page_is_camel_case_json_with_next() {
    let api = Api::start().await;
    api.draft().await;
    let response = api.get("/journeys?limit=1").send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let page: serde_json::Value = response.json().await.unwrap();
    let first = &page["items"][0];
    for field in [
        "id",
        "journeyId",
        "name",
        "version",
        "status",
        "revision",
        "createdAt",
        "updatedAt",
        "updatedBy",
        "stats",
    ] {
        assert!(first.get(field).is_some(), "{field} in {first}");
    }
    for count in ["entered", "active", "completed", "exited"] {
        assert!(first["stats"][count].is_u64(), "stats.{count} in {first}");
    }
    assert!(
        page["next"].is_string(),
        "more than one version: next is set"
    );

    // Without a limit, up to 100.
    let page: JourneyPage = api
        .get("/journeys")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(!page.items.is_empty() && page.items.len() <= 100);
}

#[tokio::test]
async fn a_bad_limit_or_cursor_is_a_bad_request() {
    let api = Api::start().await;
    for query in [
        "limit=0",
        "limit=501",
        "limit=ten",
        "limit=-1",
        "cursor=%21%21",
        "cursor=abc",
    ] {
        let response = api.get(&format!("/journeys?{query}")).send().await.unwrap();
        expect_error(response, 400, ErrorCode::BadRequest).await;
    }
    let response = api.get("/journeys?limit=500").send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200, "500 is allowed");
}

/// `limit` is an integer written plainly: a sign or leading zeros are not
/// read as the number they would make.
#[tokio::test]
async fn a_limit_that_is_not_a_plain_integer_is_a_bad_request() {
    let api = Api::start().await;
    for query in [
        "limit=%2B5",
        "limit=0005",
        "limit=05",
        "limit=00",
        "limit=",
        "limit=%205",
        "limit=5.0",
        "limit=1e2",
    ] {
        let response = api.get(&format!("/journeys?{query}")).send().await.unwrap();
        expect_error(response, 400, ErrorCode::BadRequest).await;
    }
    for limit in ["1", "5", "10", "100"] {
        let response = api
            .get(&format!("/journeys?limit={limit}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "limit={limit}");
    }
}

#[tokio::test]
async fn the_list_has_an_etag_and_answers_304_while_nothing_changed() {
    let api = Api::start().await;
    // Customer counts may move between two requests; only two answers in a row
    // with the same tag must give a 304.
    for _ in 0..20 {
        let response = api.get("/journeys").send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let tag = response.headers()["etag"].to_str().unwrap().to_owned();
        assert!(tag.starts_with('"') && tag.ends_with('"'), "{tag}");
        let again = api
            .get("/journeys")
            .header("If-None-Match", &tag)
            .send()
            .await
            .unwrap();
        match again.status().as_u16() {
            304 => {
                assert_eq!(again.headers()["etag"].to_str().unwrap(), tag);
                assert!(again.bytes().await.unwrap().is_empty(), "a 304 has no body");
                return;
            }
            200 => assert_ne!(
                again.headers()["etag"].to_str().unwrap(),
                tag,
                "a 200 to If-None-Match must come with a new tag"
            ),
            status => panic!("If-None-Match got {status}"),
        }
    }
    panic!("never got a 304");
}

/// One page of a walk through the list: how it was asked for, the tag it
/// came with and the versions on it.
struct TaggedPage {
    path: String,
    tag: String,
    ids: Vec<String>,
}

/// Every page of the list, `limit` versions at most each, following `next`.
async fn tagged_pages(api: &Api, limit: usize) -> Vec<TaggedPage> {
    let mut pages = Vec::new();
    let mut path = format!("/journeys?limit={limit}");
    for _ in 0..10_000 {
        let response = api.get(&path).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200, "GET {path}");
        let tag = response.headers()["etag"].to_str().unwrap().to_owned();
        let page: JourneyPage = response.json().await.unwrap();
        let ids = page
            .items
            .iter()
            .map(|version| version.id.clone())
            .collect();
        let next = page
            .next
            .map(|next| format!("/journeys?limit={limit}&cursor={next}"));
        pages.push(TaggedPage { path, tag, ids });
        match next {
            Some(next) => path = next,
            None => return pages,
        }
    }
    panic!("the list never ended");
}

/// A page's tag changes whenever anything on that page changes; that is all
/// the contract promises (a backend's tag may cover its page alone), so the
/// page compared is the one that holds the changed version, found by
/// following `next` and asked for again as it was, as a client polls it.
#[tokio::test]
async fn the_list_etag_changes_when_a_version_changes() {
    // On a server of its own with the customers kept still, nothing but the
    // finish below changes the list, so the tags are compared before it too.
    let (api, still) = match Api::start_local(|config| config.simulation = false).await {
        Some(api) => (api, true),
        None => (Api::start().await, false),
    };
    let live = api.live().await;
    // Small pages on a server of its own, whose list is short, so that the
    // walk takes several pages; elsewhere the largest, so that it takes few.
    let limit = if still { 5 } else { 500 };
    let pages = tagged_pages(&api, limit).await;
    let page = pages
        .iter()
        .find(|page| page.ids.contains(&live.id))
        .expect("the new version is listed");
    let if_none_match = |page: &TaggedPage| {
        api.get(&page.path)
            .header("If-None-Match", &page.tag)
            .send()
    };
    if still {
        assert!(pages.len() > 1, "the walk takes several pages");
        for page in &pages {
            let again = if_none_match(page).await.unwrap();
            assert_eq!(again.status().as_u16(), 304, "{} unchanged", page.path);
        }
    }

    let finish = api
        .change(
            Method::POST,
            &format!("/journeys/{}/finish", live.id),
            live.revision,
        )
        .await;
    assert_eq!(finish.status().as_u16(), 200);
    let after = if_none_match(page).await.unwrap();
    assert_eq!(
        after.status().as_u16(),
        200,
        "{}: the page that holds the version changed, no 304",
        page.path
    );
    let tag = after.headers()["etag"].to_str().unwrap().to_owned();
    assert_ne!(tag, page.tag, "a new tag for the changed page");
    let changed: JourneyPage = after.json().await.unwrap();
    if let Some(finished) = changed.items.iter().find(|version| version.id == live.id) {
        assert_eq!(finished.status, Status::Finished);
    }

    if still {
        // Beyond the contract: the reference server's tags cover the whole
        // list, so every page is answered anew, not only the changed one.
        for page in &pages {
            let again = if_none_match(page).await.unwrap();
            assert_eq!(again.status().as_u16(), 200, "{}", page.path);
        }
    }
}

#[tokio::test]
async fn a_server_with_a_smaller_page_limit_gives_smaller_pages_and_next() {
    let Some(api) = Api::start_local(|config| {
        config.demo_versions = Some(23);
        config.page_limit = 7;
    })
    .await
    else {
        skip!("needs a server started in this process with its own options");
    };
    for (query, size) in [("limit=500", 7), ("limit=8", 7), ("limit=3", 3), ("", 7)] {
        let response = api.get(&format!("/journeys?{query}")).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200, "?{query}");
        let page: JourneyPage = response.json().await.unwrap();
        assert_eq!(page.items.len(), size, "?{query}");
        assert!(page.next.is_some(), "?{query}: more pages follow");
    }
    // Above the contract's maximum is still a bad request.
    let response = api.get("/journeys?limit=501").send().await.unwrap();
    expect_error(response, 400, ErrorCode::BadRequest).await;

    let versions = api.all_versions(500).await;
    let ids: HashSet<&str> = versions.iter().map(|version| version.id.as_str()).collect();
    assert_eq!(versions.len(), 23, "the generated versions, each once");
    assert_eq!(ids.len(), 23);
    assert!(ids.contains("journey-00001-v1"), "{ids:?}");
}

#[tokio::test]
async fn a_page_limit_outside_the_contract_is_refused_at_start() {
    for page_limit in [0, 501] {
        let config = reference_server::Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            database: reference_server::Database::Memory,
            page_limit,
            ..reference_server::Config::default()
        };
        let error = reference_server::serve(config)
            .await
            .err()
            .expect("refused");
        assert!(error.to_string().contains("from 1 to 500"), "{error}");
    }
}
