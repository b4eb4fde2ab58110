#[derive(Table)]
#[table(name = "stats")]
pub struct Stat {
    #[column(primary_key)]
    pub id: i32,
    pub hits: i32,
    pub code: String,
    #[column(sql_type = "varchar(50)")]
    pub label: String,
    pub ratio: f32,
    pub flags: Vec<String>,
}
