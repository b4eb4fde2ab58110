#[derive(Sequence)]
pub struct Numbers;

#[derive(Extension)]
pub struct PgTrgm;
