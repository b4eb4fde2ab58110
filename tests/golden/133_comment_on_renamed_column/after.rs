//! A commented column is renamed and its comment changes.

/// Paying customers.
#[derive(Table)]
#[table(name = "customers")]
pub struct Customer {
    #[column(primary_key)]
    pub id: i64,
    /// Their subscription tier.
    #[column(renamed_from = "tier")]
    pub plan: Tier,
}

#[derive(PgEnum)]
pub enum Tier {
    Basic,
    Premium,
}
