//! Extensions move between schemas (`ALTER EXTENSION … SET SCHEMA`): one
//! into a new schema, one back to `public` from a schema then dropped.

#[derive(Extension)]
#[extension(schema = "extensions")]
pub struct PgTrgm;

#[derive(Extension)]
pub struct Hstore;
