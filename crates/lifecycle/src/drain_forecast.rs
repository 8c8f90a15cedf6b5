//! How long a finishing journey takes to empty: estimated from the rate at
//! which its customers were recently seen to complete or exit.

use std::collections::VecDeque;

use chrono::{DateTime, Duration, Utc};

use crate::{JourneyVersion, Stats, Status};

/// Customers still in a finished journey this long after it finished are
/// exited: the latest a finish can take.
pub const FINISHING_TIMEOUT: Duration = Duration::days(30);

/// When the last customer of a finishing (or about to finish) version is
/// expected out, and the latest they can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrainForecast {
    /// `None` while there is not enough data to estimate: too few customers
    /// seen leaving, or over too short a time.
    pub expected: Option<DateTime<Utc>>,
    /// The finishing timeout after the finish (or after `now`, for a version
    /// not finished yet).
    pub latest: DateTime<Utc>,
}

impl DrainForecast {
    /// Fewest departures seen before estimating.
    pub const FEWEST_DEPARTURES: u64 = 5;
    /// Shortest time watched before estimating.
    pub const SHORTEST_WATCH: Duration = Duration::minutes(1);

    /// The forecast for `version` if it is live or paused (as if finished at
    /// `now`) or finishing; `None` for drafts, stopped versions and finished
    /// ones already empty. `recent` are counts of this version seen lately.
    ///
    /// Time in a journey is taken as memoryless (the simulation's model, and a
    /// fair one for journeys of waits and messages): with `λ` departures per
    /// customer-second, the last of `n` customers leaves after `H(n)/λ` on
    /// average (`H` the harmonic number).
    pub fn of(
        version: &JourneyVersion,
        recent: &CountSamples,
        now: DateTime<Utc>,
    ) -> Option<DrainForecast> {
        if !DrainForecast::applies_to(version) {
            return None;
        }
        let finished_at = match version.status {
            Status::Finished => version.finished_at.unwrap_or(now),
            Status::Draft | Status::Live | Status::Paused | Status::Stopped => now,
        };
        let latest = finished_at + FINISHING_TIMEOUT;
        let expected = recent.departure_rate().map(|per_customer_second| {
            let seconds = harmonic(version.stats.active) / per_customer_second;
            // Beyond the timeout (or beyond what a date can hold) it is the timeout.
            Duration::try_milliseconds((seconds * 1000.0).min(i64::MAX as f64) as i64)
                .and_then(|wait| now.checked_add_signed(wait))
                .map_or(latest, |at| at.min(latest))
                .max(now)
        });
        Some(DrainForecast { expected, latest })
    }
}

impl DrainForecast {
    /// Whether a version can be forecast: live or paused (it may be
    /// finished), or finishing. Drafts, stopped versions and emptied finished
    /// ones have nothing to drain.
    pub fn applies_to(version: &JourneyVersion) -> bool {
        version.status.is_running() || version.is_finishing()
    }
}

/// `H(n) = 1 + 1/2 + … + 1/n`, by its asymptotic form past a few terms.
fn harmonic(n: u64) -> f64 {
    if n <= 20 {
        return (1..=n).map(|k| 1.0 / k as f64).sum();
    }
    let n = n as f64;
    n.ln() + 0.577_215_664_901_532_9 + 1.0 / (2.0 * n) - 1.0 / (12.0 * n * n)
}

/// A version's counts as they were seen over the last [`CountSamples::WINDOW`],
/// oldest first: what a client keeps from its polls to estimate a drain.
///
/// Kept small, since a console watches every running version: a few samples
/// of two numbers each, at least [`CountSamples::SPACING`] apart, thinned
/// from the middle when there are more (the departures between the first and
/// the last are counted whatever lies between).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountSamples {
    samples: VecDeque<Sample>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sample {
    at: DateTime<Utc>,
    active: u64,
    departed: u64,
}

impl CountSamples {
    /// How far back a departure counts as recent.
    pub const WINDOW: Duration = Duration::hours(6);
    /// At most this many samples are kept.
    pub const MOST: usize = 8;
    /// Counts seen sooner than this after the last sample replace it.
    pub const SPACING: Duration = Duration::seconds(20);

    /// Notes the counts seen at `at`. Counts seen before the last sample add
    /// nothing; counts that went back (a server reset) start the samples
    /// again.
    pub fn record(&mut self, at: DateTime<Utc>, stats: Stats) {
        let sample = Sample {
            at,
            active: stats.active,
            departed: departed(&stats),
        };
        if let Some(last) = self.samples.back() {
            if at <= last.at {
                return;
            }
            if sample.departed < last.departed {
                self.samples.clear();
            } else if self.samples.len() > 1
                && at - self.samples[self.samples.len() - 2].at < Self::SPACING
            {
                self.samples.pop_back();
            }
        }
        self.samples.push_back(sample);
        while self
            .samples
            .front()
            .is_some_and(|first| at - first.at > Self::WINDOW)
        {
            self.samples.pop_front();
        }
        if self.samples.len() > Self::MOST {
            self.samples.remove(1);
        }
    }

    pub fn len(&self) -> usize {
        self.samples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    /// Departures per customer-second over the samples, if enough were seen.
    fn departure_rate(&self) -> Option<f64> {
        let first = self.samples.front()?;
        let last = self.samples.back()?;
        let departures = last.departed - first.departed;
        let pairs = self.samples.iter().zip(self.samples.iter().skip(1));
        let customer_seconds: f64 = pairs
            .map(|(a, b)| {
                let seconds = (b.at - a.at).num_milliseconds() as f64 / 1000.0;
                // In floating point: two counts a server sent may not add up
                // in a u64.
                (a.active as f64 + b.active as f64) / 2.0 * seconds
            })
            .sum();
        (departures >= DrainForecast::FEWEST_DEPARTURES
            && last.at - first.at >= DrainForecast::SHORTEST_WATCH
            && customer_seconds > 0.0)
            .then(|| departures as f64 / customer_seconds)
    }
}

fn departed(stats: &Stats) -> u64 {
    stats.completed.saturating_add(stats.exited)
}
