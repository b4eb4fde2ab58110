#[derive(Table)]
#[unique(columns(org_id, handle))]
#[unique(columns(org_id, email), name = "members_org_email_uq", nulls_not_distinct)]
#[unique(columns(badge))]
pub struct Member {
    pub id: i64,
    pub org_id: i64,
    pub handle: String,
    pub email: Option<String>,
    #[column(unique)]
    pub badge: Option<String>,
}
