//! TODO: snapshot
