//! Comments change text (quotes are escaped).

/// Subscription tiers, cheapest first.
#[derive(PgEnum)]
pub enum Tier {
    Basic,
    Premium,
}

/// Customers who pay, or did.
#[derive(Table)]
#[table(name = "customers")]
pub struct Customer {
    #[column(primary_key)]
    pub id: i64,
    /// The customer's tier ('basic' by default).
    pub tier: Tier,
}
