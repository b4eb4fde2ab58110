//! The synthetic schema generator: N tables, each with 10 mixed columns,
//! 2 indexes, 1 unique constraint and 1 foreign key (to the previous table),
//! written as shale schema source in one of two layouts (100 tables per file,
//! or every table in one `schema.rs`), and as the equivalent drizzle-kit
//! schema in TypeScript for the comparison benchmark.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

/// How the schema source is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `schema/part_NNN.rs`, 100 tables each.
    Many,
    /// `schema/schema.rs` with every table, as drizzle users and `shale pull` write it.
    Single,
}

impl Layout {
    /// Its name in reports and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Many => "many files",
            Layout::Single => "one file",
        }
    }
}

/// Writes `dir/shale.toml` and the schema of `tables` tables in `layout`.
pub fn write_project_as(dir: &Path, tables: usize, layout: Layout) -> Result<()> {
    std::fs::create_dir_all(dir.join("schema"))?;
    std::fs::write(dir.join("shale.toml"), "dialect = \"postgresql\"\n")?;
    match layout {
        Layout::Many => {
            for (part, start) in (0..tables).step_by(100).enumerate() {
                let end = (start + 100).min(tables);
                std::fs::write(
                    dir.join("schema").join(format!("part_{part:03}.rs")),
                    source(start..end),
                )?;
            }
        }
        Layout::Single => std::fs::write(dir.join("schema").join("schema.rs"), source(0..tables))?,
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

/// The same tables as a drizzle-orm schema (`schema.ts`, one file, as
/// drizzle projects keep it): the columns, defaults, identity, foreign keys,
/// indexes and unique constraints of [`source`].
pub fn drizzle_source(tables: usize) -> String {
    let mut s = String::from(
        "// Synthetic schema for benchmarks (the tables of shale's `cargo xtask synth`).\n\
         import { type AnyPgColumn, pgTable, bigint, text, varchar, integer, numeric, boolean, \
         timestamp, jsonb, index, unique } from \"drizzle-orm/pg-core\";\n\n",
    );
    for i in 0..tables {
        let parent = if i == 0 { 0 } else { i - 1 };
        let _ = write!(
            s,
            r#"export const t{i:05} = pgTable("t{i:05}", {{
  id: bigint("id", {{ mode: "number" }}).primaryKey().generatedByDefaultAsIdentity(),
  ownerId: bigint("owner_id", {{ mode: "number" }}).notNull().references((): AnyPgColumn => t{parent:05}.id, {{ onDelete: "cascade" }}),
  name: text("name").notNull(),
  email: varchar("email", {{ length: 320 }}),
  score: integer("score").notNull().default(0),
  amount: numeric("amount", {{ precision: 12, scale: 2 }}),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", {{ withTimezone: true }}).notNull().defaultNow(),
  data: jsonb("data"),
  tags: text("tags").array().notNull(),
}}, (t) => [
  index("t{i:05}_owner_id_idx").on(t.ownerId),
  index("t{i:05}_created_at_score_idx").on(t.createdAt.desc(), t.score),
  unique("t{i:05}_owner_id_name_key").on(t.ownerId, t.name),
]);

"#
        );
    }
    s
}

/// Writes a drizzle-kit project of `tables` tables into `dir`: `schema.ts`
/// and `drizzle.config.ts` (migrations to `dir/drizzle`).
pub fn write_drizzle_project(dir: &Path, tables: usize) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("schema.ts"), drizzle_source(tables))?;
    std::fs::write(
        dir.join("drizzle.config.ts"),
        "import { defineConfig } from \"drizzle-kit\";\n\n\
         export default defineConfig({ dialect: \"postgresql\", schema: \"./schema.ts\", out: \"./drizzle\" });\n",
    )?;
    Ok(())
}
