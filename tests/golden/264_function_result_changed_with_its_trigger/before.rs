use shale::{Function, Table};

#[derive(Function)]
#[function(args = "a integer", returns = "integer", language = "sql", sql = "SELECT a * 2")]
pub struct Twice;

#[derive(Function)]
#[function(returns = "trigger", language = "plpgsql", sql = "BEGIN RETURN NEW; END")]
pub struct Keep;

#[derive(Table)]
#[table(name = "items")]
#[trigger(name = "items_keep", timing = "before", events(insert), for_each = "row", function = "keep")]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
}
