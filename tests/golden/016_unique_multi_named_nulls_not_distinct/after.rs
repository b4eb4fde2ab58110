//! Table-level unique constraints: multi-column, named, NULLS NOT DISTINCT.

#[derive(Table)]
#[table(name = "slugs")]
#[unique(columns(org_id, slug))]
#[unique(columns(org_id, external_id), name = "slugs_external_uq")]
#[unique(columns(org_id, parent_id, slug), nulls_not_distinct)]
pub struct Slug {
    #[column(primary_key, identity)]
    pub id: i64,
    pub org_id: i64,
    pub parent_id: Option<i64>,
    pub slug: String,
    pub external_id: Option<String>,
}
