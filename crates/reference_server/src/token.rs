use std::fmt;
use std::str::FromStr;

use contract::Role;

/// A bearer token the server accepts, the role it grants and the name that
/// changes made with it are recorded under (`updatedBy`, history `by`).
#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    pub role: Role,
    pub secret: String,
    pub name: String,
}

impl Token {
    /// A token whose changes are recorded under the role's name, such as "Operator".
    pub fn new(role: Role, secret: impl Into<String>) -> Self {
        Token {
            role,
            secret: secret.into(),
            name: role_name(role).into(),
        }
    }

    pub fn named(role: Role, secret: impl Into<String>, name: impl Into<String>) -> Self {
        Token {
            role,
            secret: secret.into(),
            name: name.into(),
        }
    }
}

// Keeps secrets out of logs and panic messages.
impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Token")
            .field("role", &self.role)
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// `role:secret` or `role:secret:Display Name`, as `--token` takes it.
impl FromStr for Token {
    type Err = TokenError;

    fn from_str(text: &str) -> Result<Self, TokenError> {
        let mut parts = text.splitn(3, ':');
        let role = parts.next().unwrap_or_default().trim();
        let role = match role.to_ascii_lowercase().as_str() {
            "viewer" => Role::Viewer,
            "operator" => Role::Operator,
            "admin" => Role::Admin,
            _ => return Err(TokenError::UnknownRole(role.to_owned())),
        };
        let secret = parts.next().unwrap_or_default().trim();
        if secret.is_empty() || !secret.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(TokenError::BadSecret);
        }
        Ok(
            match parts.next().map(str::trim).filter(|name| !name.is_empty()) {
                Some(name) => Token::named(role, secret, name),
                None => Token::new(role, secret),
            },
        )
    }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Viewer => "Viewer",
        Role::Operator => "Operator",
        Role::Admin => "Admin",
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenError {
    UnknownRole(String),
    BadSecret,
}

impl fmt::Display for TokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenError::UnknownRole(role) => write!(
                f,
                "unknown role \"{role}\": write a token as viewer:<token>, operator:<token> \
                 or admin:<token>, optionally followed by :<display name>"
            ),
            TokenError::BadSecret => f.write_str(
                "a token needs a secret of visible ASCII characters after the role, \
                 as in operator:s3cret:Ana Ruiz",
            ),
        }
    }
}

impl std::error::Error for TokenError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_names_its_role_and_optionally_a_person() {
        let token: Token = "operator:def:Ana Ruiz".parse().unwrap();
        assert_eq!(token, Token::named(Role::Operator, "def", "Ana Ruiz"));
        let token: Token = "Admin:ghi".parse().unwrap();
        assert_eq!(token, Token::named(Role::Admin, "ghi", "Admin"));
        // A display name may hold colons of its own.
        let token: Token = "viewer:abc:Team: Growth".parse().unwrap();
        assert_eq!(token.name, "Team: Growth");
    }

    #[test]
    fn tokens_without_a_known_role_or_a_secret_are_refused() {
        assert_eq!(
            "owner:abc".parse::<Token>(),
            Err(TokenError::UnknownRole("owner".into()))
        );
        assert_eq!("viewer".parse::<Token>(), Err(TokenError::BadSecret));
        assert_eq!("viewer:".parse::<Token>(), Err(TokenError::BadSecret));
        assert_eq!("viewer:a b".parse::<Token>(), Err(TokenError::BadSecret));
    }

    #[test]
    fn debug_output_hides_the_secret() {
        let token = Token::new(Role::Admin, "very-secret");
        assert!(!format!("{token:?}").contains("very-secret"));
    }
}
