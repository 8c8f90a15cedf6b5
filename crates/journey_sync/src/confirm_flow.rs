//! The confirmation dialog of Finish and Stop as an explicit state machine.
//!
//! It owns the action being confirmed and its idempotency key, so that a retry
//! of the same action is recognised by the server (and applied once), while an
//! edited action (a new stop reason) is a new request the server will not
//! answer with the old one. Each opening is numbered, so an answer that
//! arrives after the user closed the dialog (Escape) never closes or fills in
//! a dialog opened since.
//!
//! It also keeps what the user saw of the version when they decided: a
//! version that changed under the open dialog (finished or stopped by
//! someone else, replaced by a new version, paused, given a scheduled finish,
//! deleted) is not acted on by the next click, which only shows what changed;
//! the user confirms again once they have read it. The same holds for a
//! retry after a failure: a change since the user last read the version, or
//! since a failure said what it is now, is shown before anything is sent.
//!
//! A retry after an attempt whose outcome is unknown (no answer came) is the
//! same request, and is marked so ([`ToSend::attempt`]): the server may
//! have made it, so a list may show it made, and the rules would then refuse
//! it as if it were a new one. It goes to the server instead, which answers
//! as it did when it made it, or judges it afresh.

use journey_list::READING_MS;
use lifecycle::{Command, JourneyVersion};
use wording::Phrase;

use crate::{Attempt, SeenChange, SeenLifecycle};

/// Where the dialog is.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogState {
    Closed,
    /// Open, waiting for the user to confirm.
    Asking,
    /// Confirmed; the request is on its way.
    Sending,
    /// The last attempt failed with this message; the user may retry.
    Failed(Phrase),
}

/// One opening of the dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Opening(u64);

/// What the view sends when the user confirms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToSend {
    /// Give it back with the answer.
    pub opening: Opening,
    pub idempotency_key: String,
    pub command: Command,
    /// The same request as an attempt whose outcome is unknown, or a new
    /// one. Sent again, it goes on the revision confirmed now: the user has
    /// read the version as it is ([`ConfirmFlow::confirm`] holds back a click
    /// on a version changed since).
    pub attempt: Attempt,
}

/// What the view does with an answer.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerEffect {
    /// It succeeded: close the dialog.
    Close,
    /// It failed: keep the dialog open with this message.
    ShowError(Phrase),
    /// The dialog it belongs to was closed (and maybe another opened): leave
    /// the dialog alone and tell the user by a toast.
    NotThisDialog,
}

/// What the user saw of the version; `None`: it is gone.
type Seen = Option<SeenLifecycle>;

fn seen(shown: Option<&JourneyVersion>) -> Seen {
    shown.map(SeenLifecycle::of)
}

#[derive(Clone, Debug)]
pub struct ConfirmFlow {
    state: DialogState,
    opening: Opening,
    /// The command last sent in this opening, and the key it was sent with.
    sent: Option<(Command, String)>,
    /// The version the dialog asks on: as it was when this opening began,
    /// or as a failure said it is now ([`ConfirmFlow::failure_shows`]: a
    /// refusal's current version, a change made but answered unreadably
    /// shown made).
    asked_on: Seen,
    /// The version as it was when the user last read the dialog: at the
    /// opening, or at a click that showed them it had changed.
    read: Seen,
    /// When a click was last held back for a change (ms on the page's clock).
    held_at: Option<f64>,
    /// Whether the last attempt's outcome is unknown (no answer came, or one
    /// that could not be read): the server may have made it.
    unknown: bool,
}

impl Default for ConfirmFlow {
    fn default() -> Self {
        ConfirmFlow::new()
    }
}

impl ConfirmFlow {
    pub fn new() -> ConfirmFlow {
        ConfirmFlow {
            state: DialogState::Closed,
            opening: Opening(0),
            sent: None,
            asked_on: None,
            read: None,
            held_at: None,
            unknown: false,
        }
    }

    pub fn state(&self) -> &DialogState {
        &self.state
    }

    /// Open and waiting for the user: asking, or showing a failure.
    fn asking(&self) -> bool {
        matches!(self.state, DialogState::Asking | DialogState::Failed(_))
    }

    /// The current opening; `None` while closed.
    pub fn opening(&self) -> Option<Opening> {
        (self.state != DialogState::Closed).then_some(self.opening)
    }

    /// Opens the dialog afresh (a new action, a new key), even over an
    /// opening whose answer is still on its way, on the version as `shown`.
    pub fn open(&mut self, shown: Option<&JourneyVersion>) -> Opening {
        self.opening = Opening(self.opening.0 + 1);
        self.state = DialogState::Asking;
        self.sent = None;
        self.asked_on = seen(shown);
        self.read = self.asked_on.clone();
        self.held_at = None;
        self.unknown = false;
        self.opening
    }

