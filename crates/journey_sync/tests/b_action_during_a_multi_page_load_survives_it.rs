//! Case b: an action that starts and ends while a long list is loading is not
//! overwritten by that list when it finishes.

mod common;

use common::{at, server, server_applies, status};
use contract::JourneyPage;
use journey_sync::{JourneyStore, NextPage, PageCollector};
use lifecycle::{Command, JourneyVersion, Status};

fn page(versions: &[&JourneyVersion], next: Option<&str>) -> JourneyPage {
    JourneyPage {
        items: versions.iter().map(|v| (*v).clone().into()).collect(),
        next: next.map(str::to_owned),
    }
}

#[test]
fn action_during_multi_page_load_is_not_overwritten_by_the_older_list() {
    let mut server = server();
    let mut store = JourneyStore::new(server.clone());

    // The list starts loading: the first page holds spring-v1, still live.
    let load = store.begin_load();
    let mut pages = PageCollector::new();
    let first = page(
        &[
            server.get("spring-v1").unwrap(),
            server.get("welcome-v1").unwrap(),
        ],
        Some("after-welcome"),
    );
    assert_eq!(
        pages.take(first).unwrap(),
        NextPage::Fetch("after-welcome".into())
    );
    assert_eq!(pages.arrived(), 2);

    // Meanwhile the user stops spring-v1, and the server answers.
    let ticket = store
        .begin_change(
            "spring-v1",
            Command::Stop { reason: None },
            "key-1",
            "Ana Ruiz",
            at(10),
        )
        .unwrap();
    let applied = server_applies(
        &mut server,
        "spring-v1",
        Command::Stop { reason: None },
        "Ana Ruiz",
        10,
    );
    store.settle_applied(ticket, applied);
    assert_eq!(status(store.shown(), "spring-v1"), Status::Stopped);
    // And creates its next version, answered at once too.
    let command = Command::NewVersion {
        id: "spring-v2".into(),
    };
    let ticket = store
        .begin_change("spring-v1", command.clone(), "key-2", "Ana Ruiz", at(11))
        .unwrap();
    let created = server_applies(&mut server, "spring-v1", command, "Ana Ruiz", 11);
    store.settle_applied(ticket, created);
    assert_eq!(status(store.shown(), "spring-v2"), Status::Draft);

    // The last page arrives and the load finishes with the older spring-v1.
    let last = page(
        &[
            server.get("winback-v1").unwrap(),
            server.get("winback-v2").unwrap(),
        ],
        None,
    );
    let NextPage::Done(listed) = pages.take(last).unwrap() else {
        panic!("the list did not end");
    };
    assert_eq!(status(&listed, "spring-v1"), Status::Live);
    assert!(store.finish_load(load, listed));

    assert_eq!(status(store.confirmed(), "spring-v1"), Status::Stopped);
    assert_eq!(status(store.shown(), "spring-v1"), Status::Stopped);
    assert_eq!(store.shown().get("spring-v1"), server.get("spring-v1"));
    assert_eq!(store.shown().get("spring-v2"), server.get("spring-v2"));
    // The rest of the list was taken.
    assert_eq!(store.shown().len(), 5);
    assert_eq!(store.shown(), store.confirmed());
}
