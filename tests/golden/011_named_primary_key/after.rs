//! Primary keys with an explicit constraint name, composite and in column order
//! different from the table's.

#[derive(Table)]
#[table(name = "issue_labels")]
#[primary_key(columns(label_id, issue_id), name = "issue_labels_pk")]
pub struct IssueLabel {
    pub issue_id: i64,
    pub label_id: i64,
}
