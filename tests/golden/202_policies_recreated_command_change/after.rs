//! What ALTER POLICY cannot do is a drop and a create: a new command, permissive to restrictive, a WITH CHECK removed; a policy with a new name and the same content is renamed.

#[derive(Table)]
#[table(name = "notes", row_level_security)]
#[policy(name = "notes_a", command = "all", using = "true")]
#[policy(name = "notes_b", using = "true", restrictive)]
#[policy(name = "notes_c", command = "update", using = "true")]
#[policy(name = "notes_new", command = "delete", using = "id > 10")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
}
