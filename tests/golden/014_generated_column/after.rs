//! A stored generated column computed from two others.

#[derive(Table)]
#[table(name = "line_items")]
pub struct LineItem {
    #[column(primary_key, identity)]
    pub id: i64,
    pub quantity: i32,
    #[column(sql_type = "numeric(12,2)")]
    pub unit_price: Decimal,
    #[column(sql_type = "numeric(14,2)", generated = "quantity * unit_price")]
    pub total: Decimal,
    pub first_name: String,
    pub last_name: String,
    #[column(generated = "first_name || ' ' || last_name")]
    pub full_name: String,
}
