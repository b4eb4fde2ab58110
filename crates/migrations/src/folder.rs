//! TODO: folder
