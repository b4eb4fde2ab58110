//! chrono and time types: date, time, timestamp, timestamptz.

#[derive(Table)]
#[table(name = "events")]
pub struct Event {
    #[column(primary_key)]
    pub id: i64,
    pub day: chrono::NaiveDate,
    pub other_day: time::Date,
    pub at: NaiveTime,
    pub other_at: Time,
    pub local: NaiveDateTime,
    pub other_local: PrimitiveDateTime,
    pub happened: chrono::DateTime<chrono::Utc>,
    pub recorded: time::OffsetDateTime,
    pub ended: Option<DateTime<Utc>>,
}
