//! Actions chosen from the detail view's menu without a dialog of their own
//! (a new version, a duplicate, cancelling a scheduled finish) whose outcome
//! is not known: no answer came, the server failed mid-way, or its answer
//! could not be read. The server may have carried one out all the same.
//!
//! Choosing the same action on the same version again sends the very same
//! request (the same command, so the same ids for what it creates, and the
//! same idempotency key), so a server that did carry it out answers as it
//! did then instead of doing it a second time: one duplicate, not two. A
//! dialog does the same for its own action with [`crate::ConfirmFlow`].
//!
//! Only until the user can see what became of it: a whole list asked for
//! after the answer shows whether the server made it, so a creation chosen
//! after such a list is a new request (a server chooses the ids of what it
//! creates itself, so a creation cannot be recognised in the list by the id
//! the console sent; sent as it was, it would be answered with the old
//! creation, perhaps deleted since, and nothing made).

use lifecycle::{Action, Catalog, Command};

/// One request whose outcome is not known yet.
#[derive(Clone, Debug, PartialEq)]
struct Unsettled {
    id: String,
    command: Command,
    idempotency_key: String,
    /// The version's revision when it was first asked for.
    revision: Option<u64>,
    /// How many times it was handed out and not answered yet: a choice made
    /// again while the first is on its way is refused by the store, and that
    /// refusal says nothing of the first.
    out: u32,
    /// When its outcome was last left unknown, on this keeper's count of
    /// answers ([`UnsettledSends::mark`]).
    unknown_since: u64,
}

#[derive(Clone, Debug, Default)]
pub struct UnsettledSends {
    sends: Vec<Unsettled>,
    /// Answers taken so far: orders them against the lists asked for.
    answers: u64,
}

impl UnsettledSends {
    pub fn new() -> UnsettledSends {
        UnsettledSends::default()
    }

    /// What to send for `action` on version `id`: the request sent before,
    /// while its outcome is unknown, or else a new one, `fresh()` (the command
    /// and its idempotency key). A remembered request whose creation
    /// `catalog` already holds is known to have been carried out, and is
    /// forgotten: choosing it again then asks for another one. So is a
    /// change of the version itself whose version has moved on by more than
    /// that request could have moved it: changed since, by someone or by the
    /// user, so the server would answer the old request with what it did
    /// then, which is out of date (a scheduled finish cancelled then, and set
    /// again since, would stand). A creation leaves its version as it was, so
    /// its version moving on says nothing of it: it is kept.
    pub fn request(
        &mut self,
        id: &str,
        action: Action,
        catalog: &Catalog,
        fresh: impl FnOnce() -> (Command, String),
    ) -> (Command, String) {
        self.sends
            .retain(|sent| match sent.command.created_version() {
                Some(new) => catalog.get(new).is_none(),
                None => (catalog.get(&sent.id).zip(sent.revision))
                    .is_none_or(|(now, then)| now.revision <= then.saturating_add(1)),
            });
        if let Some(sent) = self
            .sends
            .iter_mut()
            .find(|sent| sent.id == id && sent.command.action() == action)
        {
            sent.out += 1;
            return (sent.command.clone(), sent.idempotency_key.clone());
        }
        let (command, idempotency_key) = fresh();
        self.sends.push(Unsettled {
            id: id.to_owned(),
            command: command.clone(),
            idempotency_key: idempotency_key.clone(),
            revision: catalog.get(id).map(|version| version.revision),
            out: 1,
            unknown_since: 0,
        });
        (command, idempotency_key)
    }

    /// The request for `action` on `id` was answered: once its outcome is
    /// known (carried out, or refused) and no other choice of it is still on
    /// its way, it is forgotten; while it is not (`outcome_unknown`), it is
    /// kept to be sent again as it was.
    pub fn answered(&mut self, id: &str, action: Action, outcome_unknown: bool) {
        self.answers += 1;
        let answers = self.answers;
        self.sends.retain_mut(|sent| {
            if sent.id != id || sent.command.action() != action {
                return true;
            }
            sent.out = sent.out.saturating_sub(1);
            if outcome_unknown {
                sent.unknown_since = answers;
            }
            outcome_unknown || sent.out > 0
        });
    }

    /// Where the answers stand as a whole list is asked for: give it back to
    /// [`UnsettledSends::listed`] once that list is taken.
    pub fn mark(&self) -> u64 {
        self.answers
    }

