#[derive(Table)]
#[table(name = "documents", row_level_security)]
#[policy(name = "documents_read", using = "true")]
pub struct Document {
    pub id: i64,
}
