//! Both ends of a foreign key change from text to uuid. PostgreSQL checks
//! the key after each ALTER TABLE, and text and uuid do not compare, so the
//! key must be dropped before the type changes and added back after.

#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key)]
    pub id: Uuid,
}

#[derive(Table)]
#[table(name = "projects")]
pub struct Project {
    #[column(primary_key)]
    pub id: i64,
    #[column(references = "orgs.id", on_delete = "cascade")]
    pub org_id: Uuid,
}
