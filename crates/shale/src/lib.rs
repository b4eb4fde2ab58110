//! shale's schema language for application code: the `Table` and `PgEnum`
//! derive macros, the traits they implement and the zero-cost metadata they
//! generate (table and column names as `&'static str` constants, enum values
//! with `as_str`/`FromStr`).
//!
//! ```
//! use shale::{PgEnum, Table};
//!
//! #[derive(PgEnum, Clone, Copy, Debug, PartialEq)]
//! #[pg_enum(name = "role")]
//! pub enum Role { Admin, Member, #[pg_enum(rename = "guest-user")] Guest }
//!
//! #[derive(Table)]
//! #[table(name = "users", schema = "auth")]
//! pub struct User {
//!     #[column(primary_key, identity)]
//!     pub id: i64,
//!     #[column(name = "email_address")]
//!     pub email: String,
//!     pub role: Role,
//!     #[column(skip)]
//!     pub cached: u8,
//! }
//!
//! assert_eq!(User::QUALIFIED_NAME, r#""auth"."users""#);
//! assert_eq!(User::COLUMNS, ["id", "email_address", "role"]);
//! assert_eq!(user_columns::EMAIL, "email_address");
//! let sql = format!("SELECT {} FROM {}", User::COLUMNS.join(", "), User::QUALIFIED_NAME);
//! assert_eq!(sql, r#"SELECT id, email_address, role FROM "auth"."users""#);
//! assert_eq!(Role::Guest.as_str(), "guest-user");
//! assert_eq!("guest-user".parse::<Role>(), Ok(Role::Guest));
//! assert!("guest".parse::<Role>().is_err());
//! ```
//!
//! The derives check every attribute with the same grammar as `shale
//! generate`, and every item with its per-item rules (duplicate columns, two
//! primary keys, unknown columns in attribute lists, duplicate enum values,
//! …), so a mistake is a compile error with the same message on the same
//! tokens. Rules that need the whole schema (a `references` to a table
//! defined elsewhere, duplicate table names across files, unknown column
//! types, …) can only be seen by `shale generate` and `shale check`.
//!
//! Cargo feature `postgres`: implements `postgres_types::ToSql` and
//! `FromSql` for every `PgEnum` type, so that it binds to and reads from a
//! column of that enum type with the `postgres` and `tokio-postgres` crates.

#![deny(missing_docs)]

use std::fmt;

pub use shale_derive::{
    CompositeType, Domain, Extension, Function, Namespace, PgEnum, Sequence, Table, View,
};

/// A newtype struct that derives [`Domain`](derive@Domain): a domain
/// (`CREATE DOMAIN`) over the type of its field. A column whose field has
/// this type has the domain as its type. The derive also adds the constants
/// as inherent associated constants.
pub trait Domain {
    /// The domain's SQL name, unquoted.
    const NAME: &'static str;
    /// Its namespace, unquoted; `public` by default.
    const SCHEMA: &'static str;
    /// `"schema"."name"`, quoted like [`Table::QUALIFIED_NAME`].
    const QUALIFIED_NAME: &'static str;
}

/// A struct that derives [`CompositeType`](derive@CompositeType): a
/// composite type (`CREATE TYPE … AS (…)`) whose attributes are its fields.
/// A column whose field has this type has the composite type as its type.
pub trait CompositeType {
    /// The type's SQL name, unquoted.
    const NAME: &'static str;
    /// Its namespace, unquoted; `public` by default.
    const SCHEMA: &'static str;
    /// `"schema"."name"`, quoted like [`Table::QUALIFIED_NAME`].
    const QUALIFIED_NAME: &'static str;
}

/// A unit struct that derives [`Sequence`](derive@Sequence): a standalone
/// sequence (`CREATE SEQUENCE`). The derive also adds the constants as
/// inherent associated constants.
pub trait Sequence {
    /// The sequence's SQL name, unquoted.
    const NAME: &'static str;
    /// Its namespace, unquoted; `public` by default.
    const SCHEMA: &'static str;
    /// `"schema"."name"`, quoted like [`Table::QUALIFIED_NAME`]: ready for
    /// `nextval('…')`.
    const QUALIFIED_NAME: &'static str;
}

