//! Partitioned tables dropped: one DROP TABLE each, their partitions go
//! with them.
use shale::Table;

#[derive(Table)]
#[table(name = "accounts")]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
}
