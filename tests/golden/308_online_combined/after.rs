//! Online mode, several hazards at once: an index dropped and one built,
//! a column set NOT NULL that a new unique constraint and a foreign key
//! use, a binary-compatible type change, all without a long lock.

#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "members")]
#[index(columns(nickname))]
#[unique(columns(org_id, email))]
pub struct Member {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "orgs.id")]
    pub org_id: i64,
    pub email: String,
    pub nickname: Option<String>,
}
