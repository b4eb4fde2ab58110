//! The synthetic schema generator: N tables, each with 10 mixed columns,
//! 2 indexes, 1 unique constraint and 1 foreign key (to the previous table),
//! written as shale schema source, 100 tables per file.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

/// Writes `dir/shale.toml` and `dir/schema/part_NNN.rs`.
pub fn write_project(dir: &Path, tables: usize) -> Result<()> {
    std::fs::create_dir_all(dir.join("schema"))?;
    std::fs::write(dir.join("shale.toml"), "dialect = \"postgresql\"\n")?;
    for (part, start) in (0..tables).step_by(100).enumerate() {
        let end = (start + 100).min(tables);
        std::fs::write(
            dir.join("schema").join(format!("part_{part:03}.rs")),
            source(start..end),
        )?;
    }
    Ok(())
}

/// The SQL name of synthetic table `i`.
pub fn table_name(i: usize) -> String {
    format!("t{i:05}")
}

/// Schema source for tables `range`.
pub fn source(range: std::ops::Range<usize>) -> String {
    let mut s = String::from("//! Synthetic schema for benchmarks.\nuse shale::Table;\n\n");
    for i in range {
        let parent = if i == 0 { 0 } else { i - 1 };
        let _ = write!(
            s,
            r#"/// Synthetic table {i}.
#[derive(Table)]
#[table(name = "t{i:05}")]
#[index(columns(owner_id))]
#[index(columns(created_at(desc), score))]
#[unique(columns(owner_id, name))]
pub struct T{i:05} {{
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "t{parent:05}.id", on_delete = "cascade")]
    pub owner_id: i64,
    pub name: String,
    #[column(sql_type = "varchar(320)")]
    pub email: Option<String>,
    #[column(default = "0")]
    pub score: i32,
    #[column(sql_type = "numeric(12,2)")]
    pub amount: Option<rust_decimal::Decimal>,
    #[column(default = "true")]
    pub active: bool,
    #[column(default = "now()")]
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub data: Option<serde_json::Value>,
    pub tags: Vec<String>,
}}

"#
        );
    }
    s
}
