//! Column references with ON DELETE / ON UPDATE actions, created after both tables.

#[derive(Table)]
#[table(name = "projects")]
pub struct Project {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "orgs.id", on_delete = "cascade", on_update = "cascade")]
    pub org_id: i64,
    pub name: String,
}

#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
    pub name: String,
}
