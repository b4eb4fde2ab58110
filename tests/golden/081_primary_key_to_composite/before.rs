#[derive(Table)]
#[table(name = "issue_labels")]
pub struct IssueLabel {
    #[column(primary_key, identity)]
    pub id: i64,
    pub issue_id: i64,
    pub label_id: i64,
}
