#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(unique)]
    pub code: String,
}

#[derive(Table)]
#[table(name = "projects")]
pub struct Project {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "orgs.code", on_update = "cascade")]
    pub org_code: String,
}
