//! Deferrable foreign keys (table-level only): checked at commit, so rows of
//! a cycle can be inserted in any order inside one transaction.

#[derive(Table)]
#[table(name = "nodes")]
#[foreign_key(columns(next_id), references = "nodes(id)", deferrable = "initially_deferred")]
#[foreign_key(columns(prev_id), references = "nodes(id)", on_delete = "set_null", deferrable)]
pub struct Node {
    #[column(primary_key)]
    pub id: i64,
    pub next_id: Option<i64>,
    pub prev_id: Option<i64>,
}
