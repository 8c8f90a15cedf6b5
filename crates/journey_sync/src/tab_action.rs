//! An action taken on the demo data a tab shares with the others, answered
//! as a server answers it: on the revision the user saw, or refused.

use chrono::{DateTime, Utc};
use lifecycle::{ActionError, Applied, Command};
use wording::{action_error_phrase, Phrase};

use crate::{BackendError, ErrorKind, TabData};

impl TabData {
    /// Takes `command` on version `id` of this copy, as sent on revision
    /// `sent_on` (the one the user saw). A change since refuses it, as a
    /// server's `If-Match` does: another tab's (its write may reach this tab
    /// only in its turn to act), or a pause end or scheduled finish fallen
    /// due. So a Stop confirmed on a live version never cuts short a finish
    /// chosen meanwhile in another tab. Every refusal carries the version as
    /// it is now, so the console says who changed it.
    pub fn act(
        &mut self,
        id: &str,
        command: Command,
        sent_on: u64,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Applied, BackendError> {
        let current = self.catalog.get(id).cloned();
        let refused = |kind, message| {
            let error = BackendError::new(kind, message);
            match &current {
                Some(current) => error.with_current(current.clone()),
                None => error,
            }
        };
        if current.as_ref().is_some_and(|now| now.revision != sent_on) {
            return Err(refused(
                ErrorKind::Conflict,
                Phrase::new("sync-demo-changed-first"),
            ));
        }
        self.apply(id, command, by, at).map_err(|e| {
            let kind = match e {
                ActionError::NotFound { .. } => ErrorKind::NotFound,
                _ => ErrorKind::Refused,
            };
            refused(kind, action_error_phrase(&e))
        })
    }
}
