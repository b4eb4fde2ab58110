//! A table is renamed; its index, unique, check and foreign key carry names
//! derived from the table's, so they are renamed along with it.

#[derive(Table)]
#[table(name = "members", renamed_from = "users")]
#[index(columns(email))]
#[unique(columns(org_id, handle))]
pub struct Member {
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
