use shale::{Function, Table};

#[derive(Function)]
#[function(returns = "trigger", language = "plpgsql", sql = "BEGIN RETURN NEW; END")]
pub struct Noop;

#[derive(Table)]
#[table(name = "items")]
#[trigger(name = "items_a", timing = "before", events(insert), for_each = "row", function = "noop")]
#[trigger(name = "items_b", timing = "after", events(delete), for_each = "statement", function = "noop")]
#[trigger(name = "items_c", timing = "before", events(update), for_each = "row", function = "noop", comment = "old")]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
    pub name: String,
}
