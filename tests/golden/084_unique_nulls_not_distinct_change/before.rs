#[derive(Table)]
#[table(name = "handles")]
#[unique(columns(org_id, handle))]
pub struct Handle {
    #[column(primary_key)]
    pub id: i64,
    pub org_id: i64,
    pub handle: String,
    #[column(unique)]
    pub email: String,
    pub parent_id: Option<i64>,
}
