//! A referenced table is renamed; the foreign key follows it (PostgreSQL
//! keeps the constraint and its name).

#[derive(Table)]
#[table(name = "organisations", renamed_from = "orgs")]
pub struct Organisation {
    #[column(primary_key, identity)]
    pub id: i64,
    pub name: String,
}

#[derive(Table)]
#[table(name = "projects")]
pub struct Project {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "organisations.id", on_delete = "cascade")]
    pub org_id: i64,
}
