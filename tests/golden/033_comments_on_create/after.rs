//! Doc comments become COMMENT ON TABLE / COLUMN / TYPE, quotes escaped.

/// Where a user stands in the product.
#[derive(PgEnum)]
pub enum Plan {
    Free,
    Pro,
}

/// People who can sign in.
/// Multi-line doc comments are joined.
#[derive(Table)]
#[table(name = "users")]
pub struct User {
    /// Surrogate key.
    #[column(primary_key, identity)]
    pub id: i64,
    /// The user's e-mail, as typed ("it's theirs").
    pub email: String,
    pub plan: Plan,
}
