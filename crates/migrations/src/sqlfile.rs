//! TODO: sqlfile
