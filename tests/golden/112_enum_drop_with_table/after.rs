//! The table using the enum is dropped, then the enum.
