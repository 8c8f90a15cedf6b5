//! Case f: a list whose cursor repeats (it would never end) or that names a
//! version twice is refused with a clear message.

mod common;

use common::{english, list_page, server};
use contract::JourneyPage;
use journey_sync::{ErrorKind, NextPage, PageCollector};

fn page(ids: &[&str], next: Option<&str>) -> JourneyPage {
    list_page(&server(), ids, next)
}

#[test]
fn list_whose_cursor_repeats_is_refused() {
    let mut pages = PageCollector::new();
    assert_eq!(
        pages.take(page(&["spring-v1"], Some("p2"))).unwrap(),
        NextPage::Fetch("p2".into())
    );
    assert_eq!(
        pages.take(page(&["welcome-v1"], Some("p3"))).unwrap(),
        NextPage::Fetch("p3".into())
    );
    let error = pages.take(page(&["winback-v1"], Some("p2"))).unwrap_err();
    assert_eq!(error.kind, ErrorKind::BadResponse);
    assert_eq!(
        english(&error.message),
        "The server's answer was not usable: the server's list does not end: it sent the cursor \
         \u{201c}p2\u{201d} twice. Nothing was changed."
    );
}

#[test]
fn list_whose_ids_repeat_is_refused() {
    let mut pages = PageCollector::new();
    pages
        .take(page(&["spring-v1", "welcome-v1"], Some("p2")))
        .unwrap();
    let error = pages
        .take(page(&["welcome-v1", "winback-v1"], None))
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::BadResponse);
    assert_eq!(
        english(&error.message),
        "The server's answer was not usable: the server's list names the journey version \
         \u{201c}welcome-v1\u{201d} twice. Nothing was changed."
    );
}
