//! Columns a generated column is computed from change type (and the
//! generated column with them). PostgreSQL refuses to alter the type of a
//! column a generated column uses, so the generated column has to go first
//! and come back after.

#[derive(Table)]
#[table(name = "line_items")]
pub struct LineItem {
    #[column(primary_key)]
    pub id: i64,
    pub quantity: i64,
    pub unit_cents: i64,
    #[column(generated = "quantity * unit_cents")]
    pub total_cents: i64,
}
