//! shale's files on disk: the migrations folder (`NNNN_tag.sql` files and the
//! drizzle-compatible `meta/_journal.json`), the migration file format
//! (statement breakpoints, hazard header, `-- shale:no-transaction`), down
//! files (`NNNN_tag.down.sql`, the reverse `shale rollback` runs), file
//! hashes, and the versioned snapshot format (`snapshots/NNNN_snapshot.json`).
//!
//! **Architecture invariant:** every on-disk format is a versioned type here
//! with explicit conversions to and from `shale-model`; the model itself knows
//! no file format. No database access here.
#![deny(missing_docs)]

pub mod down;
pub mod drizzle;
pub mod folder;
pub mod journal;
pub mod snapshot;
pub mod sqlfile;
pub mod sum;
