use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;

use crate::failure::Failure;

/// The `{id}` of a journey version in the path, with a contract-shaped error when
/// it cannot be read.
pub(crate) struct VersionId(pub(crate) String);

impl<S: Send + Sync> FromRequestParts<S> for VersionId {
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Failure> {
        let Path(id) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|rejection| {
                Failure::bad_request(format!("The journey version id is not valid: {rejection}"))
            })?;
        Ok(VersionId(id))
    }
}
