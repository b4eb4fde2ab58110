#[derive(Table)]
pub struct Orders {
    pub id: i64,
    pub legacy: i64,
    pub reference: i64,
}

#[derive(Sequence)]
#[sequence(owned_by = "orders.legacy")]
pub struct OrderIds;

#[derive(Sequence)]
#[sequence(owned_by = "orders.id")]
pub struct Loose;

#[derive(Sequence)]
pub struct Adopted;
