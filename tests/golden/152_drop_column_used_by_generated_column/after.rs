//! A column a generated column depends on is dropped together with the
//! generated column.

#[derive(Table)]
#[table(name = "products")]
pub struct Product {
    #[column(primary_key)]
    pub id: i64,
    pub net_cents: i64,
}
