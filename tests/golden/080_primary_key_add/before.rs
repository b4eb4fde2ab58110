#[derive(Table)]
#[table(name = "events")]
pub struct Event {
    pub id: i64,
    pub name: String,
}
