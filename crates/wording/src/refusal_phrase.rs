//! The rules' refusals, actions and statuses as phrases of the catalog.

use lifecycle::{Action, HistoryCause, PauseCustomers, PauseEnd, Phase, Reason, Refusal, Status};

use crate::Phrase;

/// Why the rules refused: what the situation is and what to do instead.
pub fn refusal_phrase(refusal: &Refusal) -> Phrase {
    match refusal.reason {
        Reason::Status => Phrase::new(by_status(refusal.action, refusal.status)),
        Reason::AlreadyFinishing { active } => {
            Phrase::new("refusal-already-finishing").with("active", active)
        }
        Reason::IsDraft => Phrase::new("refusal-is-draft"),
        Reason::OtherDraft { version } => {
            Phrase::new("refusal-other-draft").with("version", version)
        }
        Reason::NotNewest { newest } => Phrase::new("refusal-not-newest").with("newest", newest),
        Reason::HighestVersionNumber => Phrase::new("refusal-highest-version"),
        Reason::NotInFuture => Phrase::new("refusal-not-in-future"),
        Reason::PauseTooLong { longest_days } => {
            Phrase::new("refusal-pause-too-long").with("days", longest_days)
        }
        Reason::NothingScheduled => Phrase::new("refusal-nothing-scheduled"),
        Reason::PastLatestTime => Phrase::new("refusal-past-latest-time"),
        Reason::AwaitingAnswer { earlier } => {
            Phrase::new("refusal-awaiting-answer").with("earlier", action_key(earlier))
        }
        Reason::ListLoading => Phrase::new("refusal-list-loading"),
    }
}

fn by_status(action: Action, status: Status) -> &'static str {
    use Action::*;
    use Status::*;
    match (action, status) {
        (Publish, Live) => "refusal-publish-live",
        (Publish, Paused) => "refusal-publish-paused",
        (Publish, Finished) => "refusal-publish-finished",
        (Publish, Stopped) => "refusal-publish-stopped",
        (Finish, Draft) => "refusal-finish-draft",
        (Finish, Finished) => "refusal-finish-finished",
        (Finish, Stopped) => "refusal-finish-stopped",
        (Stop, Draft) => "refusal-stop-draft",
        (Stop, Finished) => "refusal-stop-finished",
        (Stop, Stopped) => "refusal-stop-stopped",
        (Pause, Draft) => "refusal-pause-draft",
        (Pause, Paused) => "refusal-pause-paused",
        (Pause, Finished) => "refusal-pause-finished",
        (Pause, Stopped) => "refusal-pause-stopped",
        (ScheduleFinish, Draft) => "refusal-schedule-draft",
        (ScheduleFinish, Finished) => "refusal-schedule-finished",
        (ScheduleFinish, Stopped) => "refusal-schedule-stopped",
        (CancelScheduledFinish, Draft) => "refusal-cancel-schedule-draft",
        (CancelScheduledFinish, Finished) => "refusal-cancel-schedule-finished",
        (CancelScheduledFinish, Stopped) => "refusal-cancel-schedule-stopped",
        (Resume, Draft) => "refusal-resume-draft",
        (Resume, Live) => "refusal-resume-live",
        (Resume, Finished) => "refusal-resume-finished",
        (Resume, Stopped) => "refusal-resume-stopped",
        (Restart, Draft) => "refusal-restart-draft",
        (Restart, Live) => "refusal-restart-live",
        (Restart, Finished) => "refusal-restart-finished",
        (Restart, Stopped) => "refusal-restart-stopped",
        (Restart, Paused) => "refusal-restart-paused",
        (Delete, Paused) => "refusal-delete-paused",
        (Delete, Live) => "refusal-delete-live",
        (Delete, Finished) => "refusal-delete-finished",
        (Delete, Stopped) => "refusal-delete-stopped",
        // The rules allow the rest, or refuse them for another reason.
        _ => "refusal-not-allowed",
    }
}

/// The action's name as a selector value in messages: `finish`, `new-version`.
pub fn action_key(action: Action) -> &'static str {
    match action {
        Action::Publish => "publish",
        Action::Finish => "finish",
        Action::Stop => "stop",
        Action::Pause => "pause",
        Action::Resume => "resume",
        Action::ScheduleFinish => "schedule-finish",
        Action::CancelScheduledFinish => "cancel-scheduled-finish",
        Action::Restart => "restart",
        Action::Delete => "delete",
        Action::NewVersion => "new-version",
        Action::Duplicate => "duplicate",
    }
}

/// The text of the action's button or menu item.
pub fn action_label(action: Action) -> Phrase {
    Phrase::new(match action {
        Action::Publish => "action-publish",
        Action::Finish => "action-finish",
        Action::Stop => "action-stop",
        Action::Pause => "action-pause",
        Action::Resume => "action-resume",
        Action::ScheduleFinish => "action-schedule-finish",
        Action::CancelScheduledFinish => "action-cancel-scheduled-finish",
        Action::Restart => "action-restart",
        Action::Delete => "action-delete",
        Action::NewVersion => "action-new-version",
        Action::Duplicate => "action-duplicate",
    })
}

/// The phase's name as a selector value in messages: `draft`, `finishing`.
pub fn phase_key(phase: Phase) -> &'static str {
    match phase {
        Phase::Draft => "draft",
        Phase::Live => "live",
        Phase::Paused { .. } => "paused",
        Phase::Finishing { .. } => "finishing",
        Phase::Finished => "finished",
        Phase::Stopped => "stopped",
    }
}

/// What a version's phase is called: Draft, Live, Paused, Finishing, Finished, Stopped.
pub fn status_label(phase: Phase) -> Phrase {
    match phase {
        Phase::Finishing { .. } => Phrase::new("status-finishing"),
        other => status_name(other.status()),
    }
}

/// What a status is called, as the history lists it: Draft, Live, Finished, Stopped.
pub fn status_name(status: Status) -> Phrase {
    Phrase::new(match status {
        Status::Draft => "status-draft",
        Status::Live => "status-live",
        Status::Paused => "status-paused",
        Status::Finished => "status-finished",
        Status::Stopped => "status-stopped",
    })
}

/// Why the rules made a history entry, for its Reason column.
pub fn history_cause_phrase(cause: &HistoryCause) -> Phrase {
    match cause {
        HistoryCause::ReplacedBy { version } => {
            Phrase::new("history-replaced-by").with("version", *version)
        }
        HistoryCause::CreatedFrom { version } => {
            Phrase::new("history-created-from").with("version", *version)
        }
        HistoryCause::DuplicatedFrom { name, version } => Phrase::new("history-duplicated-from")
            .with("name", name.as_str())
            .with("version", *version),
        HistoryCause::Paused {
            until,
            customers,
            at_end,
        } => Phrase::new("history-paused")
            .with("until", *until)
            .with(
                "customers",
                match customers {
                    PauseCustomers::Hold => "hold",
                    PauseCustomers::Discard => "discard",
                },
            )
            .with(
                "atEnd",
                match at_end {
                    PauseEnd::Resume => "resume",
                    PauseEnd::Stop => "stop",
                },
            ),
        HistoryCause::PauseEnded { by } => {
            Phrase::new("history-pause-ended").with("by", by.as_str())
        }
        HistoryCause::FinishScheduled { at } => {
            Phrase::new("history-finish-scheduled").with("at", *at)
        }
        HistoryCause::ScheduledBy { by } => {
            Phrase::new("history-scheduled-by").with("by", by.as_str())
        }
    }
}
