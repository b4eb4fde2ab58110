//! Connections to PostgreSQL: URL parsing (`postgres://`, `postgresql://`),
//! `sslmode` with TLS through rustls, timeouts, and errors that never show a
//! password.
//!
//! **Architecture invariant:** with `shale-introspect` and `shale-runner`, the
//! only code that talks to a database; this crate owns how to connect.
