// Functions, procedures and triggers compile, and their constants are usable.
use shale::{Function, Table};

/// Stamps updated_at.
#[derive(Function)]
#[function(returns = "trigger", language = "plpgsql", search_path = "public, pg_temp",
           sql = "BEGIN NEW.updated_at := now(); RETURN NEW; END")]
pub struct TouchUpdatedAt;

#[derive(Function)]
#[function(name = "email_of", schema = "app", args = "u bigint, fallback text DEFAULT 'none'",
           returns = "text", language = "sql", volatility = "stable", strict, parallel = "safe",
           sql_file = "functions/email_of.sql")]
pub struct EmailOf;

#[derive(Function)]
#[function(procedure, args = "days integer", language = "plpgsql", sql = "BEGIN END")]
pub struct Purge;

#[derive(Table)]
#[trigger(name = "users_touch", timing = "before", events(insert, update), update_of(email),
          for_each = "row", when = "NEW.email IS NOT NULL", function = "touch_updated_at")]
pub struct Users {
    #[column(primary_key)]
    pub id: i64,
    pub email: Option<String>,
}

fn main() {
    assert_eq!(<TouchUpdatedAt as Function>::NAME, "touch_updated_at");
    assert_eq!(EmailOf::QUALIFIED_NAME, "\"app\".\"email_of\"");
    assert_eq!(<Purge as Function>::SCHEMA, "public");
    assert_eq!(Users::COLUMNS, ["id", "email"]);
}
