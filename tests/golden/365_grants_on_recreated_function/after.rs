//! A function whose result type changes is dropped and created again with
//! its grants; a procedure replaced in place keeps them and gains one.
use shale::Function;

#[derive(Function)]
#[function(name = "answer", returns = "bigint", language = "sql", sql = "SELECT 42::bigint")]
#[grant(execute, to = "app_ro")]
pub struct Answer;

#[derive(Function)]
#[function(name = "tidy", procedure, language = "plpgsql", sql = "BEGIN RAISE NOTICE 'tidy'; END")]
#[grant(execute, to = "app_admin")]
#[grant(execute, to = "app_rw")]
pub struct Tidy;
