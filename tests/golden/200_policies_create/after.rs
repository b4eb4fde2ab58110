//! Row-level security on new tables: enabled, forced, and policies of every command, permissive and restrictive, for roles and for PUBLIC, reading another table.

#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key)]
    pub id: i64,
    pub owner: String,
}

#[derive(Table)]
#[table(name = "documents", row_level_security, force_row_level_security)]
#[policy(name = "documents_read", command = "select", using = "EXISTS (SELECT 1 FROM orgs o WHERE o.id = documents.org_id AND o.owner = CURRENT_USER)")]
#[policy(name = "documents_insert", command = "insert", to(pg_read_all_data), with_check = "org_id > 0")]
#[policy(name = "documents_update", command = "update", using = "NOT archived", with_check = "NOT archived")]
#[policy(name = "documents_delete", command = "delete", using = "archived")]
#[policy(name = "documents_everything", to(pg_read_all_data, pg_write_all_data), using = "true")]
#[policy(name = "documents_only_live", using = "NOT archived", restrictive)]
pub struct Document {
    #[column(primary_key)]
    pub id: i64,
    #[column(references = "orgs.id")]
    pub org_id: i64,
    pub archived: bool,
}
