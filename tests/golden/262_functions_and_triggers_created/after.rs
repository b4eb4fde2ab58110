//! Functions, a procedure and triggers created with a table: routines first
//! (a LANGUAGE sql body is not checked against tables not yet created), then
//! the table, then its triggers.
use shale::{Function, Table};

/// Stamps updated_at.
#[derive(Function)]
#[function(returns = "trigger", language = "plpgsql", search_path = "public, pg_temp",
           sql = "BEGIN NEW.updated_at := now(); RETURN NEW; END")]
pub struct Touch;

#[derive(Function)]
#[function(returns = "trigger", language = "plpgsql", security_definer,
           sql = "BEGIN INSERT INTO audit_log (tag) VALUES (TG_ARGV[0]); RETURN NULL; END")]
pub struct Audit;

#[derive(Function)]
#[function(args = "u bigint, fallback text DEFAULT 'none'", returns = "text", language = "sql",
           volatility = "stable", strict, parallel = "safe",
           sql = "SELECT coalesce(email, fallback) FROM users WHERE id = u")]
pub struct EmailOf;

#[derive(Function)]
#[function(procedure, args = "days integer", language = "plpgsql",
           sql = "BEGIN DELETE FROM audit_log WHERE at < now() - make_interval(days => days); END")]
pub struct Purge;

#[derive(Table)]
#[table(name = "users")]
#[trigger(name = "users_touch", timing = "before", events(insert, update), for_each = "row", function = "touch")]
#[trigger(name = "users_audit", timing = "after", events(update), update_of(email), for_each = "row",
          when = "OLD.email IS DISTINCT FROM NEW.email", function = "audit", args = "email changed",
          comment = "who changed an email")]
#[trigger(name = "users_truncated", timing = "after", events(truncate), for_each = "statement", function = "audit", args = "truncate")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: Option<String>,
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Table)]
pub struct AuditLog {
    #[column(primary_key, identity)]
    pub id: i64,
    pub tag: String,
    #[column(default = "now()")]
    pub at: chrono::DateTime<chrono::Utc>,
}
