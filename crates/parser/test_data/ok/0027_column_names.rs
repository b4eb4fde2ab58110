#[derive(Table)]
#[table(name = "Items")]
#[index(columns(type, kind_code))]
#[unique(columns(r#type, display))]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
    pub r#type: String,
    #[column(name = "kind_code")]
    pub kind: i32,
    #[column(name = "Display Name")]
    pub display: String,
}

#[derive(Table)]
pub struct HTTPRequestLog {
    pub id: i64,
}
