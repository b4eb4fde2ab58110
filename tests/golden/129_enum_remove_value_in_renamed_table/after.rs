//! The table using the enum is renamed while the enum loses a value.

#[derive(PgEnum)]
#[pg_enum(name = "weekday")]
pub enum Weekday {
    Mon,
    Wed,
}

#[derive(Table)]
#[table(name = "timetables", renamed_from = "schedules")]
pub struct Timetable {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'{mon}'")]
    pub days: Vec<Weekday>,
    pub first_day: Option<Weekday>,
}
