//! Narrowing changes can lose data: text → varchar(10),
//! varchar(50) → varchar(20), integer → smallint.

#[derive(Table)]
#[table(name = "stats")]
pub struct Stat {
    #[column(primary_key)]
    pub id: i32,
    pub hits: i16,
    #[column(sql_type = "varchar(10)")]
    pub code: String,
    #[column(sql_type = "varchar(20)")]
    pub label: String,
    pub ratio: f32,
    pub flags: Vec<String>,
}
