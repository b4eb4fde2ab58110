#[derive(Table)]
#[table(name = "accounts")]
pub struct Account {
    pub id: i64,
    pub handle: String,
}
