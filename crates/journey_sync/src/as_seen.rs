//! A change refused because its version moved on (`412` with `current`)
//! while the console showed that version ahead of what it had confirmed: the
//! version a publish replaced, shown finished before any list said so, or a
//! change the server made but answered unreadably. The change carried the
//! revision the console had confirmed, older than the server's for a reason
//! the user already saw. When the server's copy is the version as the user
//! saw it, the user's decision stands and the change is sent once more, at
//! the server's revision.

use lifecycle::JourneyVersion;

use crate::SeenLifecycle;

/// Whether `current`, the server's copy in a refusal of a change sent at
/// revision `sent`, is the version `seen` as the user saw it when deciding:
/// the same status, pause and scheduled finish ([`SeenLifecycle`]: not who
/// set them and when, which the console, showing the user's own change
/// ahead, says as "You" at the browser's time), one revision on (the change
/// the console showed ahead, and nobody else's: several changes can come
/// back to the same status, and the user saw none of them).
pub fn moved_on_as_seen(seen: &JourneyVersion, sent: u64, current: &JourneyVersion) -> bool {
    current.id == seen.id
        && sent.checked_add(1) == Some(current.revision)
        && SeenLifecycle::of(current) == SeenLifecycle::of(seen)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, TimeZone, Utc};
    use lifecycle::{Catalog, Command, JourneyVersion};

    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap() + chrono::Duration::minutes(minutes)
    }

    /// Version 1 live at revision 2, and a draft version 2 of the same journey.
    fn server() -> Catalog {
        let mut catalog = Catalog::new([
            JourneyVersion::draft("a-v1", "a", "A", 1, "Priya Nair", at(0)),
            JourneyVersion::draft("a-v2", "a", "A", 2, "Priya Nair", at(0)),
        ]);
        catalog
            .apply("a-v1", Command::Publish, "Priya Nair", at(1))
            .unwrap();
        catalog
    }

    #[test]
    fn the_version_a_publish_finished_is_the_one_seen_finished() {
        let mut server = server();
        // What the console shows before any list: the rules' finish of v1.
        let mut shown = server.clone();
        shown
            .apply("a-v2", Command::Publish, "Ana Ruiz", at(5))
            .unwrap();
        let seen = shown.get("a-v1").unwrap().clone();
        server
            .apply("a-v2", Command::Publish, "Ana Ruiz", at(5))
            .unwrap();
        let current = server.get("a-v1").unwrap();
        assert!(moved_on_as_seen(&seen, 2, current));
        assert!(
            !moved_on_as_seen(&seen, current.revision, current),
            "not moved on"
        );
    }

    #[test]
    fn a_change_the_user_did_not_see_is_not_overridden() {
        let server = server();
        let seen = server.get("a-v1").unwrap().clone();
        for command in [
            Command::Stop { reason: None },
            Command::Finish,
            Command::ScheduleFinish { at: at(600) },
        ] {
            let mut elsewhere = server.clone();
            elsewhere
                .apply("a-v1", command.clone(), "Jonas Becker", at(6))
                .unwrap();
            let current = elsewhere.get("a-v1").unwrap();
            assert!(!moved_on_as_seen(&seen, 2, current), "{command:?}");
        }
        // Changed and changed back elsewhere: the same status, two revisions on.
        let mut elsewhere = server.clone();
        elsewhere
            .apply(
                "a-v1",
                Command::ScheduleFinish { at: at(600) },
                "Jonas Becker",
                at(6),
            )
            .unwrap();
        elsewhere
            .apply(
                "a-v1",
                Command::CancelScheduledFinish,
                "Jonas Becker",
                at(7),
            )
            .unwrap();
        let current = elsewhere.get("a-v1").unwrap();
        assert_eq!(current.status, seen.status);
        assert!(!moved_on_as_seen(&seen, 2, current));
    }

    #[test]
    fn the_users_own_change_shown_ahead_is_the_version_as_seen_whoever_the_server_names() {
        // Scheduled by the user, made by the server but answered unreadably:
        // the console shows it made as "You" at the browser's time, the
        // server has the signed-in user's name and its own time.
        let schedule = Command::ScheduleFinish { at: at(600) };
        let mut shown = server();
        shown.apply("a-v1", schedule.clone(), "You", at(5)).unwrap();
        let seen = shown.get("a-v1").unwrap().clone();
        let mut server = server();
        server.apply("a-v1", schedule, "Ana Ruiz", at(6)).unwrap();
        let current = server.get("a-v1").unwrap();
        assert_ne!(current.scheduled_finish, seen.scheduled_finish);
        assert!(moved_on_as_seen(&seen, 2, current));
        // Another time is another schedule.
        let mut later = server.clone();
        later
            .apply(
                "a-v1",
                Command::ScheduleFinish { at: at(700) },
                "Ana Ruiz",
                at(7),
            )
            .unwrap();
        assert!(!moved_on_as_seen(&seen, 3, later.get("a-v1").unwrap()));
    }

    #[test]
    fn a_revision_at_the_end_of_u64_has_none_after_it() {
        // A server may count revisions this far; nothing comes after.
        let mut seen = server().get("a-v1").unwrap().clone();
        seen.revision = u64::MAX;
        assert!(!moved_on_as_seen(&seen, u64::MAX, &seen));
        let mut current = seen.clone();
        current.revision = u64::MAX;
        assert!(moved_on_as_seen(&seen, u64::MAX - 1, &current));
    }
}
