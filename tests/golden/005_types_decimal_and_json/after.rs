//! Decimal → numeric, serde_json::Value and Json<T> → jsonb.

#[derive(Table)]
#[table(name = "orders")]
pub struct Order {
    #[column(primary_key)]
    pub id: i64,
    pub total: rust_decimal::Decimal,
    pub discount: Option<Decimal>,
    pub payload: serde_json::Value,
    pub shipping: Json<Address>,
    pub extra: Option<serde_json::Value>,
}
