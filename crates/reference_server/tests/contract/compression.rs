//! Compressed answers (the contract's Pagination): a list page or a history
//! asked for with `Accept-Encoding: gzip` may come gzip-compressed. Whatever
//! a server does, the answer reads as the same content, and its tag still gets
//! a 304. The reference server compresses both and gives a compressed answer's
//! tag as weak (`W/"…"`).

use std::io::Read;

use contract::{HistoryPage, JourneyPage};
use reqwest::Response;
use serde::de::DeserializeOwned;

use crate::harness::Api;

/// A 200's body as sent, unpacked if it came gzip-compressed, and whether it did.
async fn unpacked<T: DeserializeOwned>(response: Response) -> (T, bool) {
    assert_eq!(response.status().as_u16(), 200);
    let encoding = header(&response, "content-encoding");
    let bytes = response.bytes().await.unwrap();
    let body = match encoding.as_deref() {
        None => bytes.to_vec(),
        Some("gzip") => {
            let mut body = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut body)
                .expect("a whole gzip stream");
            body
        }
        Some(other) => panic!("asked for gzip, got Content-Encoding {other}"),
    };
    let read = serde_json::from_slice(&body).expect("the JSON the contract describes");
    (read, encoding.is_some())
}

fn header(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().unwrap().to_owned())
}

fn without_weak(tag: &str) -> &str {
    tag.strip_prefix("W/").unwrap_or(tag)
}

#[tokio::test]
async fn a_list_page_asked_for_with_gzip_reads_the_same_and_its_tag_still_gets_a_304() {
    let api = Api::start().await;
    let path = "/journeys?limit=500";
    // Customer counts may move between two requests; only answers in a row
    // with one tag must read the same and give a 304.
    for _ in 0..20 {
        let plain = api.get(path).send().await.unwrap();
        let plain_tag = header(&plain, "etag").expect("a list page has a tag");
        let (plain, _) = unpacked::<JourneyPage>(plain).await;

        let packed = api
            .get(path)
            .header("Accept-Encoding", "gzip")
            .send()
            .await
            .unwrap();
        let packed_tag = header(&packed, "etag").expect("a list page has a tag");
        let (packed, compressed) = unpacked::<JourneyPage>(packed).await;
        if without_weak(&packed_tag) != without_weak(&plain_tag) {
            continue;
        }
        assert_eq!(packed, plain);
        if api.is_local() {
            assert!(compressed, "the reference server compresses a list page");
            assert_eq!(packed_tag, format!("W/{plain_tag}"));
        }

        // The compressed answer's tag, sent back as a poll sends it.
        let again = api
            .get(path)
            .header("Accept-Encoding", "gzip")
            .header("If-None-Match", &packed_tag)
            .send()
            .await
            .unwrap();
        match again.status().as_u16() {
            304 => {
                assert!(again.bytes().await.unwrap().is_empty(), "a 304 has no body");
                return;
            }
            200 => continue,
            status => panic!("If-None-Match got {status}"),
        }
    }
    panic!("never got a 304");
}

#[tokio::test]
async fn a_history_asked_for_with_gzip_reads_the_same() {
    let api = Api::start().await;
    let live = api.live().await;
    let path = format!("/journeys/{}/history", live.id);
    let (plain, _) = unpacked::<HistoryPage>(api.get(&path).send().await.unwrap()).await;
    let packed = api
        .get(&path)
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    let (packed, compressed) = unpacked::<HistoryPage>(packed).await;
    assert_eq!(packed, plain);
    assert!(
        compressed || !api.is_local(),
        "the reference server compresses a history"
    );
}

#[tokio::test]
async fn a_client_that_does_not_ask_for_gzip_gets_none() {
    let api = Api::start().await;
    let response = api.get("/journeys?limit=500").send().await.unwrap();
    assert_eq!(header(&response, "content-encoding"), None);
    let (page, _) = unpacked::<JourneyPage>(response).await;
    assert!(!page.items.is_empty());
}
