//! The enum is renamed and loses a value in the same migration.

#[derive(PgEnum)]
#[pg_enum(name = "day_of_week", renamed_from = "weekday")]
pub enum DayOfWeek {
    Mon,
    Tue,
}

#[derive(Table)]
#[table(name = "schedules")]
pub struct Schedule {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'{mon,tue}'")]
    pub days: Vec<DayOfWeek>,
    pub first_day: Option<DayOfWeek>,
}
