//! Composite attributes: renamed, dropped and added at the end under a column that uses the type; retyped and reordered where no column does.
use shale::{CompositeType, Table};

#[derive(CompositeType)]
pub struct Money {
    pub amount: Option<i32>,
    #[column(renamed_from = "currency")]
    pub currency_code: Option<String>,
    pub precision: Option<i16>,
}

/// Unused by any table.
#[derive(CompositeType)]
pub struct Range2 {
    pub label: Option<String>,
    pub low: Option<i64>,
    pub high: Option<i64>,
}

#[derive(Table)]
#[table(name = "prices")]
pub struct Price {
    #[column(primary_key)]
    pub id: i64,
    pub price: Option<Money>,
}
