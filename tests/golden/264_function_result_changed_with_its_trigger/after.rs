//! A function whose result type or argument names change cannot be
//! replaced: dropped and created again. A trigger function that is dropped
//! for good takes its trigger first; the new trigger calls the new function.
use shale::{Function, Table};

#[derive(Function)]
#[function(args = "n integer", returns = "bigint", language = "sql", sql = "SELECT n::bigint * 2")]
pub struct Twice;

#[derive(Function)]
#[function(returns = "trigger", language = "plpgsql", sql = "BEGIN RETURN NEW; END")]
pub struct KeepRow;

#[derive(Table)]
#[table(name = "items")]
#[trigger(name = "items_keep", timing = "before", events(insert), for_each = "row", function = "keep_row")]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
}
