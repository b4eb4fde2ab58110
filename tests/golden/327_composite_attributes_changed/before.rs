use shale::{CompositeType, Table};

#[derive(CompositeType)]
pub struct Money {
    pub amount: Option<i32>,
    pub currency: Option<String>,
    pub note: Option<String>,
}

/// Unused by any table.
#[derive(CompositeType)]
pub struct Range2 {
    pub low: Option<i32>,
    pub high: Option<i32>,
}

#[derive(Table)]
#[table(name = "prices")]
pub struct Price {
    #[column(primary_key)]
    pub id: i64,
    pub price: Option<Money>,
}
