//! Comments are removed: COMMENT ON … IS NULL.

#[derive(PgEnum)]
pub enum Tier {
    Basic,
    Premium,
}

#[derive(Table)]
#[table(name = "customers")]
pub struct Customer {
    #[column(primary_key)]
    pub id: i64,
    pub tier: Tier,
}
