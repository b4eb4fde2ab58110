use shale::{Function, Table};

#[derive(Function)]
#[function(returns = "trigger", language = "plpgsql", sql = "BEGIN RETURN NEW; END")]
pub struct Noop;

#[derive(Table)]
#[table(name = "items")]
#[trigger(name = "items_code", timing = "before", events(update), update_of(code), for_each = "row",
          when = "OLD.code IS DISTINCT FROM NEW.code", function = "noop")]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
    pub code: i32,
}
