//! Keeping the console in step with a backend, in plain Rust.
//!
//! The browser side (fetch, timers, storage events) only moves bytes and time;
//! every decision about them is made here, where it is tested natively:
//!
//! - [`JourneyStore`] keeps what the server confirmed apart from the user's
//!   pending changes, so that loads and answers arriving in any order never undo
//!   one another.
//! - [`error_from_answer`] and [`read_answer`] turn whatever a server (or a proxy
//!   in front of it) answered into a result or a [`BackendError`] a marketer can
//!   read.
//! - [`next_retry`] and [`after_failure`] decide when a failed attempt is sent
//!   again; [`UnknownOutcomes`] keeps a change an attempt of which went
//!   unanswered from being said undone by a later attempt turned away.
//! - [`read_list_page`] and [`read_history_page`] keep what they can read of
//!   a page when one item of it cannot be read.
//! - [`PageCollector`] walks the paged journey list and refuses one that never
//!   ends.
//! - [`ConfirmFlow`] is the confirmation dialog, with its idempotency key;
//!   [`UnsettledSends`] keeps the key of a menu action whose outcome is not
//!   known, to send it again as it was.
//! - [`Offered`] says which actions a backend offers beyond the seed's, and
//!   [`unoffered_answer`] words an older server's 404 to one of them.
//! - [`DrainWatch`] keeps recent counts for the drain forecast.
//! - [`BulkPlan`] and [`BulkRun`] are one action on many versions: which the
//!   rules allow, and each sent as a change of its own, a few at a time.
//! - [`merge`] reconciles the demo data of several tabs sharing localStorage,
//!   and [`TabData::act`] answers an action on it as a server would.
//!
//! Everything said to the marketer is a [`wording::Phrase`] of the catalog
//! (crates/wording, `sync.ftl`), put in words by the view in the user's
//! language; what a server said is passed along as it is.
//!
//! No web types and no clock: every time is passed in.

mod as_seen;
mod attempt;
mod backend_error;
mod bulk_change;
mod confirm_flow;
mod drain_watch;
#[cfg(test)]
mod english;
mod error_answer;
mod history_page;
mod in_words;
mod list_page;
mod list_pages;
mod offer;
mod one_by_one;
mod retry_policy;
mod seen_lifecycle;
mod store;
mod success_answer;
mod tab_action;
mod tab_merge;
mod unknown_outcomes;
mod unsettled_sends;

pub use as_seen::moved_on_as_seen;
pub use attempt::Attempt;
pub use backend_error::{BackendError, ErrorKind};
pub use bulk_change::{
    BulkPlan, BulkRun, Dispatch, Failure, NamedVersion, RefusedVersion, RunCounts, RunEntry,
    VersionState, MAX_IN_FLIGHT,
};
pub use confirm_flow::{AnswerEffect, ConfirmFlow, DialogState, Opening, ToSend};
pub use drain_watch::{drain_phrase, drain_row_phrase, DrainWatch};
pub use error_answer::{error_from_answer, status_in_words, status_phrase};
pub use history_page::{read_history_page, ReadHistory};
pub use in_words::duration_in_words;
pub use list_page::{read_list_page, unreadable_phrase, ReadPage, UnreadableVersion};
pub use list_pages::{page_limit, NextPage, PageCollector, FIRST_PAGE, MAX_PAGES, MAX_VERSIONS};
pub use offer::{feature_needed, unoffered_answer, Offered};
pub use retry_policy::{
    after_failure, next_retry, parse_retry_after, RetryDecision, ATTEMPT_TIMEOUT, BACKOFF,
    MAX_RETRY_AFTER,
};
pub use seen_lifecycle::{SeenChange, SeenLifecycle};
pub use store::{AnsweredReplacement, ChangeTicket, JourneyStore, LoadTicket, PendingChange};
pub use success_answer::{applied_from_answer, read_answer, sent_on_elsewhere, MAX_BODY_BYTES};
pub use tab_merge::{merge, Epoch, Merged, TabData};
pub use unknown_outcomes::UnknownOutcomes;
pub use unsettled_sends::UnsettledSends;
