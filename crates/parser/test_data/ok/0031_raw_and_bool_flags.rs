#[derive(shale::Table)]
#[shale::unrelated]
pub struct Flags {
    #[column(primary_key = true)]
    pub id: i64,
    #[column(unique = true, skip = false)]
    pub code: String,
    #[column(unique = false)]
    pub other: String,
    #[column(name = "weird_flag")]
    pub r#weird: bool,
    #[column(sql_type = "smallint")]
    pub r#loop: i16,
    #[column(skip = true)]
    pub skipped: bool,
}
