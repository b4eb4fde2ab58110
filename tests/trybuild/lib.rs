//! Nothing to link: this package exists for its test, `derive_trybuild.rs`,
//! which compiles `pass/*.rs` and `fail/*.rs` against the `shale` crate.

#![deny(missing_docs)]
