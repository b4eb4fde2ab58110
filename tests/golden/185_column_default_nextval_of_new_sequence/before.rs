#[derive(Table)]
pub struct Orders {
    pub id: i64,
}
