//! Operator classes on index keys: text_pattern_ops, jsonb_path_ops.

#[derive(Table)]
#[table(name = "paths")]
#[index(columns(path(ops = "text_pattern_ops")))]
#[index(columns(attrs(ops = "jsonb_path_ops")), method = "gin", name = "paths_attrs_path_ops")]
pub struct PathEntry {
    #[column(primary_key, identity)]
    pub id: i64,
    pub path: String,
    pub attrs: serde_json::Value,
}
