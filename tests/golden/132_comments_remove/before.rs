/// Subscription tiers.
#[derive(PgEnum)]
pub enum Tier {
    Basic,
    Premium,
}

/// Paying customers.
#[derive(Table)]
#[table(name = "customers")]
pub struct Customer {
    #[column(primary_key)]
    pub id: i64,
    /// What they pay for.
    pub tier: Tier,
}
