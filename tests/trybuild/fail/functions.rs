// A procedure with a result type, and triggers with every per-item mistake.
use shale::{Function, Table};

#[derive(Function)]
#[function(procedure, returns = "void", language = "plpgsql", sql = "BEGIN END")]
pub struct Purge;

#[derive(Function)]
#[function(returns = "trigger", language = "plpgsql", sql = "BEGIN RETURN NEW; END")]
pub struct F;

#[derive(Table)]
#[trigger(name = "t1", timing = "during", events(insert), for_each = "row", function = "f")]
#[trigger(name = "t2", timing = "before", events(upsert), for_each = "row", function = "f")]
#[trigger(name = "t3", timing = "before", events(insert), for_each = "each", function = "f")]
#[trigger(name = "t4", timing = "after", events(truncate), for_each = "row", function = "f")]
#[trigger(name = "t5", timing = "before", events(insert), for_each = "row", function = "f")]
#[trigger(name = "t5", timing = "before", events(insert), for_each = "row", function = "f")]
#[trigger(timing = "before", events(insert), for_each = "row", function = "f")]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
}

fn main() {}
