//! One check is added, one changes (drop and add), one is dropped.

#[derive(Table)]
#[table(name = "products")]
#[check(name = "products_price_positive", expr = "price >= 0")]
#[check(name = "products_stock_cap", expr = "stock < 100000")]
pub struct Product {
    #[column(primary_key)]
    pub id: i64,
    pub price: i32,
    pub stock: i32,
}
