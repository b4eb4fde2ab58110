#[derive(Table)]
pub struct Org {
    #[column(primary_key)]
    pub id: i64,
    pub slug: String,
    pub region: String,
}

#[derive(Table)]
#[foreign_key(columns(org_slug, org_region), references = "org(slug, region)")]
pub struct User {
    pub id: i64,
    #[column(references = "org.slug")]
    pub org_slug: String,
    pub org_region: String,
}
