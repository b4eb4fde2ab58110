//! integer keys become bigint on both ends of a foreign key.

#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "projects")]
pub struct Project {
    #[column(primary_key)]
    pub id: i64,
    #[column(references = "orgs.id")]
    pub org_id: i64,
}
