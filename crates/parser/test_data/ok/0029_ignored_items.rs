//! Module docs are fine.
#![allow(dead_code)]

use serde::{Deserialize, Serialize};

/// Not a table: no derive, no `#[table]`.
#[derive(Debug, Serialize)]
pub struct Dto {
    pub anything: Box<dyn std::any::Any>,
}

/// Not a `PgEnum`.
pub enum Plain {
    A(i32),
}

#[derive(Table, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(clippy::all)]
pub struct Widget {
    #[serde(rename = "ID")]
    #[column(primary_key)]
    pub id: i64,
    #[cfg_attr(test, allow(unused))]
    pub label: String,
}

impl Widget {
    pub fn label(&self) -> &str {
        &self.label
    }
}

fn helper() -> Vec<Vec<Option<i32>>> {
    vec![]
}

const LIMIT: usize = 10;

#[table]
struct Marker {
    id: i64,
}