    /// What to tell the user while the dialog asks on the version now
    /// `shown`, when it changed since the dialog opened or since the last
    /// attempt's failure was shown. While an attempt is on its way the change
    /// shown is the user's own, so nothing is said then. After an attempt
    /// whose outcome is unknown the notice says so, and that confirming it
    /// as it was sends that same request again (an edited stop reason or
    /// pause is a new request, `ConfirmFlow::confirm`).
    pub fn change_notice(&self, shown: Option<&JourneyVersion>) -> Option<Phrase> {
        if !self.asking() {
            return None;
        }
        let change = match &self.asked_on {
            Some(asked_on) => asked_on.change(shown)?,
            // Opened on a version not shown (yet): whatever shows now is new.
            None => return None,
        };
        let unknown = self.unknown;
        Some(match change {
            SeenChange::Gone => Phrase::new("confirm-changed-gone"),
            SeenChange::Schedule { by } if unknown => {
                Phrase::new("confirm-changed-schedule-unknown").with("by", by)
            }
            SeenChange::Schedule { by } => Phrase::new("confirm-changed-schedule").with("by", by),
            SeenChange::Status { status, by } => Phrase::new(if unknown {
                "confirm-changed-status-unknown"
            } else {
                "confirm-changed-status"
            })
            .with("status", status)
            .with("by", by),
        })
    }

    /// The user confirmed `command`, with the version as `shown` now. Returns
    /// what to send, or `None` when the dialog is closed or already sending,
    /// or when the version changed since the user last read the dialog: that
    /// click is taken as reading the change ([`ConfirmFlow::change_notice`]
    /// says it), and the next one sends, once the user has had
    /// [`READING_MS`] to read it: the second click of a double click is no
    /// reading. `at` is when, in milliseconds on one clock (the page's
    /// `performance.now()`). The key is the one of the previous
    /// attempt when the command is the same (a retry), and `fresh_key`
    /// otherwise: a first attempt, or a command edited after a failure.
    pub fn confirm(
        &mut self,
        command: Command,
        fresh_key: String,
        shown: Option<&JourneyVersion>,
        at: f64,
    ) -> Option<ToSend> {
        if !self.asking() {
            return None;
        }
        if self.held_at.is_some_and(|held| at - held < READING_MS) {
            return None;
        }
        // Held back when the version changed since the user last read the
        // dialog, unless it is back as it was when the dialog last settled
        // (no notice then). After a failure, a change a later list brought
        // may be someone else's (a colleague finished the journey while the
        // server was down) or this very action's, made by an attempt whose
        // answer was lost: either way the user reads it before a retry.
        let now = seen(shown);
        if self.read.is_some() && now != self.read && now != self.asked_on {
            self.read = now;
            self.held_at = Some(at);
            return None;
        }
        let (idempotency_key, attempt) = match &self.sent {
            Some((sent, key)) if same_request(sent, &command) => {
                let attempt = match self.unknown {
                    true => Attempt::Again { on: None },
                    false => Attempt::New,
                };
                (key.clone(), attempt)
            }
            _ => (fresh_key, Attempt::New),
        };
        self.sent = Some((command.clone(), idempotency_key.clone()));
        self.state = DialogState::Sending;
        Some(ToSend {
            opening: self.opening,
            idempotency_key,
            command,
            attempt,
        })
    }

    /// The user closed the dialog (Escape, Cancel), also while sending: the
    /// request goes on, and its answer becomes a toast.
    pub fn close(&mut self) {
        self.state = DialogState::Closed;
    }

    /// The answer to what was sent for `opening`: `Err` holds the message
    /// (every phrase says something: a server's blank message was already
    /// replaced by the status in words, see [`crate::error_from_answer`]).
    /// A retry is checked against the version as the user last read it,
    /// unless the failure says what it is now ([`ConfirmFlow::failure_shows`]).
    pub fn answer(&mut self, opening: Opening, outcome: Result<(), Phrase>) -> AnswerEffect {
        if opening != self.opening || self.state != DialogState::Sending {
            return AnswerEffect::NotThisDialog;
        }
        match outcome {
            Ok(()) => {
                self.state = DialogState::Closed;
                self.sent = None;
                AnswerEffect::Close
            }
            Err(message) => {
                self.state = DialogState::Failed(message.clone());
                self.unknown = false;
                AnswerEffect::ShowError(message)
            }
        }
    }

