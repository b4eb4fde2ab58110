//! Identity kinds swap: ALWAYS → BY DEFAULT and BY DEFAULT → ALWAYS.

#[derive(Table)]
#[table(name = "widgets")]
pub struct Widget {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(identity = "always")]
    pub number: i64,
    pub legacy_id: i32,
}
