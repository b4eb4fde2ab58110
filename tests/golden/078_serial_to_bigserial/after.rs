//! A serial key and an identity column grow to bigint; their sequences
//! must grow with them, or they stop at 2147483647.

#[derive(Table)]
#[table(name = "tickets")]
pub struct Ticket {
    #[column(primary_key, sql_type = "bigserial")]
    pub id: i64,
    #[column(identity)]
    pub number: i64,
}
