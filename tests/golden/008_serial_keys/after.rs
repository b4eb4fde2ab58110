//! serial, bigserial and smallserial keys own their sequences.

#[derive(Table)]
#[table(name = "tickets")]
pub struct Ticket {
    #[column(primary_key, sql_type = "bigserial")]
    pub id: i64,
    #[column(sql_type = "serial")]
    pub seq: i32,
    #[column(sql_type = "smallserial")]
    pub short_seq: i16,
}
