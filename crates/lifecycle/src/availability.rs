use crate::{Action, Refusal};

/// Whether one action is allowed on a journey version, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Availability {
    pub action: Action,
    pub verdict: Result<(), Refusal>,
}

impl Availability {
    pub fn is_allowed(&self) -> bool {
        self.verdict.is_ok()
    }

    pub fn refusal(&self) -> Option<&Refusal> {
        self.verdict.as_ref().err()
    }
}

/// The verdict on every [`Action`] for one journey version, in the order of
/// [`Action::ALL`]: what an action menu needs to show enabled items and explain
/// disabled ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Availabilities {
    // Indexed by the action's position in Action::ALL, which is its discriminant.
    entries: [Availability; Action::ALL.len()],
}

impl Availabilities {
    pub(crate) fn from_fn(mut verdict: impl FnMut(Action) -> Result<(), Refusal>) -> Self {
        Availabilities {
            entries: Action::ALL.map(|action| Availability {
                action,
                verdict: verdict(action),
            }),
        }
    }

    pub fn get(&self, action: Action) -> &Availability {
        &self.entries[action as usize]
    }

    pub fn allowed(&self, action: Action) -> bool {
        self.get(action).is_allowed()
    }

    pub fn refusal(&self, action: Action) -> Option<&Refusal> {
        self.get(action).refusal()
    }

    /// The allowed actions, in the order of [`Action::ALL`].
    pub fn allowed_actions(&self) -> impl Iterator<Item = Action> + '_ {
        self.entries
            .iter()
            .filter(|entry| entry.is_allowed())
            .map(|entry| entry.action)
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Availability> {
        self.entries.iter()
    }

    pub fn as_slice(&self) -> &[Availability] {
        &self.entries
    }
}

impl<'a> IntoIterator for &'a Availabilities {
    type Item = &'a Availability;
    type IntoIter = std::slice::Iter<'a, Availability>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}
