//! Widening changes need no USING: integer → bigint, varchar(50) → varchar(200),
//! real → double precision, and the primary key integer → bigint.

#[derive(Table)]
#[table(name = "stats")]
pub struct Stat {
    #[column(primary_key)]
    pub id: i64,
    pub hits: i64,
    pub code: String,
    #[column(sql_type = "varchar(200)")]
    pub label: String,
    pub ratio: f64,
    pub flags: Vec<String>,
}
