//! Check constraints: column-level (default name) and named table-level.

#[derive(Table)]
#[table(name = "products")]
#[check(name = "products_price_range", expr = "price >= 0 AND price < 1000000")]
#[check(name = "products_sale_below_price", expr = "sale_price IS NULL OR sale_price <= price")]
pub struct Product {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(check = "char_length(sku) = 8")]
    pub sku: String,
    pub price: Decimal,
    pub sale_price: Option<Decimal>,
    #[column(check = "stock >= 0")]
    pub stock: i32,
}
