//! Comments on row-level-security policies (`#[policy(…, comment = "…")]`):
//! one changed on a policy altered in place (ALTER POLICY keeps it), one
//! set again on a policy recreated because its command changed, one added,
//! and one on a new table's policy.
use shale::Table;

#[derive(Table)]
#[table(name = "notes", row_level_security)]
#[policy(name = "owner_reads", command = "select", using = "owner = session_user", comment = "owners read their notes")]
#[policy(name = "owner_writes", command = "all", using = "owner = current_user", with_check = "owner = current_user", comment = "owners write")]
#[policy(name = "nobody_deletes", command = "delete", using = "false", comment = "notes are kept")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
    pub owner: String,
}

#[derive(Table)]
#[table(name = "tags", row_level_security)]
#[policy(name = "everyone_reads", command = "select", using = "true", comment = "tags are public")]
pub struct Tag {
    #[column(primary_key)]
    pub id: i64,
}
