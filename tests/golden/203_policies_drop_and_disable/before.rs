#[derive(Table)]
#[table(name = "notes", row_level_security, force_row_level_security)]
#[policy(name = "notes_read", command = "select", using = "true")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
}
