//- schema/tables.rs
//! Tables whose column types are enums declared in other files, after
//! inner doc comments and attributes, and inside an inline module.
#![allow(dead_code)]

#[derive(Table)]
pub struct Post {
    #[column(primary_key)]
    pub id: i64,
    pub status: Status,
    #[column(default = "'low'")]
    pub priority: kinds::Priority,
}
//- schema/enums.rs
//! The enums.
#![allow(clippy::all)]

/// A post's status.
#[derive(PgEnum)]
pub enum Status {
    Draft,
    Published,
}

pub mod kinds {
    //! Kinds.
    #[derive(PgEnum)]
    pub enum Priority {
        Low,
        High,
    }
}
