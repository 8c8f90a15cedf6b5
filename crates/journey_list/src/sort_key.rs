/// A column of the Home list that can order it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Name,
    Version,
    Status,
    Entered,
    InJourney,
    LastModified,
    ModifiedBy,
}

impl SortKey {
    pub const ALL: [SortKey; 7] = [
        SortKey::Name,
        SortKey::Version,
        SortKey::Status,
        SortKey::Entered,
        SortKey::InJourney,
        SortKey::LastModified,
        SortKey::ModifiedBy,
    ];

    /// The value in the URL query (`?sort=in-journey`).
    pub fn query_value(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Version => "version",
            SortKey::Status => "status",
            SortKey::Entered => "entered",
            SortKey::InJourney => "in-journey",
            SortKey::LastModified => "modified",
            SortKey::ModifiedBy => "modified-by",
        }
    }

    pub fn from_query_value(value: &str) -> Option<SortKey> {
        SortKey::ALL
            .into_iter()
            .find(|key| key.query_value() == value)
    }

    /// Numbers and dates read best largest / newest first; words A to Z.
    pub fn natural_direction_is_descending(self) -> bool {
        matches!(
            self,
            SortKey::Entered | SortKey::InJourney | SortKey::LastModified
        )
    }
}
