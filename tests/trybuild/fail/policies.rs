// trybuild case for the parser corpus 0032_policies.rs: row-level security and policy mistakes.
#[derive(Table)]
#[table(name = "documents", row_level_security = "yes")]
#[policy(command = "select", using = "true")]
#[policy(name = "a", command = "read")]
#[policy(name = "b", command = "insert", using = "owner = current_user")]
#[policy(name = "c", command = "select", with_check = "true")]
#[policy(name = "d", command = "delete", using = "  ")]
#[policy(name = "e", to(), using = "true")]
#[policy(name = "f", to("admin"), using = "true")]
#[policy(name = "g", using = "true", permissive)]
#[policy(name = "h", using = "true")]
#[policy(name = "h", using = "false")]
pub struct Document {
    pub id: i64,
    pub owner: String,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
