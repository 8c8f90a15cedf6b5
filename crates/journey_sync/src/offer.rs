//! What a backend offers beyond the seed's actions (pausing, a scheduled
//! finish), so the console offers only what the server will carry out, and
//! says why it does not offer the rest.

use contract::{Feature, Me};
use lifecycle::Action;
use wording::Phrase;

use crate::error_answer::status_in_words;
use crate::BackendError;

/// The features a backend offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Offered {
    /// The embedded backend runs the rules itself: it offers every feature.
    Everything,
    /// A server offers what its `GET /me` lists; one without `/me`, or
    /// without `features`, offers none.
    Listed(Vec<Feature>),
    /// A server whose `GET /me` failed (unreachable, an error, an answer
    /// that could not be read): what it offers is not known yet, and the
    /// console asks again at its next refresh. Until then it offers none of
    /// the features, saying why, rather than that the server lacks them.
    NotYetSaid,
}

impl Offered {
    /// What a server offers, from its `/me` answer (`None`: no `/me`).
    pub fn by_server(me: Option<&Me>) -> Offered {
        Offered::Listed(me.map_or_else(Vec::new, |me| me.features.clone()))
    }

    pub fn offers(&self, feature: Feature) -> bool {
        match self {
            Offered::Everything => true,
            Offered::Listed(features) => features.contains(&feature),
            Offered::NotYetSaid => false,
        }
    }

    /// Whether the server is still to be asked again.
    pub fn not_yet_said(&self) -> bool {
        matches!(self, Offered::NotYetSaid)
    }

    /// Why `action` is not offered, or `None` when it is (every action that
    /// needs no feature is).
    pub fn refusal(&self, action: Action) -> Option<Phrase> {
        let feature = feature_needed(action)?;
        match self {
            Offered::NotYetSaid => {
                Some(Phrase::new("sync-offer-not-yet-said").with("feature", feature_key(feature)))
            }
            _ => (!self.offers(feature)).then(|| not_offered(feature)),
        }
    }
}

/// The feature a server must list for `action`, if any.
pub fn feature_needed(action: Action) -> Option<Feature> {
    match action {
        Action::Pause | Action::Resume => Some(Feature::Pause),
        Action::ScheduleFinish | Action::CancelScheduledFinish => Some(Feature::ScheduledFinish),
        _ => None,
    }
}

/// "This server does not offer pausing journeys."
fn not_offered(feature: Feature) -> Phrase {
    Phrase::new("sync-not-offered").with("feature", feature_key(feature))
}

fn feature_key(feature: Feature) -> &'static str {
    match feature {
        Feature::Pause => "pause",
        Feature::ScheduledFinish => "scheduled-finish",
        Feature::Unknown => "other",
    }
}

/// The error for a failed request of `action` that the server answered with
/// `status`. A server that predates a feature answers its requests as it
/// answers any unknown route: 404 (or 405, where the path exists for other
/// methods). For these actions a 404 cannot mean a missing version: only a
/// live or paused version is asked, and those are never deleted. So the
/// error says the server does not offer it; every other error is kept.
pub fn unoffered_answer(action: Action, status: u16, error: BackendError) -> BackendError {
    match feature_needed(action) {
        Some(feature) if matches!(status, 404 | 405) => BackendError {
            message: Phrase::new("sync-not-offered-answer")
                .with("feature", feature_key(feature))
                .with("status", status_in_words(status)),
            ..error
        },
        _ => error,
    }
}

#[cfg(test)]
mod tests {
    use contract::Role;

    use super::*;
    use crate::english::english;
    use crate::{error_from_answer, ErrorKind};

    fn me(features: Vec<Feature>) -> Me {
        Me {
            name: "Olga Operator".into(),
            role: Role::Operator,
            features,
        }
    }

    fn refusal(offered: &Offered, action: Action) -> Option<String> {
        offered.refusal(action).map(|phrase| english(&phrase))
    }

    #[test]
    fn the_embedded_backend_offers_everything() {
        for action in Action::ALL {
            assert_eq!(refusal(&Offered::Everything, action), None, "{action:?}");
        }
    }

