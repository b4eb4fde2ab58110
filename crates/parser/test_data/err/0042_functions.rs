//- schema/functions.rs
#[derive(Function)]
#[function(retruns = "trigger", language = "plpgsql", sql = "BEGIN END")]
pub struct Typo;

#[derive(Function)]
#[function(returns = "void", sql = "BEGIN END", sql_file = "x.sql", language = "plpgsql")]
pub struct Both;

#[derive(Function)]
#[function(procedure, returns = "void", volatility = "stable", language = "plpgsql", sql = "BEGIN END")]
pub struct BadProcedure;

#[derive(Function)]
#[function(returns = "void", language = "plpgsql", volatility = "sometimes", parallel = "maybe", sql = "BEGIN END")]
pub struct BadOptions;

#[derive(Function)]
#[function(returns = "void", language = "plpgsql", sql = "BEGIN END")]
pub struct Twice;

#[derive(Function)]
#[function(name = "twice", returns = "void", language = "plpgsql", sql = "BEGIN END")]
pub struct TwiceAgain;

#[derive(Function)]
#[function(args = "a integer,, b", returns = "integer", language = "sql", sql = "SELECT 1")]
pub struct BadArgs;

#[derive(Function)]
#[function(sql = "SELECT 1")]
pub struct Bare;

#[derive(Table)]
#[trigger(name = "t1", timing = "during", events(insert), for_each = "row", function = "twice")]
#[trigger(name = "t2", timing = "before", events(upsert), for_each = "row", function = "twice")]
#[trigger(name = "t3", timing = "before", events(insert), update_of(nope), for_each = "each", function = "twice")]
#[trigger(name = "t4", timing = "after", events(truncate), for_each = "row", function = "twice")]
#[trigger(name = "t5", timing = "before", events(insert), for_each = "row", function = "missing")]
#[trigger(name = "t5", timing = "before", events(insert), for_each = "row", function = "twice")]
#[trigger(timing = "before", events(insert), for_each = "row", function = "twice")]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
}
