//! Parsing a large generated schema (3000 tables of 10 columns, each with two
//! indexes, a unique constraint and a foreign key) is complete and correct.
//! Not timed here: the benchmark lives in xtask.

use shale_parser::{parse_sources, ParseOptions, SourceFile};

fn generate(tables: usize) -> String {
    let mut s = String::from("#[derive(PgEnum)]\npub enum Status { Active, Archived }\n\n");
    for i in 0..tables {
        let parent = if i == 0 { 0 } else { i - 1 };
        s.push_str(&format!(
            "/// Table {i}.\n#[derive(Table)]\n#[index(columns(org_id, created_at))]\n#[index(columns(name), where = \"deleted_at IS NULL\")]\n#[unique(columns(org_id, name))]\npub struct Table{i} {{\n    #[column(primary_key, identity)]\n    pub id: i64,\n    #[column(references = \"table{parent}.id\", on_delete = \"cascade\")]\n    pub parent_id: Option<i64>,\n    pub org_id: i64,\n    #[column(sql_type = \"varchar(200)\")]\n    pub name: String,\n    pub status: Status,\n    #[column(default = \"now()\")]\n    pub created_at: chrono::DateTime<chrono::Utc>,\n    pub deleted_at: Option<chrono::DateTime<chrono::Utc>>,\n    pub tags: Vec<String>,\n    pub data: serde_json::Value,\n    pub score: Option<f64>,\n}}\n\n"
        ));
    }
    s
}

#[test]
fn three_thousand_tables_parse_completely() {
    let text = generate(3000);
    let half = text.len() / 2;
    let split = text[half..]
        .find("/// Table")
        .map_or(text.len(), |i| half + i);
    let files = vec![
        SourceFile {
            path: "schema/a.rs".into(),
            text: text[..split].to_string(),
        },
        SourceFile {
            path: "schema/b.rs".into(),
            text: text[split..].to_string(),
        },
    ];
    let start = std::time::Instant::now();
    let parsed = parse_sources(&files, &ParseOptions::default());
    eprintln!(
        "parsed 3000 tables in {:?} (not asserted; build profile and machine load dominate)",
        start.elapsed()
    );
    assert!(
        parsed.diagnostics.is_empty(),
        "{:#?}",
        &parsed.diagnostics[..parsed.diagnostics.len().min(5)]
    );
    let schema = &parsed.schema;
    assert_eq!(schema.tables.len(), 3000);
    assert_eq!(schema.enums.len(), 1);
    assert_eq!(
        schema.tables.iter().map(|t| t.columns.len()).sum::<usize>(),
        30_000
    );
    assert_eq!(
        schema.tables.iter().map(|t| t.indexes.len()).sum::<usize>(),
        6000
    );
    assert_eq!(
        schema.tables.iter().map(|t| t.uniques.len()).sum::<usize>(),
        3000
    );
    assert_eq!(
        schema
            .tables
            .iter()
            .map(|t| t.foreign_keys.len())
            .sum::<usize>(),
        3000
    );
    let t = schema
        .tables
        .iter()
        .find(|t| t.name.name == "table1234")
        .unwrap();
    assert_eq!(t.foreign_keys[0].referenced_table.name, "table1233");
    assert_eq!(t.indexes[1].name, "table1234_org_id_created_at_idx");
    assert_eq!(t.comment.as_deref(), Some("Table 1234."));
}
