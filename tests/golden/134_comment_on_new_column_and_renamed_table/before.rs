/// Old words.
#[derive(Table)]
#[table(name = "notes")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
}
