use lifecycle::{Phase, Status};

/// The status filter of the Home list. "Finishing" is the part of "Finished"
/// that still has customers in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum StatusFilter {
    #[default]
    All,
    Draft,
    Live,
    Paused,
    Finishing,
    Finished,
    Stopped,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 7] = [
        StatusFilter::All,
        StatusFilter::Draft,
        StatusFilter::Live,
        StatusFilter::Paused,
        StatusFilter::Finishing,
        StatusFilter::Finished,
        StatusFilter::Stopped,
    ];

    pub fn query_value(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Draft => "draft",
            StatusFilter::Live => "live",
            StatusFilter::Paused => "paused",
            StatusFilter::Finishing => "finishing",
            StatusFilter::Finished => "finished",
            StatusFilter::Stopped => "stopped",
        }
    }

    pub fn from_query_value(value: &str) -> Option<StatusFilter> {
        StatusFilter::ALL
            .into_iter()
            .find(|filter| filter.query_value() == value)
    }

    /// Whether a version in `phase` is shown. "Finished" covers the
    /// finishing versions too (their status is finished).
    pub fn admits_phase(self, phase: Phase) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Draft => phase.status() == Status::Draft,
            StatusFilter::Live => phase.status() == Status::Live,
            StatusFilter::Paused => phase.status() == Status::Paused,
            StatusFilter::Finishing => matches!(phase, Phase::Finishing { .. }),
            StatusFilter::Finished => phase.status() == Status::Finished,
            StatusFilter::Stopped => phase.status() == Status::Stopped,
        }
    }
}
