//! A value is removed from an enum that a partial index predicate compares
//! with: the index must not end up referring to the previous type.

#[derive(PgEnum)]
#[pg_enum(name = "status")]
pub enum Status {
    Draft,
    Published,
}

#[derive(Table)]
#[table(name = "pages")]
#[index(columns(status), where = "status <> 'draft'", name = "pages_not_draft")]
#[check(name = "pages_status_known", expr = "status IS NOT NULL")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'draft'")]
    pub status: Status,
}
