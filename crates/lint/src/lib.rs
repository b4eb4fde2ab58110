//! Hazard rules over migration SQL.
