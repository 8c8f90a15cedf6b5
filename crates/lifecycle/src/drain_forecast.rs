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
/// from the middle of a run when there are more (the departures between a
/// run's first and last samples are counted whatever lies between).
///
/// The samples fall in runs: times the version was seen moving freely (live,
/// or finished and draining), with no lifecycle change between. Only what
/// happened within a run is counted. A pause is not the pace at which
/// customers leave: held customers leave not at all, discarded ones all at
/// once, and counting either would tell the user a drain of days or of
/// minutes for a journey that takes hours. So a paused version is not
/// sampled, and a pause ends the run: the time across it and whoever left
/// then count for nothing. What was seen before it still counts, since how
/// fast a customer moves through the journey is the same after a resume (a
/// discard leaves few customers, who would take long to show a pace of their
/// own). A pause no poll saw (paused and resumed between two) is known by the
/// new revision it left: any lifecycle change between two polls ends the run,
/// which costs at most the time between those two polls.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountSamples {
    samples: VecDeque<Sample>,
    /// The revision of the version when it was last seen.
    revision: Option<u64>,
    /// A pause or another lifecycle change was seen since the last sample:
    /// the next one starts a run.
    run_ended: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sample {
    at: DateTime<Utc>,
    active: u64,
    departed: u64,
    /// Nothing between the sample before and this one is counted.
    starts_run: bool,
}

impl CountSamples {
    /// How far back a departure counts as recent.
    pub const WINDOW: Duration = Duration::hours(6);
    /// At most this many samples are kept.
    pub const MOST: usize = 8;
    /// Counts seen sooner than this after the last sample replace it.
    pub const SPACING: Duration = Duration::seconds(20);

    /// Notes `version` as a poll showed it at `at`: its counts when it is
    /// live or finished; when it is paused, or changed since it was last
    /// seen, the run of samples ends (see [`CountSamples`]).
    pub fn observe(&mut self, at: DateTime<Utc>, version: &JourneyVersion) {
        if self
            .revision
            .replace(version.revision)
            .is_some_and(|seen| seen != version.revision)
        {
            self.run_ended = true;
        }
        match version.status {
            Status::Live | Status::Finished => self.record(at, version.stats),
            Status::Paused | Status::Draft | Status::Stopped => self.run_ended = true,
        }
    }

    /// Notes the counts seen at `at`, of a version that ran with no lifecycle
    /// change since the last ones ([`CountSamples::observe`] says when).
    /// Counts seen before the last sample add nothing; counts that went back
    /// (a server reset) start the samples again.
    pub fn record(&mut self, at: DateTime<Utc>, stats: Stats) {
        let mut sample = Sample {
            at,
            active: stats.active,
            departed: departed(&stats),
            starts_run: self.run_ended && !self.samples.is_empty(),
        };
        if let Some(last) = self.samples.back() {
            if at <= last.at {
                return;
            }
            if sample.departed < last.departed {
                self.samples.clear();
                sample.starts_run = false;
            } else if !sample.starts_run
                && self.samples.len() > 1
                && at - self.samples[self.samples.len() - 2].at < Self::SPACING
            {
                let replaced = self.samples.pop_back();
                sample.starts_run = replaced.is_some_and(|replaced| replaced.starts_run);
            }
        }
        self.run_ended = false;
        self.samples.push_back(sample);
        while self
            .samples
            .front()
            .is_some_and(|first| at - first.at > Self::WINDOW)
        {
            self.samples.pop_front();
        }
        if self.samples.len() > Self::MOST {
            self.thin();
        }
    }

    /// Leaves out the oldest sample inside a run (neither its first nor its
    /// last), which loses no departure; when every run is too short to have
    /// one, the oldest sample.
    fn thin(&mut self) {
        let inside = (1..self.samples.len() - 1)
            .find(|&i| !self.samples[i].starts_run && !self.samples[i + 1].starts_run);
        match inside {
            Some(i) => {
                self.samples.remove(i);
            }
            None => {
                self.samples.pop_front();
            }
        }
    }

    pub fn len(&self) -> usize {
        self.samples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    /// Departures per customer-second within the runs of samples, if enough
    /// were seen.
    fn departure_rate(&self) -> Option<f64> {
        let mut departures: u64 = 0;
        let mut watched = Duration::zero();
        let mut customer_seconds = 0.0;
        let pairs = self.samples.iter().zip(self.samples.iter().skip(1));
        for (a, b) in pairs.filter(|(_, b)| !b.starts_run) {
            departures = departures.saturating_add(b.departed - a.departed);
            watched += b.at - a.at;
            let seconds = (b.at - a.at).num_milliseconds() as f64 / 1000.0;
            // In floating point: two counts a server sent may not add up in
            // a u64.
            customer_seconds += (a.active as f64 + b.active as f64) / 2.0 * seconds;
        }
        (departures >= DrainForecast::FEWEST_DEPARTURES
            && watched >= DrainForecast::SHORTEST_WATCH
            && customer_seconds > 0.0)
            .then(|| departures as f64 / customer_seconds)
    }
}

fn departed(stats: &Stats) -> u64 {
    stats.completed.saturating_add(stats.exited)
}
