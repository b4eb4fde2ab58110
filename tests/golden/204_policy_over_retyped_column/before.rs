#[derive(Table)]
#[table(name = "notes", row_level_security)]
#[policy(name = "notes_by_level", using = "level > 2")]
#[policy(name = "notes_other", using = "id > 0")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
    pub level: i32,
}