/// A unit struct that derives [`Function`](derive@Function): a function or
/// procedure (`CREATE FUNCTION`, `CREATE PROCEDURE`). The derive also adds
/// the constants as inherent associated constants.
pub trait Function {
    /// The routine's SQL name, unquoted.
    const NAME: &'static str;
    /// Its namespace, unquoted; `public` by default.
    const SCHEMA: &'static str;
    /// `"schema"."name"`, quoted like [`Table::QUALIFIED_NAME`]: ready for
    /// `SELECT "schema"."name"(…)`.
    const QUALIFIED_NAME: &'static str;
}

/// A unit struct that derives [`Extension`](derive@Extension): an extension
/// the schema needs (`CREATE EXTENSION`).
pub trait Extension {
    /// The extension's name (`pg_trgm`).
    const NAME: &'static str;
}

/// A unit struct that derives [`Namespace`](derive@Namespace): a namespace
/// (PostgreSQL schema) with its comment and grants.
pub trait Namespace {
    /// The namespace's name (`billing`).
    const NAME: &'static str;
}

/// A struct that derives [`Table`](derive@Table): a database table.
///
/// The derive also adds the same constants as inherent associated constants
/// (`User::NAME`, without importing the trait) and a module
/// `<snake_case struct name>_columns` with one constant per column field
/// (`user_columns::EMAIL == "email"`).
pub trait Table {
    /// The table's SQL name, unquoted (`users`).
    const NAME: &'static str;
    /// The table's namespace (PostgreSQL schema), unquoted; `public` unless
    /// `#[table(schema = "…")]` says otherwise.
    const SCHEMA: &'static str;
    /// `"schema"."name"`: both parts always in double quotes (a `"` inside
    /// is doubled), ready to paste into SQL.
    const QUALIFIED_NAME: &'static str;
    /// The SQL names of the columns, in field order; `#[column(skip)]`
    /// fields are left out.
    const COLUMNS: &'static [&'static str];
    /// The SQL names of the primary key's columns, in key order; empty when
    /// the table has no primary key.
    const PRIMARY_KEY: &'static [&'static str];
}

/// A struct that derives [`View`](derive@View): a view or materialized
/// view, whose fields are its columns.
///
/// The derive also adds the same constants as inherent associated constants
/// and a module `<snake_case struct name>_columns`, as for tables.
pub trait View {
    /// The view's SQL name, unquoted.
    const NAME: &'static str;
    /// The view's namespace (PostgreSQL schema), unquoted.
    const SCHEMA: &'static str;
    /// `"schema"."name"`, quoted like [`Table::QUALIFIED_NAME`].
    const QUALIFIED_NAME: &'static str;
    /// The SQL names of the columns, in field order; `#[column(skip)]`
    /// fields are left out.
    const COLUMNS: &'static [&'static str];
    /// Whether it is a materialized view.
    const MATERIALIZED: bool;
}

/// An enum that derives [`PgEnum`](derive@PgEnum): a PostgreSQL enum type.
///
/// The derive also implements [`fmt::Display`] (the database value) and
/// [`std::str::FromStr`] (with [`ParseEnumError`]), and adds inherent
/// `NAME`, `SCHEMA`, `QUALIFIED_NAME`, `VALUES` constants and an inherent
/// `as_str`, so none of them needs the trait in scope.
pub trait PgEnum: Sized + 'static {
    /// The enum type's SQL name, unquoted (`role`).
    const NAME: &'static str;
    /// The enum type's namespace, unquoted; `public` by default.
    const SCHEMA: &'static str;
    /// `"schema"."name"`, quoted like [`Table::QUALIFIED_NAME`].
    const QUALIFIED_NAME: &'static str;
    /// The database values, in declaration order (after `rename`).
    const VALUES: &'static [&'static str];

    /// The database value of this variant.
    fn as_str(&self) -> &'static str;

    /// The variant whose database value is `value`, if any.
    fn from_db_str(value: &str) -> Option<Self>;
}

