#[derive(Table)]
#[primary_key(columns(org_id, user_id))]
pub struct Membership {
    pub org_id: i64,
    pub user_id: i64,
    pub role: String,
}

#[derive(Table)]
#[primary_key(columns(tenant, key), name = "settings_pk")]
pub struct Setting {
    pub tenant: String,
    pub key: String,
    pub value: Option<String>,
}
