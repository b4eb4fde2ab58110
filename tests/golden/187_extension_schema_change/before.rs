#[derive(Extension)]
pub struct PgTrgm;

#[derive(Extension)]
#[extension(schema = "ext")]
pub struct Hstore;
