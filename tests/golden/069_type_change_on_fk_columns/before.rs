#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key)]
    pub id: i32,
}

#[derive(Table)]
#[table(name = "projects")]
pub struct Project {
    #[column(primary_key)]
    pub id: i32,
    #[column(references = "orgs.id")]
    pub org_id: i32,
}
