//! A function whose body, volatility-free options and comment change keeps
//! its signature: CREATE OR REPLACE, and the trigger that calls it stays.
use shale::{Function, Table};

/// Uses the statement's clock.
#[derive(Function)]
#[function(returns = "trigger", language = "plpgsql", security_definer, search_path = "''",
           sql = "BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END")]
pub struct Touch;

#[derive(Table)]
#[table(name = "users")]
#[trigger(name = "users_touch", timing = "before", events(update), for_each = "row", function = "touch")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
}
