//! sql_type overrides: varchar(n), numeric(p,s), timestamp(3) with time zone,
//! char(n), an array spelling, and an override on an optional field.

#[derive(Table)]
#[table(name = "contacts")]
pub struct Contact {
    #[column(primary_key)]
    pub id: i64,
    #[column(sql_type = "varchar(320)")]
    pub email: String,
    #[column(sql_type = "numeric(12,2)")]
    pub balance: Decimal,
    #[column(sql_type = "timestamp(3) with time zone")]
    pub seen_at: DateTime<Utc>,
    #[column(sql_type = "char(2)")]
    pub country: String,
    #[column(sql_type = "varchar(64)[]")]
    pub aliases: Vec<String>,
    #[column(sql_type = "smallint")]
    pub rank: Option<i32>,
    #[column(sql_type = "interval")]
    pub grace: Option<String>,
}
