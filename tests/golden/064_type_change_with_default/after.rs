//! text with a default '0' becomes bigint with default 0.

#[derive(Table)]
#[table(name = "counters")]
pub struct Counter {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "0")]
    pub value: i64,
}
