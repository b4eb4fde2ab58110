//! A trigger whose events change is dropped and created again, one removed
//! is dropped, one whose comment alone changes gets COMMENT ON TRIGGER.
use shale::{Function, Table};

#[derive(Function)]
#[function(returns = "trigger", language = "plpgsql", sql = "BEGIN RETURN NEW; END")]
pub struct Noop;

#[derive(Table)]
#[table(name = "items")]
#[trigger(name = "items_a", timing = "before", events(insert, update), update_of(name), for_each = "row", function = "noop")]
#[trigger(name = "items_c", timing = "before", events(update), for_each = "row", function = "noop", comment = "new")]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
    pub name: String,
}
