//! A unique constraint is dropped and two are added (column and named).

#[derive(Table)]
#[table(name = "handles")]
#[unique(columns(org_id, handle))]
#[unique(columns(org_id, parent_id), name = "handles_org_parent_uq")]
pub struct Handle {
    #[column(primary_key)]
    pub id: i64,
    pub org_id: i64,
    #[column(unique)]
    pub handle: String,
    pub email: String,
    pub parent_id: Option<i64>,
}
