//! Owners change: to another column (whose previous owner column is
//! dropped, which would drop the sequence if it were still owned), to none,
//! and from none.

#[derive(Table)]
pub struct Orders {
    pub id: i64,
    pub reference: i64,
}

#[derive(Sequence)]
#[sequence(owned_by = "orders.reference")]
pub struct OrderIds;

#[derive(Sequence)]
pub struct Loose;

#[derive(Sequence)]
#[sequence(owned_by = "orders.id")]
pub struct Adopted;
