//! The server's notion of now: the wall clock, moved forward by test support
//! (`POST {base}/_test/advance`) so that tests of pause ends and scheduled
//! finishes need not wait for them. How far it was moved is saved with the
//! simulation (`crate::store`), so a restart carries on from the time the
//! server had reached rather than going back to the wall clock.

use std::sync::{Mutex, PoisonError};

use chrono::{DateTime, Duration, Utc};

/// The wall clock plus an offset that only ever grows, so that time as the
/// server sees it never runs backwards.
#[derive(Default)]
pub(crate) struct Clock {
    ahead: Mutex<Duration>,
}

impl Clock {
    /// A clock `ahead` of the wall clock, as a restart finds it saved; a
    /// negative offset counts as none.
    pub(crate) fn ahead_by(ahead: Duration) -> Clock {
        Clock {
            ahead: Mutex::new(ahead.max(Duration::zero())),
        }
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        Utc::now() + *self.lock()
    }

    /// How far ahead of the wall clock it is.
    #[cfg(test)]
    pub(crate) fn ahead(&self) -> Duration {
        *self.lock()
    }

    /// Moves now `by` forward once `save` has kept the new offset, so that a
    /// restart finds it: `Ok(None)`, changing nothing, when the time would
    /// leave chrono's range, and `Err`, changing nothing, when `save` fails.
    pub(crate) fn advance<E>(
        &self,
        by: Duration,
        save: impl FnOnce(Duration) -> Result<(), E>,
    ) -> Result<Option<DateTime<Utc>>, E> {
        let mut ahead = self.lock();
        let Some(moved) = ahead.checked_add(&by) else {
            return Ok(None);
        };
        let Some(now) = Utc::now().checked_add_signed(moved) else {
            return Ok(None);
        };
        save(moved)?;
        *ahead = moved;
        Ok(Some(now))
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

    fn kept(_: Duration) -> Result<(), ()> {
        Ok(())
    }

    #[test]
    fn advancing_moves_now_forward_until_a_reset() {
        let clock = Clock::default();
        let before = clock.now();
        let moved = clock.advance(Duration::hours(3), kept).unwrap().unwrap();
        assert!(moved >= before + Duration::hours(3));
        assert!(clock.now() >= moved);
        clock.advance(Duration::hours(1), kept).unwrap().unwrap();
        assert!(clock.now() >= before + Duration::hours(4));
        assert_eq!(clock.ahead(), Duration::hours(4));
        assert!(clock.advance(Duration::MAX, kept).unwrap().is_none());
        assert!(clock.now() < before + Duration::hours(5), "unchanged");
        clock.reset();
        assert!(clock.now() < before + Duration::hours(1));
    }

    #[test]
    fn an_advance_that_cannot_be_saved_moves_nothing() {
        let clock = Clock::ahead_by(Duration::hours(2));
        let mut saved = None;
        clock
            .advance(Duration::hours(1), |ahead| {
                saved = Some(ahead);
                Ok::<(), ()>(())
            })
            .unwrap();
        assert_eq!(saved, Some(Duration::hours(3)), "the offset, not the step");
        assert_eq!(
            clock.advance(Duration::hours(1), |_| Err("full")),
            Err("full")
        );
        assert_eq!(clock.ahead(), Duration::hours(3), "unchanged");
        assert_eq!(
            Clock::ahead_by(Duration::hours(-1)).ahead(),
            Duration::zero()
        );
    }
}
