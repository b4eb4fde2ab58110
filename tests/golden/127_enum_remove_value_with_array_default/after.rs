//! A value is removed from an enum used by an array column with a default:
//! the array default is dropped and restored around the type swap.

#[derive(PgEnum)]
#[pg_enum(name = "weekday")]
pub enum Weekday {
    Mon,
    Tue,
}

#[derive(Table)]
#[table(name = "schedules")]
pub struct Schedule {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'{mon,tue}'")]
    pub days: Vec<Weekday>,
    pub first_day: Option<Weekday>,
}
