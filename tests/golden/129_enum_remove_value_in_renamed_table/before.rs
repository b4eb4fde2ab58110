#[derive(PgEnum)]
#[pg_enum(name = "weekday")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
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
