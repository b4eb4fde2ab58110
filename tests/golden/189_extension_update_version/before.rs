#[derive(Extension)]
#[extension(version = "1.5")]
pub struct PgTrgm;

#[derive(Extension)]
#[extension(version = "1.4")]
pub struct Citext;
