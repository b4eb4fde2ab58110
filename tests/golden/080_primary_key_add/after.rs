//! A table without a primary key gets one.

#[derive(Table)]
#[table(name = "events")]
pub struct Event {
    #[column(primary_key)]
    pub id: i64,
    pub name: String,
}
