#[derive(Table)]
#[table(name = "notes", row_level_security)]
#[policy(name = "notes_a", command = "select", using = "true")]
#[policy(name = "notes_b", using = "true")]
#[policy(name = "notes_c", command = "update", using = "true", with_check = "true")]
#[policy(name = "notes_old", command = "delete", using = "id > 10")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
}
