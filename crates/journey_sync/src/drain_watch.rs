//! Counts watched over time, for the drain forecast: the console keeps what
//! each poll showed of the versions that are running or finishing, and the
//! rules estimate from it ([`lifecycle::DrainForecast`]). Works with any
//! backend: it needs nothing but the counts every list already carries.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use lifecycle::{Catalog, CountSamples, DrainForecast, JourneyVersion};
use wording::{Arg, Phrase};

use crate::duration_in_words;

/// Recent counts of every version that may drain.
#[derive(Clone, Debug, Default)]
pub struct DrainWatch {
    samples: HashMap<String, CountSamples>,
}

impl DrainWatch {
    /// Notes the counts of every live, paused or finishing version of
    /// `catalog` (what the server confirmed) as seen at `now`, and forgets the
    /// versions that can no longer drain.
    pub fn observe(&mut self, catalog: &Catalog, now: DateTime<Utc>) {
        self.samples
            .retain(|id, _| catalog.get(id).is_some_and(DrainForecast::applies_to));
        for version in catalog.versions().filter(|v| DrainForecast::applies_to(v)) {
            self.samples
                .entry(version.id.clone())
                .or_default()
                .observe(now, version);
        }
    }

    /// The forecast for `version` (its counts as shown now), if it is live,
    /// paused or finishing.
    pub fn forecast(&self, version: &JourneyVersion, now: DateTime<Utc>) -> Option<DrainForecast> {
        let none = CountSamples::default();
        let samples = self.samples.get(&version.id).unwrap_or(&none);
        DrainForecast::of(version, samples, now)
    }

    /// How many versions are watched.
    pub fn len(&self) -> usize {
        self.samples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }
}

/// The forecast in words: "about 4 days; by Dec 24, 2026, 9:00 AM at the
/// latest", or "not enough data yet; …" rather than a guess.
pub fn drain_phrase(forecast: &DrainForecast, now: DateTime<Utc>) -> Phrase {
    let phrase = match forecast.expected {
        None => Phrase::new("drain-unknown"),
        Some(at) if at >= forecast.latest => Phrase::new("drain-at-timeout"),
        Some(at) => {
            let wait = (at - now).to_std().unwrap_or_default();
            Phrase::new("drain-about").with("estimate", duration_in_words(wait))
        }
    };
    phrase.with("latest", forecast.latest)
}

/// The forecast short enough for a row of the list: "about 4 days, by Dec 24"
/// (with the year when the latest is a year or so away).
pub fn drain_row_phrase(forecast: &DrainForecast, now: DateTime<Utc>) -> Phrase {
    let phrase = match forecast.expected {
        None => Phrase::new("drain-row-unknown"),
        Some(at) if at >= forecast.latest => Phrase::new("drain-row-at-timeout"),
        Some(at) => {
            let wait = (at - now).to_std().unwrap_or_default();
            Phrase::new("drain-row-about").with("estimate", duration_in_words(wait))
        }
    };
    phrase.with(
        "latest",
        Arg::Date {
            at: forecast.latest,
            now,
        },
    )
}
