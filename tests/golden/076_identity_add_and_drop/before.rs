#[derive(Table)]
#[table(name = "widgets")]
pub struct Widget {
    #[column(primary_key, identity = "always")]
    pub id: i64,
    #[column(identity)]
    pub number: i64,
    pub legacy_id: i32,
}
