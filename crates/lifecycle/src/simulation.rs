//! Customers entering, completing and leaving journeys, for the console's demo
//! backend: deterministic from a seed, and driven by the time the caller says has
//! passed, so it never reads a clock.

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;
use serde::{Deserialize, Serialize};

use crate::{Catalog, JourneyVersion, Stats, Status};

/// How busy the simulated journeys are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SimulationSettings {
    /// How long customers may stay in a finished journey; whoever is still in it
    /// after that is exited.
    #[serde(rename = "finishingTimeoutSeconds", with = "seconds")]
    pub finishing_timeout: Duration,
    /// Customers entering an average live version per hour; each version gets a
    /// fixed share between a quarter and seven quarters of it, from its id.
    pub arrivals_per_hour: f64,
    /// On average, how long a customer stays in a journey before leaving it.
    #[serde(rename = "meanTimeInJourneySeconds", with = "seconds")]
    pub mean_time_in_journey: Duration,
    /// Of the customers leaving a journey, the share who exit before the end
    /// (unsubscribed, met an exit criterion) instead of completing it.
    pub early_exit_share: f64,
}

impl Default for SimulationSettings {
    fn default() -> Self {
        SimulationSettings {
            finishing_timeout: crate::FINISHING_TIMEOUT,
            arrivals_per_hour: 180.0,
            mean_time_in_journey: Duration::hours(4),
            early_exit_share: 0.08,
        }
    }
}

/// The simulated audience of every journey in a catalog.
///
/// Its whole state is its settings and the random generator's state, so a browser
/// can save it as JSON next to the catalog and carry on where it left off. The same
/// seed, catalog and sequence of [`Simulation::advance`] calls always give the same
/// counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Simulation {
    settings: SimulationSettings,
    /// A decimal string in JSON: JavaScript numbers cannot hold every u64.
    #[serde(with = "decimal_string")]
    rng_state: u64,
}

impl Simulation {
    pub fn new(seed: u64, settings: SimulationSettings) -> Self {
        Simulation {
            settings,
            rng_state: seed,
        }
    }

    pub fn settings(&self) -> &SimulationSettings {
        &self.settings
    }

    /// Moves the customers of every version as if `elapsed` had passed, ending at
    /// `now`.
    ///
    /// Live versions admit newcomers and see customers leave; paused versions hold
    /// theirs still; finished versions admit nobody and drain, and once their finish is older than the finishing timeout
    /// everyone left is exited; drafts and stopped versions never change. Only counts
    /// move: no status, revision or history changes, since customers moving is an
    /// observation rather than an edit.
    ///
    /// A long `elapsed` (a tab closed for days) is worked out in one step, not
    /// second by second; a negative one counts as zero.
    pub fn advance(&mut self, catalog: &mut Catalog, elapsed: Duration, now: DateTime<Utc>) {
        let step = Step::new(&self.settings, elapsed);
        let mut rng = Rng::with_seed(self.rng_state);
        // Which versions have customers moving, said once: only those are
        // touched (and copied when shared with a client's lists). A paused
        // version admits nobody and its held customers wait: none completes or
        // exits until it resumes or finishes.
        let moving = |version: &JourneyVersion| match version.status {
            Status::Live => true,
            Status::Finished => version.stats.active > 0,
            Status::Paused | Status::Draft | Status::Stopped => false,
        };
        for version in catalog.versions_mut(moving) {
            if version.status == Status::Live {
                let arrivals = step.arrivals_per_share * popularity(&version.id);
                step.move_customers(&mut version.stats, arrivals, &mut rng);
            } else {
                // Finishing: nobody enters; those inside move on, and are let
                // out at the time-out.
                step.move_customers(&mut version.stats, 0.0, &mut rng);
                if self.is_timed_out(version, now) {
                    version.stats.exit_everyone();
                }
            }
        }
        self.rng_state = rng.get_seed();
    }

    fn is_timed_out(&self, version: &JourneyVersion, now: DateTime<Utc>) -> bool {
        version
            .finished_at
            .is_some_and(|finished_at| now - finished_at >= self.settings.finishing_timeout)
    }
}

/// What one call to `advance` does to every version, worked out once per call.
struct Step {
    /// Expected newcomers for a version of popularity 1.
    arrivals_per_share: f64,
    /// Chance that a customer in the journey at the start is still in it at the end.
    stay: f64,
    /// Chance that a newcomer, arriving at a uniformly random moment of the step, is
    /// still in the journey at the end.
    newcomer_stay: f64,
    early_exit_share: f64,
}

impl Step {
    fn new(settings: &SimulationSettings, elapsed: Duration) -> Self {
        let seconds = (elapsed.num_milliseconds() as f64 / 1000.0).max(0.0);
        let mean = (settings.mean_time_in_journey.num_milliseconds() as f64 / 1000.0).max(1.0);
        // Time in journey is exponential, so leaving is memoryless and a whole
        // interval has a closed form however long it is.
        let stay = (-seconds / mean).exp();
        let newcomer_stay = if seconds > 0.0 {
            (mean / seconds * (1.0 - stay)).clamp(0.0, 1.0)
        } else {
            1.0
        };
        Step {
            arrivals_per_share: settings.arrivals_per_hour.max(0.0) / 3600.0 * seconds,
            stay,
            newcomer_stay,
            early_exit_share: settings.early_exit_share.clamp(0.0, 1.0),
        }
    }

    /// Admits about `expected_arrivals` newcomers and lets customers leave, keeping
    /// every customer counted exactly once.
    fn move_customers(&self, stats: &mut Stats, expected_arrivals: f64, rng: &mut Rng) {
        let arrivals = round_randomly(expected_arrivals, rng);
        let staying = round_randomly(stats.active as f64 * self.stay, rng).min(stats.active);
        let newcomers_staying =
            round_randomly(arrivals as f64 * self.newcomer_stay, rng).min(arrivals);
        let leaving = (stats.active - staying).saturating_add(arrivals - newcomers_staying);
        let exits = round_randomly(leaving as f64 * self.early_exit_share, rng).min(leaving);
        stats.entered = stats.entered.saturating_add(arrivals);
        stats.active = staying.saturating_add(newcomers_staying);
        stats.completed = stats.completed.saturating_add(leaving - exits);
        stats.exited = stats.exited.saturating_add(exits);
    }
}

/// Rounds up with a chance equal to the fraction, so that many small steps add up
/// to the same expected count as one big one.
fn round_randomly(expected: f64, rng: &mut Rng) -> u64 {
    if expected.is_nan() || expected <= 0.0 {
        return 0;
    }
    let whole = expected.floor();
    let up = rng.f64() < expected - whole;
    // `as` saturates at u64::MAX for absurdly large expectations.
    (whole as u64).saturating_add(u64::from(up))
}

/// A fixed factor between 0.25 and 1.75 per version, so that journeys differ in
/// audience size. Hashed from the id by FNV-1a rather than std's hasher, whose
/// output may change between Rust releases and would break saved simulations.
fn popularity(id: &str) -> f64 {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    0.25 + 1.5 * ((hash >> 11) as f64 / (1_u64 << 53) as f64)
}

mod seconds {
    use chrono::Duration;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(duration: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(duration.num_seconds())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
        let seconds = i64::deserialize(deserializer)?;
        Duration::try_seconds(seconds)
            .ok_or_else(|| serde::de::Error::custom(format!("{seconds} seconds is out of range")))
    }
}

mod decimal_string {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &u64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}
