//! Which action is allowed on which journey version, and why not.
//!
//! [`verdict`] is the only place where this is decided: [`crate::Catalog::check`],
//! [`crate::Catalog::availability`] and [`crate::Catalog::apply`] all ask it.

use crate::{Action, Catalog, JourneyVersion, Refusal, Status};

/// Whether `action` may be taken on `version` (a version held by `catalog`).
pub(crate) fn verdict(
    catalog: &Catalog,
    version: &JourneyVersion,
    action: Action,
) -> Result<(), Refusal> {
    let refuse = |reason: String| {
        Err(Refusal {
            action,
            status: version.status,
            reason,
        })
    };
    match action {
        Action::Publish => match version.status {
            Status::Draft => Ok(()),
            Status::Live => {
                refuse("This journey is already live. To change it, create a new version.".into())
            }
            Status::Finished => refuse(
                "This journey has finished; a finished journey cannot be published again. \
                 Create a new version or duplicate it."
                    .into(),
            ),
            Status::Stopped => refuse(
                "This journey is stopped; a stopped journey cannot be published again. \
                 Create a new version or duplicate it."
                    .into(),
            ),
        },
        Action::Finish => match version.status {
            Status::Draft => refuse(
                "This journey is a draft; only a live journey can be finished. Publish it first."
                    .into(),
            ),
            Status::Live => Ok(()),
            Status::Finished if version.stats.active > 0 => refuse(format!(
                "This journey is already finishing: no new customers can enter, and {} \
                 completing their path. To end their path now, stop it.",
                customers_still_in_it(version.stats.active)
            )),
            Status::Finished => refuse(
                "This journey has already finished and no customers are left in it. \
                 To run it again, create a new version or duplicate it."
                    .into(),
            ),
            Status::Stopped => refuse(
                "This journey is stopped; a stopped journey cannot be finished. \
                 Create a new version or duplicate it."
                    .into(),
            ),
        },
        Action::Stop => match version.status {
            Status::Draft => refuse(
                "This journey is a draft and has no customers to stop. \
                 Delete it if you no longer need it."
                    .into(),
            ),
            Status::Live => Ok(()),
            // Stopping a finishing journey is the emergency brake for customers
            // who are still completing their path.
            Status::Finished if version.stats.active > 0 => Ok(()),
            Status::Finished => refuse(
                "This journey has finished and no customers are left in it; \
                 there is nothing to stop."
                    .into(),
            ),
            Status::Stopped => refuse(
                "This journey is already stopped. A stopped journey cannot be restarted \
                 or deleted; create a new version or duplicate it."
                    .into(),
            ),
        },
        Action::Resume | Action::Restart => Err(cannot_resume(version, action)),
        Action::Delete => match version.status {
            Status::Draft => Ok(()),
            Status::Live => refuse(
                "A live journey cannot be deleted. Finish it to let the customers in it \
                 complete their path, or stop it in an emergency."
                    .into(),
            ),
            Status::Finished => refuse(
                "A finished journey cannot be deleted; it stays in the list with its results. \
                 Create a new version or duplicate it to run it again."
                    .into(),
            ),
            Status::Stopped => refuse(
                "A stopped journey cannot be deleted; it stays in the list with its results. \
                 Create a new version or duplicate it to run it again."
                    .into(),
            ),
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
fn new_version_verdict(catalog: &Catalog, version: &JourneyVersion) -> Result<(), String> {
    let mut newest = version;
    for sibling in catalog.versions_of(&version.journey_id) {
        if sibling.status == Status::Draft {
            return Err(if sibling.id == version.id {
                "This version is a draft itself; edit or publish it.".into()
            } else {
                format!(
                    "Version {} of this journey is already a draft; edit or publish that one.",
                    sibling.version
                )
            });
        }
        if sibling.version > newest.version {
            newest = sibling;
        }
    }
    if newest.id != version.id {
        return Err(format!(
            "Only the newest version (version {}) can be the base of a new version.",
            newest.version
        ));
    }
    if version.version == u32::MAX {
        return Err(
            "This journey has reached the highest version number; duplicate it instead.".into(),
        );
    }
    Ok(())
}

/// Ended journeys are never brought back; the others are not ended, so there is
/// nothing to bring back.
pub(crate) fn cannot_resume(version: &JourneyVersion, action: Action) -> Refusal {
    let (verb, done) = match action {
        Action::Restart => ("restart", "restarted"),
        _ => ("resume", "resumed"),
    };
    let reason = match version.status {
        Status::Draft => format!(
            "This journey is a draft and has never run, so there is nothing to {verb}. \
             Publish it to make it live."
        ),
        Status::Live => format!("This journey is live and running; there is nothing to {verb}."),
        Status::Finished => {
            format!("A finished journey cannot be {done}. Create a new version or duplicate it.")
        }
        Status::Stopped => {
            format!("A stopped journey cannot be {done}. Create a new version or duplicate it.")
        }
    };
    Refusal {
        action,
        status: version.status,
        reason,
    }
}

fn customers_still_in_it(active: u64) -> String {
    if active == 1 {
        "1 customer still in it is".into()
    } else {
        format!("{active} customers still in it are")
    }
}
