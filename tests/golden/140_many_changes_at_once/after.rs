//! Several changes to several tables in one migration, in a valid order:
//! new enum, new table with keys onto both, a new column with a key, an
//! index on it, a dropped column.

#[derive(PgEnum)]
pub enum Role {
    Owner,
    Member,
}

#[derive(Table)]
#[table(name = "users")]
#[index(columns(org_id))]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    #[column(references = "orgs.id", on_delete = "set_null")]
    pub org_id: Option<i64>,
}

#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
    pub name: String,
}

#[derive(Table)]
#[table(name = "memberships")]
#[primary_key(columns(org_id, user_id))]
pub struct Membership {
    #[column(references = "orgs.id", on_delete = "cascade")]
    pub org_id: i64,
    #[column(references = "users.id", on_delete = "cascade")]
    pub user_id: i64,
    #[column(default = "'member'")]
    pub role: Role,
}
