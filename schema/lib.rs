//! The example application's database schema: a multi-tenant issue tracker
//! with billing. It is shale's living documentation and its dogfood: `shale
//! generate` turns it into `../migrations/`, and the golden tests apply it to a
//! real PostgreSQL.
//!
//! Each module holds one area of the product; tables reference each other by
//! their SQL names, so the modules can be read (and reorganised) independently.

pub mod accounts;
pub mod billing;
pub mod platform;
pub mod tracker;
