//! A plain column becomes a generated one. PostgreSQL 15 cannot add an
//! expression to an existing column, so it is dropped and added again.

#[derive(Table)]
#[table(name = "line_items")]
pub struct LineItem {
    #[column(primary_key)]
    pub id: i64,
    pub quantity: i32,
    pub unit_cents: i64,
    #[column(generated = "quantity * unit_cents")]
    pub total_cents: i64,
}
