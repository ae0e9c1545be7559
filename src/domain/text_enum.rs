//! Closed sets of names that are stored and sent as text (a verdict, a
//! submission's status, a challenge's kind). Each is an enum everywhere in
//! the code; the text exists only in the database and on the wire, and a
//! stored text that names no variant is an error where it is read, never a
//! silent default.

/// Text that names no variant of a [`text_enum!`] type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {raw:?}; expected one of {expected}")]
pub struct UnknownName {
    pub what: &'static str,
    pub raw: String,
    pub expected: String,
}

impl UnknownName {
    /// The same, as a client's bad input in `field`.
    pub fn for_field(self, field: &'static str) -> super::ValidationError {
        super::ValidationError::new(field, format!("expected one of {}", self.expected))
    }
}

/// Declares such an enum: the variants with their texts, `ALL`, `as_str`,
/// `parse`, `FromStr`, serde as the same texts, and an OpenAPI
/// schema listing them.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        $vis enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The variant this exact text names.
            pub fn parse(raw: &str) -> Result<$name, $crate::domain::UnknownName> {
                match raw {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::domain::UnknownName {
                        what: $what,
                        raw: raw.chars().take(64).collect(),
                        expected: [$($text),+].join(", "),
                    }),
                }
            }
        }

        // Written out rather than derived: the derive does not see serde
        // renames that come through a macro, and would list the variants'
        // Rust names instead of their texts.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                use utoipa::openapi::schema::{ObjectBuilder, Type};
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some([$($text),+]))
                    .description(Some(concat!("A ", $what, ".")))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::UnknownName;
            fn from_str(raw: &str) -> Result<Self, Self::Err> {
                $name::parse(raw)
            }
        }
    };
}

pub(crate) use text_enum;
