#[derive(Table)]
pub struct Org {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[foreign_key(columns(org_id), references = "org(id)", on_delete = "nothing", deferrable = "later")]
pub struct User {
    pub id: i64,
    #[column(references = "org.id", on_delete = "cascad", on_update = "explode")]
    pub org_id: i64,
    #[column(on_delete = "cascade")]
    pub other_id: i64,
}
