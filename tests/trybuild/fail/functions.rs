// A procedure with a result type, and a trigger with an unknown event.
use shale::{Function, Table};

#[derive(Function)]
#[function(procedure, returns = "void", language = "plpgsql", sql = "BEGIN END")]
pub struct Purge;

#[derive(Table)]
#[trigger(name = "t", timing = "before", events(upsert), for_each = "row", function = "f")]
pub struct Users {
    #[column(primary_key)]
    pub id: i64,
}

fn main() {}