    /// The failure just shown says what the version is now, as `shown`: a
    /// refusal naming who changed it and how, or a change made though its
    /// answer could not be read, shown made. The dialog asks on it from now
    /// on, as read. A failure that says nothing of the version (no answer,
    /// a server failure) leaves the version as the user last read it: a
    /// change that came meanwhile, even while the attempt was on its way,
    /// holds the next click back and is said.
    pub fn failure_shows(&mut self, shown: Option<&JourneyVersion>) {
        if matches!(self.state, DialogState::Failed(_)) {
            self.asked_on = seen(shown);
            self.read = self.asked_on.clone();
        }
    }

    /// The failure just shown leaves the attempt's outcome unknown (no answer
    /// came, or one that could not be read): the server may have made it. A
    /// retry of the same request says so ([`ToSend::attempt`]).
    pub fn failure_may_be_made(&mut self) {
        if matches!(self.state, DialogState::Failed(_)) {
            self.unknown = true;
        }
    }
}

/// Whether the server would take `b` as a retry of `a`: the same command, with
/// stop reasons compared as the server keeps them (trimmed, blank as none).
fn same_request(a: &Command, b: &Command) -> bool {
    match (a, b) {
        (Command::Stop { reason: a }, Command::Stop { reason: b }) => {
            let kept = |reason: &Option<String>| {
                reason
                    .as_deref()
                    .map(str::trim)
                    .filter(|reason| !reason.is_empty())
                    .map(str::to_owned)
            };
            kept(a) == kept(b)
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stop(reason: &str) -> Command {
        Command::Stop {
            reason: Some(reason.into()),
        }
    }

    fn failure(said: &str) -> Phrase {
        Phrase::new("sync-server-said").with("said", said)
    }

    #[test]
    fn confirming_sends_once_with_a_fresh_key() {
        let mut flow = ConfirmFlow::new();
        assert_eq!(
            flow.confirm(Command::Finish, "k0".into(), None, 0.0),
            None,
            "closed"
        );
        let opening = flow.open(None);
        let sent = flow
            .confirm(Command::Finish, "k1".into(), None, 0.0)
            .unwrap();
        assert_eq!(
            sent,
            ToSend {
                opening,
                idempotency_key: "k1".into(),
                command: Command::Finish,
                attempt: Attempt::New,
            }
        );
        assert_eq!(flow.state(), &DialogState::Sending);
        assert_eq!(
            flow.confirm(Command::Finish, "k2".into(), None, 0.0),
            None,
            "already sending"
        );
        assert_eq!(flow.answer(opening, Ok(())), AnswerEffect::Close);
        assert_eq!(flow.state(), &DialogState::Closed);
        assert_eq!(flow.opening(), None);
    }

    #[test]
    fn a_failure_keeps_the_dialog_open_and_a_retry_reuses_the_key() {
        let mut flow = ConfirmFlow::new();
        let opening = flow.open(None);
        flow.confirm(stop("Wrong audience"), "k1".into(), None, 0.0)
            .unwrap();
        let effect = flow.answer(opening, Err(failure("The server had a problem.")));
        assert_eq!(
            effect,
            AnswerEffect::ShowError(failure("The server had a problem."))
        );
        assert_eq!(
            flow.state(),
            &DialogState::Failed(failure("The server had a problem."))
        );
        let again = flow
            .confirm(stop(" Wrong audience "), "k2".into(), None, 0.0)
            .unwrap();
        assert_eq!(again.idempotency_key, "k1");
    }

    #[test]
    fn an_edited_command_gets_a_new_key() {
        let mut flow = ConfirmFlow::new();
        let opening = flow.open(None);
        flow.confirm(stop("Wrong audience"), "k1".into(), None, 0.0)
            .unwrap();
        flow.answer(opening, Err(failure("No connection.")));
        let again = flow
            .confirm(stop("Wrong audience and copy"), "k2".into(), None, 0.0)
            .unwrap();
        assert_eq!(again.idempotency_key, "k2");
        assert_eq!(again.command, stop("Wrong audience and copy"));
    }

    #[test]
    fn an_answer_after_escape_is_not_this_dialogs() {
        let mut flow = ConfirmFlow::new();
        let first = flow.open(None);
        flow.confirm(Command::Finish, "k1".into(), None, 0.0)
            .unwrap();
        flow.close();
        assert_eq!(
            flow.answer(first, Err(failure("Refused."))),
            AnswerEffect::NotThisDialog
        );
        assert_eq!(flow.state(), &DialogState::Closed);
    }

    #[test]
    fn a_new_opening_starts_with_a_new_key() {
        let mut flow = ConfirmFlow::new();
        let first = flow.open(None);
        flow.confirm(Command::Finish, "k1".into(), None, 0.0)
            .unwrap();
        flow.answer(first, Err(failure("No connection.")));
        flow.close();
        flow.open(None);
        let sent = flow
            .confirm(Command::Finish, "k2".into(), None, 0.0)
            .unwrap();
        assert_eq!(sent.idempotency_key, "k2");
    }
}
