//! Covering indexes with INCLUDE columns.

#[derive(Table)]
#[table(name = "orders")]
#[index(columns(customer_id), include(status, total))]
#[index(columns(number), unique, include(customer_id), name = "orders_number_covering")]
pub struct Order {
    #[column(primary_key, identity)]
    pub id: i64,
    pub customer_id: i64,
    pub number: String,
    pub status: String,
    pub total: Decimal,
}
