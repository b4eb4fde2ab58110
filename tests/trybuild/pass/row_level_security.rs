// Row-level security and policies compile; the struct stays a plain table struct.
use shale::Table;

#[derive(Table)]
#[table(name = "documents", row_level_security, force_row_level_security)]
#[policy(name = "documents_read", command = "select", to(pg_read_all_data), using = "owner = current_user")]
#[policy(name = "documents_insert", command = "insert", with_check = "owner = current_user", restrictive)]
pub struct Document {
    pub id: i64,
    pub owner: String,
}

fn main() {
    assert_eq!(Document::NAME, "documents");
}
