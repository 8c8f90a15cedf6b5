//! Who is calling: the bearer token of a request, resolved to a role and a name.

use std::collections::HashMap;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use contract::Role;

use crate::failure::Failure;
use crate::server_state::ServerState;
use crate::Token;

/// The name changes are recorded under when the server runs without tokens.
const DEMO_USER: &str = "Demo user";

/// The tokens the server accepts; none means every request is let in as an admin.
pub(crate) struct Access {
    callers: HashMap<String, Caller>,
}

impl Access {
    pub(crate) fn new(tokens: &[Token]) -> Self {
        let callers = tokens
            .iter()
            .map(|token| {
                let caller = Caller {
                    role: token.role,
                    name: token.name.clone(),
                };
                (token.secret.clone(), caller)
            })
            .collect();
        Access { callers }
    }

    fn authenticate(&self, authorization: Option<&HeaderValue>) -> Result<Caller, Failure> {
        if self.callers.is_empty() {
            return Ok(Caller {
                role: Role::Admin,
                name: DEMO_USER.into(),
            });
        }
        let Some(authorization) = authorization else {
            return Err(Failure::unauthorized(
                "Sign in first: this server needs an Authorization: Bearer <token> header.",
            ));
        };
        let token = authorization
            .to_str()
            .ok()
            .and_then(bearer_token)
            .ok_or_else(|| {
                Failure::unauthorized("The Authorization header must be Bearer <token>.")
            })?;
        self.callers
            .get(token)
            .cloned()
            .ok_or_else(|| Failure::unauthorized("This token is not valid for this server."))
    }
}

/// The person behind a request.
#[derive(Clone, Debug)]
pub(crate) struct Caller {
    pub(crate) role: Role,
    /// Recorded as `updatedBy` and as `by` in history.
    pub(crate) name: String,
}

impl FromRequestParts<ServerState> for Caller {
    type Rejection = Failure;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &ServerState,
    ) -> Result<Self, Self::Rejection> {
        state
            .access()
            .authenticate(parts.headers.get(header::AUTHORIZATION))
    }
}

/// The token of `Bearer <token>`; the scheme is case-insensitive (RFC 9110).
fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_resolve_to_their_role_and_name() {
        let access = Access::new(&[
            Token::named(Role::Operator, "def", "Ana Ruiz"),
            Token::new(Role::Viewer, "abc"),
        ]);
        let caller = access
            .authenticate(Some(&HeaderValue::from_static("bearer def")))
            .unwrap();
        assert_eq!(
            (caller.role, caller.name.as_str()),
            (Role::Operator, "Ana Ruiz")
        );
        assert!(access.authenticate(None).is_err());
        assert!(access
            .authenticate(Some(&HeaderValue::from_static("Bearer nope")))
            .is_err());
        assert!(access
            .authenticate(Some(&HeaderValue::from_static("Basic abc")))
            .is_err());
    }

    #[test]
    fn without_tokens_everyone_is_the_demo_admin() {
        let caller = Access::new(&[]).authenticate(None).unwrap();
        assert_eq!(
            (caller.role, caller.name.as_str()),
            (Role::Admin, DEMO_USER)
        );
    }
}
