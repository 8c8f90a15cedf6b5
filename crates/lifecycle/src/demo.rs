//! Catalogs to start a demo console from: a dozen believable journeys, or as many
//! generated ones as a benchmark needs.

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;

use crate::{Catalog, Command, JourneyVersion, Simulation, SimulationSettings, Stats, Status};

const MARKETERS: [&str; 5] = [
    "Amélie Laurent",
    "Jonas Becker",
    "Priya Nair",
    "Marco Rossi",
    "Sofia Andersson",
];

/// What happens to a journey in the demo's past.
enum Step {
    /// Version 1 is drafted.
    Draft {
        name: &'static str,
    },
    /// The next version is drafted from the newest one.
    NewVersion,
    Publish,
    Finish,
    Stop {
        reason: &'static str,
    },
}

struct Event {
    before_now: Duration,
    journey: &'static str,
    version: u32,
    by: usize,
    step: Step,
}

fn event(
    before_now: Duration,
    journey: &'static str,
    version: u32,
    by: usize,
    step: Step,
) -> Event {
    Event {
        before_now,
        journey,
        version,
        by,
        step,
    }
}

fn days(n: i64) -> Duration {
    Duration::days(n)
}

fn hours(n: i64) -> Duration {
    Duration::hours(n)
}

/// Twelve journeys as a marketing team would have them on `now`: live ones, drafts,
/// journeys with two or three versions, one finishing because a newer version
/// replaced it, one finishing after a manual finish, finished ones with nobody left,
/// and stopped ones with the reason for the emergency.
///
/// The past is played out through [`Catalog::apply`] with the simulation running in
/// between, so statuses, counts and history agree as they would in real use. `seed`
/// varies the counts.
pub fn catalog(now: DateTime<Utc>, seed: u64) -> Catalog {
    use Step::*;
    let mut events = vec![
        event(
            days(130),
            "welcome-series",
            1,
            0,
            Draft {
                name: "Welcome series",
            },
        ),
        event(days(128), "welcome-series", 1, 0, Publish),
        event(days(42), "welcome-series", 2, 1, NewVersion),
        event(days(40), "welcome-series", 2, 0, Publish),
        event(days(2), "welcome-series", 3, 2, NewVersion),
        event(
            days(95),
            "cart-abandonment",
            1,
            3,
            Draft {
                name: "Cart abandonment reminder",
            },
        ),
        event(days(93), "cart-abandonment", 1, 3, Publish),
        event(
            days(70),
            "birthday-offer",
            1,
            4,
            Draft {
                name: "Birthday offer",
            },
        ),
        event(days(68), "birthday-offer", 1, 4, Publish),
        event(days(12), "birthday-offer", 2, 4, NewVersion),
        event(hours(5), "birthday-offer", 2, 1, Publish),
        event(
            days(50),
            "win-back",
            1,
            2,
            Draft {
                name: "Win-back: lapsed customers",
            },
        ),
        event(days(47), "win-back", 1, 2, Publish),
        event(
            days(31),
            "win-back",
            1,
            0,
            Stop {
                reason: "Wrong audience: the segment also included customers who bought last week.",
            },
        ),
        event(days(30), "win-back", 2, 2, NewVersion),
        event(days(28), "win-back", 2, 2, Publish),
        event(
            days(160),
            "loyalty-tier",
            1,
            1,
            Draft {
                name: "Loyalty tier upgrade",
            },
        ),
        event(days(155), "loyalty-tier", 1, 1, Publish),
        event(days(15), "loyalty-tier", 1, 3, Finish),
        event(
            days(25),
            "webinar-follow-up",
            1,
            4,
            Draft {
                name: "Webinar follow-up",
            },
        ),
        event(days(21), "webinar-follow-up", 1, 4, Publish),
        event(hours(7), "webinar-follow-up", 1, 4, Finish),
        event(
            days(3),
            "spring-sale",
            1,
            3,
            Draft {
                name: "Spring sale announcement",
            },
        ),
        event(
            days(310),
            "onboarding-tips",
            1,
            0,
            Draft {
                name: "Onboarding tips",
            },
        ),
        event(days(305), "onboarding-tips", 1, 0, Publish),
        event(days(210), "onboarding-tips", 2, 1, NewVersion),
        event(days(205), "onboarding-tips", 2, 1, Publish),
        event(days(35), "onboarding-tips", 3, 2, NewVersion),
        event(days(33), "onboarding-tips", 3, 0, Publish),
        event(
            days(14),
            "re-engagement-survey",
            1,
            2,
            Draft {
                name: "Re-engagement survey",
            },
        ),
        event(days(12), "re-engagement-survey", 1, 2, Publish),
        event(
            days(1),
            "re-engagement-survey",
            1,
            1,
            Stop {
                reason: "The survey link in the email leads to an error page.",
            },
        ),
        event(
            days(190),
            "subscription-renewal",
            1,
            3,
            Draft {
                name: "Subscription renewal",
            },
        ),
        event(days(185), "subscription-renewal", 1, 3, Publish),
        event(hours(20), "subscription-renewal", 2, 4, NewVersion),
        event(
            days(80),
            "back-in-stock",
            1,
            1,
            Draft {
                name: "Back in stock alert",
            },
        ),
        event(days(78), "back-in-stock", 1, 1, Publish),
        event(
            days(110),
            "post-purchase-review",
            1,
            0,
            Draft {
                name: "Post-purchase review request",
            },
        ),
        event(days(100), "post-purchase-review", 1, 0, Publish),
        event(days(45), "post-purchase-review", 1, 2, Finish),
        event(days(44), "post-purchase-review", 2, 2, NewVersion),
        event(days(43), "post-purchase-review", 2, 3, Publish),
    ];
    events.sort_by_key(|event| std::cmp::Reverse(event.before_now));

    let mut catalog = Catalog::default();
    let mut simulation = Simulation::new(seed, SimulationSettings::default());
    let mut clock = match events.first() {
        Some(first) => now - first.before_now,
        None => now,
    };
    for event in events {
        let at = now - event.before_now;
        simulation.advance(&mut catalog, at - clock, at);
        clock = at;
        let id = version_id(event.journey, event.version);
        let by = MARKETERS[event.by];
        let command = match event.step {
            Step::Draft { name } => {
                catalog.upsert(JourneyVersion::draft(id, event.journey, name, 1, by, at));
                continue;
            }
            Step::NewVersion => {
                let base = version_id(event.journey, event.version - 1);
                let applied = catalog.apply(&base, Command::NewVersion { id }, by, at);
                debug_assert!(applied.is_ok(), "demo script: {applied:?}");
                continue;
            }
            Step::Publish => Command::Publish,
            Step::Finish => Command::Finish,
            Step::Stop { reason } => Command::Stop {
                reason: Some(reason.to_owned()),
            },
        };
        let applied = catalog.apply(&id, command, by, at);
        debug_assert!(applied.is_ok(), "demo script: {applied:?}");
    }
    simulation.advance(&mut catalog, now - clock, now);
    catalog
}

