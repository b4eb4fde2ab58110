//! An existing unique constraint becomes NULLS NOT DISTINCT and gets a new
//! column list: dropped and re-created under its (new default) name.

#[derive(Table)]
#[table(name = "handles")]
#[unique(columns(org_id, handle, parent_id), nulls_not_distinct)]
pub struct Handle {
    #[column(primary_key)]
    pub id: i64,
    pub org_id: i64,
    pub handle: String,
    #[column(unique)]
    pub email: String,
    pub parent_id: Option<i64>,
}
