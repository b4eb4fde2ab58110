//! The same checks written differently (case, spaces, parentheses): no change.

#[derive(Table)]
#[table(name = "products")]
#[check(name = "products_price_positive", expr = "(PRICE>0)")]
pub struct Product {
    #[column(primary_key)]
    pub id: i64,
    pub price: i32,
    #[column(check = "stock  >=  0")]
    pub stock: i32,
}
