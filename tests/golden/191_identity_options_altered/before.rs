#[derive(Table)]
pub struct Tickets {
    #[column(primary_key, identity, identity_start = 100, identity_cache = 20)]
    pub id: i64,
    #[column(identity)]
    pub serial_no: i32,
    pub plain: i64,
}
