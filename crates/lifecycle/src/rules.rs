//! Which action is allowed on which journey version, and why not.
//!
//! [`verdict`] is the only place where this is decided: [`crate::Catalog::check`],
//! [`crate::Catalog::availability`] and [`crate::Catalog::apply`] all ask it.

use crate::{Action, Catalog, JourneyVersion, Reason, Refusal, Status};

/// Whether `action` may be taken on `version` (a version held by `catalog`).
pub(crate) fn verdict(
    catalog: &Catalog,
    version: &JourneyVersion,
    action: Action,
) -> Result<(), Refusal> {
    let refuse = |reason: Reason| Err(Refusal::new(action, version.status, reason));
    let by_status = || refuse(Reason::Status);
    match action {
        Action::Publish => match version.status {
            Status::Draft => Ok(()),
            Status::Live | Status::Finished | Status::Stopped => by_status(),
        },
        Action::Finish => match version.status {
            Status::Live => Ok(()),
            Status::Finished if version.stats.active > 0 => refuse(Reason::AlreadyFinishing {
                active: version.stats.active,
            }),
            Status::Draft | Status::Finished | Status::Stopped => by_status(),
        },
        Action::Stop => match version.status {
            Status::Live => Ok(()),
            // Stopping a finishing journey is the emergency brake for customers
            // who are still completing their path.
            Status::Finished if version.stats.active > 0 => Ok(()),
            Status::Draft | Status::Finished | Status::Stopped => by_status(),
        },
        // Ended journeys are never brought back; the others are not ended, so
        // there is nothing to bring back.
        Action::Resume | Action::Restart => by_status(),
        Action::Delete => match version.status {
            Status::Draft => Ok(()),
            Status::Live | Status::Finished | Status::Stopped => by_status(),
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