fn version_id(journey: &str, version: u32) -> String {
    format!("{journey}-v{version}")
}

const NAMES: [&str; 12] = [
    "Welcome series",
    "Cart abandonment reminder",
    "Birthday offer",
    "Win-back: lapsed customers",
    "Loyalty tier upgrade",
    "Webinar follow-up",
    "Spring sale announcement",
    "Onboarding tips",
    "Re-engagement survey",
    "Subscription renewal",
    "Back in stock alert",
    "Post-purchase review request",
];

const STOP_REASONS: [&str; 3] = [
    "Wrong audience selected.",
    "The discount code in the message had expired.",
    "The custom action sending messages was failing.",
];

/// `count` generated versions, for measuring the console with a large catalog.
///
/// Journeys get one to three versions; only the newest can be live or a draft, so
/// each journey has at most one of each. Counts and timestamps are plausible and
/// consistent with the status, but there is no history. Fast: nothing is
/// simulated.
pub fn large_catalog(now: DateTime<Utc>, count: usize, seed: u64) -> Catalog {
    let mut rng = Rng::with_seed(seed);
    let mut versions = Vec::with_capacity(count);
    let mut journey = 0_usize;
    while versions.len() < count {
        journey += 1;
        let journey_id = format!("journey-{journey:05}");
        let name = format!("{} {journey}", NAMES[journey % NAMES.len()]);
        let version_count = (1 + rng.usize(..3)).min(count - versions.len());
        let mut created = now - Duration::minutes(rng.i64(60 * 24 * 30..60 * 24 * 400));
        for number in 1..=version_count {
            let newest = number == version_count;
            let status = match rng.u8(..100) {
                _ if !newest && number + 1 < version_count => Status::Finished,
                0..=49 if !newest => Status::Finished,
                _ if !newest => Status::Stopped,
                0..=14 => Status::Draft,
                15..=64 => Status::Live,
                65..=84 => Status::Finished,
                _ => Status::Stopped,
            };
            let (version, next_created) = generated_version(
                &mut rng,
                GeneratedVersion {
                    journey_id: &journey_id,
                    name: &name,
                    number: number as u32,
                    status,
                    created,
                    now,
                    by: MARKETERS[(journey + number) % MARKETERS.len()],
                },
            );
            created = next_created;
            versions.push(version);
        }
    }
    Catalog::new(versions)
}