/// A string that is not one of a [`PgEnum`]'s database values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseEnumError {
    /// The enum's SQL name.
    pub enum_name: &'static str,
    /// The value that was given.
    pub value: String,
    /// The accepted values.
    pub expected: &'static [&'static str],
}

impl ParseEnumError {
    /// The error for `value` not being a value of `E`.
    pub fn new<E: PgEnum>(value: &str) -> Self {
        ParseEnumError {
            enum_name: E::NAME,
            value: value.to_string(),
            expected: E::VALUES,
        }
    }
}

impl fmt::Display for ParseEnumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a value of enum `{}`; expected one of: {}",
            self.value,
            self.enum_name,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for ParseEnumError {}

/// Support for generated code; not a public API.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "postgres")]
    pub use bytes::BytesMut;
    #[cfg(feature = "postgres")]
    pub use postgres_types;

    /// Whether a PostgreSQL type is the enum `E` (same name and namespace).
    #[cfg(feature = "postgres")]
    pub fn is_enum_type<E: crate::PgEnum>(ty: &postgres_types::Type) -> bool {
        matches!(ty.kind(), postgres_types::Kind::Enum(_))
            && ty.name() == E::NAME
            && ty.schema() == E::SCHEMA
    }

    /// Reads a value of the enum `E` from PostgreSQL's wire format (the
    /// label's bytes, in text and binary format alike).
    #[cfg(feature = "postgres")]
    pub fn enum_from_sql<E: crate::PgEnum>(
        raw: &[u8],
    ) -> Result<E, Box<dyn std::error::Error + Sync + Send>> {
        let text = std::str::from_utf8(raw)?;
        E::from_db_str(text).ok_or_else(|| crate::ParseEnumError::new::<E>(text).into())
    }
}

/// Emitted by `#[derive(PgEnum)]`: expands to the `postgres_types` impls
/// when this crate's `postgres` feature is on, and to nothing otherwise. The
/// derive cannot see the features of this crate, so the decision is taken
/// here, where the `cfg` is evaluated.
#[cfg(feature = "postgres")]
#[doc(hidden)]
#[macro_export]
macro_rules! __pg_enum_postgres {
    ($ty:ident) => {
        impl $crate::__private::postgres_types::ToSql for $ty {
            fn to_sql(
                &self,
                _ty: &$crate::__private::postgres_types::Type,
                out: &mut $crate::__private::BytesMut,
            ) -> ::std::result::Result<
                $crate::__private::postgres_types::IsNull,
                ::std::boxed::Box<
                    dyn ::std::error::Error + ::std::marker::Sync + ::std::marker::Send,
                >,
            > {
                out.extend_from_slice(<$ty as $crate::PgEnum>::as_str(self).as_bytes());
                ::std::result::Result::Ok($crate::__private::postgres_types::IsNull::No)
            }

            fn accepts(ty: &$crate::__private::postgres_types::Type) -> bool {
                $crate::__private::is_enum_type::<$ty>(ty)
            }

            $crate::__private::postgres_types::to_sql_checked!();
        }

        impl<'a> $crate::__private::postgres_types::FromSql<'a> for $ty {
            fn from_sql(
                _ty: &$crate::__private::postgres_types::Type,
                raw: &'a [u8],
            ) -> ::std::result::Result<
                Self,
                ::std::boxed::Box<
                    dyn ::std::error::Error + ::std::marker::Sync + ::std::marker::Send,
                >,
            > {
                $crate::__private::enum_from_sql::<$ty>(raw)
            }

            fn accepts(ty: &$crate::__private::postgres_types::Type) -> bool {
                $crate::__private::is_enum_type::<$ty>(ty)
            }
        }
    };
}

/// Emitted by `#[derive(PgEnum)]`; the `postgres` feature is off, so there
/// is nothing to implement.
#[cfg(not(feature = "postgres"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __pg_enum_postgres {
    ($ty:ident) => {};
}
