//! Policies changed in the ways ALTER POLICY can: roles, USING, WITH CHECK.

#[derive(Table)]
#[table(name = "notes", row_level_security)]
#[policy(name = "notes_read", command = "select", to(pg_read_all_data), using = "owner = current_user OR public")]
#[policy(name = "notes_write", command = "update", using = "owner = current_user", with_check = "owner = current_user AND NOT public")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
    pub owner: String,
    pub public: bool,
}
