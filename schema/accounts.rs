//! Accounts: organisations (the tenants), the people who sign in, and who
//! belongs to which organisation with which role.

use chrono::{DateTime, Utc};
use shale::{PgEnum, Table};
use std::net::IpAddr;

/// The commercial plan an organisation is on.
#[derive(PgEnum, Debug)]
#[pg_enum(name = "plan")]
pub enum Plan {
    Free,
    Team,
    Enterprise,
}

/// What a member may do inside an organisation, most powerful first.
#[derive(PgEnum, Debug)]
#[pg_enum(name = "member_role")]
pub enum MemberRole {
    Owner,
    Admin,
    Member,
    /// Read-only access; spelled `read-only` in the database because the
    /// public API already used that spelling.
    #[pg_enum(rename = "read-only")]
    ReadOnly,
}

/// A tenant: every other row of the application belongs to exactly one.
#[derive(Table)]
#[table(name = "organisations")]
// Organisations are only ever appended; brin keeps the "newest first" admin
// listing index tiny.
#[index(columns(created_at), method = "brin")]
pub struct Organisation {
    /// Never chosen by clients, so `always` refuses explicit values.
    #[column(primary_key, identity = "always")]
    pub id: i64,
    /// The URL-safe handle, e.g. `acme` in `app.example.com/acme`.
    #[column(unique, sql_type = "varchar(64)", check = "slug ~ '^[a-z0-9-]+$'")]
    pub slug: String,
    pub name: String,
    #[column(default = "'free'")]
    pub plan: Plan,
    /// Free-form settings edited in the admin UI.
    #[column(default = "'{}'::jsonb")]
    pub settings: serde_json::Value,
    #[column(default = "now()")]
    pub created_at: DateTime<Utc>,
    /// Soft deletion: rows are purged by a nightly job thirty days later.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// People who can sign in. A user may belong to several organisations.
#[derive(Table)]
#[table(name = "users")]
// E-mail addresses are compared case-insensitively: the uniqueness lives on
// the expression, not on the column.
#[index(
    expr = "lower(email)",
    columns(email),
    unique,
    name = "users_email_lower_key"
)]
#[check(name = "users_email_has_at", expr = "strpos(email, '@') > 1")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    /// RFC 5321 caps an address at 320 characters.
    #[column(sql_type = "varchar(320)")]
    pub email: String,
    pub display_name: String,
    pub avatar_url: Option<String>,
    /// Free labels set by support staff (`vip`, `beta`, …).
    #[column(default = "'{}'")]
    pub tags: Vec<String>,
    pub last_login_ip: Option<IpAddr>,
    /// Millisecond precision is all the session logic needs.
    #[column(sql_type = "timestamp(3) with time zone", default = "now()")]
    pub created_at: DateTime<Utc>,
    /// Set from the sign-up form and hashed before saving: never stored as is.
    #[column(skip)]
    pub password: Option<String>,
}

/// Who belongs to which organisation, and as what.
#[derive(Table)]
#[table(name = "memberships")]
#[primary_key(columns(organisation_id, user_id))]
// "Which organisations am I in?" is the first query after sign-in.
#[index(columns(user_id))]
pub struct Membership {
    #[column(references = "organisations.id", on_delete = "cascade")]
    pub organisation_id: i64,
    #[column(references = "users.id", on_delete = "cascade")]
    pub user_id: i64,
    #[column(default = "'member'")]
    pub role: MemberRole,
    /// Kept when the inviting user leaves, hence `set_null`.
    #[column(references = "users.id", on_delete = "set_null")]
    pub invited_by: Option<i64>,
    #[column(default = "now()")]
    pub joined_at: DateTime<Utc>,
}
