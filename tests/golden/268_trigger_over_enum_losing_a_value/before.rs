use shale::{Function, PgEnum, Table};

#[derive(PgEnum)]
#[pg_enum(name = "mood")]
pub enum Mood {
    Active,
    Away,
}

#[derive(Function)]
#[function(returns = "trigger", language = "plpgsql", sql = "BEGIN RETURN NEW; END")]
pub struct Noop;

#[derive(Table)]
#[table(name = "members")]
#[trigger(name = "members_mood", timing = "before", events(update), update_of(mood), for_each = "row", function = "noop")]
#[trigger(name = "members_any", timing = "before", events(update), for_each = "row", function = "noop")]
pub struct Member {
    #[column(primary_key)]
    pub id: i64,
    pub mood: Mood,
}
