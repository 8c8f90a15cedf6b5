/// How a change goes to the server: as a new request, or as the same request
/// as an attempt whose outcome is unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// A first attempt, or a retry after an answer that said what happened:
    /// the rules are asked on what is shown, and it is sent on the revision
    /// confirmed now.
    New,
    /// The same request (command and key) as an attempt whose outcome is
    /// unknown: the server may have made it, and what is shown may be that
    /// very change, which the rules would refuse as a new one; so they are
    /// not asked ([`crate::JourneyStore::begin_change_again`]). The server
    /// answers as it did when it made it, or judges it afresh. `on` is the
    /// revision it is sent on: the one the user decided on, when they have
    /// not read the version since (a bulk run), so that a server that never
    /// saw the request refuses it over a colleague's change made meanwhile;
    /// `None`, the revision confirmed now, which the user has read (a dialog
    /// holds back a click on a changed version until it is read).
    Again { on: Option<u64> },
}

impl Attempt {
    /// Whether the outcome of an attempt before this one is unknown.
    pub fn is_again(self) -> bool {
        matches!(self, Attempt::Again { .. })
    }
}
