use shale::Table;

#[derive(Table)]
#[table(name = "readings", partition_by = "RANGE (taken_on)")]
#[index(columns(sensor))]
#[partition(name = "readings_2026", values = "FROM ('2026-01-01') TO ('2027-01-01')")]
pub struct Reading {
    pub sensor: i32,
    pub taken_on: chrono::NaiveDate,
}

#[derive(Table)]
#[table(name = "logs")]
pub struct Log {
    pub id: i64,
    pub at: chrono::NaiveDate,
}
