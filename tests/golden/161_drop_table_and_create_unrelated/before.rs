#[derive(Table)]
#[table(name = "sessions")]
pub struct Session {
    #[column(primary_key)]
    pub token: String,
    pub expires_at: DateTime<Utc>,
}
