#[derive(Table)]
#[table(name = "notes", row_level_security)]
#[policy(name = "notes_read", command = "select", using = "owner = current_user")]
#[policy(name = "notes_write", command = "update", using = "owner = current_user", with_check = "owner = current_user")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
    pub owner: String,
    pub public: bool,
}
