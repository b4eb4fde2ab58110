#[derive(Table)]
pub struct Account {
    #[column(sql_type = "bigserial", primary_key)]
    pub id: i64,
    #[column(sql_type = "serial")]
    pub legacy_number: i32,
    #[column(sql_type = "varchar(320)")]
    pub email: String,
    #[column(sql_type = "numeric(10, 2)")]
    pub balance: rust_decimal::Decimal,
    #[column(sql_type = "timestamp(3) with time zone")]
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[column(sql_type = "text[]")]
    pub aliases: Vec<String>,
    #[column(sql_type = "CITEXT")]
    pub handle: Option<String>,
    #[column(sql_type = "int4")]
    pub counter: MyCounter,
    #[column(sql_type = "character varying")]
    pub note: Option<Note>,
}
