//! An identity is dropped from one column and added to another.

#[derive(Table)]
#[table(name = "widgets")]
pub struct Widget {
    #[column(primary_key, identity = "always")]
    pub id: i64,
    pub number: i64,
    #[column(identity)]
    pub legacy_id: i32,
}
