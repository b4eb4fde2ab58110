//! timestamp → timestamptz(3) and timestamp → date.

#[derive(Table)]
#[table(name = "logins")]
pub struct Login {
    #[column(primary_key)]
    pub id: i64,
    #[column(sql_type = "timestamp(3) with time zone")]
    pub at: DateTime<Utc>,
    pub day: NaiveDate,
}
