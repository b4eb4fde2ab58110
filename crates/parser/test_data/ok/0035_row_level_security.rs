#[derive(Table)]
#[table(name = "documents", row_level_security, force_row_level_security)]
#[policy(name = "documents_read", command = "SELECT", to(authenticated, anon, authenticated), using = "owner = current_user")]
#[policy(name = "documents_insert", command = "insert", with_check = "owner = current_user")]
#[policy(name = "documents_all", to(PUBLIC), using = "true", restrictive)]
#[policy(name = "documents_type", to(r#type), using = "true")]
pub struct Document {
    pub id: i64,
    pub owner: String,
}

/// Policies without row-level security enabled are valid PostgreSQL (they apply once it is).
#[derive(Table)]
#[policy(name = "drafts_read", using = "true")]
pub struct Draft {
    pub id: i64,
}