struct GeneratedVersion<'a> {
    journey_id: &'a str,
    name: &'a str,
    number: u32,
    status: Status,
    created: DateTime<Utc>,
    now: DateTime<Utc>,
    by: &'a str,
}

/// One generated version, and when its successor can be created (after it ended).
fn generated_version(rng: &mut Rng, g: GeneratedVersion<'_>) -> (JourneyVersion, DateTime<Utc>) {
    let mut version = JourneyVersion::draft(
        format!("{}-v{}", g.journey_id, g.number),
        g.journey_id,
        g.name,
        g.number,
        g.by,
        g.created,
    );
    version.status = g.status;
    if g.status == Status::Draft {
        return (version, g.created);
    }
    let span = (g.now - g.created).num_minutes().max(4);
    let published = (g.created + Duration::minutes(rng.i64(1..span / 4 + 1))).min(g.now);
    let finishing = g.status == Status::Finished && rng.bool();
    // A finishing version finished recently; others ended somewhere after publishing.
    let ended = if finishing {
        g.now - Duration::minutes(rng.i64(1..60 * 24 * 5))
    } else {
        published + Duration::minutes(rng.i64(1..(g.now - published).num_minutes().max(2)))
    }
    .clamp(published, g.now);
    version.published_at = Some(published);
    version.revision = 2;
    version.updated_at = published;
    let entered = rng.u64(50..200_000);
    let active = match g.status {
        Status::Live => rng.u64(0..entered.min(5_000) + 1),
        Status::Finished if finishing => rng.u64(1..entered.min(800) + 1),
        _ => 0,
    };
    let exited = (entered - active) * rng.u64(3..15) / 100;
    version.stats = Stats {
        entered,
        active,
        completed: entered - active - exited,
        exited,
    };
    match g.status {
        Status::Finished => version.finished_at = Some(ended),
        Status::Stopped => {
            version.stopped_at = Some(ended);
            version.stop_reason = Some(STOP_REASONS[rng.usize(..STOP_REASONS.len())].to_owned());
        }
        Status::Draft | Status::Live | Status::Paused => return (version, published),
    }
    version.revision = 3;
    version.updated_at = ended;
    (version, ended)
}
