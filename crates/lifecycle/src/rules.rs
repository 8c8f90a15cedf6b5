//! Which action is allowed on which journey version, and why not.
//!
//! [`verdict`] is the only place where this is decided: [`crate::Catalog::check`],
//! [`crate::Catalog::availability`] and [`crate::Catalog::apply`] all ask it.
//! [`terms_verdict`] judges what a command asks beyond its action (how long a
//! pause lasts, when a finish is scheduled), for [`crate::Catalog::check_command`].

use chrono::{DateTime, Utc};

use crate::{
    Action, Catalog, Command, JourneyVersion, Pause, Reason, Refusal, ScheduledFinish, Status,
};

/// Whether `action` may be taken on `version` (a version held by `catalog`).
pub(crate) fn verdict(
    catalog: &Catalog,
    version: &JourneyVersion,
    action: Action,
) -> Result<(), Refusal> {
    let refuse = |reason: Reason| Err(Refusal::new(action, version.status, reason));
    let by_status = || refuse(Reason::Status);
    let running = version.status.is_running();
    match action {
        Action::Publish => match version.status {
            Status::Draft => Ok(()),
            Status::Live | Status::Paused | Status::Finished | Status::Stopped => by_status(),
        },
        Action::Finish => match version.status {
            // From paused without resuming first: held customers continue to the end.
            Status::Live | Status::Paused => Ok(()),
            Status::Finished if version.stats.active > 0 => refuse(Reason::AlreadyFinishing {
                active: version.stats.active,
            }),
            Status::Draft | Status::Finished | Status::Stopped => by_status(),
        },
        Action::Stop => match version.status {
            Status::Live | Status::Paused => Ok(()),
            // Stopping a finishing journey is the emergency brake for customers
            // who are still completing their path.
            Status::Finished if version.stats.active > 0 => Ok(()),
            Status::Draft | Status::Finished | Status::Stopped => by_status(),
        },
        Action::Pause => match version.status {
            Status::Live => Ok(()),
            Status::Draft | Status::Paused | Status::Finished | Status::Stopped => by_status(),
        },
        // Only a pause is undone; ended journeys are never brought back.
        Action::Resume => match version.status {
            Status::Paused => Ok(()),
            Status::Draft | Status::Live | Status::Finished | Status::Stopped => by_status(),
        },
        Action::ScheduleFinish if running => Ok(()),
        Action::CancelScheduledFinish if running => match version.scheduled_finish {
            Some(_) => Ok(()),
            None => refuse(Reason::NothingScheduled),
        },
        Action::ScheduleFinish | Action::CancelScheduledFinish => by_status(),
        Action::Restart => by_status(),
        Action::Delete => match version.status {
            Status::Draft => Ok(()),
            Status::Live | Status::Paused | Status::Finished | Status::Stopped => by_status(),
        },
        Action::NewVersion => new_version_verdict(catalog, version).map_err(|reason| Refusal {
            action,
            status: version.status,
            reason,
        }),
        // Duplicating only reads the version, so any version can be duplicated.
        Action::Duplicate => Ok(()),
    }
}

/// Whether what a command asks for, beyond its action, can be done at `at`: a
/// pause's end and a scheduled finish lie ahead, and a pause lasts at most
/// [`Pause::LONGEST`].
pub(crate) fn terms_verdict(
    version: &JourneyVersion,
    command: &Command,
    at: DateTime<Utc>,
) -> Result<(), Refusal> {
    let refuse = |reason: Reason| Err(Refusal::new(command.action(), version.status, reason));
    match command {
        Command::Pause { until, .. } if *until <= at => refuse(Reason::NotInFuture),
        Command::Pause { until, .. } if *until - at > Pause::LONGEST => {
            refuse(Reason::PauseTooLong {
                longest_days: Pause::LONGEST_DAYS,
            })
        }
        Command::ScheduleFinish { at: when } if *when <= at => refuse(Reason::NotInFuture),
        Command::ScheduleFinish { at: when } if *when > ScheduledFinish::latest() => {
            refuse(Reason::PastLatestTime)
        }
        _ => Ok(()),
    }
}

/// A new version is based on the newest version of a journey, and a journey has at
/// most one draft, so that there is never a doubt about which draft is next.
fn new_version_verdict(catalog: &Catalog, version: &JourneyVersion) -> Result<(), Reason> {
    let mut newest = version;
    for sibling in catalog.versions_of(&version.journey_id) {
        if sibling.status == Status::Draft {
            return Err(if sibling.id == version.id {
                Reason::IsDraft
            } else {
                Reason::OtherDraft {
                    version: sibling.version,
                }
            });
        }
        if sibling.version > newest.version {
            newest = sibling;
        }
    }
    if newest.id != version.id {
        return Err(Reason::NotNewest {
            newest: newest.version,
        });
    }
    if version.version == u32::MAX {
        return Err(Reason::HighestVersionNumber);
    }
    Ok(())
}
