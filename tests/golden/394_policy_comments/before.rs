use shale::Table;

#[derive(Table)]
#[table(name = "notes", row_level_security)]
#[policy(name = "owner_reads", command = "select", using = "owner = current_user", comment = "owners read")]
#[policy(name = "owner_writes", command = "insert", with_check = "owner = current_user", comment = "owners write")]
#[policy(name = "nobody_deletes", command = "delete", using = "false")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
    pub owner: String,
}
