#[derive(Table)]
#[table(name = "users")]
#[index(columns(email))]
#[unique(columns(org_id, handle))]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "orgs.id")]
    pub org_id: i64,
    pub email: String,
    #[column(check = "handle <> ''")]
    pub handle: String,
}

#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
}
