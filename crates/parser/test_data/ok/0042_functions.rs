//- schema/functions.rs
use shale::{Function, Table};

/// Stamps rows.
#[derive(Function)]
#[function(returns = "TRIGGER", language = "plpgsql", search_path = "public,pg_temp",
           sql = "BEGIN NEW.at := now(); RETURN NEW; END")]
pub struct Touch;

#[derive(Function)]
#[function(name = "pick", schema = "app", args = "IN a varchar(10), OUT b int4, c text = 'x', VARIADIC rest integer[]",
           returns = "setof int8", language = "SQL", volatility = "stable", strict, leakproof,
           parallel = "safe", security_definer, sql = "SELECT 1")]
pub struct Pick;

#[derive(Function)]
#[function(name = "pick", schema = "app", args = "double precision", returns = "TABLE (x int4, \"Y\" text)",
           language = "sql", sql = "SELECT 1, 'y'")]
pub struct PickDouble;

#[derive(Function)]
#[function(procedure, args = "days integer DEFAULT 30", language = "plpgsql", sql = "BEGIN END")]
pub struct Tidy;

#[derive(Table)]
#[trigger(name = "items_touch", timing = "before", events(insert, update), update_of(code_value), for_each = "row",
          when = "NEW.code IS NOT NULL", function = "touch", args = "a, b", comment = "stamps")]
#[trigger(name = "items_truncate", timing = "after", events(truncate), for_each = "statement",
          function = "pg_catalog.suppress_redundant_updates_trigger")]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
    #[column(name = "code")]
    pub code_value: Option<String>,
    pub at: Option<chrono::DateTime<chrono::Utc>>,
}
