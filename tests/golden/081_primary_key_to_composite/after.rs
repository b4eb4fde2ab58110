//! A surrogate key is replaced by a composite primary key; the old key
//! column is dropped.

#[derive(Table)]
#[table(name = "issue_labels")]
#[primary_key(columns(issue_id, label_id))]
pub struct IssueLabel {
    pub issue_id: i64,
    pub label_id: i64,
}
