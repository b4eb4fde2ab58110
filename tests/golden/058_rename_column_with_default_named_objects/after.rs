//! Columns used by default-named objects are renamed: the index, unique,
//! check and foreign key names derived from them are renamed too.

#[derive(Table)]
#[table(name = "users")]
#[index(columns(login))]
#[unique(columns(organisation_id, username))]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "orgs.id", renamed_from = "org_id")]
    pub organisation_id: i64,
    #[column(renamed_from = "email")]
    pub login: String,
    #[column(check = "username <> ''", renamed_from = "handle")]
    pub username: String,
}

#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
}
