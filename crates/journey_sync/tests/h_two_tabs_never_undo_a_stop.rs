//! Case h: two tabs share the demo data; a Stop saved by tab 1 is never undone
//! when tab 2 later saves its older copy.

mod common;

use common::{at, server, set_active, status};
use journey_sync::{merge, Epoch, TabData};
use lifecycle::{Command, Status};

#[test]
fn stop_saved_by_tab_1_is_never_undone_by_tab_2s_later_save_of_its_older_state() {
    let epoch = Epoch {
        started_at: at(0),
        nonce: 7,
    };
    let mut stored = TabData::new(epoch, server());
    let mut tab1 = stored.clone();
    let mut tab2 = stored.clone();

    // Tab 1 stops spring-v1 and saves.
    tab1.apply(
        "spring-v1",
        Command::Stop {
            reason: Some("Wrong audience".into()),
        },
        "Ana Ruiz",
        at(10),
    )
    .unwrap();
    let saved = merge(&tab1, &stored);
    assert!(saved.ours_newer, "tab 1 has news to write");
    stored = saved.data;
    tab1 = stored.clone();

    // Tab 2 never heard of it; its simulation moved counts, and it finishes
    // another journey, then saves its copy.
    set_active(&mut tab2.catalog, "spring-v1", 95);
    set_active(&mut tab2.catalog, "welcome-v1", 140);
    tab2.apply("welcome-v1", Command::Finish, "Jonas Becker", at(11))
        .unwrap();
    let saved = merge(&tab2, &stored);
    assert!(saved.ours_newer, "tab 2's finish is news");
    assert!(saved.theirs_newer, "tab 1's stop is news to tab 2: redraw");
    stored = saved.data;
    tab2 = stored.clone();

    assert_eq!(status(&stored.catalog, "spring-v1"), Status::Stopped);
    assert_eq!(
        stored
            .catalog
            .get("spring-v1")
            .unwrap()
            .stop_reason
            .as_deref(),
        Some("Wrong audience")
    );
    assert_eq!(status(&stored.catalog, "welcome-v1"), Status::Finished);
    assert_eq!(status(&tab2.catalog, "spring-v1"), Status::Stopped);

    // Tab 1 reads the storage and sees both; writing back is not needed.
    let read = merge(&tab1, &stored);
    assert!(!read.ours_newer);
    assert_eq!(status(&read.data.catalog, "welcome-v1"), Status::Finished);
    assert_eq!(status(&read.data.catalog, "spring-v1"), Status::Stopped);
}
