//! Reads a live PostgreSQL database's catalogs into a [`shale_model::Schema`]
//! with a constant number of queries, normalised so that equivalent objects
//! compare equal to what the parser builds.
