//! The server's notion of now: the wall clock, moved forward by test support
//! (`POST {base}/_test/advance`) so that tests of pause ends and scheduled
//! finishes need not wait for them.

use std::sync::{Mutex, PoisonError};

use chrono::{DateTime, Duration, Utc};

/// The wall clock plus an offset that only ever grows, so that time as the
/// server sees it never runs backwards.
#[derive(Default)]
pub(crate) struct Clock {
    ahead: Mutex<Duration>,
}

impl Clock {
    pub(crate) fn now(&self) -> DateTime<Utc> {
        Utc::now() + *self.lock()
    }

    /// Moves now `by` forward; `None`, changing nothing, when the time would
    /// leave chrono's range.
    pub(crate) fn advance(&self, by: Duration) -> Option<DateTime<Utc>> {
        let mut ahead = self.lock();
        let moved = ahead.checked_add(&by)?;
        let now = Utc::now().checked_add_signed(moved)?;
        *ahead = moved;
        Some(now)
    }

    /// Back to the wall clock, as a new server starts; for a reset only, which
    /// forgets everything stamped with the later times.
    pub(crate) fn reset(&self) {
        *self.lock() = Duration::zero();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Duration> {
        self.ahead.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advancing_moves_now_forward_until_a_reset() {
        let clock = Clock::default();
        let before = clock.now();
        let moved = clock.advance(Duration::hours(3)).unwrap();
        assert!(moved >= before + Duration::hours(3));
        assert!(clock.now() >= moved);
        clock.advance(Duration::hours(1)).unwrap();
        assert!(clock.now() >= before + Duration::hours(4));
        assert!(clock.advance(Duration::MAX).is_none());
        assert!(clock.now() < before + Duration::hours(5), "unchanged");
        clock.reset();
        assert!(clock.now() < before + Duration::hours(1));
    }
}
