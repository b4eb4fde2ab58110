//! A named unique index and a named plain index.

#[derive(Table)]
#[table(name = "api_keys")]
#[index(columns(prefix), unique, name = "api_keys_prefix_uidx")]
#[index(columns(owner_id, revoked), name = "api_keys_owner")]
pub struct ApiKey {
    #[column(primary_key, identity)]
    pub id: i64,
    pub owner_id: i64,
    pub prefix: String,
    pub revoked: bool,
}