    #[test]
    fn a_server_offers_what_its_me_lists() {
        let pause_only = Offered::by_server(Some(&me(vec![Feature::Pause, Feature::Unknown])));
        assert_eq!(refusal(&pause_only, Action::Pause), None);
        assert_eq!(refusal(&pause_only, Action::Resume), None);
        assert_eq!(
            refusal(&pause_only, Action::ScheduleFinish).as_deref(),
            Some("This server does not offer scheduling a finish.")
        );
        assert_eq!(
            refusal(&pause_only, Action::CancelScheduledFinish).as_deref(),
            Some("This server does not offer scheduling a finish.")
        );
        let both = Offered::by_server(Some(&me(vec![Feature::ScheduledFinish, Feature::Pause])));
        for action in Action::ALL {
            assert_eq!(refusal(&both, action), None, "{action:?}");
        }
    }

    #[test]
    fn a_server_whose_me_failed_is_not_said_to_lack_what_it_may_offer() {
        let unknown = Offered::NotYetSaid;
        assert_eq!(
            refusal(&unknown, Action::Resume).as_deref(),
            Some("The server has not said yet whether it offers pausing journeys; the console asks again at its next refresh.")
        );
        assert_eq!(
            refusal(&unknown, Action::CancelScheduledFinish).as_deref(),
            Some("The server has not said yet whether it offers scheduling a finish; the console asks again at its next refresh.")
        );
        for action in [
            Action::Finish,
            Action::Stop,
            Action::Duplicate,
            Action::NewVersion,
        ] {
            assert_eq!(refusal(&unknown, action), None, "{action:?}");
        }
        assert!(unknown.not_yet_said());
        assert!(!Offered::by_server(None).not_yet_said());
    }

    #[test]
    fn a_server_without_me_or_features_offers_neither_but_the_seeds_actions() {
        for offered in [
            Offered::by_server(None),
            Offered::by_server(Some(&me(vec![]))),
        ] {
            for action in [Action::Pause, Action::Resume] {
                assert_eq!(
                    refusal(&offered, action).as_deref(),
                    Some("This server does not offer pausing journeys."),
                    "{action:?}"
                );
            }
            assert!(offered.refusal(Action::ScheduleFinish).is_some());
            assert!(offered.refusal(Action::CancelScheduledFinish).is_some());
            for action in [
                Action::Finish,
                Action::Stop,
                Action::Publish,
                Action::Delete,
                Action::NewVersion,
                Action::Duplicate,
                Action::Restart,
            ] {
                assert_eq!(refusal(&offered, action), None, "{action:?}");
            }
        }
    }

    fn unknown_route(status: u16) -> BackendError {
        error_from_answer(
            status,
            Some("application/json"),
            None,
            r#"{"error":{"code":"not_found","message":"There is no endpoint POST /api/journeys/x/pause."}}"#,
            chrono::DateTime::UNIX_EPOCH,
        )
    }

    #[test]
    fn an_older_servers_404_or_405_to_a_new_request_says_it_does_not_offer_it() {
        let error = unoffered_answer(Action::Pause, 404, unknown_route(404));
        assert_eq!(error.kind, ErrorKind::NotFound);
        assert_eq!(
            english(&error.message),
            "This server does not offer pausing journeys (HTTP 404 Not Found). Nothing was changed."
        );
        let error = unoffered_answer(Action::Resume, 405, unknown_route(405));
        assert_eq!(
            english(&error.message),
            "This server does not offer pausing journeys (HTTP 405 Method Not Allowed). Nothing \
             was changed."
        );
        for action in [Action::ScheduleFinish, Action::CancelScheduledFinish] {
            let error = unoffered_answer(action, 404, unknown_route(404));
            assert_eq!(
                english(&error.message),
                "This server does not offer scheduling a finish (HTTP 404 Not Found). Nothing \
                 was changed."
            );
        }
    }

    #[test]
    fn other_answers_and_other_actions_keep_their_error() {
        // Finish and Stop: a 404 is a missing version, as before.
        let error = unoffered_answer(Action::Finish, 404, unknown_route(404));
        assert_eq!(error, unknown_route(404));
        // A refusal of a pause is the server's own word.
        let refused = error_from_answer(
            409,
            Some("application/json"),
            None,
            r#"{"error":{"code":"invalid_transition","message":"This journey is already paused."}}"#,
            chrono::DateTime::UNIX_EPOCH,
        );
        assert_eq!(
            unoffered_answer(Action::Pause, 409, refused.clone()),
            refused
        );
    }
}
