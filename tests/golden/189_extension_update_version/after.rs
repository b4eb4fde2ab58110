//! A declared version changes (`ALTER EXTENSION … UPDATE TO`); a version no
//! longer declared accepts whatever is installed (no statement).

#[derive(Extension)]
#[extension(version = "1.6")]
pub struct PgTrgm;

#[derive(Extension)]
pub struct Citext;
