#[derive(Table)]
pub struct Event {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(identity = "always")]
    pub seq: i32,
    #[column(identity = "by_default")]
    pub small: i16,
}
