#[derive(Table)]
#[table(name = "line_items")]
pub struct LineItem {
    #[column(primary_key)]
    pub id: i64,
    pub quantity: i32,
    pub unit_cents: i32,
    #[column(generated = "quantity * unit_cents")]
    pub total_cents: i32,
}