    /// A whole list asked for at `mark` was taken: it shows whether the
    /// creations whose outcome was unknown by then were made (listed with
    /// the server's ids), so they are forgotten, unless chosen again
    /// meanwhile and on their way. Changes of a version itself are kept:
    /// [`UnsettledSends::request`] knows them by the version's revision.
    pub fn listed(&mut self, mark: u64) {
        self.sends.retain(|sent| {
            sent.command.created_version().is_none() || sent.out > 0 || sent.unknown_since > mark
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, TimeZone, Utc};

    fn at(minutes: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap() + chrono::Duration::minutes(minutes)
    }

    fn catalog() -> Catalog {
        lifecycle::demo::catalog(at(0), 7)
    }

    fn duplicate(n: u32) -> (Command, String) {
        (
            Command::Duplicate {
                id: format!("copy-{n}-v1"),
                journey_id: format!("copy-{n}"),
            },
            format!("key-{n}"),
        )
    }

    #[test]
    fn a_send_whose_outcome_is_unknown_is_sent_again_as_it_was() {
        let mut sends = UnsettledSends::new();
        let catalog = catalog();
        let first = sends.request("welcome-series-v1", Action::Duplicate, &catalog, || {
            duplicate(1)
        });
        assert_eq!(first, duplicate(1));
        sends.answered("welcome-series-v1", Action::Duplicate, true);

        let again = sends.request("welcome-series-v1", Action::Duplicate, &catalog, || {
            duplicate(2)
        });
        assert_eq!(
            again,
            duplicate(1),
            "the same command and key, so the server answers as before"
        );
    }

    #[test]
    fn a_creation_of_unknown_outcome_is_a_new_request_once_a_list_asked_for_after_its_answer_is_taken(
    ) {
        // A server gives what it creates ids of its own: the list never holds
        // the id the console sent, and says whether it was made by itself.
        let mut sends = UnsettledSends::new();
        let catalog = catalog();
        let id = "welcome-series-v1";
        // A list asked for before the answer, taken after it, may not show
        // the creation yet: it is still sent as it was.
        let before = sends.mark();
        sends.request(id, Action::Duplicate, &catalog, || duplicate(1));
        sends.answered(id, Action::Duplicate, true);
        sends.listed(before);
        assert_eq!(
            sends.request(id, Action::Duplicate, &catalog, || duplicate(2)),
            duplicate(1)
        );
        sends.answered(id, Action::Duplicate, true);
        // Asked for after the answer, the list shows it made or not: chosen
        // now, it is a new request (a second copy, or the first).
        let after = sends.mark();
        sends.listed(after);
        assert_eq!(
            sends.request(id, Action::Duplicate, &catalog, || duplicate(3)),
            duplicate(3)
        );
        // Chosen again while on its way, it is kept through a list.
        let during = sends.mark();
        sends.listed(during);
        assert_eq!(
            sends.request(id, Action::Duplicate, &catalog, || duplicate(4)),
            duplicate(3)
        );
    }

    #[test]
    fn a_change_of_the_version_itself_is_not_forgotten_by_a_list() {
        let mut sends = UnsettledSends::new();
        let catalog = catalog();
        let cancel = || (Command::CancelScheduledFinish, "key-c".to_owned());
        let id = "welcome-series-v2";
        sends.request(id, Action::CancelScheduledFinish, &catalog, cancel);
        sends.answered(id, Action::CancelScheduledFinish, true);
        let after = sends.mark();
        sends.listed(after);
        let again = sends.request(id, Action::CancelScheduledFinish, &catalog, || {
            (Command::CancelScheduledFinish, "key-d".to_owned())
        });
        assert_eq!(again.1, "key-c");
    }

    #[test]
    fn a_send_whose_outcome_is_known_is_forgotten() {
        let mut sends = UnsettledSends::new();
        let catalog = catalog();
        sends.request("welcome-series-v1", Action::Duplicate, &catalog, || {
            duplicate(1)
        });
        sends.answered("welcome-series-v1", Action::Duplicate, false);

        let next = sends.request("welcome-series-v1", Action::Duplicate, &catalog, || {
            duplicate(2)
        });
        assert_eq!(
            next,
            duplicate(2),
            "a second duplicate asked for after the first is a new one"
        );
    }

    #[test]
    fn chosen_again_while_the_first_is_on_its_way_the_refusal_does_not_forget_the_first() {
        let mut sends = UnsettledSends::new();
        let catalog = catalog();
        let first = sends.request("welcome-series-v1", Action::Duplicate, &catalog, || {
            duplicate(1)
        });
        // Chosen again before the first is answered: the store refuses it
        // (still on its way), an answer that says nothing of the first.
        let again = sends.request("welcome-series-v1", Action::Duplicate, &catalog, || {
            duplicate(2)
        });
        assert_eq!(again, first);
        sends.answered("welcome-series-v1", Action::Duplicate, false);
        // The first then ends with no answer: the server may have made the copy.
        sends.answered("welcome-series-v1", Action::Duplicate, true);

        let retried = sends.request("welcome-series-v1", Action::Duplicate, &catalog, || {
            duplicate(3)
        });
        assert_eq!(
            retried,
            duplicate(1),
            "the same request, so one copy at most"
        );
        sends.answered("welcome-series-v1", Action::Duplicate, false);
        let next = sends.request("welcome-series-v1", Action::Duplicate, &catalog, || {
            duplicate(4)
        });
        assert_eq!(next, duplicate(4), "answered, a new choice is a new copy");
    }

    #[test]
    fn another_action_or_another_version_is_a_new_request() {
        let mut sends = UnsettledSends::new();
        let catalog = catalog();
        sends.request("welcome-series-v1", Action::Duplicate, &catalog, || {
            duplicate(1)
        });
        sends.answered("welcome-series-v1", Action::Duplicate, true);

        let other_version = sends.request("birthday-offer-v1", Action::Duplicate, &catalog, || {
            duplicate(2)
        });
        assert_eq!(other_version, duplicate(2));
        let new_version = sends.request("welcome-series-v1", Action::NewVersion, &catalog, || {
            (
                Command::NewVersion {
                    id: "welcome-series-v9".into(),
                },
                "key-3".into(),
            )
        });
        assert_eq!(new_version.1, "key-3");
        // Neither answer touches the unsettled duplicate of welcome-series-v1.
        sends.answered("birthday-offer-v1", Action::Duplicate, false);
        sends.answered("welcome-series-v1", Action::NewVersion, false);
        let again = sends.request("welcome-series-v1", Action::Duplicate, &catalog, || {
            duplicate(4)
        });
        assert_eq!(again, duplicate(1));
    }

    #[test]
    fn a_creation_the_list_already_shows_was_carried_out() {
        let mut sends = UnsettledSends::new();
        let mut catalog = catalog();
        let (command, _) = sends.request("welcome-series-v1", Action::Duplicate, &catalog, || {
            duplicate(1)
        });
        sends.answered("welcome-series-v1", Action::Duplicate, true);
        // The next list shows the copy: the server made it.
        catalog
            .apply("welcome-series-v1", command, "Ana", at(1))
            .unwrap();
        assert!(catalog.get("copy-1-v1").is_some());

        let next = sends.request("welcome-series-v1", Action::Duplicate, &catalog, || {
            duplicate(2)
        });
        assert_eq!(
            next,
            duplicate(2),
            "asked for again, it is another duplicate"
        );
    }

    #[test]
    fn a_request_whose_version_moved_on_since_is_forgotten() {
        let mut sends = UnsettledSends::new();
        let mut catalog = catalog();
        let id = catalog
            .versions()
            .find(|version| version.status == lifecycle::Status::Live)
            .map(|version| version.id.clone())
            .unwrap();
        let schedule = |minutes| Command::ScheduleFinish { at: at(minutes) };
        catalog.apply(&id, schedule(600), "Ana", at(1)).unwrap();
        let cancel = || (Command::CancelScheduledFinish, "key-1".to_owned());
        sends.request(&id, Action::CancelScheduledFinish, &catalog, cancel);
        sends.answered(&id, Action::CancelScheduledFinish, true);
        // The server did cancel it: asked again, the same request.
        catalog
            .apply(&id, Command::CancelScheduledFinish, "Ana", at(2))
            .unwrap();
        let again = sends.request(&id, Action::CancelScheduledFinish, &catalog, || {
            (Command::CancelScheduledFinish, "key-2".to_owned())
        });
        assert_eq!(again.1, "key-1");
        sends.answered(&id, Action::CancelScheduledFinish, true);

        // A finish is scheduled again, and the user cancels it: a new request.
        catalog.apply(&id, schedule(900), "Ana", at(3)).unwrap();
        let later = sends.request(&id, Action::CancelScheduledFinish, &catalog, || {
            (Command::CancelScheduledFinish, "key-3".to_owned())
        });
        assert_eq!(later.1, "key-3");

        // A duplicate whose outcome is unknown is kept however its version
        // moves on: a new key would make a second copy.
        let (command, _) = sends.request(&id, Action::Duplicate, &catalog, || duplicate(1));
        sends.answered(&id, Action::Duplicate, true);
        for minutes in [4, 5] {
            catalog
                .apply(&id, schedule(minutes * 600), "Ana", at(minutes))
                .unwrap();
        }
        let again = sends.request(&id, Action::Duplicate, &catalog, || duplicate(2));
        assert_eq!(again.0, command);
    }
}
